#!/usr/bin/env bash
# Throughput benchmark: `copydesk check -j 1` with the default packs on the
# shared corpus joined into one file, beside `wc -w` on the same file in the
# same run. Prints medians (of RUNS runs) in MB/s and the ratio.
#
#   benches/throughput.sh                 # default packs
#   benches/throughput.sh --select unicode.*   # extra args go to `copydesk check`
#   benches/throughput.sh --packs         # what each pack adds to the Unicode pack
#   benches/throughput.sh --instructions  # the same, counted in instructions
#
# `--packs` times `--select unicode.*` (the core benchmark's pack), then the
# Unicode pack with each later pack, then every pack, and `wc -w`, in
# interleaved runs, and prints each median in MB/s and as ratios to the
# Unicode pack alone and to `wc -w`.
#
# `--instructions` counts the instructions of the same runs under valgrind
# (callgrind) instead of timing them (with what each selection adds to the
# Unicode pack alone), and those of one short draft: the
# counts do not change from run to run, so their ratios hold on a noisy
# machine where times do not. It skips when valgrind is not installed.
#
# Also times `check` of one short draft (pre-commit start-up), median in ms.
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
joined=$work/corpus.txt
# Every article of every corpus file, as paragraphs, until about 50 MB.
python3 - "$corpus" "$joined" <<'PY'
import json, sys, os
corpus, out = sys.argv[1], sys.argv[2]
files = ["bbc2225.jsonl", "kcna2024.jsonl", "reuters21578.jsonl", "wikipedia-unicode.jsonl"]
texts = []
for f in files:
    with open(os.path.join(corpus, f), encoding="utf-8") as fh:
        texts += [json.loads(l)["text"] for l in fh if l.strip()]
with open(out, "w", encoding="utf-8") as fh:
    size, i = 0, 0
    while size < 50_000_000:
        t = texts[i % len(texts)] + "\n\n"
        fh.write(t)
        size += len(t.encode())
        i += 1
PY
bytes=$(stat -c %s "$joined")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
sels=("unicode.*" "unicode.*,names.*" "unicode.*,attribution.*" "unicode.*,names.*,attribution.*")
if [ "${1:-}" = "--instructions" ]; then
  if ! command -v valgrind >/dev/null; then
    echo "skipping: valgrind not found (instruction counts need it)" >&2
    exit 0
  fi
  # Instructions of one `check` run (callgrind's `I refs`; `check` exits
  # with 1 when it finds something).
  count() {
    local log
    log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$bin" check -j 1 --isolated --format concise "$@" 2>&1 >/dev/null || true)
    awk '/ refs:/ { gsub(",", "", $NF); print $NF }' <<<"$log"
  }
  printf 'input: %.1f MB (instructions, callgrind)\n' "$(awk "BEGIN { print $bytes / 1000000 }")"
  base=""
  for s in "${sels[@]}"; do
    n=$(count --select "$s" "$joined")
    base=${base:-$n}
    printf '%-44s %8.3fG  %5.2fx unicode.* alone  (+%.3fG)\n' "--select $s" \
      "$(awk "BEGIN { print $n / 1e9 }")" "$(awk "BEGIN { print $n / $base }")" \
      "$(awk "BEGIN { print ($n - $base) / 1e9 }")"
  done
  for s in "${sels[0]}" "${sels[3]}"; do
    n=$(count --select "$s" "$corpus/seed/nato-summit.txt")
    printf 'one short draft, --select %-30s %7.1fM\n' "$s" "$(awk "BEGIN { print $n / 1e6 }")"
  done
  exit 0
fi
if [ "${1:-}" = "--packs" ]; then
  for _ in $(seq "$RUNS"); do # interleaved: drift on a noisy machine hits every selection alike
    for k in "${!sels[@]}"; do
      s=$(date +%s.%N)
      "$bin" check -j 1 --isolated --format concise --select "${sels[$k]}" "$joined" >/dev/null 2>&1 || true
      e=$(date +%s.%N)
      awk "BEGIN { print $e - $s }" >>"$work/t$k"
    done
    s=$(date +%s.%N); wc -w "$joined" >/dev/null; e=$(date +%s.%N)
    awk "BEGIN { print $e - $s }" >>"$work/wc"
  done
  base=$(median <"$work/t0")
  wc_s=$(median <"$work/wc")
  mb=$(awk "BEGIN { print $bytes / 1000000 }")
  printf 'input: %.1f MB (%s interleaved runs, medians)\n' "$mb" "$RUNS"
  for k in "${!sels[@]}"; do
    t=$(median <"$work/t$k")
    printf '%-44s %6.3f s %7.1f MB/s  %5.2fx unicode.* alone  %5.2fx wc -w\n' "--select ${sels[$k]}" \
      "$t" "$(awk "BEGIN { print $mb / $t }")" "$(awk "BEGIN { print $t / $base }")" "$(awk "BEGIN { print $t / $wc_s }")"
  done
  printf '%-44s %6.3f s %7.1f MB/s\n' "wc -w" "$wc_s" "$(awk "BEGIN { print $mb / $wc_s }")"
  exit 0
fi
time_runs() { # prints seconds per run
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    awk "BEGIN { print $e - $s }"
  done
}
check_s=$(time_runs "$bin" check -j 1 --isolated --format concise "$@" "$joined" | median)
wc_s=$(time_runs wc -w "$joined" | median)
calc() { awk "BEGIN { print $1 }"; }
mb=$(calc "$bytes / 1000000")
printf 'input: %.1f MB (%s runs each, medians)\n' "$mb" "$RUNS"
printf 'copydesk check -j 1: %6.3f s  %7.1f MB/s\n' "$check_s" "$(calc "$mb / $check_s")"
printf 'wc -w:               %6.3f s  %7.1f MB/s\n' "$wc_s" "$(calc "$mb / $wc_s")"
printf 'ratio check / wc -w: %.2f\n' "$(calc "$check_s / $wc_s")"
# Start-up: one short draft, as a pre-commit hook would.
draft=$corpus/seed/nato-summit.txt
one_ms=$(for _ in $(seq 21); do
  s=$(date +%s%N); "$bin" check --isolated "$@" "$draft" >/dev/null 2>&1 || true; e=$(date +%s%N)
  calc "($e - $s) / 1000000"
done | median)
printf 'check of one short draft: %.1f ms (median of 21)\n' "$one_ms"
