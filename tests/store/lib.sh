# lib.sh — shared by the store's shell tests: the tool, a scratch folder.
. "$top_srcdir/tests/tap.sh"
STORETOOL=$top_builddir/tests/store/storetool
scratch=$(mktemp -d /tmp/declic-store-sh-XXXXXX)
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
# now_ms: milliseconds since the epoch.
now_ms() { date +%s%3N; }
