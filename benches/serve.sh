#!/usr/bin/env bash
# Load test of `copydesk serve` on loopback with wrk (a bench, not run in
# CI): requests per second and p50/p99 latency of POST /v1/check for a
# ~5 KB draft, the error count, and the server's resident memory before
# and after. Bounded: DURATION seconds (default 20) after a 3 s warm-up.
#
#   benches/serve.sh [DRAFT] [DURATION] [CONNECTIONS] [THREADS]
#
# DRAFT defaults to about 5 KB of the shared corpus's news (../shared/corpus),
# else a draft written for this bench. Needs `wrk` and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
draft=${1:-}
duration=${2:-20}
connections=${3:-16}
threads=${4:-2}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# The draft: ~5 KB of prose, sent as {"text": …}.
python3 - "$draft" "$work/body.json" <<'PY'
import json, pathlib, sys
src, out = sys.argv[1], sys.argv[2]
text = ""
if src:
    text = pathlib.Path(src).read_text(encoding="utf-8")
else:
    seed = pathlib.Path("../shared/corpus/seed/nato-summit.txt")
    if seed.is_file():
        base = seed.read_text(encoding="utf-8")
    else:
        base = ("The leaders met on Tuesday in Washington to discuss the alliance's "
                "response, officials said. The 커뮤니티 was not consulted.\n")
    while len(text.encode()) < 5000:
        text += base
    text = text.encode()[:5120].decode("utf-8", "ignore")
pathlib.Path(out).write_text(json.dumps({"text": text}), encoding="utf-8")
print(f"draft: {len(text.encode())} bytes, {len(text.split())} words", file=sys.stderr)
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb")
wrk.body = f:read("*a")
f:close()
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests: %d, non-2xx: %d, socket errors: %d\n", summary.requests,
    summary.errors.status, e.connect + e.read + e.write + e.timeout))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

./target/release/copydesk serve --isolated --listen 127.0.0.1:0 --max-concurrent 1024 2> "$work/log" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/log" && break; sleep 0.05; done
url=$(grep -o 'http://[0-9.:]*' "$work/log")
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
echo "server RSS at start: $(rss)"
curl -sf -H 'Content-Type: application/json' --data-binary @"$work/body.json" "$url/v1/check" \
  | python3 -c 'import json,sys; print("findings in the draft:", len(json.load(sys.stdin)["diagnostics"]))'
wrk -t"$threads" -c"$connections" -d3s -s "$work/post.lua" "$url/v1/check" >/dev/null
echo "server RSS after warm-up: $(rss)"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$url/v1/check"
echo "server RSS after the run: $(rss)"
