#!/bin/sh
# t_guide.sh — `declic guide`: the teacher sheet of the mini pack holds every
# section and exactly its notes (Markdown and plain text); an unknown or broken
# pack prints nothing on stdout, a message on stderr, and exits 1.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
mini="$top_srcdir/tests/data/good/mini"
tmp=${TMPDIR:-/tmp}/declic-t_guide.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT

"$DECLIC" guide "$mini" >"$tmp/md" 2>"$tmp/err"; ok $? "guide exits 0 on a good pack"
[ ! -s "$tmp/err" ]; ok $? "and prints nothing on stderr"
has() { grep -qxF -- "$1" "$tmp/md"; ok $? "Markdown: $2"; }
has "# Mini pack de test" "the pack's title"
has "Un petit pack complet pour les tests." "its description"
has "- **Audience:** cycle 3 (CM1, CM2, 6e)" "its audience"
has "- **CRCN:** 4.2" "the CRCN codes of its lessons"
has "## 1. La leçon mini (3 min)" "the episode's title and minutes"
has "- **Objective:** Choisir un pseudo sur un jeu." "the objective"
has "- **CRCN:** 4.2, niveau 1" "the episode's CRCN line"
has "- **Catch-phrase:** Sur un jeu, je choisis un pseudo." "the catch-phrase"
has "### Session outline" "the outline's heading"
has "1. Épisode (5 min)" "the outline's first step, numbered"
has "2. Défi (5 min)" "the outline's second step"
has "### Debate questions" "the debate's heading"
has "- Pourquoi un pseudo protège-t-il ?" "the debate question"
has "### Remember" "the recap's heading"
has "- Mes infos perso, je les garde pour moi." "the recap's first line"
has "- Sur un jeu, je choisis un pseudo." "the recap's second line"
has "### Resources" "the resources' heading"
has "- 3018 : numéro gratuit pour le harcèlement en ligne." "the resource"
has "## Sources" "the sources' heading"
has "- Pack de test, sans source." "the source"
diff "$top_srcdir/tests/content/guide-mini.md" "$tmp/md" >"$tmp/diff"
ok $? "the whole sheet is exactly tests/content/guide-mini.md"
[ -s "$tmp/diff" ] && diag "$(cat "$tmp/diff")"

"$DECLIC" guide --text "$mini" >"$tmp/txt"; ok $? "guide --text exits 0"
grep -qxF "Mini pack de test" "$tmp/txt" && grep -qxF "=================" "$tmp/txt"
ok $? "plain text: the title, underlined"
grep -qxF "Objective: Choisir un pseudo sur un jeu." "$tmp/txt"; ok $? "plain text: the objective"
grep -qxF "  1. Épisode (5 min)" "$tmp/txt"; ok $? "plain text: the outline, indented"
grep -qxF "  - Pourquoi un pseudo protège-t-il ?" "$tmp/txt"; ok $? "plain text: the debate"
! grep -q '\*\*\|^#\|\\' "$tmp/txt"; ok $? "plain text has no Markdown marks"

(cd / && "$DECLIC" --content "$top_srcdir/tests/data/good" guide mini) >"$tmp/byid"
cmp -s "$tmp/byid" "$tmp/md"; ok $? "a pack can be named by its identifier under --content"

"$DECLIC" guide nosuchpack >"$tmp/out" 2>"$tmp/err"; st=$?
[ "$st" -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "no pack 'nosuchpack'" "$tmp/err"
ok $? "an unknown pack: exit 1, a message, no sheet"

bad="$top_srcdir/tests/data/bad/07-broken-goto"
"$DECLIC" guide "$bad" >"$tmp/out" 2>"$tmp/err"; st=$?
[ "$st" -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "unknown scene 'oupss'" "$tmp/err" &&
	grep -q "has errors, no sheet printed" "$tmp/err"
ok $? "a broken pack: exit 1, its errors, no sheet"

"$DECLIC" guide >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "guide without a pack is a usage error"
"$DECLIC" --help | grep -q "declic guide \[--text\] PACK"; ok $? "--help lists guide"
grep -q '^\.BI "guide " PACK' "$top_srcdir/doc/declic.1"; ok $? "the man page documents guide"
if [ -w /dev/full ]; then
	"$DECLIC" guide "$mini" >/dev/full 2>/dev/null; [ $? -eq 1 ]
	ok $? "a sheet that cannot be written: exit 1"
fi
done_testing
[ "$tap_failed" -eq 0 ]
