#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz/, then runs each one from the seed corpora (corpus/, tests/fixtures/, tests/fuzz/).
#
#   tools/fuzz.sh                 # every target, 2000 runs each (what CI does)
#   tools/fuzz.sh -max_total_time=600 fuzz_extract   # one target for ten minutes
#
# Arguments starting with '-' go to libFuzzer; other arguments pick targets. A crash leaves its
# input in build-fuzz/artifacts/; copy it to tests/fuzz/regressions/<surface>/ so the normal
# test suite (tests/fuzz_regression_test.cc) replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=() targets=()
for a in "$@"; do
  if [[ $a == -* ]]; then flags+=("$a"); else targets+=("$a"); fi
done
[ ${#flags[@]} -gt 0 ] || flags=(-runs=2000)
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_reader fuzz_extract fuzz_reference fuzz_docx)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPLANGRAPH_BUILD_TESTS=OFF -DPLANGRAPH_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
  >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
mkdir -p build-fuzz/artifacts
# fontconfig keeps its caches for the process's life (poppler reaches it for PDF fonts): not a
# leak of plangraph's, suppressed as in the sanitizer test run.
export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for t in "${targets[@]}"; do
  surface=${t#fuzz_}
  case $surface in
    reference) seeds=(tests/fuzz/seeds/reference) ;;
    docx) seeds=(tests/fixtures/docx) ;;
    *) seeds=(corpus/docs tests/fixtures/html tests/fixtures/pdf tests/fixtures/encodings tests/fixtures/docx) ;;
  esac
  work=build-fuzz/corpus/$surface   # new inputs land here, never in the source tree
  mkdir -p "$work"
  echo "== $t ${flags[*]}" >&2
  build-fuzz/"$t" "${flags[@]}" -max_len=262144 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix=build-fuzz/artifacts/"$surface"- "$work" "${seeds[@]}" tests/fuzz/regressions/"$surface"
done
