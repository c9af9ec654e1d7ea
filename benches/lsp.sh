#!/usr/bin/env bash
# Keystroke latency of the language server, through its loop: `copydesk
# lsp` is driven over JSON-RPC (benches/lsp.rs) with a 5,000-word draft
# from the shared corpus; each one-character edit is timed from `didChange`
# to the `publishDiagnostics` of its version. Prints median and p99.
#
#   benches/lsp.sh            # 400 edits
#   benches/lsp.sh 1000       # more
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/corpus ]; then
  echo "skipping: shared corpus not found at ../shared/corpus" >&2
  exit 0
fi
cargo build --release --quiet
cargo run --release --quiet --example bench-lsp -- target/release/copydesk "${1:-400}"
