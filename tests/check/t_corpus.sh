#!/bin/sh
# t_corpus.sh — `declic check` on every broken pack of tests/data/bad/: each
# case must fail (exit 1) with exactly the diagnostics in its `expected` file,
# and the good packs must pass.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
export LANG=C LC_ALL=C LANGUAGE=

for dir in "$top_srcdir"/tests/data/good/*/; do
	name=$(basename "$dir")
	out=$(cd "$dir" && "$DECLIC" check . 2>&1 >/dev/null); status=$?
	[ "$status" -eq 0 ] && [ -z "$out" ]
	ok $? "good/$name is accepted"
	[ -z "$out" ] || diag "$out"
done

for dir in "$top_srcdir"/tests/data/bad/*/; do
	name=$(basename "$dir")
	got=$(cd "$dir" && "$DECLIC" check . 2>&1 >/dev/null); status=$?
	want=$(cat "$dir/expected")
	[ "$status" -eq 1 ] && [ "$got" = "$want" ]
	ok $? "bad/$name: $(head -n 1 "$dir/expected" | sed 's/^[^ ]* error: //')"
	if [ "$got" != "$want" ]; then diag "exit $status; expected:" "$want" "got:" "$got"; fi
done
done_testing
[ "$tap_failed" -eq 0 ]
