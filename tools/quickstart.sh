#!/usr/bin/env bash
# Quick start: install what is missing, build, and extract every bundled corpus document,
# printing a per-document summary and the accuracy against the gold annotations.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
build/plangraph extract --format summary corpus/docs
# accuracy: python3 ../shared/tools/score.py (see README)
