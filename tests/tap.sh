# tap.sh — TAP helpers for shell tests: plan, ok, skip_all, diag.
tap_n=0
tap_failed=0
plan() { echo "1..$1"; }
# ok CONDITION-STATUS DESCRIPTION: pass if the status is 0.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_failed=$((tap_failed + 1)); fi
}
skip_all() { echo "1..0 # SKIP $1"; exit 0; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
done_testing() { echo "1..$tap_n"; }
