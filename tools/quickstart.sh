#!/usr/bin/env bash
# Quick start: install what is missing, build, import every bundled corpus document into a fresh
# database (build/plangraph.db), then print the import summary, the most cited documents and the
# audit totals, and the extraction accuracy against the corpus gold annotations.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
db=build/plangraph.db
rm -f "$db" "$db-wal" "$db-shm"
build/plangraph import --quiet --db "$db" corpus/docs
build/plangraph stats --db "$db"
build/plangraph audit --total --db "$db"
