#!/usr/bin/env bash
# Run every fuzz target for SECONDS each (default 300), one job each, after
# building the seed corpora (seeds.py), and print each target's executions
# and the crash files it left in fuzz/artifacts/<target>/.
#
#   fuzz/run.sh 300                  # every target, 5 minutes each
#   TARGETS="fix hangul" fuzz/run.sh 60
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# A crash file replays with `cargo +nightly fuzz run -s none TARGET FILE`.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
python3 seeds.py > /dev/null
cargo +nightly fuzz build -s none
targets=${TARGETS:-$(cargo +nightly fuzz list)}
for t in $targets; do
  log=logs/$t.log
  mkdir -p logs "corpus/$t"
  cargo +nightly fuzz run -s none "$t" "corpus/$t" -- \
    -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    > "$log" 2>&1 || true
  execs=$(awk '/stat::number_of_executed_units/ {n += $2} END {print n + 0}' "$log")
  crashes=$(find "artifacts/$t" -type f 2> /dev/null | wc -l)
  echo "$t: $execs executions in ${secs}s, $crashes crash files"
done
