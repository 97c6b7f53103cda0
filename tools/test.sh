#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GoogleTest through ctest) twice: in the
# normal build (build/), then in a separate AddressSanitizer + UndefinedBehaviorSanitizer build
# (build-sanitize/), where any sanitizer report fails the run; then each libFuzzer target for a
# fixed number of inputs (tools/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer" >&2
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
  >/dev/null
cmake --build build-sanitize -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tools/lsan.supp" \
  ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"

echo "== short fuzz runs (clang + libFuzzer), a fixed number of inputs per target" >&2
tools/fuzz.sh -runs=1000
