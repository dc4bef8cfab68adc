#!/bin/sh
# t_stats.sh — `declic stats`: the figures of the mini pack, the texts pupils
# read (and not the teacher notes) with --text, errors.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
mini="$top_srcdir/tests/data/good/mini"
tmp=${TMPDIR:-/tmp}/declic-t_stats.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT

"$DECLIC" stats "$mini" >"$tmp/out" 2>"$tmp/err"; ok $? "stats exits 0 on a good pack"
[ ! -s "$tmp/err" ]; ok $? "and prints nothing on stderr"
grep -qxF "mini: Mini pack de test (cycle3)" "$tmp/out"; ok $? "the pack, its title and audience"
grep -qxF "  1 episode, 3 min, 6 questions, 0 reflex questions, 1 choice" "$tmp/out"
ok $? "episodes, minutes, questions, reflex questions, choices"
grep -qxF "  levels: 1:3 2:3 3:0" "$tmp/out"; ok $? "questions by level"
grep -qxF "  kinds: single:1 multiple:1 truefalse:1 text:1 order:1 match:1" "$tmp/out"
ok $? "questions by kind"
grep -q "^  lecon  *3  *6  *3  *3  *0  *0  *1  *2  -$" "$tmp/out"; ok $? "the episode's row"

"$DECLIC" stats --text "$mini" >"$tmp/txt"; ok $? "stats --text exits 0"
[ "$(wc -l <"$tmp/txt")" -eq 52 ]; ok $? "52 texts: 7 lines, 1 choice, 18 options, 2 feedbacks, 6 prompts, 6 hints, 6 explanations, 2 recap, 1 catch-phrase, 3 endings"
grep -qxF "$(printf 'mini\tcycle3\tlecon\tline\tJe crée un compte sur un jeu.')" "$tmp/txt"
ok $? "a line: pack, audience, lesson, field, text"
grep -qxF "$(printf 'mini\tcycle3\tlecon\toption\tOù je vais en classe')" "$tmp/txt"
ok $? "the right items of a match question are options"
grep -qxF "$(printf 'mini\tcycle3\tlecon\tcatchphrase\tSur un jeu, je choisis un pseudo.')" "$tmp/txt"
ok $? "the catch-phrase"
! grep -q "Pourquoi un pseudo protège-t-il\|Choisir un pseudo sur un jeu" "$tmp/txt"
ok $? "no teacher notes"

(cd / && "$DECLIC" --content "$top_srcdir/tests/data/good" stats) >"$tmp/all"
cmp -s "$tmp/all" "$tmp/out"; ok $? "without a pack: every pack of the content folder"
"$DECLIC" stats nosuchpack >/dev/null 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "no pack 'nosuchpack'" "$tmp/err"
ok $? "an unknown pack: exit 1 and a message"
"$DECLIC" stats "$top_srcdir/tests/data/bad/07-broken-goto" >/dev/null 2>"$tmp/err"; st=$?
[ "$st" -eq 1 ] && grep -q "unknown scene 'oupss'" "$tmp/err"; ok $? "a broken pack: exit 1 and its errors"
done_testing
[ "$tap_failed" -eq 0 ]
