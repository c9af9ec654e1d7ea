#!/bin/sh
# copydesk in any CI: lint the drafts, report only the lines changed since
# the merge base with the main branch, and exit as copydesk does
# (0 clean, 1 findings, 2 could not lint).
#
#   examples/ci/check.sh                  # the whole repository
#   examples/ci/check.sh desk/ notes.md   # only these paths
#
# COPYDESK_BASE (default origin/main) is the branch compared with; the CI
# checkout must have fetched it (`git fetch origin main`). COPYDESK_FORMAT
# (default concise: `path:line:column: severity[rule] message`) picks the
# output format.
set -eu
exec copydesk check --diff-base "${COPYDESK_BASE:-origin/main}" --format "${COPYDESK_FORMAT:-concise}" "$@"
