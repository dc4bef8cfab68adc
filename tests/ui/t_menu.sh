#!/bin/sh
# t_menu.sh — the lesson menu: packs, then lessons, into a lesson and back
# out; a broken pack or lesson is shown as such, never a crash.
. "$top_srcdir/tests/ui/lib.sh"
tmp=$(mktemp -d); trap 'cleanup; rm -rf "$tmp"' EXIT

ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $top_srcdir/tests/data/ui"
ui_wait "Choose a world"; ok $? "the menu opens on the worlds"
ui_has "1. Mes données personnelles"; ok $? "the bundled pack is listed by its title"
ui_keys Enter; ui_wait "1. Le pseudo de Noé"; ok $? "a pack lists its lessons by title"
ui_keys 1; ui_wait "Mercredi après-midi"; ok $? "a digit opens the lesson"
ui_keys Escape Enter; ui_wait "1. Le pseudo de Noé"; ok $? "leaving the lesson goes back to the list"
ui_keys Escape; ui_wait "Choose a world"; ok $? "Esc goes back to the worlds"
ui_keys Escape; [ "$(ui_wait_exit)" = 0 ]; ok $? "Esc on the worlds quits, status 0"

# A copy of the content with one broken lesson and one broken pack.
cp -R "$top_srcdir/tests/data/ui" "$tmp/content"
chmod -R u+w "$tmp/content"
cp "$tmp/content/fr/donnees/pseudo.yaml" "$tmp/content/fr/donnees/casse.yaml"
sed -i 's/goto: dragon/goto: nulle-part/' "$tmp/content/fr/donnees/casse.yaml"
sed -i 's/^  - pseudo.yaml/  - pseudo.yaml\n  - casse.yaml/' "$tmp/content/fr/donnees/pack.yaml"
mkdir "$tmp/content/fr/zz-broken" && printf 'format: 1\nid: [\n' > "$tmp/content/fr/zz-broken/pack.yaml"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $tmp/content"
ui_wait "Choose a world"
ui_has "Some packs have problems"; ok $? "a broken pack is reported on the menu"
ui_keys Enter; ui_wait "2. Le pseudo de Noé (needs checking)"; ok $? "a broken lesson is marked"
ui_keys 2; ui_wait "This lesson cannot be played"; ok $? "opening it says why, and how to check it"
ui_keys 1; ui_wait "Mercredi après-midi"; ok $? "the good lesson of the same pack still plays"

ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --lesson donnees/pseudo"
ui_wait "Mercredi après-midi"; ok $? "--lesson PACK/LESSON starts that lesson"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --lesson donnees/nope"
[ "$(ui_wait_exit)" = 1 ] && ui_has "cannot read the lesson donnees/nope"
ok $? "an unknown lesson id is named, status 1"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --lesson ../fr/donnees/pseudo"
[ "$(ui_wait_exit)" = 1 ]; ok $? "a lesson id never reaches outside the content folder"

mkdir "$tmp/empty"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC play $tmp/empty"
ui_wait "No content pack found"; ok $? "no pack: a clear message"
ui_keys Escape; [ "$(ui_wait_exit)" = 0 ]; ok $? "and Esc leaves"
done_testing
[ "$tap_failed" -eq 0 ]
