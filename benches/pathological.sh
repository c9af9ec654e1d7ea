#!/usr/bin/env bash
# Pathological-input benchmark: inputs built to make a linter hang, hold or
# print far more than the text warrants, each at size N and 2N, linted with
# `copydesk check --isolated` (default packs, one thread); prints the time
# and peak memory (`/usr/bin/time -f '%e %M'`) of each, and the ratio of the
# 2N time to the N time: about 2 (doubling the input doubles the time) is
# linear, about 4 is quadratic.
#
#   benches/pathological.sh                    # --format concise
#   benches/pathological.sh --format json      # extra args go to `copydesk check`
#   CASES="line hangul" benches/pathological.sh  # only some cases
#
# Cases: `news` (the shared corpus repeated: 100 and 200 MB; skipped with a
# message when ../shared/corpus is absent), `line` (that text as one line:
# 10 and 20 MB; without the corpus, generated English), `findings` (500,000
# and 1,000,000 lines with a stray Korean word each), `quotes` (50,000 and
# 100,000 quotation marks in one paragraph, never closed), `blockquote`
# (5,000 and 10,000 nested `>` levels, a .md file), `lists` (5,000 and
# 10,000 nested list levels), `hangul` (10 and 20 MB of Korean text only),
# `names-line` (one line of 1 and 2 MB naming places and people the entity
# table knows, each sentence of it a finding), `mdx` (one MDX paragraph of
# 1 and 2 MB of braces, tags, quotation marks and backticks never closed),
# `mdx-captions` (a line of text, then one line of 1 and 2 MB of closed
# tags with a caption each, none of which stands alone), `names-title` (one
# line of 1 and 2 MB in title case: a place in two spellings, each before
# two capitalized words and a head word).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! [ -x /usr/bin/time ]; then
  echo "skipping: /usr/bin/time not found (GNU time prints peak memory)" >&2
  exit 0
fi
cargo build --release --quiet
bin=$PWD/target/release/copydesk
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--format concise)
corpus=../shared/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CASES=${CASES:-news line findings quotes blockquote lists hangul names-line names-title mdx mdx-captions}

# gen CASE SIZE FILE: write the input of CASE at SIZE (bytes, lines, marks
# or levels) to FILE.
gen() {
  python3 - "$1" "$2" "$3" "$corpus" <<'PY'
import json, os, sys
case, n, out, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def news():
    texts = []
    for f in ["bbc2225.jsonl", "kcna2024.jsonl", "reuters21578.jsonl", "wikipedia-unicode.jsonl"]:
        p = os.path.join(corpus, f)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as fh:
                texts += [json.loads(l)["text"] for l in fh if l.strip()]
    return texts or ["The council met on Tuesday and agreed to review the budget, officials said."]

def fill(pieces, size, sep):
    with open(out, "w", encoding="utf-8") as fh:
        total, i = 0, 0
        while total < size:
            t = pieces[i % len(pieces)] + sep
            fh.write(t)
            total += len(t.encode())
            i += 1

if case == "news":
    fill(news(), n, "\n\n")
elif case == "line":
    fill([t.replace("\n", " ") for t in news()], n, " ")
elif case == "findings":
    fill(["The council met and the 커뮤니티 group agreed to the plan."], n * 61, "\n")
elif case == "quotes":
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("".join(f'He said "the plan {i} works\n' for i in range(n)))
elif case == "blockquote":
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(">" * n + " The 커뮤니티 group met.\n")
elif case == "lists":
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("- " * n + "The 커뮤니티 group met.\n")
elif case == "names-line":
    fill(["Kyiv and Kiev met Kim Jong Un, not Kim Jong-un."], n, " ")
elif case == "mdx":
    with open(out, "w", encoding="utf-8") as fh:
        unit = "The {plan <Note a='x `b 커뮤니티 "
        fh.write(unit * (n // len(unit.encode())) + "\n")
elif case == "names-title":
    fill(["Peking Hosts Economic Conference.", "Beijing Hosts Trade Conference."], n, " ")
elif case == "mdx-captions":
    with open(out, "w", encoding="utf-8") as fh:
        unit = '<F caption="Kiev" /> '
        fh.write("Text.\n" + unit * (n // len(unit)) + "\n")
elif case == "hangul":
    fill(["대한민국 국회는 오늘 본회의를 열고 내년도 예산안을 의결했다",
          "서울시는 시민 의견을 듣기 위해 공청회를 열었다",
          "김정은 위원장은 평양에서 회의를 주재했다"], n, "\n")
PY
}

# size N of each case; 2N is run too
declare -A N=([news]=100000000 [line]=10000000 [findings]=500000 [quotes]=50000
  [blockquote]=5000 [lists]=5000 [hangul]=10000000 [names-line]=1000000 [mdx]=1000000
  [mdx-captions]=1000000 [names-title]=1000000)
declare -A EXT=([blockquote]=md [lists]=md [mdx]=mdx [mdx-captions]=mdx)

printf '%-11s %12s %9s %9s %12s %7s\n' case size bytes seconds "peak MB" "2N/N"
for c in $CASES; do
  if [ "$c" = news ] && [ ! -d "$corpus" ]; then
    echo "news: skipped: shared corpus not found at $corpus" >&2
    continue
  fi
  prev=""
  for size in "${N[$c]}" $((2 * ${N[$c]})); do
    f=$work/$c.${EXT[$c]:-txt}
    gen "$c" "$size" "$f"
    bytes=$(stat -c %s "$f")
    read -r secs kb < <(/usr/bin/time -f '%e %M' "$bin" check -j 1 --isolated "${args[@]}" "$f" 2>&1 >/dev/null | tail -1)
    ratio=""
    [ -n "$prev" ] && ratio=$(awk -v a="$secs" -v b="$prev" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
    printf '%-11s %12s %9s %9s %12s %7s\n' "$c" "$size" "$bytes" "$secs" "$((kb / 1024))" "$ratio"
    prev=$secs
    rm -f "$f"
  done
done
