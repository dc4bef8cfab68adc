#!/bin/sh
# t_cli.sh — the command line as an installer or author uses it: --help,
# --version, errors, check, the man page, translations of the CLI.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
export LANG=C.UTF-8 LC_ALL= LANGUAGE=

out=$("$DECLIC" --help); ok $? "--help exits 0"
echo "$out" | grep -q "declic check PATH"; ok $? "--help lists the check command"
"$DECLIC" --version | grep -q "^declic [0-9]"; ok $? "--version prints the version"
"$DECLIC" --bogus >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "an unknown option exits 2"
"$DECLIC" frobnicate 2>&1 | grep -q "unknown command 'frobnicate'"; ok $? "an unknown command is named"
"$DECLIC" check "$top_srcdir/content" >/dev/null; ok $? "the bundled content checks clean"
"$DECLIC" check "$top_srcdir/content" | grep -q "0 errors"; ok $? "check prints a summary"
"$DECLIC" check /nonexistent 2>&1 | grep -q "^/nonexistent: error: no such file or folder"
ok $? "check names a missing path"
"$DECLIC" check >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "check without a path is a usage error"
"$DECLIC" play /nonexistent.yaml 2>&1 | grep -q "cannot read the lesson /nonexistent.yaml"
ok $? "play names a missing lesson"
"$DECLIC" --lang de --help >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "--lang takes fr or en"

fr=$(LANGUAGE=fr "$DECLIC" --help)
echo "$fr" | grep -q "Utilisation"; ok $? "LANGUAGE=fr gives French help"
LANG=C "$DECLIC" --lang fr --help | grep -q "Utilisation"; ok $? "--lang fr works even in the C locale"
LANGUAGE=fr "$DECLIC" --lang en --help | grep -q "^Usage"; ok $? "--lang en overrides LANGUAGE"
LANGUAGE=fr "$DECLIC" check /nonexistent 2>&1 | grep -q "aucun fichier ou dossier"
ok $? "diagnostics are translated too"

if command -v man >/dev/null 2>&1; then
	page=$(MANWIDTH=80 MANPAGER=cat man -l "$top_srcdir/doc/declic.1" 2>/dev/null)
	echo "$page" | grep -q "declic check"; ok $? "the man page renders and documents check"
	echo "$page" | grep -q "NO_COLOR"; ok $? "the man page documents NO_COLOR"
else
	echo "ok - # SKIP man is not installed"; tap_n=$((tap_n + 1))
fi
done_testing
[ "$tap_failed" -eq 0 ]
