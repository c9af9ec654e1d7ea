#!/usr/bin/env bash
# Stream-mode throughput: `copydesk check -j 1 --input-format ndjson` with
# the default packs on about 50 MB of news as NDJSON (every article of the
# shared corpus's article files, one document a line, repeated until 50 MB,
# with `date`/`section` metadata where the corpus has it), beside `wc -w`
# on the same file in the same run. Prints medians (of RUNS runs) and the
# ratio. The project's 2.0x budget is for `check` of one file
# (benches/throughput.sh); the README says why a stream of short documents
# costs more.
#
#   benches/stream.sh              # times
#   RUNS=9 benches/stream.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
  echo "skipping: shared corpus not found at $corpus" >&2
  exit 0
fi
cargo build --release --quiet
bin=target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ndjson=$work/corpus.ndjson
python3 - "$corpus" "$ndjson" <<'PY'
import json, os, sys
corpus, out = sys.argv[1], sys.argv[2]
files = ["bbc2225.jsonl", "kcna2024.jsonl", "reuters21578.jsonl", "wikipedia-unicode.jsonl"]
docs = []
for f in files:
    with open(os.path.join(corpus, f), encoding="utf-8") as fh:
        docs += [json.loads(l) for l in fh if l.strip()]
with open(out, "w", encoding="utf-8") as fh:
    size, i = 0, 0
    while size < 50_000_000:
        d = docs[i % len(docs)]
        rec = {"id": f"{d['id']}#{i // len(docs)}", "text": d["text"]}
        for k in ("date", "category", "topic"):
            if k in d:
                rec[k] = d[k]
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        fh.write(line)
        size += len(line.encode())
        i += 1
PY
bytes=$(stat -c %s "$ndjson")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
calc() { awk "BEGIN { print $1 }"; }
for _ in $(seq "$RUNS"); do # interleaved: drift on a noisy machine hits both alike
  s=$(date +%s.%N)
  "$bin" check -j 1 --isolated --input-format ndjson "$ndjson" >/dev/null 2>&1 || true
  e=$(date +%s.%N); calc "$e - $s" >>"$work/check"
  s=$(date +%s.%N); wc -w "$ndjson" >/dev/null; e=$(date +%s.%N)
  calc "$e - $s" >>"$work/wc"
done
check_s=$(median <"$work/check")
wc_s=$(median <"$work/wc")
mb=$(calc "$bytes / 1000000")
printf 'input: %.1f MB NDJSON, %s documents (%s interleaved runs, medians)\n' "$mb" "$(wc -l <"$ndjson")" "$RUNS"
printf 'copydesk check -j 1 --input-format ndjson: %6.3f s  %7.1f MB/s\n' "$check_s" "$(calc "$mb / $check_s")"
printf 'wc -w:                                     %6.3f s  %7.1f MB/s\n' "$wc_s" "$(calc "$mb / $wc_s")"
printf 'ratio stream / wc -w: %.2f (the 2.0 budget is check'"'"'s: see README)\n' "$(calc "$check_s / $wc_s")"
