#!/bin/sh
# t_resize.sh — the terminal changes size at any moment: 60×20 still plays,
# below it a "terminal too small" screen, and back at full size the pupil is
# exactly where they were. A resize storm (down to 1×1) never crashes.
. "$top_srcdir/tests/ui/lib.sh"
lesson="$top_srcdir/tests/data/ui/fr/donnees/pseudo.yaml"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"
ui_wait "Mercredi après-midi"
ui_keys Enter Enter Enter
ui_wait "Mon nom, mon école, ma ville"; ok $? "mid-scene at 80×24"
ui_resize 60 20
ui_wait "Mon nom, mon école, ma ville"; ok $? "at 60×20 the same line is shown"
ui_has "DRAGONS"; ok $? "with the backdrop"
! ui_has "too small"; ok $? "60×20 is big enough"
[ "$(ui_screen | LC_ALL=C.UTF-8 wc -L)" -le 60 ]; ok $? "nothing is drawn past column 60"
ui_resize 30 10
ui_wait "Terminal too small"; ok $? "at 30×10: terminal too small"
ui_has "Need 60×20"; ok $? "saying the size it needs"
ui_keys Enter Enter
ui_resize 80 24
ui_wait "Mon nom, mon école, ma ville"; ok $? "back at 80×24: the pupil's place is kept"
ui_keys Enter
ui_wait "Mrrr..."; ok $? "and the lesson goes on from there"

ui_enter_until "Que devrait faire Noé ?"
ui_resize 60 20
ui_wait "3. Demander à un adulte"; ok $? "a choice re-lays out at 60×20 with all options"
for size in "1 1" "2 3" "200 60" "59 19" "61 21" "10 40" "80 24"; do
	tmx resize-window -x "${size% *}" -y "${size#* }"
done
sleep 0.3
! ui_has "declic-exit="; ok $? "a resize storm down to 1×1 does not stop declic"
ui_wait "3. Demander à un adulte"; ok $? "and the choice is still there"
ui_keys 2; ui_enter_until "Noé-le-dragon"; ok $? "the pupil can still choose"

# With the typing animation on, a resize mid-typing keeps the line.
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC play $lesson"
ui_wait "Mercredi"
ui_keys Enter; ui_keys Enter
ui_resize 60 20; ui_resize 80 24
sleep 1
ui_has "Regarde ! Je m'inscris sur un jeu de dragons."; ok $? "typing survives a resize"

# Too small in the middle of a typing line: no polling, and the typing goes on
# once the terminal is big again.
ui_keys Enter
ui_resize 30 10
ui_wait "Terminal too small"
pid=$(pgrep -n -f "declic play $lesson")
wakeups() { awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$1/status"; }
before=$(wakeups "$pid"); sleep 1; after=$(wakeups "$pid")
[ $((after - before)) -le 3 ]; ok $? "while too small it sleeps until the terminal changes ($((after - before)) wake-ups in 1 s)"
ui_resize 80 24
sleep 1
ui_has "Trop bien ! Il te demande quoi ?"; ok $? "back to full size, the line finishes typing"
done_testing
[ "$tap_failed" -eq 0 ]
