// The page of `copydesk serve` in the system's headless Chromium (never a
// downloaded browser): paste a draft, exactly one highlight on the expected
// word, its message on hover and on keyboard focus, apply its fix, no
// highlight left. Screenshots are written beside OUT.
//
//   NODE_PATH=…/node_modules node tests/browser/page.cjs URL DRAFT WORD OUT.png
//
// Run by the ignored integration test `serve_page_in_chromium`, which
// starts the server.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const [url, draftFile, word, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: page.cjs URL DRAFT WORD OUT.png");
  process.exit(2);
}

function check(ok, what) {
  if (!ok) throw new Error("failed: " + what);
  console.log("ok: " + what);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(url);
    check(await page.getByRole("textbox", { name: "Draft", exact: true }).isVisible(), "the draft box is labelled");
    const draft = fs.readFileSync(draftFile, "utf8");
    await page.fill("#draft", draft);
    await page.waitForFunction(() => /finding/.test(document.getElementById("status").textContent)
      && !/Checking/.test(document.getElementById("status").textContent), null, { timeout: 15000 });
    const marks = page.locator("#backdrop mark");
    check((await marks.count()) === 1, "exactly one highlight (found " + (await marks.count()) + ")");
    check((await marks.first().textContent()) === word, "the highlight is on " + word);
    // The highlight lies under the very characters of the word in the box.
    const selected = await page.evaluate(() => {
      const m = document.querySelector("#backdrop mark");
      const t = document.getElementById("draft");
      const before = document.querySelector("#backdrop").textContent.indexOf(m.textContent);
      return t.value.slice(before, before + m.textContent.length);
    });
    check(selected === word, "the highlight's offsets match the draft's text");
    // Hover: the message appears.
    const box = await marks.first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector("#tip:not([hidden])", { timeout: 5000 });
    check((await page.textContent("#tip")).includes(word), "hovering shows the message");
    await page.mouse.move(5, 5);
    // Keyboard: focus the finding, the message and note appear.
    await page.focus("#findings button.go");
    await page.waitForSelector("#tip:not([hidden])", { timeout: 5000 });
    check((await page.textContent("#tip")).length > 20, "keyboard focus shows the message and note");
    check(/1 finding/.test(await page.textContent("#counts")), "the counts say one finding");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    // Apply its fix (a safe fix, or the labelled suggestion).
    const fix = page.locator("#findings button.fix, #findings button.suggestion").first();
    check((await fix.count()) === 1, "the finding offers a fix: " + (await fix.textContent()));
    await fix.click();
    await page.waitForFunction(() => document.getElementById("status").textContent === "No findings.",
      null, { timeout: 15000 });
    check((await marks.count()) === 0, "no highlight left after the fix");
    check(!(await page.inputValue("#draft")).includes(word), "the word is gone from the draft");
    await page.screenshot({ path: out.replace(/\.png$/, "-fixed.png"), fullPage: true });
    check(errors.length === 0, "no script errors (" + errors.join("; ") + ")");
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
