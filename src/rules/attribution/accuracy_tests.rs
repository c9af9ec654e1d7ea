//! Fixtures for the nine kinds of attribution error of the accuracy issue:
//! each text is written for these tests (made up to show its kind), and
//! each failed before the change that made it pass.

use super::claim::unattributed_claims;
use super::quote::unattributed_quotes;
use super::test_support::found;

fn quotes(text: &str) -> Vec<String> {
    found(text, unattributed_quotes)
}

fn claims(text: &str) -> Vec<String> {
    found(text, unattributed_claims)
}

fn attributed(texts: &[&str]) {
    for t in texts {
        assert_eq!(quotes(t), Vec::<String>::new(), "quote findings in {t:?}");
    }
}

fn flagged(texts: &[&str]) {
    for t in texts {
        assert_eq!(quotes(t).len(), 1, "expected one quote finding in {t:?}");
    }
}

/// Kind 1: a run of stand-alone quotation paragraphs after the paragraph
/// that names the speaker.
#[test]
fn kind1_quote_paragraph_runs() {
    attributed(&[
        "Mayor Lee spoke to reporters on Tuesday.\n\n\u{201C}We have waited long enough for this plan.\u{201D}\n\n\u{201C}We will not wait another year for a decision.\u{201D}\n\n\u{201C}The people of this city deserve better than this.\u{201D}",
    ]);
    // The run ends at a paragraph that is not a quotation alone.
    flagged(&["Mayor Lee spoke to reporters on Tuesday.\n\n\u{201C}We have waited long enough for this plan.\u{201D}\n\nThe council adjourned at noon.\n\n\u{201C}We will not wait another year for a decision.\u{201D}"]);
    // A paragraph of the run may hold two quotations and nothing else.
    attributed(&["Mayor Lee spoke to reporters on Tuesday.\n\n\u{201C}We have waited long enough for this plan.\u{201D}\n\n\u{201C}Waiting another year is not an option.\u{201D} \u{201C}The people of this city deserve better than this.\u{201D}"]);
}

/// A quotation whose attribution was cut from between two quotations
/// (`"A," she said. "B."` left as `"A." "B."`): the first quotation's own
/// words (`It is …`) are no speaker of the second.
#[test]
fn quotations_left_side_by_side_name_no_speaker() {
    let text = "I spent an hour at a laundromat in Allentown, watching the ads cycle through. Nobody looked up.\n\n\"It is like the weather out there on the plains.\" \"It is just on. You don't argue with the weather.\"";
    assert_eq!(quotes(text).len(), 2, "{:?}", quotes(text));
    // With the attribution in place, both are the speaker's.
    attributed(&["I spent an hour at a laundromat in Allentown. Nobody looked up.\n\n\"It is like the weather out there on the plains,\" Lee said. \"It is just on. You don't argue with the weather.\""]);
}

/// Kinds 2 and 5: speech verbs once missing (`continued`, `fumed`, plural
/// `state`), with an apostrophe in the first quotation.
#[test]
fn kind2_and_5_reporting_verbs_with_apostrophes() {
    attributed(&[
        "\u{201C}That\u{2019}s the hard part,\u{201D} she continued. \u{201C}The rest is paperwork that nobody wants to do.\u{201D}",
        "\u{201C}That's the hard part,\u{201D} Lee fumed. \u{201C}The rest is paperwork that nobody wants to do.\u{201D}",
        "\"That's the hard part,\" Lee barked. \"The rest is paperwork that nobody wants to do.\"",
        "\u{201C}The ministers have ignored every warning we gave them.\u{201D} the ministers state in their letter.",
        "\u{201C}Nobody reads these rules before the deadline,\u{201D} the clerk emailed.",
        // A judge cutting in, as a tag (a political story written for
        // copydesk's evaluation by a writer who had not read its rules).
        "Oyelaran finished her answer. \u{201C}Counsel, where in this summary does the word \u{2018}jail\u{2019} appear?\u{201D} Judge Marchetti interrupted.",
        // The present of features.
        "The winter came early that year.\n\n\u{201C}We planned for a long winter and got a longer one,\u{201D} stresses the harbour master.",
        "The vote is on Friday.\n\n\u{201C}Nothing is settled until every ballot is counted,\u{201D} cautions the clerk.",
        "\u{201C}Nothing is settled until every ballot is counted,\u{201D} the report states.",
    ]);
    // Forms that are mostly nouns attribute as a dialogue tag, right after
    // the quotation's closing comma (the present of features).
    attributed(&[
        "The dam was built in a week. \"It was already dark when the technicians realised they had no bulbs,\" recalls Carlos Saldarriaga.",
        "The dam was built in a week. \u{201C}It was already dark when the technicians realised they had no bulbs,\u{201D} the foreman remarks.",
        "The vote is on Friday. \u{201C}Why would anyone trust the council with another bond?\u{201D} she wonders aloud.",
        "The vote is on Friday. \"Nobody here trusts the council with another bond\", counters the clerk.",
    ]);
    // Not as nouns, nor after a quotation that ends its sentence, nor a
    // capital after `?` or `!` that opens the next one (from a review of
    // this change).
    flagged(&[
        "The shooting was the third this year.\n\n\"Not one more child!\" Calls for stricter gun laws grew louder after the funeral.",
        "Rents rose 14 percent.\n\n\"How is anyone supposed to live here?\" The mayor's plan offers little relief.",
        // A form opening the tag needs its subject after it (from a second
        // review).
        "The outage began at noon. \"Our systems are experiencing an unexpected technical issue right now,\" reports from customers in three states began appearing online.",
    ]);
    attributed(&[
        "\"Is this really the best we can do for these families?\" Lee wonders.",
        // A name, the tag and a manner adverb.
        "The hall was quiet.\n\n\"Is it strange to be this successful so late?\" Reyes wonders aloud.",
        // Past a title's full stop (from a review of this change).
        "The vote is Friday. \"Nobody here trusts the council with another bond,\" Rep. Ilhan Omar states.",
    ]);
    flagged(&[
        "The dam was built in a week. \"It was already dark when the technicians realised they had no bulbs.\" Product recalls followed.",
        "The vote is on Friday. \u{201C}Nobody here trusts the council with another bond.\u{201D} The remarks drew applause.",
    ]);
    // A tag is a speaker and a verb alone after the quotation's comma,
    // whatever the verb (`groused`, `exulted`, `thundered`, `beamed` are in
    // no list); a manner adverb or a phrase after a comma may follow.
    attributed(&[
        "The council approved the plan after a long night.\n\n\u{201C}This is the worst budget I have seen in twenty years,\u{201D} Councilwoman Ada Pruett groused.",
        "Turnout was low.\n\n\"We finally have the money to fix the roads,\" Mayor Leon Hart exulted.",
        "The meeting ran late.\n\n\"Sit down and let the clerk finish reading the motion,\" he thundered, slamming the gavel.",
        "The hearing resumed at noon.\n\n\"Why did nobody read this bill before the vote?\" the senator fretted aloud.",
        "The tally came in at midnight.\n\n\"We have the votes and we will pass it,\" Sen. Ada Pruett beamed.",
    ]);
    // Not a subject that is no speaker, nor a clause with more in it.
    flagged(&[
        "The tally came in at midnight.\n\n\"Nobody expected this many people to vote early,\" the numbers showed.",
        "The tally came in at midnight.\n\n\"Nobody expected this many people to vote early,\" the old hall creaked.",
    ]);
    // `States` in a name is no speech verb.
    flagged(&["The plan would cost the United States billions. \u{201C}We cannot afford this plan at all, not now.\u{201D}"]);
}

/// Kind 3: attribution without a verb.
#[test]
fn kind3_verbless_attribution() {
    attributed(&[
        "\u{201C}We should have acted years ago, and now it is too late for that.\u{201D} \u{2014} Maria Lopez, Philadelphia.",
        "The meeting ran late.\n\n\u{201C}Nobody here will accept a plan that ignores the river.\u{201D}\n\nThat line from Commissioner Lee was repeated by every speaker after him.",
        "Colonel Smith was shot at dawn in 1864.\n\nHis last words were: \u{201C}Tell my mother I did not run from the field.\u{201D}",
        "Readers' letters this week:\n\n\u{201C}The city should never have sold the old library to developers.\u{201D} by Anna Kim",
        // What a speech noun names, its source the sentence's subject (a
        // rally story written for copydesk's evaluation).
        "The crowd picked up a chant of \u{201C}Time\u{2019}s up, Tom! Time\u{2019}s up, Tom!\u{201D} and kept it going for a minute.",
    ]);
    // A bullet after it is no credit line (an Axios-style item written for
    // copydesk's evaluation), nor a page.
    flagged(&[
        "Several offices privately worry about the vote.\n\n- \"We have the votes to table it, and everybody at that lunch knows it.\"\n\n- One senior aide, granted anonymity to describe private talks, said the vote would be close.",
        "The county board met Tuesday night.\n\n\"We need more money for the roads, and we need it now.\"\n\nPage 3 of the agenda lists the proposed repairs.",
    ]);
    // A long credit line is one all the same, and so is one with a
    // statement, a participle or a name that is a verb (from reviews of this
    // change).
    attributed(&[
        "The bill passed 51-49.\n\n- \"This bill is a gift to the largest polluters in the country, full stop.\"\n\n- Sen. Sheldon Whitehouse, in a statement",
        "The river crested at noon.\n\n\"We need the state to treat this like the disaster it is, not like a bad thunderstorm.\"\n\n\u{2014} Mayor Tom Becker, speaking at a news conference Wednesday",
        "\"Every empire tells itself and the world that it is unlike all other empires.\"\n\n\u{2014} Edward Said",
    ]);
    attributed(&["The flooding reached the third step.\n\n\"I have lived on this street for 40 years, and I have never seen it this bad.\"\n\n\u{2014} Dolores Whitfield, 77, a retired postal worker who has lived on Elm Street since 1984"]);
    // Other speech nouns name no source (from a review of this change).
    flagged(&["At the hearing, the question of \u{201C}Who approved the payments, and when did the board find out?\u{201D} went unanswered for hours."]);
}

/// Kind 4: a partial quotation in a running sentence whose subject is its
/// source.
#[test]
fn kind4_partial_quotes_with_a_subject() {
    attributed(&["The mailer attacks a \u{201C}council that cares more about developers than about the people who live here.\u{201D}"]);
    // A passive with no agent names no source, neither by its subject nor
    // by its verb (political copy written for these tests; the Wikipedia
    // style guide's `has been described as`).
    flagged(&[
        "The practice has been described as \"a slush fund with a bow on it and a ribbon too.\"",
        "The ruling was quickly hailed as \"a win for every voter who trusts the Postal Service.\"",
        // A vague group in the sentence before lends it no source.
        "Good-government groups have long complained about the grants. The practice has been described as \"a slush fund with a bow on it and a ribbon too.\"",
    ]);
    attributed(&[
        "Senator Kolb said the grants were a scandal. The practice has been described as \"a slush fund with a bow on it and a ribbon too.\"",
        "According to Senator Kolb, the grants were a scandal. The practice has been described as \"a slush fund with a bow on it and a ribbon too.\"",
        "The plan was described as \"a giveaway to developers and nobody else,\" Ortiz said.",
        "The plan was described as \"a giveaway to developers and nobody else\" by Ortiz.",
        "According to Lemkin, genocide was defined as \"a coordinated strategy to destroy a group of people.\"",
    ]);
}

/// Kind 6: a quotation paragraph borrows its speaker only from a paragraph
/// that attributes speech to an identifiable source.
#[test]
fn kind6_borrowed_attribution() {
    let quote =
        "\n\n\u{201C}We will never accept a plan that ignores the river and its people.\u{201D}";
    flagged(&[
        &format!("The paper again called the mayor unfit.{quote}"),
        &format!("Democrats have long argued that the tax is unfair.{quote}"),
        &format!("The station has documents:{quote}"),
        // Speech verbs in another sense (political copy written for these
        // tests).
        &format!("The final vote came only after leaders agreed to drop a provision.{quote}"),
        &format!("Police staffing has fallen from 212 sworn officers to 171.{quote}"),
        &format!("Budget analysts estimate the measure would add $40 billion to deficits.{quote}"),
        // Unnamed evidence is no speaker either.
        &format!("Scientists are more measured; the best research suggests a visit raises turnout.{quote}"),
        &format!("Recent Studies have suggested a visit raises turnout.{quote}"),
        // A group led by a quantifier: which of them spoke?
        &format!("Many growers say they are torn, and more than a few said they would rather not be quoted.{quote}"),
        &format!("Several of the people we interviewed said the advertising had made them wary.{quote}"),
        &format!("Several Democratic county chairs, speaking on the condition of anonymity, worried about her record.{quote}"),
        &format!("A few residents said they were torn.{quote}"),
        &format!("Dozens of protesters said they would return.{quote}"),
        &format!("Down the fairway, a group of young men in seed-company caps argued about the issue.{quote}"),
        // A plural spread over several places or sides, a group past a
        // phrase that names someone, a number of people, a verb joined to
        // a group's, and `none` (political stories written for copydesk's
        // evaluation by writers who had not read its rules).
        &format!("Superintendents in several districts said they had delayed hiring decisions.{quote}"),
        &format!("Lawmakers in both parties said privately that they expect a deal before the end of July.{quote}"),
        &format!("People close to Achterberg said he has no plans to put a counteroffer on paper.{quote}"),
        &format!("Two people familiar with the talks said a deal was close.{quote}"),
        &format!("Senate aides said the bill was dead.{quote}"),
        &format!("On Monday, Marchetti aides said the governor was furious.{quote}"),
        &format!("Officials from several agencies said the plan was sound.{quote}"),
        &format!("Friends at the Statehouse said he had planned his own funeral down to the hymns.{quote}"),
        &format!("Critics pushed back, noting that the program had never been audited.{quote}"),
        &format!("Still, some parents remain unconvinced, saying the district has made such promises before.{quote}"),
        &format!("After the vote, several conservative members lingered outside the chamber, saying leadership had broken its promise.{quote}"),
        &format!("The backlog has grown every year. It is worth noting that the county has not hired a new judge in a decade.{quote}"),
        &format!("Aides have privately grumbled about the senator, though none would criticize her on the record.{quote}"),
        // A group introduced as a person would be.
        &format!("Senate Republicans, who hold a one-seat majority, have insisted on closing the gap.{quote}"),
        // `added` that counts, not speaks.
        &format!("The county has 14 stations and added four temporary ones for the election.{quote}"),
        &format!("The county added nearly 40 polling places this year.{quote}"),
        // (And a bare plural before a preposition: the thirty-sixth set's
        // drop-box story, rewritten here.)
        &format!("Clerks in other counties have gone the other way, adding boxes in new suburbs to keep up.{quote}"),
        // An unnamed group: a plural with no determiner or name before it,
        // past an aside, a relative clause or a preposition (in the shapes
        // of political stories written for copydesk's evaluation).
        &format!("Aides said he rarely lost his temper in public.{quote}"),
        &format!("Strategists in both parties say privately that the messages working best are local.{quote}"),
        &format!("Several teachers, interviewed last week, said the uncertainty had changed their lessons.{quote}"),
        &format!("At the county clerk's office, employees said the phones had been ringing all afternoon.{quote}"),
        &format!("That winter, friends say, is where the politics began.{quote}"),
        &format!("The county's budget analysts aside, lobbyists we contacted said the choice of years does the work.{quote}"),
        // More plurals of people with no one of them named (written for
        // this test, after the fourth set's county clerks).
        &format!("County clerks had raised their own concerns, warning that the meetings would fall to local offices.{quote}"),
        &format!("Republican strategists pushed back, noting that the meetings would fall to local offices.{quote}"),
        &format!("Homeowners along the river say the buyout offers came too late.{quote}"),
        &format!("Ranchers in the valley argued that the lease rates were set in Washington.{quote}"),
        // Two people, or an infinitive: whose words are these?
        &format!("Whitcomb and Albemarle have barely spoken outside of meetings since January.{quote}"),
        &format!("Marwick and Obermeyer agree on more than either would like to admit.{quote}"),
        &format!("After the debate, the two candidates met reporters in the lobby, and each declared victory.{quote}"),
        &format!("After the debate, aides from both campaigns crowded into a classroom, each side declaring victory.{quote}"),
        &format!("Some who spoke during the public comment period said they had signed the petition.{quote}"),
        &format!("She and Deputy Chief of Staff Marcus Bell met with Senate aides on Tuesday.{quote}"),
        // A participle after a determiner speaks no words.
        &format!("What works is local: a proposed warehouse behind the school.{quote}"),
    ]);
    attributed(&[
        &format!("The mayor said the plan was sound.{quote}"),
        &format!("The mayor added that the plan was sound.{quote}"),
        &format!("The mayor agreed, adding voters deserved a vote on the plan.{quote}"),
        &format!("They have argued for years that the tax is unfair.{quote}"),
        // A quantifier before another clause (from a review of this
        // change); a plural in one place, and a verb joined to a name's.
        &format!("Officials in the mayor's office said the plan was sound.{quote}"),
        &format!("Mayor Lee smiled and said the plan was sound.{quote}"),
        // A verb joined by `and` has its own subject; a group noun opens a
        // name; a group's statement or letter is one voice; a number in a
        // name or made definite spreads nothing (from a review of this
        // change).
        &format!("Friends of the Earth said in a statement that the decision was a betrayal.{quote}"),
        &format!("Students for Fair Admissions said it would ask the Supreme Court to hear the case.{quote}"),
        &format!("Democrats in the House said in a statement that the bill would not pass.{quote}"),
        &format!("Senators from both parties said in a joint statement that the deal was fair.{quote}"),
        &format!("Executives at Six Flags said the park would reopen on Saturday.{quote}"),
        &format!("Officials at the All England Club said play would resume on Tuesday morning.{quote}"),
        &format!("Prosecutors in the two cases said they would seek the death penalty.{quote}"),
        // A participle of a named person's clause or of an organisation; a
        // singular or a name before a spread phrase; analysts at a named
        // firm, or in its note; `a group` as a modifier (from a second
        // review).
        &format!("Parents packed the gym on Tuesday night as Superintendent Maria Ruiz defended the plan, insisting it would keep every school open.{quote}"),
        &format!("Farmers Union president Rob Larew toured the county last week, arguing that federal aid had come too slowly.{quote}"),
        &format!("Torres on two occasions told investigators that he had returned the money.{quote}"),
        &format!("The witness in both 911 calls told dispatchers she had seen a dark sedan speed away.{quote}"),
        &format!("Analysts at Goldman Sachs said they now expected Brent to average $86 in the third quarter.{quote}"),
        &format!("Analysts at Citi said in a research note that the bank would cut rates.{quote}"),
        // An evidence word that ends an institution's name.
        &format!("Economists at the Institute for Fiscal Studies said the plan would cost far more than promised.{quote}"),
        &format!("A group spokesman said the cuts would fall mainly on back-office functions.{quote}"),
        &format!("Neighbors said the fire spread quickly, and Fire Chief Dana Ortiz arrived within minutes and said the building was a total loss.{quote}"),
        &format!("The mayor unveiled the proposed budget on Monday and said it would not raise property taxes.{quote}"),
        &format!("Lindstrom pushed back, noting that several Democratic mayors have criticized the bill.{quote}"),
        &format!("More than a decade ago the mayor said the plan was sound.{quote}"),
        &format!("Few were surprised when Mayor Lee said the plan was sound.{quote}"),
        // A name, a plural that speaks for a body, a group made definite.
        &format!("Williams said the plan was sound.{quote}"),
        &format!("Mayor Lee, who toured the site on Monday, said the plan was sound.{quote}"),
        &format!(
            "At the county clerk's office, officials said the phones had been ringing.{quote}"
        ),
        &format!("Lee's aides said the plan was sound.{quote}"),
        &format!("The nurses' union said in a statement that the plan was sound.{quote}"),
        &format!("Tenants United said the plan was sound.{quote}"),
        // Not a determiner or a possessive, an organisation's name, or a
        // title before a name (from a review of this change).
        &format!("His aides pushed back, saying the plan was sound.{quote}"),
        &format!("The families pushed back, saying the plan was sound.{quote}"),
        &format!("Log Cabin Republicans pushed back, saying the plan was sound.{quote}"),
        &format!("Disabled American Veterans pushed back, saying the plan was sound.{quote}"),
        &format!("Nurses union president Jane Ortiz pushed back, saying the plan was sound.{quote}"),
        &format!("Chicago teachers union president Stacy Davis Gates pushed back, saying the plan was sound.{quote}"),
        &format!("Later, in Washington, the lawmakers said the plan was sound.{quote}"),
        &format!("Mayor Lee has repeatedly said the plan was sound.{quote}"),
        &format!("The family said the plan was sound.{quote}"),
        &format!("Mayor Lee, who spoke during the public comment period, said the plan was sound.{quote}"),
        // Sources that speak for a body, infinitives and pronouns that
        // report speech, joint statements, quantifier-like words that are
        // not the subject (from a review of this change).
        &format!("On Tuesday, investigators said the fire had been set deliberately.{quote}"),
        &format!("Late Friday, authorities said the death toll had risen to 12.{quote}"),
        &format!("In a statement, representatives for the singer said she was resting.{quote}"),
        &format!("Mayor Lee went on to say the plan was sound.{quote}"),
        &format!("Mayor Lee stopped to tell reporters the plan was sound.{quote}"),
        &format!("Both senators said in a joint statement that the bill would pass.{quote}"),
        &format!("Each year the mayor tells the council the budget is balanced.{quote}"),
        &format!("The mayor, after all, told voters in 2019 that the plan was sound.{quote}"),
        &format!("The principal, who hired her, said she was the best candidate the school had.{quote}"),
        &format!("In interviews, he has always said he did nothing wrong.{quote}"),
        &format!("After months of negotiations the mayor said the deal was done.{quote}"),
        // She, after a live blog's time stamp.
        &format!("7:09 p.m. \u{2014} She\u{2019}s into the stump speech now, starting with her father\u{2019}s job at a paper mill.{quote}"),
    ]);
}

/// A quotation after a sentence whose subject is its speaker, in the
/// shapes of BBC sport and business copy: the subject after a fronted
/// phrase, a name after its description; and subjects that name no
/// speaker (a name in a relative clause, a possessive, a group after a
/// fronted phrase, a noun that is also a speech form).
#[test]
fn speakers_named_as_the_subject_before() {
    attributed(&[
        "Ricky Simms manages McIlroy this season.\n\nAfter three successive wins over the past fortnight, McIlroy is brimming with confidence. \"I've been waiting over six years for this to happen.\"",
        "Double try scorer Martyn Williams was keen not to talk about a Grand Slam. \"We've got more self-belief these days than ever before.\"",
        "Kenteris's lawyer, Gregory Ioannidis, reacted angrily to the comments. \"Comments like these only help to strengthen our case further.\"",
    ]);
    flagged(&[
        "Customers who pre-order Harry Potter avoid the queues at bookshops. \"The fact that the book has already hit number one shows how excited customers are.\"",
        "And at 1815 GMT, Great Britain's rugby league team take on Australia. \"Beating the Aussies in both games would be a massive achievement.\"",
        // (From a review of this change, on news copy.)
        "In Basra, British troops came under fire again overnight. \"It was the heaviest shelling we have seen since we arrived.\"",
        "On Monday, American voters went to the polls in record numbers. \"I have never seen a queue like it in my life.\"",
        "Three product recalls in a year have shaken confidence in the brand. \"Nobody should have to worry about their own car.\"",
        "The winner was a 50-1 outsider trained in Ireland. \"Nobody gave that horse a chance at all today.\"",
    ]);
    attributed(&["Shares in Marks and Spencer rose 3% on Tuesday. Marks and Spencer has cut 500 jobs at its head office. \"We have to be leaner to survive this winter.\""]);
    // What someone said, named by its owner (political copy written for
    // these tests).
    attributed(&[
        "Lindqvist\u{2019}s answer was quicker. \u{201C}He loves this state. I believe that. I just think he\u{2019}s stopped listening to it.\u{201D}",
        "Her verdict was blunt. \"This is the worst budget I have seen in thirty years.\"",
    ]);
    flagged(&["The company's line was down all day. \"He loves this state. I believe that. I just think he has stopped.\""]);
}

/// A relative clause in the sentence after a quotation credits the thing
/// it is about (`a study, which concluded that …`), not the quotation
/// before it (political copy written for this test, after the shape of a
/// base-closing hearing story). The quotation's own sentence, and a main
/// clause beside it, still attribute.
#[test]
fn a_relative_clause_beside_a_quotation_credits_its_own_thing() {
    flagged(&[
        "The runway question took up the afternoon session. \"That runway was poured for bombers. It will take anything the Air Force flies today.\" The staff report relied on an engineering study, which concluded that the concrete was near the end of its life.",
        "The hearing ran past midnight. \"Nobody on this panel has read the contract.\" Members had copies of a summary that argued the deal was sound.",
    ]);
    attributed(&[
        "The runway question took up the afternoon session. \"That runway was poured for bombers.\" Colonel Ortiz said the concrete would last another decade.",
        "The staff report, which concluded that \"the concrete is near the end of its life,\" was released on Friday.",
        // A relative clause about a name or a speaker noun still credits
        // it (from a review of this change, wire copy written for it).
        "Dozens of protesters were detained overnight. \"These arrests are an attempt to silence dissent.\" The criticism came from Amnesty International, which said all of them should be freed.",
        "Sales fell for a third quarter. \"Trading conditions remain extremely challenging.\" The gloomy outlook came from the company itself, which warned that profits would fall again.",
    ]);
}

/// A quotation paragraph after a paragraph that quotes nobody and ends by
/// introducing a person as its subject, set off by a comma, or `He` or
/// `She`: the feature convention (political copy written for these tests
/// after the shape of US political news).
#[test]
fn speakers_introduced_in_the_paragraph_before() {
    attributed(&[
        "Appropriators in both parties have dismissed the plan.\n\nRep. Dennis Varga, R-Fla., a senior appropriator, was blunt.\n\n\u{201C}It\u{2019}s not a plan. It\u{2019}s a press release. Nobody has seen bill text.\u{201D}",
        "The former mayor taped the interview in his office.\n\nBev Lindahl, who has run the office for 19 years, watched from the doorway.\n\n\"He is going to miss the fights more than he will ever admit.\"",
        "House Speaker Janelle Dwyer, a Democrat, has spent the week shuttling between offices. She did not sugarcoat the state of play.\n\n\"I'm not going to stand here and tell you it's going to be fine.\"",
    ]);
    flagged(&[
        // No comma after the name: a place as often as a person.
        "Some in town had expected worse. Granite Bend voted for the governor's party by 22 points.\n\n\"We don't get visitors. We get people driving through on the way to the lake.\"",
        // A name of three words, mostly a body.
        "Riverside Family Services, a nonprofit, received no state money before 2018.\n\n\"That's not a coincidence. That's a business model, and everyone knows it.\"",
        // A dash credit belongs to the quotation before it.
        "\"My kids can't afford to live on Cedar Street anymore.\"\n\n\u{2014} Ellen Marsh, Harmon Falls\n\n\"Traffic on Route 9 is already a nightmare at five in the evening.\"",
    ]);
}

/// A quotation paragraph that opens on the pronoun the paragraph before has
/// as its subject speaks of that person, so it is someone else's (a
/// campaign profile's shape; text written for this test). A quotation
/// that speaks of someone else is still the subject's.
#[test]
fn a_quotation_about_the_person_before_is_not_theirs() {
    flagged(&[
        "Okafor won a seat on the county board in 2019 by 74 votes.\n\nHe spent that summer knocking on doors in every precinct.\n\n\"He wore out two pairs of boots that year. I still have one of them in my garage.\"",
        "Dwyer ran for the Legislature twice before she won.\n\nShe\u{2019}s the first in her family to hold office.\n\n\u{201C}She\u{2019}d knock on your door three times if you let her.\u{201D}",
    ]);
    attributed(&[
        "Okafor won a seat on the county board in 2019 by 74 votes.\n\nShe spent that summer knocking on doors with her husband.\n\n\"He wore out two pairs of boots that year, and I wore out one.\"",
        "Okafor won a seat on the county board in 2019 by 74 votes.\n\nHe spent that summer knocking on doors in every precinct.\n\n\"I wore out two pairs of boots that year.\"",
        // Not when the paragraph before brings in another person the
        // pronoun could be (from a review of this change).
        "Coach Dan Morrow has won two titles.\n\nHe did not hold back about his young starter on Monday.\n\n\"He has to be better in the red zone, and he knows it.\"",
        "Tara Boyd is running for mayor.\n\nShe remembers the day her mother handed her the keys to the shop.\n\n\"She told me, this is yours now, do not let it go.\"",
    ]);
}

/// Kind 1: a run of quotation paragraphs after the paragraph that names
/// the speaker, when that paragraph ends inside the speaker's quotation
/// (the shape of the false alarms of the thirty-first and thirty-second
/// sets; text written for this test); not after two speakers or a vague
/// group, nor a reply that speaks of the last speaker by name, nor a cry.
#[test]
fn quotation_paragraphs_go_on_in_the_last_speakers_words() {
    attributed(&[
        "\"This is the people's money,\" Tessler said during floor debate. \"It's not the government's money.\"\n\n\"Families in this state are paying more for groceries and more for rent.\"",
        "\u{201C}A surplus is not a salary,\u{201D} said state Sen. Dana Akers, who voted against the bill. \u{201C}You don't sign a mortgage with a bonus check.\u{201D}\n\n\u{201C}Two years from now the money will be gone.\u{201D}\n\n\u{201C}And the cut will still be on the books.\u{201D}",
        "\"We got more votes than anybody tonight,\" Weatherby told supporters. \"The voters know what they want.\"\n\n\"We're going to spend the next four weeks making sure they come back out.\"",
        // Names in the tag that are not the speaker's, a family's name, a
        // question of the speaker's own (from a review of this change).
        "\"I'm still pinching myself,\" Marcus Ortiz said after signing with the Kansas City Royals. \"It doesn't feel real.\"\n\n\"I've been a Royals fan since I was 6 years old.\"",
        "\"My great-great-grandfather planted the first rows in 1881,\" said Ruth Harmon, 62. \"We've never missed a harvest.\"\n\n\"There has been a Harmon on this land for five generations.\"",
        "\"I've got a woman in Kittson Falls listed as having gigabit service,\" Sorensen said. \"She has a satellite dish.\"\n\n\"So which is it? Is she served, or is your map wrong?\"",
    ]);
    flagged(&[
        // A reply: it speaks of the last speaker by name.
        "\"I saw her at a rent board meeting,\" Kyle Brandt said. \"She talked for two minutes and the room went quiet.\"\n\n\"Kyle's not exaggerating. I was there, I timed it.\"",
        // A cry, as often a heckler's or a crowd's (from the review).
        "\"This city is safer than it was four years ago,\" Mayor Craig Doyle said at the forum. \"The numbers show it.\"\n\n\"Not in my neighborhood, it isn't!\"",
        // A vague group, two speakers.
        "\"The plan is dead,\" aides said. \"Nobody will vote for it.\"\n\n\"The governor knows it and will not say so.\"",
        "\"We will appeal,\" Carol Venn and Howard Amsel said. \"This is not over.\"\n\n\"The township has not heard the last of us.\"",
        // Narration after the quotation: the paragraph ends on no speaker.
        "\"We will appeal,\" Venn said. \"This is not over.\" The board then adjourned.\n\n\"The township has not heard the last of us.\"",
    ]);
}

/// Kind 7: quotation marks that are not speech (Wikipedia): linguistic
/// examples and glosses, a text quoted by its opening words, a quotation
/// with an author–date citation.
#[test]
fn kind7_non_speech_quotation_marks() {
    attributed(&[
        "The usual word order is: \"Kun jij je pen niet vinden?\" (literally \"Can you your pen not find?\") \"Can't you find your pen?\"",
        "An example is the antiphon that begins: \"Tota pulchra es, Maria, et macula originalis non est in te\" (You are all beautiful, Mary).",
        "Samurai became popular. \u{201C}Hyperbolizing the samurai in such a way provides international interest in certain characters\u{201D} (Moscardi, N.D.). Producers followed.",
        // The citation past the sentence's full stop.
        "Algren joins the clan. \u{201C}By the end of the film, he has clearly taken on many of the samurai traits\u{201D}. (Manion, 2006)",
        // A page reference: the quotation is from the work cited (as
        // Wikipedia cites pages, and as books are cited).
        "Enforcement slowed. \"During the brief Ford administration, affirmative action took a back seat.\":145 Other issues rose.",
        "The price may exclude the poor. \"An IPR driven regime is therefore not a regime that serves poor populations\".:1108\u{2013}9",
        "The view was long treated as dogma. \"The field has not tested dinosaur orthodoxy severely enough.\" page 27 The book sold well.",
    ]);
    // A coat of arms in its blazon (written for this test in the shape of
    // a Wikipedia history article's).
    attributed(&["The company was granted arms in 1698.\n\n\"Gules, a lion rampant Or, on a chief Argent three roses Gules, barbed and seeded proper.\""]);
    // (A quotation that names a colour or two is still someone's words.)
    flagged(&["The council chose new colours.\n\n\"Azure and gold will stand for the river and the harvest, and we are proud of it.\""]);
    // A time or a count after a colon is no page, nor a number and a word.
    flagged(&["The game ended badly. \"We had our chances and we did not take any of them tonight\":30 seconds later the arena was empty."]);
    flagged(&["Enforcement slowed. \"During the brief Ford administration, affirmative action took a back seat\": 14 agencies cut staff."]);
    // Something else in parentheses credits nobody.
    flagged(&["Algren joins the clan. \u{201C}By the end of the film, he has clearly taken on many of the samurai traits\u{201D}. (See below.)"]);
    // A fact-check's heading: a paragraph of nothing but a quotation with
    // no sentence punctuation (political copy written for these tests).
    attributed(&["The county reported declines in violent crime.\n\n\"It is not that the number is made up,\" she said. \"It is that it has been chosen.\"\n\n\"Released dangerous criminals without bail\"\n\nObuya did announce a policy in 2021."]);
}

/// Kinds 3 and 6, as the shared Wikipedia articles write them (sentences
/// written for this test after their shape): a possessive lead-in in the
/// future of the narrative, a speaker named with `put it` in the sentence
/// before.
#[test]
fn lead_ins_in_the_shape_of_encyclopedia_prose() {
    attributed(&[
        "Weinum was sentenced to death in April 1942. His last words will be: \u{201C}If I have to die, I shall die with a pure heart.\u{201D}",
        "As Thomas Kuhn put it, the history of science may be seen in other terms. \u{201C}Partly by selection and partly by distortion, the scientists of earlier ages are presented as working on fixed problems.\u{201D}",
        // A body that speaks for itself, in the plural, and a text that
        // carries its own words.
        "The ruling was long.\n\nThe judges continue in paragraph 12, \"The determination of when the targeted part is substantial enough may involve a number of considerations.\"",
        "The ruling was long.\n\nIn paragraph 13 the judges raise the issue of access to the victims: \"The historical examples of genocide also suggest that the area of activity should be considered.\"",
        "The song was written in 1908. The chorus is, \"Cheer cheer for old Notre Dame, wake up the echos cheering her name.\"",
    ]);
    // A writer nobody names is no speaker.
    flagged(&["The novel ends on the porch. One writer remarks, \"While the novel concerns tragedy and injustice, it also carries a strong sense of courage.\""]);
}

/// A paragraph that opens `According to` a named source and goes on
/// reporting it: a quotation later in it is the source's, with nobody else
/// credited or quoted between (sentences written for this test after the
/// shape of a shared Wikipedia article that summarises a scripture).
#[test]
fn a_paragraph_opened_by_its_source() {
    attributed(&[
        "According to the Rule of Saint Benedict, the monks rose before dawn. They kept silence through the night. Meals were taken without talk. \u{201C}Idleness is the enemy of the soul.\u{201D} Work in the fields filled the afternoon.",
    ]);
    flagged(&[
        // A source without a name frames nothing.
        "According to the census, the town has lost a third of its people. The mill closed in 2009. Families moved south. \u{201C}Nobody is coming back.\u{201D}",
        "According to some, the monks rose before dawn. They kept silence through the night. Meals were taken without talk. \u{201C}Idleness is the enemy of the soul.\u{201D}",
        // Another source credited between.
        "According to the Rule of Saint Benedict, the monks rose before dawn. The abbot wrote that they kept silence through the night. Meals were taken without talk. \u{201C}Idleness is the enemy of the soul.\u{201D}",
        // An opening that names its source without `according to` is
        // not a frame: news paragraphs go on to quote someone else.
        "Mr Mittal told investors that the company would cut staff every year. This could see its workforce trimmed by 2010. Plants in Poland are first. \u{201C}We are investing in modernisation so employees will go down.\u{201D}",
        // A document with no name, or of what it surveyed (text written for
        // this test).
        "In 2019, a report by the agency found that wind farms could supply half the county's power. Turbines would cover the ridge. \"The strength of wind is the steadiness of the ridge.\"",
        "A survey of Ohio voters found that most want the plant closed. Turnout was low. \"Nobody asked us before they built it.\"",
        // A date after `by` is no author, and a group of people between
        // may be the ones quoted (from a review of this change).
        "The council ordered a review by September that will recommend whether the bridge should close. Shop takings have halved. \"We are dying here, slowly.\"",
        "In 2019, a report by the Northern Grid Institute found that wind farms could supply half the county's power. Farmers on the ridge were furious. \"Nobody asked us before they drew the lines on the map.\"",
    ]);
    // A document by a named source that the paragraph goes on to report
    // (written for this test, in the shape of a Wikipedia energy article's
    // paragraph).
    attributed(&[
        "In 2019, a report by the Northern Grid Institute found that wind farms could supply half the county's power. Turbines would cover the ridge. \"The strength of wind is the steadiness of the ridge.\"",
    ]);
}

/// Kind 8: claims once missed.
#[test]
fn kind8_missed_claims() {
    for t in [
        "Analysts question whether the merger will survive.",
        "Physicians may find the new rules confusing.",
        // Passives with a noun subject.
        "The lighthouse is said to date from 1820.",
        "The recording is thought to be his finest work.",
        "The painting is believed to have hung in the palace until 1940.",
        "Three studios are said to have bid for the film rights.",
        "The chain is rumoured to be closing its last store.",
        "The first seven minutes are often said to be the boldest scenes of the series.",
        // A vague group with an aside before its verb.
        "Analysts, however, believe the bid will fail.",
        // Past hearsay in news copy, with no time frame.
        "It was thought that the singer would appear in London in April.",
        // Unnamed theories (in the shape of a Wikipedia history article).
        "Some theories suggest the bridge was built by a Roman legion.",
        // Progressive forms after a group are its own verbs, and so is a
        // state of mind.
        "Analysts were predicting prices of up to 5,000 pounds a tonne.",
        "Critics are worried that the cuts will close rural hospitals.",
        // A claim in the main clause after a condition (from a review of
        // this change).
        "If the rains fail experts warn that food prices will double.",
        // A second `but` after `not only … but` breaks the clause.
        "Mayor Lee said the plan would not only cut costs but also create jobs, but critics argue it will fail.",
        // A name inside the group's phrase is no speaker before an aside.
        "Critics of Mayor Lee, who took office in January, say experts believe the plan will fail.",
        // A vague group with an aside before it reports the claim.
        "After the vote, critics, who had fought the plan for years, said experts believe the dam is unsafe.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
    // Passives that name a term or state a rule, or that have a source.
    for t in [
        "A bird with one recessive gene is said to be \u{201C}split\u{201D} for that trait.",
        "When saturated, the switch is said to be on.",
        "A player given a yellow card is said to have been \"booked\".",
        "If the machine halts, it is said to accept the input.",
        // A definition by the condition after it (the shape of two
        // Wikipedia findings on mathematics).
        "A ring is said to act on a module M if every element of the ring gives a map of M to itself.",
        "The machine is said to run in time t(n), if it halts within t(n) steps on every input.",
        // A condition in the clause before the subject, or opening with
        // `Where`; a name given after it (in the shape of Wikipedia
        // findings on computing, federalism and genomes).
        "The machine branches at every step, and if any branch halts, it is said to accept the input.",
        "Where every state holds the same powers, we are said to find symmetric federalism.",
        "Chloroplasts are sometimes said to have their own genome, known as the \"plastome\".",
        "The mechanism is believed to be the earliest computer, according to Price.",
        "Museum curator Ann Lee said the lighthouse is thought to date from 1820.",
        // Past belief in a narrative.
        "In Tudor England, pillows were thought to weaken men.",
        // A legend or a faith retold as such, a definition (sentences in
        // the shape of Wikipedia findings).
        "The mythical chullumpi bird is said to mark a portal between the worlds.",
        "It was believed that the gods sent the floods to punish the city.",
        "The girl is believed to be the bodily incarnation of the goddess until she comes of age.",
        "Mourners bathe in the river, as its holy water is believed to cleanse them spiritually.",
        "Pilgrims mark the miracle by which, it is believed, the saint stopped the flood in 1703.",
        // A saying, quoted.
        "Of a clever clerk, it was said \"he could count the grains in a sack.\"",
        "Although it is said that the \"customer is always right\", staff may refuse service.",
        "Organic cotton is generally understood as cotton from plants that were not genetically modified.",
        // The history of an idea, and evidence denied.
        "In the 1950s, it was suggested that the passages carried nerves.",
        "Prior to Einstein, it was thought that light needed a medium.",
        "In the early 19th century, many physicians believed that fevers came from bad air.",
        "There is no substantive evidence which suggests that parenting plays a role.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
}

/// What is no vague source: a consensus hedge that classifies a thing
/// (`is generally considered`, `is widely regarded`: `weasel-words` cues,
/// not claims), and a plural vague subject before a noun in a verb's -s
/// form (`raised some doubts`, `many questions remain`). Sentences in the
/// shape of Wikipedia, BBC and Reuters findings.
#[test]
fn consensus_hedges_and_nouns_are_no_vague_source() {
    for t in [
        "The piece is generally considered the nadir of his serial period.",
        "Hendrix was widely considered one of the most important guitarists of his time.",
        "Smith is widely regarded as a safe pair of hands.",
        "It is considered rare for a guest to leave without being offered coffee.",
        "Estimates of the works commissioner, however, raised some doubts over the project.",
        "The message asks recipients to answer some questions about their internet use.",
        "Many questions remain in the basal relationships amongst these orders.",
        "While there is some dispute as to his influence, he was a friend of the economist.",
        // What people held then (sentences in the shape of the Wikipedia
        // history articles).
        "Red played a part in the old philosophy. It was believed that the world was composed of five elements.",
        "It was thought there was no defence against attack from the air, particularly at night.",
        "At the time of its construction, it was believed to be the tallest tower outside a city centre.",
        "Nature was widely believed to be unstable and capricious.",
        "It was believed that whenever a king died, his servants would follow him.",
        // A group that is the object of one verb before `and` another
        // (in the shape of a Reuters sentence).
        "The budget must appease political opponents and maintain the coalition's hold on power.",
        // A condition asserts nothing (in the shape of a Wikipedia and a
        // Reuters sentence).
        "The review turns formal if the harm is believed to be likely.",
        "Banks need not set aside reserves if it is believed payments will resume.",
        "Full registration follows a year later if there is enough evidence to show the standard was met.",
        // Theories or studies that are the object of a passive.
        "Many theories have been suggested for the origin of the name.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "Some doubt the figures will hold.",
        "Many question whether the merger will survive.",
        "Critics met and agreed that the budget was a sham.",
        "It is widely believed that the talks will collapse.",
        "It is understood that the minister will resign.",
        "According to some, the gods were angry with the city.",
        // News copy that the exemptions must leave alone (from a review of
        // this change).
        "In 2023, it was claimed that the council had lost two million pounds on the scheme.",
        "In 2023, many analysts argued that the bank would cut rates.",
        "Before the match, it was thought that Kane would start on the bench.",
        "Manchester United legend Wayne Rooney is rumoured to be in talks with the club.",
        "It is understood the soul singer will pull out of the festival.",
        "It is believed that companies like Apple are cutting jobs in Ireland.",
        "Experts say a fault in Tesla's Model Y steering could cause crashes.",
        "There is no doubt, experts say, that the economy is slowing.",
        "It is widely considered that the dam could fail within a decade.",
        // The present is a claim, and so are other past participles.
        "It is believed that the fire started in the kitchen.",
        "It was claimed that the fire started in the kitchen.",
        "The fire is thought to have started in the kitchen.",
        "It was believed to have started on a new conveyor belt.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// What a science holds, stated as such: the present `is thought to`,
/// `are believed to` or `It is thought that` in a sentence with a word of
/// the pack's `science-words`, and descent in evolution told of a subject
/// of science (`are thought to have evolved from`), are no unattributed
/// claim; a past event (`is thought to have`), another verb (`is said
/// to`), a group's consensus (`Most biologists accept that`) or a sentence
/// of no science still is. Sentences written here in the shape of the shared
/// Wikipedia articles' science findings, and of news copy.
#[test]
fn a_science_stating_what_it_holds_is_no_claim() {
    for t in [
        "Mitochondria are thought to be descended from bacteria that lived inside early cells.",
        "The gene is believed to play a role in the immune response to parasites.",
        "It is thought that most species of the genus are self-fertile.",
        "Dust in the upper atmosphere is thought to cool the planet for several years.",
        "The conjecture is widely believed to be true, though no proof is known.",
        // Descent in evolution.
        "These parasitic worms are thought to have evolved from free-living species.",
        // (Anatomy, phylogeny, a planet's weather; a trait that arose
        // more than once.)
        "The thalamus is thought to relay most signals on their way to the cortex.",
        "Crocodiles and birds are thought to form a clade within the reptiles.",
        "The storms are believed to be long-lived vortices deep in the troposphere.",
        "Flightlessness in birds is thought to have arisen independently in several lineages.",
        "These algae are thought to have given rise to the first land plants.",
        "Plastids are thought to divide on their own.",
        "It is believed that NP-hard problems admit no such shortcut.",
        "It is generally believed that the hypothesis holds for every even number.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        // A past event: what happened, not what a science holds.
        "The virus is thought to have come from bats sold at the market.",
        "The fossils are believed to have been smuggled out of the country.",
        // Hearsay, and sentences of no science.
        "The species is said to have been saved by a single farmer.",
        "The recording is thought to be his finest work.",
        "It is believed that the minister will resign before the vote.",
        // The past of an event that was expected (news).
        "Before the match, it was thought that the disease would keep him out.",
        // Descent with no science; a field's consensus told by a group (the
        // CoNLL-2010 annotators mark `most particle physicists believe`).
        "The party is thought to have evolved from a protest movement.",
        "Most biologists accept that whales descend from land mammals.",
        "Some scientists believe the virus escaped from a laboratory.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// Deep time: `is thought to` or `it is believed` in a sentence of
/// geological eras, prehistory, or `million years` or ten thousand years
/// or more (or after such a sentence in its paragraph) tells science's reconstruction of a past no one witnessed,
/// even of an event, and is no unattributed claim; news of an event, and
/// a shorter past, still are. Sentences written here in the shape of the
/// shared Wikipedia articles' evolution and archaeology findings, and of
/// news copy.
#[test]
fn deep_time_told_by_science_is_no_claim() {
    for t in [
        "All sponges are thought to have descended from a common ancestor that lived in the Cambrian.",
        "During the mid-Miocene, it is believed that the lake drained to the north.",
        "The first farmers are believed to have reached the valley about 11,000 years ago.",
        "The beetles are thought to have split from their cousins some 90 million years ago.",
        "These hunters are believed to have followed herds of Pleistocene bison.",
        "In the glaciated north, most native snails are thought to have been wiped out by the ice.",
        // Deep time in the sentence before, in the same paragraph.
        "Flint blades dated from 12,000 BC have been found by the river. It is thought that these people fished all year.",
        "A Paleolithic site was found on the coast. The tools are believed to have been used to open shellfish.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "The virus is thought to have come from bats sold at the market.",
        "The wreck is believed to be 2,000 years old.",
        "The fort is thought to have been built 900 years ago.",
        "It is believed that the company lost a million dollars in two years.",
        // (A quotation that is not the whole saying.)
        "It was said that the deal was \"dead on arrival\".",
        // (A condition inside the subject is no condition on the claim.)
        "This sleeve, if placed inside the cover, was said to keep dust off the record.",
        "The site was looted last week. It is thought that the thieves knew the guard.",
        // (Not across a paragraph break.)
        "A Paleolithic site was found on the coast.\n\nThe tools are believed to have been stolen.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// A source's frame names the source of the claims it opens: a
/// possessive with words between it and its noun (`In Kohlberg's moral
/// development model`), or a frame ending in a source noun before the
/// sentence's first comma (`In Jain practice,`); not a bare `In theory,`,
/// `In other words,` or a vague or indefinite frame. Sentences written
/// here in the shape of the shared Wikipedia articles' psychology and
/// religion findings.
#[test]
fn a_source_s_frame_names_the_source() {
    for t in [
        "In Kohlberg's moral development model, six stages are said to exist.",
        "In Jain practice, it is said that fasting cleanses the soul.",
        "From the attachment theory perspective, infants are said to need one steady carer.",
        "Under the Marxist model, it is argued that the state will wither away.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "In theory, it is said that the plan could work.",
        "In other words, critics argue the plan will fail.",
        "In one opinion, the pattern holds, despite some claiming it does not.",
        "In many people's view, it is believed the mayor lied.",
        "In the Kohlberg model and in many others that followed it over the years, six stages are said to exist.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// A scholar's or a work's argument goes on in an impersonal claim in
/// the sentence after it: a sentence opening with a name, or names
/// joined by `and`, as the subject of one of the pack's `argument-verbs`
/// (`stated`, `depicts`, `sees … as`). News of a meeting, a speaker's
/// `said`, a vague group's or a study's argument leave the claim a claim.
/// Sentences written here in the shape of the shared Wikipedia articles'
/// economics, religion and history findings, and of BBC politics copy.
#[test]
fn an_argument_goes_on_in_the_next_sentence() {
    for t in [
        "Hart and Moreau stated that small farms feed the cities. It is suggested that land reform would raise yields.",
        "Tacitus depicts the Germans as free and warlike. Their chiefs, it is said, are chosen for their courage.",
        "Qutb sees the fall of the caliphate as the end of true rule. This is believed to have opened the way for foreign powers.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "Mr Lang held a meeting with union leaders. It is understood no deal was offered.",
        "Mr Lang said the plant would close. It is believed that 200 jobs will go.",
        "Mr Lang sees the minister today. It is believed that 200 jobs will go.",
        "Critics argued that the plan would fail. It is suggested that the cost will double.",
        "Studies suggested that the tax works. It is thought that prices will rise.",
        "Hart and Moreau stated that small farms feed the cities.\n\nIt is suggested that land reform would raise yields.",
    ] {
        // (The impersonal claim of the second sentence.)
        assert!(claims(t).iter().any(|c| c.starts_with("It is")), "{t}");
    }
}

/// A vague group's "verb" that is none: one with a reflexive object (how
/// the group sees itself), and a verb's form after an article or a
/// possessive (a modifier or a noun). Sentences written here in the shape
/// of a Wikipedia history article and a BBC business story.
#[test]
fn a_group_seeing_itself_or_a_verb_form_after_the_makes_no_claim() {
    for t in [
        "Some historians describe themselves as storytellers first.",
        "Many economists may have thought of themselves as engineers of policy.",
        "Some consider themselves independents, whatever their voting record.",
        "Modern historians refer to the alleged plot as the Powder Affair.",
        "Many opponents are angry - their views ranging from doubt to open contempt.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "Critics argue the alleged plot was invented by the police.",
        // (A demonstrative may stand alone.)
        "Research into this shows the opposite.",
        "Many economists think the bank will cut rates.",
        "Some consider the plan reckless.",
        // (Independently, but no descent in a science: news of an event.)
        "The two fires are thought to have started independently on Sunday night.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// A group made specific past its modifiers: a demonstrative that points
/// back to people already named (`These early geologists`), or a name
/// opening the clause and joined by `and` (`Bruni and later historians`);
/// not a plain noun, a name ending another clause, or a quantifier.
/// Sentences written here in the shape of a Wikipedia history article and
/// of Reuters commodity copy.
#[test]
fn a_group_made_specific_past_its_modifiers_is_no_vague_source() {
    for t in [
        "These early geologists also proposed that the rivers had once run north.",
        "Vasari and later historians argued that the fresco was never finished.",
        "Grain stocks will fall, Treasury and private crop analysts said.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "Dealers and bank economists said the rand would rise.",
        "Brokers and market analysts said Thai stocks will gain.",
        "The talks ended on Monday, and industry analysts said the deal was dead.",
        "Bankers told jokes from Lima to New York and economic analysts said the rift was real.",
        "Vasari and several later historians argued that the fresco was never finished.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// A group's verb in a sense that claims nothing: a participle with no
/// auxiliary (no verb of the group's), `charge with`, a taxonomist's
/// `described`. Sentences written here in the shape of Wikipedia findings
/// on policing, predators and the Amazon.
#[test]
fn a_verb_in_a_sense_that_claims_nothing_is_no_claim() {
    for t in [
        "Crime reports withdrawn or shown to be false are left out of the tally.",
        "Some rhinos flee, while others charge with their horns lowered.",
        "Scientists have described more than 400 species of ant in the park.",
        "The journal asks why economists failed to predict the slump.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "Studies have shown that the tally is too low.",
        "Some charge that the count was rigged.",
        "Scientists have described the outbreak as the worst in decades.",
        "The journal says economists now predict a slump.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// A vague group that is the object of a verb of perceiving or causing
/// makes no claim: the sentence's subject reports or causes what it says
/// (`When I hear people say …`, `The film made many think …`). Written
/// after a quoted politician in a CoNLL-2010 sentence.
#[test]
fn vague_groups_as_objects_make_no_claim() {
    for t in [
        "When I hear people say the law is too soft, I ask them what they would change.",
        "The documentary made many think again about the dam.",
        "We have seen experts argue both sides of this for years.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "People say the law is too soft.",
        "Many think the dam will fail.",
        "I hope the minister listens, because experts argue the dam will fail.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
}

/// Kind 9: claims that have a source.
#[test]
fn kind9_claims_with_a_source() {
    for t in [
        "The genus was treated as distinct by Novak (1998), but critics argue it is not.",
        // A name credited `according to` in the sentence (from a user's
        // review; the second from a BBC business story's shape).
        "Critics argue the plan is too costly, according to Ms Alexander.",
        "According to the Financial Times, insurance analysts are now questioning whether the broker can keep its record.",
        "Critics argue the trace is reactivated during sleep (Moscovitch 2007).",
        "In Whitehead's view, critics argue the process is real.",
        "It has been alleged by local journalist Paco Aguilar that the players were threatened.",
        "It is widely believed by Fenwick that the fort is the oldest in the county.",
        // A citation of a paper by its first author, here or in the next
        // sentence; a theory named by a possessive; a group whose members
        // are named.
        "Research by Macfarlane S et al shows that prebiotics raise the output of these acids.",
        "However, newer research indicates that the melatonin offset may be the more reliable marker. Benloucif et al. found that its phase markers were more stable.",
        "In Scherer's theory of emotion, five crucial elements are said to exist.",
        "According to some scholars like Siedow and Brzostowicz, it might be a direct continuation of the older culture.",
        "A 2007 review of 13 studies found that the drug works.",
        "Classification systems based on molecular studies reveal that the order is paraphyletic.",
        // Evidence as an infinitive's object (the shape of Wikipedia's
        // `Bird`).
        "Efforts to square the genetic and fossil evidence have proved difficult.",
        // Evidence wanted, not found (the shapes of Wikipedia's `Circadian
        // rhythm` and a Reuters health story).
        "The agency has run several studies in order to find ways of keeping pilots awake.",
        "Further studies are needed to show that the drug prevents ulcers.",
        // Evidence faulted (the shape of Wikipedia's `Dog`).
        "Studies suggesting that pets lower blood pressure have been criticised as poorly controlled.",
        // Research told by its method or field, before or after it (the
        // CoNLL-2010 train split labels these certain; the shape of
        // Wikipedia's `Portugal` and `London`).
        "Epidemiological studies showed a protective effect against breast cancer.",
        "Laboratory studies show that the spider learns very quickly.",
        "Studies in animals have shown evidence of an increased occurrence of fetal damage.",
        "Archaeological research shows that the old walls were abandoned.",
        // A classical text cited in parentheses after the sentence.
        "In exile he is said to have hidden in his father's tomb. (Soz., \"Hist. Eccl.\", VI, xii).",
        "The oracle is said to have answered in verse (Hdt. 1.47).",
        // A footnote marker, here or at the next sentence's start.
        "Scholars regard the traditional accounts of the council as exaggerated.[note 36] The council met once.",
        "Some modern scholars do not agree with the claims.[N 18]",
        // A body named by an acronym before the group's modifiers (in the
        // shape of Wikipedia and Reuters sentences).
        "A BBC audience research survey conducted in 1972 found that most viewers watched alone.",
        "IMF staff economists say the deficit is too large.",
        "Enrollment will be seven to 12 mln acres, USDA conservation specialists said.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    assert_eq!(
        claims("Critics argue the deal gives away too much.").len(),
        1
    );
    // Evidence that there is, to suggest, is found.
    assert_eq!(
        claims("There is evidence to suggest that the drug prevents ulcers.").len(),
        1
    );
    // Evidence praised, or faulted with no participle, still claims.
    assert_eq!(
        claims("Studies suggesting that pets lower blood pressure have been praised.").len(),
        1
    );
    // Evidence after an infinitive with no determiner is its subject.
    assert_eq!(
        claims("He went to see it himself because studies show the dam is unsafe.").len(),
        1
    );
    // A parenthesis with no abbreviated source and number cites nothing.
    assert_eq!(
        claims("He is said to have hidden the money. (The ministry declined to comment.)").len(),
        1
    );
    // `et al` without a name before it, and a group named only by an
    // adjective, are no citations; nor `according to` a group or `some`.
    for t in [
        "Critics argue the plan is too costly, according to Western diplomats.",
        "Critics argue the plan is too costly, according to U.S. officials.",
        "Studies show, et al, that the drug works.",
        // Research told by when or how much, not what it is.
        "Recent studies show that the drug works.",
        "Several studies have shown that patients recover faster.",
        "Scientific studies suggest that the drug works.",
        // Nor the shapes of health marketing, nor a survey or a report
        // (from a review of this change).
        "Clinical studies show the supplement can improve memory in adults over 50.",
        "Genetic studies show the dogs are naturally more aggressive.",
        "Sociological surveys show most voters back the plan.",
        "Meteorological reports indicate the storm will strengthen.",
        "According to some Western diplomats, the talks will fail.",
        // A people or a place farther back owns no group, nor does a name
        // before a function word.
        "Two British opinion polls showed the ruling party would keep power.",
        "Wall Street market analysts said the changes were part of a shift away from industry.",
        "The firm has backed Linux, although critics have said this was only to undermine a rival.",
        "The claim was made in 2002. Some modern scholars do not agree with it.",
        "(Some constitutional experts have questioned whether this is lawful.)",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}");
    }
    // An agent that names nobody.
    assert_eq!(
        claims("It has been alleged by many that the players were threatened.").len(),
        1
    );
}

/// Messages say what the reader is missing.
#[test]
fn messages_say_what_is_missing() {
    for (t, says) in [
        (
            "The council met on Monday.\n\n\u{201C}We will never accept a plan that ignores the river.\u{201D}",
            "the paragraph before attributes nothing",
        ),
        // A paragraph before that quotes nobody attributes nothing,
        // whatever its words (`United States`).
        (
            "The state borders the United States.\n\n\"By May 1539, the conquistador skirted the coast of the peninsula.\"",
            "the paragraph before attributes nothing",
        ),
        // The paragraph before quotes someone, but its last sentence names
        // nobody (from the Wikipedia findings: a quotation of Eddington
        // after a paragraph on Pearson).
        (
            "In his book, Pearson wrote that \"science is in reality a classification of the contents of the mind.\" The book sold well in Cambridge.\n\n\"The mind-stuff of the world is something more general than our individual minds.\"",
            "quotes someone, but does not end",
        ),
        // A lead-in that names nobody (from the Wikipedia findings).
        (
            "The album divided reviewers. One writer remarks, \"It is the sound of a band running out of ideas at full speed.\"",
            "the words that lead in to it name no person",
        ),
        (
            "The album divided reviewers. \"It is the sound of a band running out of ideas at full speed.\"",
            "no `said`, `according to`, colon lead-in or credit",
        ),
        // A source credited two sentences back (in the shape of the
        // Wikipedia findings that a hand review called debatable).
        (
            "In 2011, the energy agency said that solar power could meet a third of demand. The sun could play a key role in cutting emissions. \"The strength of solar is the variety of its uses.\"",
            "a source is credited earlier in the paragraph",
        ),
        // Two people before it (text written for this test).
        (
            "Carol Venn and Howard Amsel spoke back to back at the hearing.\n\n\"Nobody from the township knocked on a single door on our road.\"",
            "the sentence before has two people as its subject",
        ),
        (
            "Carol Venn and Linda Amsel spoke back to back at the hearing.\n\n\"Nobody from the township knocked on a single door on our road,\" she said.",
            "its `he` or `she` could be either of the two people",
        ),
    ] {
        let seg = crate::segment::segment(t);
        let f = unattributed_quotes(t, &seg, &super::test_support::compiled());
        assert!(f[0].message.contains(says), "{}", f[0].message);
    }
}

/// A claim's message says what is missing, a source, without denying that
/// anyone is named (the hand review of the Wikipedia findings: a sentence
/// that names Dewey, but not as its source).
#[test]
fn claim_messages_say_no_source_is_named() {
    let t = "Critics argue that the Dewey plan failed the schools.";
    let seg = crate::segment::segment(t);
    let f = unattributed_claims(t, &seg, &super::test_support::compiled());
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].message
            .contains("no person, organisation or study is named as its source"),
        "{}",
        f[0].message
    );
}

/// Two people told of by a role in the plural (`Both candidates`, `The two
/// senators`) who speak in the paragraph before lend no speaker to a
/// quotation paragraph: either could have said it, and the message says
/// so. One of them named as speaking last still does. (Written here after
/// the thirty-sixth set's recount story.)
#[test]
fn two_by_a_role_in_the_plural_lend_no_speaker() {
    let flagged_with = |t: &str| {
        let seg = crate::segment::segment(t);
        let f = unattributed_quotes(t, &seg, &super::test_support::compiled());
        assert_eq!(f.len(), 1, "{t}");
        assert!(f[0].message.contains("two people"), "{}", f[0].message);
    };
    flagged_with("The county reprinted 18,000 ballots on Tuesday.\n\nBoth candidates in the race, Rep. Tom Greer and his challenger, Ana Ruiz, criticized the county on Wednesday, and both said they would send observers.\n\n\"This race could be decided by a few hundred votes, and people were told to vote in the wrong one.\"");
    attributed(&["Both candidates criticized the county on Wednesday. Greer said he would send observers to the count.\n\n\"This race could be decided by a few hundred votes, and people were told to vote in the wrong one.\""]);
}

/// A term quoted as `so-called` is a name, not anyone's words: it lends no
/// speaker to a quotation in the sentence after it (the first set's
/// `member items` story, rewritten here). A spoken quotation still does.
#[test]
fn a_so_called_term_lends_no_speaker() {
    flagged(&[
        "Reform groups have long complained about so-called \"member items,\" grants that lawmakers add to the budget. The practice has been described as \"a slush fund with a ribbon on it.\"",
    ]);
    attributed(&[
        "Reform groups have long complained about the grants, calling them \"member items for members.\" The practice has been described as \"a slush fund with a ribbon on it.\"",
    ]);
}

/// A speech verb inside a hyphenated word is no attribution (`so-called`,
/// `swearing-in`, `much-promised`, `self-described`, `tell-all`).
#[test]
fn hyphenated_words_are_no_speech() {
    flagged(&[
        "The delay has held up the swearing-in of four school board members. \u{201C}I just want to go to work, and I want to start this week.\u{201D}",
        "The so-called reform died in committee. \u{201C}We will fight it to the end of the session, and then some.\u{201D}",
        "The much-promised audit never came. \u{201C}We will fight it to the end of the session, and then some.\u{201D}",
        "The plan is a self-described compromise. \u{201C}We will fight it to the end of the session, and then some.\u{201D}",
        "The book was billed as a tell-all account. \u{201C}We will fight it to the end of the session, and then some.\u{201D}",
    ]);
    // The verb on its own still attributes, and so does a verb with a
    // prefix that keeps it a verb, or a hyphen for a dash (from a review
    // of this change).
    attributed(&[
        "The mayor smiled when the question came.\n\n\"Maybe I should just run for president instead,\" she half-joked.",
        "The governor posted a link late Tuesday.\n\n\"Read this before you vote,\" she re-tweeted.",
        "The chairman opened the meeting at 7 p.m.\n\n\"We have a lot to get through tonight,\" he said-and then the power went out.",
        "The chairman opened the meeting at 7 p.m.\n\n\"We have a lot to get through tonight,\" he said-not for the first time that week.",
    ]);
    attributed(&[
        "The delay has held up the swearing-in, she said. \u{201C}I just want to go to work, and I want to start this week.\u{201D}",
        "\u{201C}We will fight it to the end of the session,\u{201D} the so-called reformer said.",
    ]);
}

/// A speech verb names no speaker as a passive with no agent (`The final
/// tally was announced`) or with a share of those polled as its subject
/// (`66 percent of Republicans agreed`) (in the shapes of political stories
/// written for copydesk's evaluation by writers who had not read its
/// rules).
#[test]
fn passives_and_polls_name_no_speaker() {
    flagged(&[
        "The final tally was announced at 1:47 p.m. \"We'll be back here in two weeks doing the exact same thing.\"",
        "The results were widely reported on Tuesday. \"We'll be back here in two weeks doing the exact same thing.\"",
        "The numbers were similar across party lines: 66 percent of Republicans agreed, along with 57 percent of Democrats. \"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        "Sixty per cent said they trusted the mayor. \"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        "About 1 in 9 voters said they were undecided, a share that is unusually high for mid-October.\n\n\"Undecided is just a polite word for disgusted, and everybody knows it.\"",
        "In the poll, 52% of likely voters said the county was on the wrong track.\n\n\"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
    ]);
    // An agent, a subject who then answers, a passive of quoting, or a
    // speaker who won a share.
    attributed(&[
        "The final tally was announced by the clerk at 1:47 p.m. \"We'll be back here in two weeks doing the exact same thing.\"",
        "Lee was asked about the tally on Tuesday. \"We'll be back here in two weeks doing the exact same thing.\"",
        "\"We'll be back here in two weeks doing the exact same thing,\" Lee was quoted as saying.",
        "Lee, who won 52 percent, said the race was close. \"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        "The rapper handed over the cheque on Monday, and 50 Cent said the money was for the choir.\n\n\"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        "Lee said 52 percent of voters agreed with her.\n\n\"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        // A person as the passive's subject, or a share in a clause before
        // the speaker's (from a review of this change).
        "Brown was confirmed as the club's new manager on Friday. \"It's an honour to lead a club with this much history behind it.\"",
        "The health secretary was accused on Tuesday of misleading MPs about the contracts.\n\n\"I have always told the truth to this House, and I always will.\"",
        "Marsh, 61, was told of the verdict on Tuesday afternoon. \"I'm relieved, and I'm grateful to everyone who stood by me.\"",
        "Lee won 52 percent of the vote and said she was humbled.\n\n\"People don't hate taxes. They hate feeling like they're paying more for the same thing.\"",
        "Shares fell 3 percent after chief executive Tim Marsh said profits would miss forecasts. \"We have had a difficult quarter, and we will not hide from that.\"",
    ]);
}

/// Two people joined by `and` as the subject of the sentence before: either
/// could have said it (a political story written for copydesk's evaluation
/// by a writer who had not read its rules).
#[test]
fn two_people_before_a_quotation_name_no_speaker() {
    flagged(&[
        "The county board chairman, Lyle Gunderson, and the county's corporation counsel, Beth Ann Sorensen, both signed off Monday on an emergency purchase order. \"It's a rounding error compared to what it would cost to run this election twice.\"",
        "Lyle Gunderson and Beth Ann Sorensen both signed off Monday on an emergency purchase order. \"It's a rounding error compared to what it would cost to run this election twice.\"",
        "On Monday, Gunderson and Sorensen both signed off on an emergency purchase order. \"It's a rounding error compared to what it would cost to run this election twice.\"",
    ]);
    // One person, or one and someone who is no speaker.
    attributed(&[
        "Lyle Gunderson signed off Monday on an emergency purchase order. \"It's a rounding error compared to what it would cost to run this election twice.\"",
        "The county board chairman, Lyle Gunderson, signed off Monday on an emergency purchase order. \"It's a rounding error compared to what it would cost to run this election twice.\"",
        "The mayor and her husband moved to the county in 1990. \"It's a rounding error compared to what it would cost to run this election twice.\"",
        // (A name before a title, a family, a firm's name of two words
        // joined by `and`; from a review of this change.)
        "Health and Human Services Secretary Xavier Becerra was in Detroit on Tuesday. \"Nobody should have to choose between a prescription and a meal.\"",
        "St Kitts and Nevis Prime Minister Terrance Drew was in Washington on Thursday. \"Small states are on the front line of this crisis, and we will not be quiet.\"",
        "Tom Reilly and his wife, Mary, moved to the valley in 1979. \"We never once thought about leaving, not even after the flood.\"",
        "Shares in Johnson and Johnson fell on Monday. Johnson and Johnson are recalling five batches of the drug. \"We are taking this step out of an abundance of caution.\"",
        "Shares in Marks and Spencer rose 3% on Tuesday. Marks and Spencer cut 500 jobs at its head office. \"We have to be leaner to survive this winter, and we will be.\"",
    ]);
    // An example opening its sentence introduces speech (from a review of
    // this change).
    flagged(&["Critics have been scathing about the budget. For example: \"This is the worst budget I have seen in thirty years of covering the council.\""]);
    // An example sentence is no quotation (Wikipedia's `Empiricism`).
    attributed(&["In later years, Carnap and Neurath abandoned this sort of phenomenalism. Such sentences were to be translated into protocol sentences, for example, \"X at location Y and at time T observes such and such.\""]);
}

/// A quotation paragraph after a paragraph whose last sentence has two
/// people as its subject: either could have said it (the thirtieth
/// development set's misses; text written for this test).
#[test]
fn two_people_in_the_paragraph_before_lend_no_speaker() {
    flagged(&[
        "Longtime neighbors Carol Venn and Howard Amsel, who both live on Quarry Road, spoke back to back at the hearing.\n\n\"Nobody from the township knocked on a single door on our road.\"",
        "By the time he reached the car, his chief of staff, Renata Ocampo, and his campaign manager, Dale Kitteridge, were arguing in low voices about the schedule.\n\n\"If we're late to that room again, they'll eat us alive.\"",
        "Council members Darnell Fisk and Meredith Kask spoke for the amendment on Tuesday.\n\n\"We found the money line by line, and we will defend every line of it.\"",
        "Mayor Lisa Chen and her chief of staff, Tom Ruiz, told reporters the budget was balanced.\n\n\"We found the money without raising a single fee.\"",
        // An aside after the second, a place after the verb (not a tag
        // with a name); a live blog's time before the pair (the eleventh
        // set's miss; text written for this test).
        "House Minority Leader Kofi Amankwah and Rep. Shelby Trautmann, a Republican, spoke together on the House floor before the roll call.\n\n\"There is no way this holds up in a year.\"",
        "10:41 p.m. \u{2014} House Minority Leader Kofi Amankwah and Rep. Shelby Trautmann, one of the members expected to vote no, spoke together on the House floor.\n\n\"There is no way this holds up in a year.\"",
        // `state` before a title; statements of their own with `each` (the
        // fifteenth set's miss; text written for this test).
        "Attorney General Patricia Boone and state Sen. Wade Tillery each issued statements within an hour of the ruling saying the state would appeal.\n\n\"This ruling substitutes one judge's preferences for the judgment of the people.\"",
        // `Both men`, and a `he` after them that could be either (the
        // nineteenth set's miss; text written for this test).
        "The governor and the company's chief executive met for an hour. Both men left through the same side door, and he stopped briefly to speak with reporters.\n\n\"We didn't solve anything today, but nobody walked out either.\"",
    ]);
    // One text the two put out, one person, a family, a firm's name.
    attributed(&[
        "Sen. Maria Cantwell and Sen. Patty Murray said in a joint statement that the cuts would hurt the state.\n\n\"These cuts would fall hardest on rural hospitals.\"",
        "Carol Venn and Howard Amsel wrote to the township board last month.\n\n\"Nobody from the township knocked on a single door on our road.\"",
        "Longtime neighbor Carol Venn spoke first at the hearing.\n\n\"Nobody from the township knocked on a single door on our road.\"",
        "Tom Reilly and his wife, Mary, spoke at the hearing on Tuesday.\n\n\"We never once thought about leaving, not even after the flood.\"",
        "Marks and Spencer chief executive Stuart Rose spoke to analysts on Tuesday.\n\n\"We have to be leaner to survive this winter.\"",
        // (From a review of this change: a committee's or a seat's name
        // before a title, the pair owning the subject, a couple, a tag by
        // one of the two.)
        "Ways and Means Committee chairman Harold Kemp said he opposed the measure.\n\n\"This bill raises taxes on working families.\"",
        "Stratford and Bow MP Helen Daly told the Commons the closure was a disgrace.\n\n\"This hospital serves 200,000 people.\"",
        "Kim Arden and Paul Deane's attorney, Rachel Sutter, told the court the evidence had been mishandled.\n\n\"The chain of custody was broken twice.\"",
        "Ben and Alice Cato told the county board they would not sell.\n\n\"We have farmed this land for 40 years.\"",
        "Gail Porter and Denise Amaro were the only two nurses on the ward that night, Porter told the inquiry.\n\n\"We were short four people.\"",
    ]);
    // Two with titles of their own, and a name with its initial (from the
    // review).
    flagged(&[
        "Police Chief Mara Quist and Fire Chief Dennis Ebbs told reporters the fire was contained.\n\n\"We were lucky the wind dropped when it did.\"",
        "Robert L. Haines Jr. and Maria T. Cordova told the board they opposed the rezoning.\n\n\"Nobody asked the people who live here.\"",
        // An abbreviation's plural as the description (from a later
        // review).
        "The Labour MPs Dawn Butler and Clive Lewis questioned the minister for an hour.\n\n\"This is a scandal and the minister knows it.\"",
    ]);
    // `, and she` opens a clause of its own (the fifteenth set).
    attributed(&["\"I was calling to ask him to pick up milk,\" she said. Her voice broke, and she stopped for a moment. \"That's what I was calling about.\""]);
}

/// A quotation paragraph credited only to `he` or `she` after a paragraph
/// about two people: the pronoun could be either (the twenty-eighth
/// development set's miss; text written for this test).
#[test]
fn a_pronoun_after_two_people_names_no_speaker() {
    flagged(&[
        "Two of the market's vendors, Nguyen Thi Lan and Tran My Hanh, came to the microphone together and took turns speaking.\n\n\"We built this place when nobody else wanted the street,\" she said through the interpreter.",
        "Walter Cundiff and Roy Yocum, whose districts cover the south of the county, spoke against the tax. Both said they supported the ambulance service.\n\n\"Nobody has told me what happened between the first draft and the final,\" he said.",
        "The two women did not speak for most of the following year. They reconciled at a funeral last spring.\n\n\"Finally I walked over and said we were too old for this,\" she said.",
        // Two surnames set off by `who` (the twenty-eighth set's miss).
        "Pruitt and Haldane, who represent the two river wards, spoke against the levy. Both said they supported the fire service.\n\n\"Nobody has told me why the number doubled between the first draft and the last,\" he said.",
        // A leading `Both` (the thirty-second set).
        "Both Mercer and Tolliver said they support a second school resource officer.\n\n\"I'm not going to stand up here and promise you a deputy on every corner.\"",
        // `The two women` after a fronted phrase; a quotation the tag
        // splits, reported once (the fifteenth and seventeenth sets'
        // misses; text written for this test).
        "Oyelaran and Keane had met for the first time that morning. During a recess, the two women sat together on a bench near the elevators.\n\n\"I want her to say what she did, out loud,\" she said.",
        "Ruth Ames and Lena Ortiz ran the precinct together for years.\n\nThe two women did not speak for most of the following year. They reconciled at a funeral in Tucson last spring, where each had come to mourn a precinct captain.\n\n\"Finally I walked over and said we were too old for this,\" she said. \"And that was the end of it.\"",
    ]);
    // A name in the quotation's paragraph, one person before, a tag by
    // one source, a preposition opening the sentence (`Between`, no name),
    // `The two` and no people (shared Reuters copy).
    attributed(&[
        "Carol Venn and Howard Amsel spoke against the rezoning.\n\n\"Nobody knocked on a single door on our road,\" Venn said.",
        "Carol Venn spoke against the rezoning.\n\n\"Nobody knocked on a single door on our road,\" she said.",
        "Gail Porter and Denise Amaro were the only two nurses on the ward that night, Porter told the inquiry.\n\n\"We were short four people,\" she said.",
        "Between Emmetsburg and Algona, Ybarra holds up the weekly paper and reads a headline out loud.\n\n\"You need to talk about this one,\" he says.",
        // A firm's name set off by `which`.
        "Procter and Gamble, which makes Tide, raised prices on Tuesday for the second time this year.\n\n\"Our costs have gone up, and so have everyone's,\" he said.",
        "The two acquisitions fit a larger move by U.S. companies to sell off their Canadian units, said Nesbitt Thomson Deacon Inc analyst Harold Wolkin.\n\n\"There is a very good correlation between the parent selling and the parent being under siege,\" he said.",
        // The pronoun fits one of the two only, by a given name or a
        // title (from a review of this change); `The two` and no sex.
        "About 300 people rallied outside the Capitol on Saturday. Sen. Amy Lee and Rep. John Ortiz spoke.\n\n\"We are not going anywhere,\" she said.",
        "The contractors met the transit board for two hours. Mr. Okafor and Ms. Brandt disagreed sharply about the timeline.\n\n\"It cannot be done by spring,\" she said.",
        "Principal Tom Meyer said the school would reopen Monday.\n\nTeachers Janet Pruitt and Dolores Vance spent the weekend scrubbing classrooms.\n\n\"We couldn't have done it without them,\" he said.",
        "State Sen. Joan Bader and Rep. Carl Wendt are vying for the open seat.\n\nThe two candidates met Tuesday in their only debate.\n\n\"I'm the only one in this race who has balanced a budget,\" she said.",
    ]);
}

/// More shapes of two people before a `he` or `she` that could be either
/// (the thirty-seventh development set's misses; text written for this
/// test): two surnames the story gave people before, a role in lower case
/// before the second name, two names set off after a plural description,
/// a fronted participle, a man and his son, brothers; and a quotation in
/// the first person after a report.
#[test]
fn more_pairs_before_a_pronoun_name_no_speaker() {
    flagged(&[
        "Senate Majority Leader Dale Pruett spoke first. Rep. Martin Adeyemi spoke last.\n\nPruett and Adeyemi met for an hour on Tuesday in the leader's office.\n\n\"We got closer than anybody expected,\" he said.",
        "Board Chairman Russell Ekland and corporation counsel Neil Bramwell spoke to reporters after the hearing.\n\n\"Nobody can say this board skipped the hearings,\" he said.",
        "Two of the trustees who voted for the lease, Raymond Soto and Burl Tandy, said they had relied on the district's lawyer.\n\n\"Nobody ever told me there was another bidder,\" he said.",
        "Near the grandstand, two sisters from Coldwater, Ellen Varga and Patricia Varga-Shaw, had argued about the levy all afternoon.\n\n\"Not a chance.\"",
        "Asked about the dispute, Gaines and the mayor's campaign spokesman, Luis Arroyo, each blamed the other side.\n\n\"Anybody can find one number they like,\" he said.",
        "Frank DeLuca, 72, and his son Joe, 45, compared notes in the parking lot after voting.\n\n\"I split my ticket for the first time,\" he said.",
        "At the house on Monday, the brothers remembered a father who balanced the checkbook every Sunday.\n\n\"He never once let us forget whose money it was,\" he said.",
        // Two named after a role, a date after the verb (from a review of
        // this change).
        "Two of the commissioners who voted for the contract, Raymond Soto and Burl Tandy, said Tuesday they had been misled.\n\n\"Nobody ever told me there was another bidder,\" he said.",
        // `according to` a count credits no quotation (the thirty-seventh
        // set).
        "The backlog has fallen hardest on rural claimants. \"They are the last in line every single time.\" About 60 percent of claims come from outside the cities, according to figures the agency provided to the committee.",
        // Brothers set off by their given names, and a speech verb after
        // them (`the family still tells stories`).
        "Her brothers, Paul and Anthony, drove neighbors to the polls, and the family still tells stories about that race.\n\n\u{201C}We lost the first count by eleven votes and won the recount by six.\u{201D}",
        // A report says no `I`.
        "A 2017 audit by the state Ethics Board said the committee had paid a printer owned by her nephew.\n\n\u{201C}I told them at the time it would happen again, and nobody listened to me.\u{201D}",
        "The report also recommended new disclosure rules, which were never adopted.\n\n\u{201C}I told them at the time it would happen again.\u{201D}",
    ]);
    // The pronoun fits one of them only, one speaker, a single surname
    // the story never gave a person, a pair in the object.
    attributed(&[
        "Mary DeLuca, 72, and her son Joe, 45, compared notes in the parking lot after voting.\n\n\"I split my ticket for the first time,\" he said.",
        "Tom Reilly and his wife, Mary, spoke at the hearing on Tuesday.\n\n\"We never once thought about leaving,\" he said.",
        "Asked about the dispute, Luis Arroyo blamed the other side.\n\n\"Anybody can find one number they like,\" he said.",
        "Shares in Barnes and Noble fell on Monday. Barnes and Noble met analysts for an hour on Tuesday.\n\n\"We got closer than anybody expected,\" he said.",
        "Mayor Tom Hale thanked the volunteers, Jane Doe and John Roe, for their work.\n\n\"This town runs on people like them,\" he said.",
        // From a review of this change: the pronoun fits one of them by a
        // given name the story gives elsewhere, or one that is also a word
        // (`Mark`); the quotation names one of them; a man and his
        // daughter before `she`; the pronoun's own sons; a firm's name.
        "Majority Leader Laura Kerrigan and Rep. Martin Osei have traded proposals for weeks.\n\nKerrigan and Osei met privately on Tuesday in the Capitol.\n\n\"We are not there yet,\" she said.",
        "Majority Leader Dale Kerrigan and Rep. Martin Osei have traded proposals for weeks.\n\nKerrigan and Osei met privately on Tuesday in the Capitol.\n\n\"I told Dale we need more time,\" he said.",
        "Superintendent Mark Hale and board president Carla Diaz presented the plan to about 80 residents.\n\n\"Nobody wants a tax increase, including me,\" she said.",
        "Frank DeLuca, 72, and his daughter, Gina, run the shop six days a week.\n\n\"We have never closed for a snow day,\" she said.",
        "Walt Kaminski started the dairy farm with one cow in 1961.\n\nHis sons run the farm now.\n\n\"I am proud of them,\" he said.",
        "Walt Kaminski started the dairy farm with one cow in 1961.\n\nHis sons, Paul and Anthony, run the farm now.\n\n\"I am proud of them,\" he said.",
        "The firm was founded in 1994 by Ed Grant and Ruth Kessler. Kessler and Grant has represented the county for two decades.\n\n\"We have never lost a case like this one,\" he said.",
        // One brother; a report's own words; a person's text.
        "Her brother, Paul Marchetti, still tells stories about that race.\n\n\u{201C}We lost the first count by eleven votes and won the recount by six.\u{201D}",
        "A 2017 audit by the state Ethics Board said the committee had paid a printer owned by her nephew.\n\n\u{201C}The committee did not disclose the relationship in any of its filings.\u{201D}",
        "Marchetti said in a statement that she had paid the fine.\n\n\u{201C}I told them at the time it would happen again.\u{201D}",
    ]);
}

/// The thirty-ninth development set's misses, each in text written for
/// this test: `Neither` after two women, a group that left `without
/// speaking`, a word quoted in the paragraph before (no speech for the
/// pronoun to go on), an unnamed group as the subject of the sentence
/// after a quotation, an estimate credited with `according to`; and a
/// crowd's chant after its verb is the crowd's.
#[test]
fn unnamed_speakers_from_the_thirty_ninth_set() {
    flagged(&[
        "Clerk Ruth Marchand and her deputy, Shirley Ames, run the office.\n\nMarchand and Ames have both thought about retiring. Neither has decided.\n\n\"Some days I think, let somebody younger deal with it,\" she said.",
        "Gov. Ada Okafor spoke for an hour.\n\nSeveral Republican senators who had stood along the back wall during the event left without speaking to reporters.\n\n\"Nobody in this building wants to vote against a tax cut in an election year.\"",
        "Council President Denise Albright spoke first. Councilwoman Priya Sandoval spoke next.\n\nAlbright and Sandoval have clashed before, most recently over a zoning plan that Albright championed and Sandoval called a \"giveaway\" to developers.\n\n\"We have been down this road before,\" she said.",
        "The Senate was not in session on Tuesday. \u{201C}Nobody up here is surprised, and nobody up here is happy.\u{201D} Legislative aides said a hearing could come as early as February.",
        "The bond would cost about $24 a month, according to the county assessor's estimate. \"Twenty-four dollars is a pizza and a couple of sodas.\" Opponents say the total cost will top $290 million.",
        "Mayor Ann Pullman took office in 2019. Clerk Joan Stroud has worked beside her for 19 years.\n\nPullman and Stroud have shared the two-room office for 19 years.\n\n\"Those two run this town, and everybody knows it,\" she said.",
    ]);
    // One person; a named speaker after the group; a group before a
    // quotation in its own paragraph that a tag credits. From a review of
    // this change: `Neither` in a sentence a tag credits, `according to` a
    // name before the count, a pair one of whom is no person, a title of
    // one sex.
    attributed(&[
        "Judge Anne Marchand and Judge Lucy Ames have both thought about retiring. Neither has decided, Marchand told reporters.\n\n\"It is a hard choice,\" she said.",
        "According to Treasurer Ames, the data are clear. \"We cannot afford this.\"",
        "That brought the loudest response of the day, as a section of the crowd began chanting \u{201C}We will! We will!\u{201D}",
        "Luann Metz, a dairy farmer, and Foremost Farms, the cooperative that buys her milk, have been at odds for a year.\n\n\u{201C}They cut my price twice and never told me why.\u{201D}",
        "Mrs. Pullman runs the bakery; Mr. Stroud owns the building.\n\nPullman and Stroud met Tuesday to settle the lease.\n\n\"We found common ground,\" she said.",
        "Luann Metz, a dairy farmer from Elk Run, pressed the congressman on tariffs.\n\n\u{201C}You told us you would fight for farmers. So which farmers are you fighting for?\u{201D}",
        "Some 80 pct of shares are held by corporate shareholders, said Keikichi Honda, an economist at the bank. \"This is a tightly woven textile. In its own way it is stronger than Wall Street.\"",
        "Gov. Ada Okafor spoke for an hour.\n\nSeveral Republican senators left without speaking to reporters.\n\n\"Nobody wants to vote against a tax cut,\" Okafor said.",
    ]);
}

/// A quotation paragraph after a paragraph whose subject, a person, gives a
/// speech or takes the floor (political stories written for copydesk's
/// evaluation by writers who had not read its rules).
#[test]
fn a_speech_given_in_the_paragraph_before() {
    let quote =
        "\n\n\u{201C}I made mistakes in this job, and I am sorry for every one of them.\u{201D}";
    attributed(&[
        &format!("In his farewell address to the Legislature in January 1991, Breckwood offered an unusually personal assessment of his tenure.{quote}"),
        &format!("At the pie case, because the floor is too crowded for the riser, Castillo delivers a version of the stump speech she has given 200 times.{quote}"),
        &format!("Janelle Osterhout of the Sable Creek neighborhood, the last of 64 speakers, took the microphone at 11:40 p.m.{quote}"),
    ]);
    // A group, or no one, gives it.
    flagged(&[
        &format!("Aides offered a blunt assessment of the campaign.{quote}"),
        &format!("Several residents took the microphone after midnight.{quote}"),
        &format!("The speech was delivered on Monday.{quote}"),
        &format!("The building has a long history of public speeches.{quote}"),
        &format!("Critics had harsh words for the plan.{quote}"),
        // Not a knockdown, a band or a team, a place, a throw, nor a crowd
        // at a named place (from a review of this change).
        &format!("In the fifth round, Fury went to the floor but beat the count.{quote}"),
        &format!("At 8 p.m., the Berlin Philharmonic took the stage.{quote}"),
        &format!("Court records show Martinez had no fixed address at the time.{quote}"),
        &format!("In the ninth, Diaz made a wild pitch that let in the winning run.{quote}"),
        &format!("On Saturday, crowds outside St George's Chapel gave a moving tribute.{quote}"),
    ]);
}

/// Guards from a second review of this stop's changes: a verb that cuts in
/// only as a tag; a speech refused, or a company's shares; a person's noun
/// as a passive's subject; an example that is heckling.
#[test]
fn second_review_guards() {
    flagged(&[
        "Police pressed charges against the driver on Tuesday. \"He should never have been behind the wheel, not after the last crash.\"",
        "Rain interrupted play at Edgbaston.\n\n\"We were in a good position, and then the heavens opened on us again.\"",
        "On Tuesday, Marsh had no comment.\n\n\"He knew exactly what was in those accounts, and he signed them anyway.\"",
        "On Monday, Nvidia shares fell after a statement from the company.\n\n\"Nobody in the market believed the guidance, and nobody should have.\"",
        "Some of the heckling was personal \u{2014} for instance, \"Go back to London, you traitor, and stay there.\"",
    ]);
    attributed(&[
        "\"When will the money actually arrive for the families?\" the councillor pressed.",
        // A reporter is a speaker noun (a briefing story written for
        // copydesk's evaluation by a writer who had not read its rules).
        "A second reporter pressed him. \u{201C}You keep saying \u{2018}as soon as possible.\u{2019} They haven\u{2019}t given a date. Is there one?\u{201D}",
        "The victim was told the case had been dropped. \"Nobody even phoned me, not once in two years.\"",
        "The nurse was praised for her calm at a ceremony on Friday. \"I was doing my job, and so was everyone else.\"",
    ]);
}

/// Speakers a clean development set (`pol-o-*`) showed: a transcript's `Q:`
/// and `A:` labels after the lead-in that names who asks and who answers,
/// and `another` before a speaker noun, as `a` is.
#[test]
fn transcript_labels_and_another_speaker() {
    attributed(&[
        "At the trial, the plaintiffs' lawyer questioned the mapmaker about District 14:\n\nQ: \"Did you review the racial makeup of the precincts?\"\n\nA: \"I reviewed a lot of data. I don't recall looking at race.\"",
        "The press secretary took questions for twenty minutes. Another reporter pressed on timing. \"You've got 15 days. Is she meeting with the Speaker this week or not?\"",
        // (A reporter's follow-up, from the eleventh development set; not
        // `followed` alone, see `kind6_borrowed_attribution`.)
        "\"Nobody's a hostage,\" the governor said. \"The aid is in the bill.\"\n\n\"So you'd veto the aid to get the reforms?\" the reporter followed up.",
    ]);
    // Labels with no lead-in that names who asks and answers name nobody
    // (a leaked transcript).
    flagged(&["The transcript runs to forty pages.\n\nA: \"I reviewed a lot of data. I do not recall looking at race for that district.\""]);
}

/// A paragraph that is one short beat of a person the story names by
/// surname and quotes elsewhere (`Marchetti interrupted her.`, from the
/// eighth set; `Dorsainvil then turned to public safety.`, from the
/// second): the quotation paragraph after it is theirs, as after `She
/// paused.` Not a capitalized word that opens other names (`Rural
/// two-lane highways …` after `the Rural Roads Office`), a group (`Others
/// spoke in favor.`), nor a name the story never quotes.
#[test]
fn a_beat_of_a_named_speaker_before_a_quotation() {
    attributed(&[
        "\"The tax will improve public safety,\" Oyelaran said. \"The plaintiffs would prefer different words.\"\n\nJudge Marchetti had said little all morning, and Marchetti said later that she had read the summary twice.\n\nMarchetti interrupted her.\n\n\"Counsel, where in this summary does the word 'jail' appear?\"",
        "The moderator, Rene Dorsainvil, asked about bridges first. \"Which bridge would you fix first?\" Dorsainvil asked.\n\nDorsainvil then turned to public safety.\n\n\"You've proposed cutting the sheriff's overtime by 15 percent. What do you say to deputies?\"",
    ]);
    flagged(&[
        "The Rural Roads Office asked for $40 million, and its director said the money was overdue.\n\nRural two-lane highways account for a large share of fatal crashes.\n\n\"We've been pouring money into interchanges while people die on farm roads.\"",
        "\"I have never heard a humming sound at night,\" one speaker said. Others said they had.\n\nOthers spoke in favor.\n\n\"My son moved to Richmond because there's no work here.\"",
        // (A refusal, background, a company, a beat after which another
        // may speak: from a review's probes.)
        "\"We stand by the work,\" said Dana Okafor, the firm's owner. Okafor said more later.\n\nOkafor declined to comment further.\n\n\"They took the money and walked away from the job.\"",
        "The Boeing Company reported a loss. \"We are confident,\" Boeing said.\n\nBoeing declined again.\n\n\"The numbers tell you everything about the quality problem.\"",
        "\"I will not vote for this,\" said Sen. Amy Lee. Lee said it twice.\n\nLee walked out.\n\n\"She walked out on the families who waited all day to testify.\"",
        "\"We fixed the roads,\" said Gov. Tom Newsome. Newsome said it often.\n\nNewsome vetoed a similar bill two years ago.\n\n\"He vetoed it then and he will veto it again.\"",
        // (Two people in the beat: either may speak next.)
        "\"We have the votes,\" Lee said. Smith said nothing.\n\nLee turned to Smith.\n\n\"Do you want to tell them, or should I?\"",
        // (Named, but never quoted: the beat is about her, not her words.)
        "The council met for three hours. Councilwoman Ada Marsh, who chairs the budget committee, arrived late.\n\nMarsh took her seat.\n\n\"This budget is a disgrace to every family in this city.\"",
    ]);
}

/// A vague source in a clause of circumstance (`when`, `whenever`) asserts
/// nothing that needs a source, as one in a condition does not (from the
/// hand review of the Wikipedia findings: a habit described, then
/// corrected); a claim in the main clause after it still does.
#[test]
fn a_circumstance_asserts_no_claim() {
    for t in [
        "This is common with elevator buttons when people believe pressing twice will hurry the car.",
        "When people say that the genome has been sequenced, they mean a draft of it.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        "When the rains fail, experts warn that grain prices will rise.",
        "The dam was never finished. Experts believe it was abandoned when the money ran out.",
        // (A past event, or a time, not a habit: from a review's probes.)
        "The bank's shares fell sharply when analysts said it was insolvent.",
        "The mill closed in 1931, when it is believed the owners fled to Canada.",
        "Grain prices rise whenever experts predict shortages in the spring.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}: {:?}", claims(t));
    }
}

/// A pull quote, or a line quoted again, repeats words of an attributed
/// quotation in the same story: it is theirs (from the fourth and eleventh
/// development sets: a pull quote set apart after the paragraph that
/// quotes it).
#[test]
fn a_pull_quote_repeats_an_attributed_quotation() {
    attributed(&[
        "\"I'd do it again,\" she said. \"You can't lie about gravel. Everybody can see the road.\"\n\n\"You can't lie about gravel. Everybody can see the road.\"\n\nHer husband, Lyle, is a retired teacher.",
        "\"You can't lie about gravel.\"\n\nShe has run the county road board for years. \"You can't lie about gravel,\" Marsh said. \"Everybody can see the road.\"",
    ]);
    // A reply, a mocking echo or a chant that adds words of its own to an
    // attributed line is not that speaker's (from a review's probes).
    flagged(&["\"Our water is clean and safe to drink,\" Mayor Lee said.\n\nResidents were unconvinced.\n\n\"Our water is clean and safe to drink? Then drink it.\""]);
    // Words that only share a start with an attributed quotation are not
    // a repeat of it.
    flagged(&["\"We will fix the roads this year,\" Marsh said.\n\nThe board met twice.\n\n\"We will fix the planet next, apparently, and pay for none of it.\""]);
}

/// `followed up` is a dialogue tag after its subject; `followed` alone after
/// a quotation is `came after` (from a review's probes).
#[test]
fn followed_up_is_a_tag_and_followed_is_not() {
    flagged(&[
        "The hearing opened at nine. \"Where did the money go?\" followed the chairman's statement.",
        "The rally ended at dusk. \"No more pipelines on our land!\" followed the governor's car out of the lot.",
    ]);
}

/// A denied agreement with no claim after it is no claim (`While
/// scientists do not always agree on how to classify organisms`, from a
/// hand review of the claims found in the shared Wikipedia articles).
/// Sentences written for this test.
#[test]
fn a_disagreement_asserts_no_claim() {
    for t in [
        "While historians do not always agree on when the town was founded, the mill is older.",
        "Economists don't agree about how to measure the shadow economy.",
    ] {
        assert_eq!(claims(t), Vec::<String>::new(), "{t}");
    }
    for t in [
        // (A denied agreement with a claim after it, and agreement.)
        "Scientists do not agree that the dam is safe.",
        "Experts agree on the need for a new bridge.",
    ] {
        assert_eq!(claims(t).len(), 1, "{t}: {:?}", claims(t));
    }
}

/// A paragraph whose subject, a person, opens or closes with a speech
/// lends its speaker to the quotation paragraph after it (from the twelfth
/// development set: `The sponsor, Sen. Nadia Kaczmarek, …, opened debate
/// shortly after 3 p.m. with a speech about her brother`). Text written
/// for this test.
#[test]
fn opening_with_a_speech_introduces_the_speaker() {
    attributed(&[
        "Rep. Ana Ruiz, a Tucson Democrat who has filed the bill twice, opened the hearing shortly after 9 a.m. with a statement about her father.\n\n\"My father worked that mine for thirty years.\"",
        "The chairman, Sen. Tom Wilder, closed the session with a warning to the agency.\n\n\"We will be back here in June, and I expect answers.\"",
    ]);
    // Not a meeting that opens with someone's words, nor a speech that
    // comes too late after the verb to be its object; and, from a review's
    // probes, not someone else's speech, a clause of its own, a question
    // someone else answers, a refusal or a thing of the person's.
    flagged(&[
        "The hearing opened shortly after 9 a.m. with a statement from the clerk.\n\n\"My father worked that mine for thirty years.\"",
        "After the vote, he ended up at a diner near the Capitol with a few reporters who wanted a statement.\n\n\"My father worked that mine for thirty years.\"",
        "The chairman, Sen. Tom Wilder, ended the briefing with no comment on the audit.\n\n\"Nobody in that office has been honest with us.\"",
        "Mayor Linda Ross stood at the back as the vigil began with a prayer led by a neighbor.\n\n\"Lord, bring this boy home.\"",
        "The committee chairman, Sen. Tom Wilder, opened with a question for the witness, a former director.\n\n\"I do not recall signing that memo.\"",
        "Coach Dana Reyes began the season with a warning from the league about sideline conduct.\n\n\"One more outburst and she sits.\"",
        "Gov. Ellen Park's town hall ended with a statement by a local pastor.\n\n\"We are tired of waiting.\"",
    ]);
}

/// A paragraph that quotes nobody and ends by presenting one person as a
/// speaker, panelist or witness, set off by an appositive, lends them the
/// quotation paragraph after it (from the first development set: `The
/// second panel included Mabel Dorsey, who runs a 60-bed nursing home in
/// Greer's Crossing, Miss., that lost power for 31 hours during the heat
/// wave.`). Text written for this test; the guards after a review's
/// probes.
#[test]
fn a_person_introduced_before_a_quotation_paragraph() {
    attributed(&[
        "The hearing's second panel included Alma Reyes, who runs a food bank in Twin Forks, Idaho.\n\n\"We ran out of rice on the second day.\"",
        "The last speaker was Dale Brandt, 71, a retired lineman from the Ozarks.\n\n\"Nobody came out to fix it for nine days.\"",
        "The board then heard from Lorraine Watts, who has lived on Elm Street for 52 years.\n\n\"The trucks start at 4 in the morning.\"",
    ]);
    flagged(&[
        // Two people: either could speak.
        "Nearby, the panel included Janelle Pruitt, 24, a student, and her roommate, Sofia Castellanos, 23.\n\n\"If we lose this county, it's over.\"",
        // A credit line belongs to the quotation before it.
        "\"Child care. That's my whole list.\"\n\n\u{2014} Kevin Dunleavy, 46, pipefitter, Pittston\n\n\"I'd vote for whoever fixes the bridge.\"",
        // Someone presented as no speaker: the dead, an award's winner, a
        // mentor, a person sentenced.
        "Among the dead was Priya Raman, 31, a pediatric resident on her way home.\n\n\"She was going to be the best doctor any of us ever knew.\"",
        "The county's volunteer award went to Carla Jimenez, a retired nurse.\n\n\"Nobody in this county deserved it more.\"",
        "Ruiz has organized farmworkers for two decades.\n\nHer mentor was Dolores Huerta, the co-founder of the union.\n\n\"She taught me that you never ask permission.\"",
        "The judge sentenced Carl Ostrander, 61, a former county treasurer, to six years.\n\n\"You betrayed every taxpayer in this county.\"",
        // A refusal, and a quotation that speaks of the person by name.
        "The last witness was Tom Varga, a county engineer, who declined to comment.\n\n\"This road was a disaster waiting to happen.\"",
        "The last speaker was Alma Reyes, who runs the food bank.\n\n\"Alma has fed half this county for a decade.\"",
        "The last speaker was Tom Hale, 71, a retired lineman.\n\n\"He climbed poles in ice storms for forty years.\"",
        "The committee heard from Tom Hale, a retired lineman, and from Ann Cole, a nurse.\n\n\"Nobody came out to fix it for nine days.\"",
        "Speakers included Tom Hale, a retired lineman from Ozark, and his wife, Beth.\n\n\"Nobody came out to fix it for nine days.\"",
    ]);
}

/// A tag after speech that breaks off (`"… along with —" Pruitt began.`),
/// `cut in` after its subject, and a count as a subject (`at least two
/// asked why`) (from the fourteenth development set: a debate's
/// cross-talk, public comment). Text written for this test.
#[test]
fn broken_off_speech_cut_in_and_a_count_of_speakers() {
    attributed(&[
        "\"You voted against it twice,\" she said.\n\n\"I voted against a bill that had that money buried in it, along with \u{2014}\" Pruitt began.\n\n\"Along with money for your own district,\" Calder\u{00F3}n-Brandt cut in.",
        "\"We can talk about that later \u{2026}\" Mayor Lee began.",
    ]);
    flagged(&[
        "Eleven people spoke.\n\nSeveral urged the board to count the ballots, and at least two asked why the clerk stayed home.\n\n\"Every one of those envelopes was handled by somebody who swore an oath.\"",
        "The board heard from residents.\n\nTwo residents said the map split their neighborhood.\n\n\"They drew the line down the middle of our street.\"",
        // (`began` and `broke in` with no speaker before them; from a
        // review's probes.)
        "About 40 students filled the hallway.\n\n\"We're not leaving until we get answers,\" and the sit-in began.",
        "The block has had three burglaries.\n\n\"Lock your doors, even in the daytime,\" after someone broke in next door.",
    ]);
    // A number of days before a named speaker is a time, not a count of
    // speakers.
    attributed(&[
        "The city lost its appeal in March. Three days later Mayor Ann Cole said the city would go to the state Supreme Court.\n\n\"We are confident the higher court will see it our way.\"",
    ]);
}

/// A narrator leads in the words after its colon, and a lower-case
/// fragment that repeats an attributed quotation's words is theirs (from
/// the eighteenth development set: an ad's script and its fact-check).
/// Text written for this test.
#[test]
fn a_narrator_and_a_repeated_fragment() {
    attributed(&[
        "A narrator takes over as the camera pushes in on the bill: \"Since Carmen Ruiz took office, power bills have gone up twenty-two percent. She signed off on the biggest rate increase in a decade.\"\n\nThe \"biggest rate increase in a decade\" claim is harder to judge.",
    ]);
    // (A fragment no attributed quotation holds; a post or an announcer
    // in other senses, and a narrator who brings in someone else's words,
    // from reviews' probes.)
    flagged(&[
        "The budget passed on Tuesday.\n\nThe \"biggest rate increase in a decade\" claim is harder to judge.",
        "The last independent grocer shut on Saturday.\n\nAt the trading post next door, the mood was grim: \"We are being left behind by everybody in the capital.\"",
        "The fair board hired a new announcer this year.\n\nThe announcer is paid $400 a night. \"We wanted somebody who would leave the politics out.\"",
        "The podcast episode drew complaints.\n\nThe narrator quotes an anonymous former staffer: \"The mayor knew everything.\"",
        "The ad opens on a kitchen table.\n\nThe narrator is cut off by a heckler in the audience: \"Liar! You raised my taxes!\"",
    ]);
}

/// `both` and `each` as the subject are either of two people, but not
/// `both` of an object or an aside before the verb, nor `both … and`
/// (from a review's probes). Text written for this test.
#[test]
fn both_and_each_are_either_of_two() {
    flagged(&[
        "The lawyers, Nathaniel Okwuosa and Beth Ahlquist, met the judge. Both argued before her for nearly three hours.\n\n\"This is exactly what the statute is for.\"",
        "Attorney General Patricia Boone and Sen. Wade Tillery each issued statements within the hour.\n\n\"This ruling substitutes one judge's preferences for the law.\"",
    ]);
    attributed(&[
        "The Senate passed two spending bills on Thursday.\n\nIn a floor speech Tuesday, Sen. Carl Dunn, who voted against both, argued that the bills were gimmicks.\n\n\"We are borrowing from our grandchildren.\"",
        "Gov. Tom Hale both wrote and delivered the address himself, aides said.\n\n\"This state has never backed away from a hard thing.\"",
        "Ruiz and Dunn both wrote in a joint op-ed published Sunday that the plan would bankrupt the state.\n\n\"This plan will bankrupt the state within a decade.\"",
    ]);
}

/// A sign, a banner or a headline set in capitals is no speech (from the
/// nineteenth development set: yard signs in a bond campaign). Text
/// written for this test.
#[test]
fn words_in_capitals_are_a_sign() {
    attributed(&[
        "Opponents planted their own signs near busy intersections: \"2H = HIGHER TAXES. NO BLANK CHECKS.\"",
        "The yard signs went up in September.\n\nA few weeks later came the other ones, black and yellow: \"2H = HIGHER TAXES. NO BLANK CHECKS.\"",
    ]);
    // Speech with an acronym is still speech, and so are a shout, a 911
    // call or a text message in capitals with no sign named (from a
    // review's probes).
    flagged(&[
        "The budget passed on Tuesday.\n\n\"The FBI never told us a thing about it.\"",
        "The 911 call lasted four minutes.\n\n\"HE HAS A GUN. PLEASE HURRY.\"",
        "The defendant stood as the verdict was read.\n\n\"I AM INNOCENT AND I WILL PROVE IT IN EVERY COURT.\"",
    ]);
}

/// Nobody, some of a group, or either of two as the subject of the speech
/// verb that ends the paragraph before lends no speaker to the quotation
/// paragraph after it (from the twenty-second development set: a jury
/// `has been asked to decide`, `neither of them said much`, `Both
/// lawmakers noted`). Text written for this test.
#[test]
fn nobody_some_of_them_or_both_lend_no_speaker() {
    flagged(&[
        "The law does not define the phrase, and no jury in the state has been asked to decide what it means.\n\n\"A friendship exception that swallows the rule is not an exception. It is a loophole.\"",
        "Hatterley and Rudquist agree that they talked for 40 minutes and that neither of them said much about the budget.\n\n\"I am not going to be the guy who kept the parks closed over a bus line.\"",
        "Sen. Lorraine Achebe-Walsh and Rep. Tom Wierzbicki questioned the agency for an hour. Both lawmakers noted that the company had been cited twice before.\n\n\"Somebody in this state signed a contract with a vendor that had already failed twice.\"",
        "The two candidates met privately after the debate. One of them said later that the talks had gone well.\n\n\"We agreed on more than either campaign will admit in public.\"",
    ]);
    // One voice of the two, a named speaker after `no`, and `both` in a
    // joint text still lend; so do `no`, `both` and `of them` in an aside,
    // a relative clause, an object, a name or a number, and a possessive's
    // noun (from a review's probes).
    attributed(&[
        "Both senators said in a joint statement that the company had been cited twice.\n\n\"This vendor should never have been hired again.\"",
        "Sens. Ruiz and Cole have pressed the agency for months. Both of them said in a joint statement that the company had been cited twice.\n\n\"This vendor should never have been hired again by this state.\"",
        "No senator objected in public, but Sen. Ann Hatterley told reporters the deal was close.\n\n\"We are one phone call away from a budget.\"",
        "Sen. Ann Hatterley said the company had been cited twice, and Rudquist agreed.\n\n\"This vendor should never have been hired again.\"",
        "The hardware store on Main Street will close.\n\nRuiz, no relation to the senator, said business had never been slower.\n\n\"I sold more snow shovels in one week in 1996 than I have all this winter.\"",
        "The filing deadline passed at noon on Friday.\n\nCole, who no one expected to run, said she had filed her papers that morning.\n\n\"I got tired of waiting for somebody else to do it.\"",
        "The two senators have not commented on the indictment.\n\nA spokesman for both of them said they were cooperating with investigators.\n\n\"They have answered every question and turned over every document.\"",
        "The plan has drawn support from unlikely quarters.\n\nNone other than Mayor Ann Cole said she would back the bond measure.\n\n\"I opposed the last park bond, and I was wrong to do it.\"",
        "The group has not decided whether to back a candidate.\n\nNo Labels spokeswoman Dana Whitfield said a decision would come by April.\n\n\"We are not going to spoil anybody's race this year.\"",
        "The chancellor faced calls to resign on Monday.\n\nNo 10 said the prime minister had full confidence in her.\n\n\"The prime minister has full confidence in the chancellor and her plan.\"",
        "Two families sued the utility on Monday.\n\nBoth families' attorney said the company had ignored leak reports for months.\n\n\"The company was told about that leak three times before the explosion.\"",
        "Lawmakers from both parties criticized the utility.\n\nNo one said it more bluntly than Ruiz.\n\n\"The company had a week of warning and it did nothing with it.\"",
    ]);
}

/// A question put to several people, something `added`, and a passive
/// whose `by` belongs to another participle lend no speaker to the
/// quotation paragraph after it (from the twenty-third and twenty-fourth
/// development sets: a five-candidate debate, a floor amendment). Text
/// written for this test.
#[test]
fn a_question_to_several_and_a_passive_lend_no_speaker() {
    flagged(&[
        "The district has many recent immigrants, and Okafor asked each candidate whether they would support the bill.\n\n\"That bill is a trade that gives us more judges to say no faster.\"",
        "The forum ran long. The moderator asked the candidates how they would pay for the plan.\n\n\"We will find the money in the budget, the way we always have.\"",
        "The provision's path into law was unusual. It was added to the bill as a floor amendment, approved by the state House with less than an hour of debate.\n\n\"This was written to be challenged, and everyone in that chamber knew it.\"",
        // (Volunteering is no speech: the twenty-fifth set's two residents.)
        "Janelle Porter and Hugh Castellanos both told the council they had volunteered at the shelter for years.\n\n\"I live four blocks from that warehouse and I am not scared of anybody.\"",
    ]);
    // A question to one person, a request, an agent in the participle's
    // own clause or after an aside, and an organization accused, still
    // lend (from a review's probes).
    attributed(&[
        "The forum ran long. The moderator asked Sen. Ann Ruiz how she would pay for the plan.\n\n\"We will find the money in the budget, the way we always have.\"",
        "The plan was announced by Gov. Tom Lee on Tuesday.\n\n\"This is the most important thing we will do this year.\"",
        "The council opened its meeting on Monday.\n\nCouncil President Ana Ruiz asked each member to stand for a moment of silence.\n\n\"We owe them far more than a moment, but tonight we can start with one.\"",
        "Sen. Ana Ruiz has twice been mentioned as a candidate for governor.\n\nRuiz was asked both times whether she would run.\n\n\"I have not decided, and I will not decide before the session ends.\"",
        "The committee's only witness was the former budget director.\n\nSen. Harold Kim asked the witness whether she had read the memo.\n\n\"I read the first page and nothing after it, and I said so at the time.\"",
        "The housing plan would let developers skip zoning review.\n\nThe plan was criticized, by Sen. Ana Ruiz among others, as a giveaway to developers.\n\n\"This bill hands the keys to every neighborhood to whoever bids the highest.\"",
        "Ardent Pharmaceuticals has been under scrutiny since March.\n\nIt was accused on Tuesday of hiding trial results from regulators.\n\n\"We have shared every result with regulators, and we will continue to do so.\"",
        "The council met on Monday.\n\nSen. Ann Ruiz said she had volunteered at the shelter for years.\n\n\"I live four blocks from that warehouse and I am not scared of anybody.\"",
    ]);
}

#[test]
fn a_judge_s_ruling_and_a_feature_s_beats_are_dialogue_tags() {
    // A verb right after the quotation's closing comma is its tag: a
    // judge's ruling (the shared Reuters articles: `"…," Parker ruled.`),
    // a detail, a feature's beats, the verb of a phrasal tag.
    attributed(&[
        "The suit challenged the law.\n\n\"The nation demands an expeditious and complete disclosure of our government's involvement in the affair,\" Parker ruled.",
        "The deal sold out quickly.\n\n\"Investors receive interest only payments for the first 18 months,\" Dub detailed.",
        "The appeal failed.\n\n\"The statute cannot survive even the most deferential review,\" the court held.",
        "Asked about the polls, she smiled.\n\n\"I have been behind before, and I have won before,\" Ruiz deadpanned.",
        "The senator conceded little.\n\n\"I can't promise anything,\" Hollis allowed, \"but we will try to get it done before the recess.\"",
        "The debate turned sharp.\n\n\"My opponent has never read the bill he is attacking,\" Ruiz shoots back.",
        "The mayor stayed quiet.\n\n\"This budget balances itself on the backs of the bus riders,\" Councilwoman Dana Cole weighed in.",
        "Negotiators emerged shortly before midnight.\n\n\"We have a deal, more or less,\" House Majority Leader Ben Osei allowed.",
        "The recount resumed Thursday.\n\n\"Nobody leaves this room until every envelope is logged,\" county clerk Dwayne Ashby ordered.",
        "A federal appeals court on Thursday upheld the state's new congressional map.\n\n\"The plaintiffs have not shown that the legislature acted with discriminatory intent,\" the appeals court held in a 2-1 decision.\n\nThe plaintiffs said they would ask the full court to rehear the case.",
        "A county judge on Monday ordered the city to release body camera footage from the Oct. 3 shooting.\n\n\"The public's interest in this footage outweighs any claim of privilege the department has raised,\" ruled Judge Ellen Parker of the 4th District Court.\n\nThe city has 14 days to appeal.",
        "Mayor Jim Harris was visibly frustrated when the council delayed the vote on his housing plan for a third time.\n\n\"We have been talking about this plan since the spring, and nothing has changed,\" the mayor griped to reporters after the meeting.\n\nThe council will take up the plan again next month.",
    ]);
    // Elsewhere the words are no tag: in the next sentence, after a
    // conjunction, with an object, in a relative clause or a passive (a
    // review's probes).
    flagged(&[
        "The court met on Monday.\n\n\"The nation demands a complete disclosure of the affair.\" The court ruled on three other cases.",
        "The board met on Monday.\n\n\"We will not be bullied by anyone.\" It held the vote in the evening.",
        "The lottery has faced questions for months.\n\n\"There is no record of any missing payment,\" yet state auditors found $2.3 million unaccounted for.",
        "Hospital prices are a campaign issue.\n\n\"Nobody pays the sticker price,\" but the hospital charges uninsured patients three times what insurers pay.",
        "The county's lunch program feeds 8,000 children.\n\n\"This is about the children,\" while the committee weighed in private whether to cut the program in half.",
        "The outage left 40,000 customers without power.\n\n\"The lights went out at 9:40,\" the same minute the utility detailed in its filing with regulators.",
        "The rally drew thousands.\n\n\"Let us take back this state, every county of it!\" were held aloft on signs by the hundreds.",
        // (Whose subject is no speaker, or whose form comes first with
        // no name after it: a second review's probes.)
        "It has been a long, wet autumn in Millbrook, and tempers have been short.\n\n\"Every street on the east side will be repaved by next fall,\" the promise held for about a year before the money ran out.\n\nPublic Works Director Alan Reyes said Tuesday the department now expects to finish the work in 2026.",
        "It has been a long, wet autumn in Millbrook, and tempers have been short.\n\n\"Those families should go back to wherever they came from,\" a remark charged with racial overtones, sat on the page for nearly six hours before it was taken down.\n\nVillage Manager Tom Eckert said Monday that the council would review who has access to the account.",
        "The House Ethics Committee released its report on Friday, closing a two-year investigation.\n\n\"Nobody in this chamber is above the law,\" allowed Republicans to paint the other side as hypocrites within hours of the report's release.\n\nThe committee recommended no further action.",
    ]);
}

#[test]
fn a_text_shown_after_a_colon_is_its_own_words() {
    // A line of text on a post or a screen, a plaque, a disclaimer: the
    // quotation is the text itself (the eighteenth and twenty-eighth
    // political sets' false alarms).
    attributed(&[
        "The governor posted late.\n\nThe last post of the night, at 12:07 a.m., was a photo of a stock tank under a yard light with a single line of text: \"Still up. Still reading. Still vetoed.\"",
        "The ad ends on the candidate's face.\n\nA line of small type appears at the bottom of the screen: \"Source: Calloway for Wisconsin analysis of state budget acts, 2021-2024.\"",
        "The mailer arrived Monday.\n\nAt the bottom, in fine print, is the required disclaimer: \"Paid for by Citizens for a Better Harlan County, not authorized by any candidate.\"",
        "Residents of Ashby arrived Monday to find the town's only clinic locked.\n\nA handwritten sign was taped to the door: \"Closed until further notice. Call 911 for emergencies.\"\n\nThe clinic's owner could not be reached.",
    ]);
    // A colon lead-in that names no text (and no speaker) still leaves
    // the quotation with no source.
    flagged(&[
        "The meeting ran late.\n\nThe message was clear: \"We are not going to sit back and let this happen to our town.\"",
        "The doors opened at six.\n\nThe line outside was long: \"We have been waiting for this vote for three years now.\"",
        // (A text named in an earlier clause: a review's probes.)
        "The Ledger published a correction on Tuesday.\n\nThe headline ran with the wrong name, and the reaction in the newsroom was immediate: \"Who signed off on this?\"",
        "The debate was marred by technical problems.\n\nThe subtitles on the broadcast lagged by nearly a minute, and one moment drew gasps from the audience: \"You're a liar and everybody knows it.\"",
        // (A text in a clause of time or place: a second review's probes.)
        "The ballroom at the Hilton was packed with campaign staff and volunteers by 11 p.m. on election night.\n\nThen, as the final tally flashed on the screens: \"Nobody in this room goes home until every last ballot is counted.\"\n\nThe race was not called until Thursday.",
    ]);
}

#[test]
fn a_name_in_quotation_marks_after_a_determiner_is_no_speech() {
    // A capitalized phrase with no punctuation after `the` (the shared BBC
    // articles' `"Social Security trust fund"`).
    attributed(&[
        "The budget depends on several assumptions. And the figures also rely on the \"Social Security trust fund\" - the money set aside to cover the swelling costs of retirement pensions - being offset against the main budget deficit.",
        "The governor spent the week on the road. She pitched a \"Main Street first budget plan\" to mayors in six towns.",
        "The city has hired 40 new sanitation workers since January.\n\nThe hires are part of the \"Clean streets for everyone\" initiative that the council approved last year.\n\nThe program costs $6 million a year.",
    ]);
    // Speech stays speech: a quotation as a sentence's subject.
    flagged(&[
        "The rally ended late. \"Nobody here trusts the council anymore\" was the refrain.",
        // (Before a word for speech: a review's probes.)
        "The committee questioned the health official for five hours.\n\nThe hearing will be remembered for a \"You should resign today\" exchange that lit up social media.",
        "The crowd had waited for two hours.\n\nThen came the \"I am not going anywhere\" line that brought the room to its feet.",
        // (Before no noun for a plan, a law or a fund: a second review's
        // probes.)
        "Mayor Jim Harris delivered his State of the City address on Thursday to a packed council chamber.\n\nThen came a \"Shame on every one of you\" from somewhere in the balcony, followed by scattered applause.\n\nSecurity officers escorted two people from the chamber.",
        "The Senate race in Ohio tightened sharply in the final two weeks of the campaign.\n\nThe \"Nobody really cares about Dayton\" gaffe dogged the Republican nominee for the rest of October.\n\nThe race was decided by fewer than 30,000 votes.",
    ]);
}

#[test]
fn a_beat_of_the_speaker_just_quoted_goes_on_in_her_words() {
    // The paragraph before quotes her with `she said` and ends on her
    // beat: the quotation paragraph is hers (the twenty-seventh political
    // set's false alarm).
    attributed(&[
        "Brandt went without notes. She talked about apprenticeship money, about a highway bill she said had been \"sitting on a shelf in Madison since before some of these apprentices were born,\" about her father's hands. Then she slowed down.\n\n\"I'm going to lose some votes in Milwaukee for spending this much time out here. I know that.\"",
    ]);
    // Not a beat of someone else, nor of one of two, nor after a speaker
    // named only by name (a second voice may answer).
    flagged(&[
        "Brandt went without notes. She talked about a highway bill she said had been \"sitting on a shelf in Madison since before some of these apprentices were born.\" Then he stood up.\n\n\"I'm going to lose some votes in Milwaukee for spending this much time out here. I know that.\"",
        "Brandt went without notes. She talked about a highway bill she said had been \"sitting on a shelf in Madison since before some of these apprentices were born.\" She and Ruiz left together.\n\n\"I'm going to lose some votes in Milwaukee for spending this much time out here. I know that.\"",
        "\"We will not close the clinic, not this year and not next year,\" Lee said. She shook her head.\n\n\"My cousin is right about the money, and everyone in this room knows it.\"",
    ]);
}

/// A short reply that is a sentence of its own, its end inside the marks,
/// is speech however few its words: with no speaker it is an orphan (the
/// thirty-seventh development set's `"Not a chance."`; text written for
/// this test). Short terms and titles stay no quotation.
#[test]
fn a_short_reply_standing_alone_is_speech() {
    flagged(&[
        "The budget passed 41-12 after a long night in the chamber.\n\n\"Not a chance.\"\n\nThe bill goes to the Senate next week.",
        "The budget passed 41-12 after a long night in the chamber.\n\n\u{201C}Forty seconds.\u{201D}",
        "The budget passed 41-12 after a long night in the chamber.\n\n\"You look tired!\"",
    ]);
    attributed(&[
        // A speaker in the paragraph before, or in its own sentence.
        "Mayor Lee was asked whether she would sign it.\n\n\"Not a chance.\"",
        "The budget passed 41-12 after a long night. \"Not a chance,\" Lee said.",
        // An answer to a question just asked (a transcript's turn).
        "Did you vote for him?\n\n\"Yes.\"",
        // A term, a title without a sentence's end, a headline's title.
        "The budget passed 41-12 after a long night.\n\n\"Fund Every Kid\"",
        "The plan, which its sponsors call \"Fund Every Kid,\" passed 41-12.",
        "\"Spoiler of What?\" A Conversation With Teresa Halvorsen, the Candidate Both Parties Ignore",
    ]);
}

/// A quotation paragraph after a paragraph that ends in a speaker's
/// quotation, whose sentence opens with that speaker's name alone, by the tag or by the given name the story
/// gave them, is a reply in another voice (the first political set's
/// replies, written for copydesk's evaluation; these texts are made up in
/// their shape). The guards are from a review of this change: the
/// speaker's own name said by others, their full name or their business,
/// a given name that is a word, a relative's name, whom the tag speaks of.
#[test]
fn a_reply_that_names_the_last_speaker() {
    flagged(&[
        "At the feed store, the owner, Ray Delacroix, keeps a strict policy of neutrality.\n\n\u{201C}I\u{2019}m Switzerland,\u{201D} Delacroix said. \u{201C}I sell feed to both of them.\u{201D}\n\n\u{201C}Ray\u{2019}s not Switzerland. Ray\u{2019}s got a Harlan sticker on his truck.\u{201D}",
        "The county party\u{2019}s chairwoman, Marcy Odegaard, said the booth had signed up 40 volunteers.\n\n\"People stop by and they whisper,\" Odegaard said. \"They look around first.\"\n\n\"Mad isn't the same as switching. Marcy knows that.\"",
        "Kyle Brennan, 23, said he had never volunteered before.\n\n\"She talked for two minutes and the whole room went quiet,\" Brennan said. \"I signed up on my phone.\"\n\n\"Kyle's not exaggerating. Two minutes. I timed it.\"",
    ]);
    let store = "Ray Delacroix has run the feed store on Route 9 for 31 years.\n\n\"I've never missed a day,\" Delacroix said. \"Not one.\"\n\n";
    attributed(&[
        &format!("{store}\"They'd call me up and say, 'Ray, I love you, but I can't do it anymore.'\""),
        &format!("{store}\"He'd say, 'Ray, you keep runnin' your mouth. Ray never listens.' I think about that every day.\""),
        &format!("{store}\"People come in and ask, Ray, who are you voting for? I tell them that's between me and the curtain.\""),
        &format!("{store}\"I tell folks, I'm Ray Delacroix and this is my store.\""),
        &format!("{store}\"Ray Delacroix, the first one, never missed a day either.\""),
        &format!("{store}\"Ray's Feed has outlasted three banks on this street.\""),
        &format!("{store}\"Delacroix's is where farmers come to argue about the weather.\""),
        &format!("{store}\"Delacroix and Sons has been on this corner since 1952.\""),
        &format!("{store}\"I still have the letter. Dear Mr. Delacroix, we regret to inform you.\""),
        &format!("{store}\"For 22 years I was Sgt. Delacroix to everybody. Delacroix is fine now.\""),
        "Rep. Denise Washington, a Democrat from Gary, voted against the bill.\n\n\"This bill leaves our cities behind,\" Washington said. \"All of them.\"\n\n\"Washington keeps promising us help, and the help never comes.\"",
        "Hope Alvarez runs the only food pantry in the county.\n\n\"The lines get longer every month,\" Alvarez said. \"Every month.\"\n\n\"Hope is not a strategy. We need the county to put money behind this.\"",
        "Coach Dan Ruiz could not stop talking about his running back.\n\n\"He carried us tonight,\" he said of Marcus Webb, a junior. \"All night.\"\n\n\"Marcus just doesn't get tired. He's been like that since camp.\"",
        "The owner, Ray Delacroix, runs the store with his daughter, Emma Delacroix.\n\n\"I've never missed a day,\" Delacroix said. \"Not one.\"\n\n\"Emma will take it over when I quit.\"",
    ]);
}

/// An infinitive of speech in a clause that denies it names no speaker
/// (`why the clerk had not been called to explain`, the fourteenth
/// political set; these texts are made up), but a denied refusal does
/// (`was not afraid to explain`), as do `did not hesitate to` and `was not
/// the only one to`.
#[test]
fn a_denied_infinitive_names_no_speaker() {
    let quote = "\n\n\"Every one of those envelopes was handled by somebody who swore an oath. That is not how this is supposed to work.\"";
    flagged(&[
        &format!("Eleven people signed up to speak.\n\nSeveral urged the board to count the ballots, and at least two asked why the retired clerk had not been called to explain what happened.{quote}"),
        &format!("Eleven people signed up to speak.\n\nThe county clerk's office did not want to explain what happened.{quote}"),
    ]);
    attributed(&[
        &format!("Eleven people signed up to speak.\n\nThe county clerk's office was not afraid to explain what happened.{quote}"),
        &format!("Eleven people signed up to speak.\n\nThe county clerk's office did not hesitate to explain what happened.{quote}"),
        &format!("Eleven people signed up to speak.\n\nThe county clerk's office was not the only one to explain what happened.{quote}"),
    ]);
}

/// A quotation paragraph that opens by throwing a word of the quotation
/// the paragraph before ends on back as a question is a reply from
/// someone else (these texts are made up, after a review's probes). Not a
/// word taken up in a statement, denied or not, nor a fragment: a speaker
/// going on does that as often (the review's probes, kept here as guards).
#[test]
fn a_reply_that_questions_the_last_words() {
    flagged(&[
        "Lars Engel has led the company since 2019.\n\n\"Our growth strategy is working,\" Engel said.\n\n\"Working? Revenue is down 12 percent.\"",
        "The developer, Nora Vick, spoke first.\n\n\u{201C}This project will create 500 jobs,\u{201D} Vick said. \u{201C}Good jobs.\u{201D}\n\n\u{201C}Jobs for whom? Not for anyone in this neighborhood.\u{201D}",
        "Sheriff Dan Colby is running for a fourth term.\n\n\"Response times have improved every year I've been in office,\" Colby said.\n\n\"Improved? Not in the east county they haven't.\"",
    ]);
    let before = "Sen. Marcus Lee spoke to reporters on Monday.\n\n\"We have to cut spending, and we have to do it this year,\" Lee said. \"That is unacceptable to nobody.\"\n\n";
    attributed(&[
        // (Taken up in a statement, denied or not, or alone.)
        &format!("{before}\"Spending isn't going to fall by itself.\""),
        &format!("{before}\"Spending has doubled in ten years and nobody has asked why.\""),
        &format!("{before}\"Unacceptable. There's no other word for it.\""),
        // (A new start, and a question of the speaker's own.)
        &format!("{before}\"We are not going to raise taxes to pay for it.\""),
        &format!("{before}\"Why? Because the bills come due in June.\""),
        // (A pronoun or a name taken up.)
        "Mayor Ann Lee spoke on Monday.\n\n\"They told us the money would come,\" Lee said.\n\n\"They? The state, the county, everybody.\"",
        "Mayor Ann Lee spoke on Monday.\n\n\"I called Dale about the budget,\" Lee said.\n\n\"Dale? He never called back.\"",
    ]);
}

/// A `he` or `she` tag after a paragraph about two people who are both of
/// the other sex has nobody to stand for (the thirty-ninth political set's
/// shape; these texts are made up). Not when a person of the pronoun's sex
/// is named anywhere before them in the story, nor when one of the two is
/// of unknown sex.
#[test]
fn a_pronoun_that_fits_neither_of_two() {
    let quote = "\n\n\"Those two run this town, and everybody knows it,\" he said.";
    flagged(&[&format!(
        "Mayor Ann Pullman took office in 2019. Clerk Joan Stroud has worked beside her for 19 years.\n\nPullman and Stroud have shared the two-room office for 19 years.{quote}"
    )]);
    attributed(&[
        &format!("Mayor Ann Pullman took office in 2019. Clerk Joan Stroud has worked beside her for 19 years.\n\nPullman and Stroud have shared the office with Deputy Clerk Tom Hale since 2010.{quote}"),
        &format!("Mayor Ann Pullman took office in 2019. Stroud, the clerk, has worked beside her for 19 years.\n\nPullman and Stroud have shared the two-room office for 19 years.{quote}"),
        &format!("Mayor Ann Pullman took office in 2019. Mr. Stroud has owned the building for 19 years.\n\nPullman and Stroud have shared the two-room office for 19 years.{quote}"),
        // (A man named paragraphs before, from a review of this change.)
        &format!("Gov. Ray Tillman signed the bill on Thursday.\n\n\"This is a good day,\" Tillman said.\n\nThe law takes effect in January.\n\nState Reps. Ann Pullman and Joan Stroud sponsored the measure.{quote}"),
    ]);
}
