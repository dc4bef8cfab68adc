#!/bin/sh
# t_input.sh — input as children and lab PCs produce it: mouse clicks on
# options, Ctrl keys that must not stop a kiosk, and a hang-up that must end
# declic quickly and cleanly.
. "$top_srcdir/tests/ui/lib.sh"
lesson="$top_srcdir/tests/data/ui/fr/donnees/pseudo.yaml"
run="TERM=xterm LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"

# click ROW COL: a left click (SGR mouse report, 1-based row and column).
click() {
	tmx send-keys -l "$(printf '\033[<0;%d;%dM' "$2" "$1")"
	tmx send-keys -l "$(printf '\033[<0;%d;%dm' "$2" "$1")"
	sleep 0.2
}

ui_start 80 24 "$run"
ui_wait "Mercredi"
ui_enter_until "Que devrait faire Noé ?"
row=$(ui_screen | grep -n "3. Demander à un adulte" | cut -d: -f1)
click "$row" 12
ui_wait "Papa"; ok $? "a click on an option picks it"
ui_enter_until "Challenge 1/8"
row=$(ui_screen | grep -n "2. Ton adresse" | cut -d: -f1)
click "$row" 10
ui_wait "Well done!"; ok $? "a click answers a question"

ui_start 80 24 "$run"
ui_wait "Mercredi"
ui_enter_until "Que devrait faire Noé ?"
ui_keys 1; ui_enter_until "Pas tout à fait"
click "$(ui_screen | grep -n 'Try another path' | cut -d: -f1)" 30
ui_wait "Que devrait faire Noé ?"; ok $? "a click on 'Try another path' goes back to the choice"

ui_start 80 24 "$run"
ui_wait "Mercredi"
ui_keys Enter
ui_wait "Regarde !"
for key in C-c 'C-\' C-z C-s C-q C-d; do ui_keys "$key"; done
sleep 0.3
! ui_has "declic-exit="; ok $? "Ctrl-C, Ctrl-\\, Ctrl-Z, Ctrl-S, Ctrl-Q, Ctrl-D do not stop declic"
ui_has "Regarde !"; ok $? "and do not move the lesson on"
ui_keys Enter; ui_wait "Trop bien"; ok $? "the keyboard still works after them"

pid=$(pgrep -n -f "declic --no-anim play $lesson")
start=$(date +%s%N)
kill -HUP "$pid"
st=$(ui_wait_exit); end=$(date +%s%N)
ok $? "SIGHUP ends declic"
[ "$st" = 0 ]; ok $? "with status 0"
ms=$(( (end - start) / 1000000 ))
[ "$ms" -lt 1000 ]; ok $? "within a second (${ms} ms)"
! ui_has "Regarde"; ok $? "and the terminal is restored (the lesson screen is gone)"
done_testing
[ "$tap_failed" -eq 0 ]
