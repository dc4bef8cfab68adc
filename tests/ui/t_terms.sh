#!/bin/sh
# t_terms.sh — TERM × locale matrix and colour settings: a working screen or a
# clear message, never garbage. LANG=C gets ASCII art and transliterated text.
. "$top_srcdir/tests/ui/lib.sh"
lesson="$top_srcdir/tests/data/ui/fr/donnees/pseudo.yaml"
locales="C C.UTF-8"
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then locales="$locales fr_FR.UTF-8"; fi
diag "locales: $locales"

for term in xterm linux vt100 screen; do
	for loc in $locales; do
		ui_start 80 24 "TERM=$term LC_ALL=$loc LANGUAGE= $DECLIC --no-anim play $lesson"
		case $loc in
		C) ui_wait "Mercredi apres-midi" 3 ;;
		*) ui_wait "Mercredi après-midi" 3 ;;
		esac
		ok $? "TERM=$term LC_ALL=$loc: the first scene is readable"
	done
done

ui_start 80 24 "TERM=xterm LC_ALL=C LANGUAGE= $DECLIC --no-anim play $lesson"
ui_wait "Mercredi apres-midi"
ui_screen | LC_ALL=C grep -q '[^ -~]'; [ $? -ne 0 ]; ok $? "LC_ALL=C: only ASCII on screen"
ui_has "+------"; ok $? "LC_ALL=C: frames drawn with + and -"
ui_keys Enter Enter; ui_wait "Noe"; ok $? "LC_ALL=C: names transliterated (Noé -> Noe)"

for term in nonexistent-term dumb; do
	ui_start 80 24 "TERM=$term LANG=C.UTF-8 LANGUAGE= $DECLIC play $lesson"
	[ "$(ui_wait_exit)" = 1 ]; ok $? "TERM=$term: exits with status 1"
	ui_has "TERM=xterm"; ok $? "TERM=$term: says which TERM to use"
done

ui_start 80 24 "TERM=xterm-256color LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"
ui_wait "Mercredi"; ui_keys Enter
tmx capture-pane -p -e | grep -q '\[3[0-7]m\|\[4[0-7]m\|\[[0-9;]*;3[0-7]m'; ok $? "colours by default"
ui_start 80 24 "TERM=xterm-256color NO_COLOR=1 LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"
ui_wait "Mercredi"; ui_keys Enter
tmx capture-pane -p -e | grep -q '\[3[0-7]m\|\[4[0-7]m\|\[[0-9;]*;3[0-7]m'; [ $? -ne 0 ]; ok $? "NO_COLOR=1: no colour"
ui_has "Regarde !"; ok $? "NO_COLOR=1: the lesson plays"
ui_start 80 24 "TERM=xterm-256color LANG=C.UTF-8 LANGUAGE= $DECLIC --no-color --no-anim play $lesson"
ui_wait "Mercredi"
tmx capture-pane -p -e | grep -q '\[3[0-7]m\|\[4[0-7]m'; [ $? -ne 0 ]; ok $? "--no-color: no colour"

ui_start 80 24 "TERM=xterm LANG=C.UTF-8 LANGUAGE=fr $DECLIC --no-anim play $lesson"
ui_wait "Entrée : suivant"; ok $? "LANGUAGE=fr: the interface speaks French"
ui_start 80 24 "TERM=xterm LC_ALL=C LANGUAGE= $DECLIC --lang fr --no-anim play $lesson"
ui_wait "Entree : suivant"; ok $? "--lang fr in the C locale: French, transliterated"
done_testing
[ "$tap_failed" -eq 0 ]
