#!/usr/bin/env bash
# Audit the whole shared corpus (about 22,800 articles) with Spark in local
# mode, on 1 and on 2 executor cores, and check that the findings are those
# of one `copydesk check --input-format ndjson` process. Prints wall times.
#
#   examples/spark/verify.sh [PYTHON]
#
# PYTHON is an interpreter with PySpark 4 (default: python3); Java 17 must
# be on PATH. Each Spark run is bounded by `timeout` (SPARK_TIMEOUT seconds,
# default 900). Exits 0 when every run's findings are identical.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${1:-python3}
corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
  echo "skipping: shared corpus not found at $corpus" >&2
  exit 0
fi
cargo build --release --quiet
bin=$PWD/target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/corpus.ndjson
python3 examples/spark/corpus_to_ndjson.py "$corpus" "$input"
now() { date +%s.%N; }
s=$(now)
"$bin" check --isolated --input-format ndjson "$input" >"$work/single.ndjson" || [ $? -eq 1 ]
single_s=$(awk "BEGIN { print $(now) - $s }")
printf 'single process (copydesk -j default):  %6.1f s\n' "$single_s"
for cores in 1 2; do
  s=$(now)
  timeout "${SPARK_TIMEOUT:-900}" "$python" examples/spark/audit.py "$input" "$work/spark$cores" \
    --binary "$bin" --master "local[$cores]" -- --isolated 2>"$work/spark$cores.log" \
    || { tail -20 "$work/spark$cores.log" >&2; exit 1; }
  t=$(awk "BEGIN { print $(now) - $s }")
  printf 'spark local[%d]:                          %6.1f s\n' "$cores" "$t"
done
# The same result lines, whatever the order Spark wrote them in.
python3 - "$input" "$work/single.ndjson" "$work/spark1" "$work/spark2" <<'PY'
import glob, json, os, sys
inp, single, *dirs = sys.argv[1:]
ids = [json.loads(l)["id"] for l in open(inp, encoding="utf-8")]
def load(paths):
    docs = {}
    for p in paths:
        for line in open(p, encoding="utf-8"):
            d = json.loads(line)
            assert "error" not in d, d
            assert d["id"] not in docs, f"{d['id']} twice"
            docs[d["id"]] = d
    return docs
want = load([single])
assert sorted(want) == sorted(ids), "the single run lost or added documents"
findings = sum(len(d["diagnostics"]) for d in want.values())
ok = True
for d in dirs:
    got = load(sorted(glob.glob(os.path.join(d, "part-*"))))
    same = got == want
    ok &= same
    print(f"{os.path.basename(d)}: {len(got)} documents, "
          f"{sum(len(x['diagnostics']) for x in got.values())} findings: "
          f"{'identical to' if same else 'DIFFERENT FROM'} the single process "
          f"({len(want)} documents, {findings} findings)")
sys.exit(0 if ok else 1)
PY
