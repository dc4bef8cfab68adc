#!/bin/sh
# run.sh — fuzz the pack loader with libFuzzer (clang), seeded with the test
# corpora. Usage: tests/fuzz/run.sh [SECONDS]   (default 60)
# New crashing inputs are written to tests/fuzz/ as crash-*; add them, once
# fixed, to tests/fuzz/corpus/ so that `make check` replays them.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
build=${TMPDIR:-/tmp}/declic-fuzz
mkdir -p "$build/corpus"
find "$top/tests/data" "$top/tests/fuzz/corpus" "$top/content" -type f ! -name expected \
	-exec cp {} "$build/corpus/" \; 2>/dev/null || true
printf '#define PACKAGE "declic"\n#define _GNU_SOURCE 1\n' > "$build/config.h"
clang -g -O1 -fsanitize=fuzzer,address,undefined -include "$build/config.h" -I"$build" \
	-I"$top/src" -o "$build/fuzz_pack" "$top/tests/fuzz/fuzz_pack.c" \
	"$top"/src/xalloc.c "$top"/src/core/*.c "$top"/src/pack/*.c -lyaml -lunistring
cd "$top/tests/fuzz"
"$build/fuzz_pack" -max_total_time="$secs" -max_len=65536 -print_final_stats=1 "$build/corpus"
