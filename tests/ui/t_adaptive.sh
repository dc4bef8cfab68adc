#!/bin/sh
# t_adaptive.sh — the adaptive défi as pupils live it, in a real terminal: a
# pupil who answers everything wrong gets easier questions, explanations and a
# replay of the scene, and ends "partially reached" without being stuck; a
# pupil who answers everything right skips the practice; "Mes réflexes" offers
# a review at the next login; θ is kept and can be rebuilt from the log.
. "$top_srcdir/tests/ui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 command is not installed"
tmp=$(mktemp -d); trap 'cleanup; rm -rf "$tmp"' EXIT
db="$tmp/progress.db"
run="LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --db $db --content $top_srcdir/tests/data/ui"
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }

ui_start 80 24 "$run"
ui_first_run "CM2" "Ana, Bob"
ok $? "set up: a class with Ana and Bob"

# open_defi NAME: log NAME in and open the test lesson "Le défi de Jade".
open_defi() {
	ui_keys "$(ui_num 'CM2')"; ui_wait "who are you?"; ui_keys "$(ui_num "$1")"
	ui_wait "My missions — $1"; ui_keys "$(ui_num 'Mes données personnelles')"
	ui_wait "Le défi de Jade"; ui_keys "$(ui_num 'Le défi de Jade')"
	ui_wait "Jade explique"
}
# level: the level of the question on screen ("niveau N"; 0 for the
# first-step questions, level 1 with difficulty -2).
level() { ui_screen | sed -n 's/.*Question [AB], niveau \([0-9]\).*/\1/p' | head -n 1; }

# Ana answers everything wrong.
open_defi Ana
levels="" replays=0 steps=0 story_seen=0
while [ $steps -lt 80 ] && ! ui_has "Remember"; do
	steps=$((steps + 1))
	if ui_has "Question A," || ui_has "Question B,"; then
		if ui_has "The right answer" || ui_has "Answer:"; then ui_keys Enter; continue; fi
		ui_has "Hint" || levels="$levels $(level)"
		ui_type non; ui_keys Enter
	elif ui_has "Jade explique"; then
		story_seen=$((story_seen + 1)); ui_keys Enter
	else
		ui_keys Enter
	fi
done
ui_has "Remember"; ok $? "all wrong: Ana reaches the recap, not stuck ($steps steps)"
diag "levels of Ana's questions:$levels"
first=$(echo $levels | cut -d' ' -f1)
[ "$first" = 1 ]; ok $? "a new pupil starts on the question nearest 75% success: level 1"
mean=$(echo $levels | awk '{ for (i = 1; i <= NF; i++) s += $i; printf "%.2f", s / NF }')
awk -v m="$mean" 'BEGIN { exit !(m < 1.5) }'; ok $? "after mistakes, mostly easy questions (mean level $mean, the pool's is 1.5)"
case " $levels " in *" 0 "*) true ;; *) false ;; esac
ok $? "the first-step questions (difficulty -2, \"niveau 0\") reach her"
n=$(echo $levels | wc -w)
[ "$n" -gt 2 ]; ok $? "failures bring practice questions ($n asked)"
[ "$story_seen" -ge 3 ]; ok $? "the explaining scene is replayed after failed runs (seen $story_seen times)"
ui_keys Enter; ui_wait "Keep going!"; ok $? "the kind failure ending"
partial=$(q "select count(*) from attempts a join pupils p on p.id = a.pupil where p.name = 'Ana' and a.kind = 'answer' and a.theta_after < 0")
[ "$partial" -gt 0 ]; ok $? "Ana's θ went down in the attempt log ($partial answers)"
ui_keys Enter; ui_wait "Le défi de Jade"; ui_keys Escape Escape; ui_wait "Hello! Choose your class."

# Bob answers everything right.
open_defi Bob
asked=0 story_seen=0
while [ $asked -lt 20 ] && ! ui_has "Remember"; do
	if ui_has "Well done!"; then ui_keys Enter
	elif ui_has "Question A," || ui_has "Question B,"; then asked=$((asked + 1)); ui_type oui; ui_keys Enter; ui_wait "Well done!" 2
	elif ui_has "Jade explique"; then story_seen=$((story_seen + 1)); ui_keys Enter
	else ui_keys Enter
	fi
done
[ "$asked" = 2 ]; ok $? "all right: one validation question per skill, no practice ($asked asked)"
[ "$story_seen" = 1 ]; ok $? "and no replay of the scene"
ui_keys Enter; ui_wait "Mission accomplished!"; ok $? "the success ending"
ui_keys Enter; ui_wait "Le défi de Jade"; ui_keys Escape Escape; ui_wait "Hello! Choose your class."

# The teacher sees the steps Ana left partially reached, none for Bob.
ui_keys "$(ui_num 'Teacher')"; ui_wait "Teacher code:"; ui_type 246810; ui_keys Enter
ui_wait "CM2"; ui_keys "$(ui_num 'CM2')"; ui_wait "Pupils of CM2"
ui_screen | grep "Ana" | grep -q "2 steps to review"
ok $? "teacher mode: Ana has 2 steps to review"
! ui_screen | grep "Bob" | grep -q "to review"
ok $? "and Bob, who reached both, has none"
steps=$(q "select group_concat(a.response || ':' || a.skill, ' ') from attempts a join pupils p on p.id = a.pupil where p.name = 'Ana' and a.kind = 'step'")
diag "Ana's logged steps: $steps"
case "$steps" in *"partial:donnees/identifier"*"partial:donnees/motdepasse"*) true ;; *) false ;; esac
ok $? "each step's outcome is in the attempt log, with its skill"
ui_keys Escape; ui_wait "Classes"; ui_keys Escape; ui_wait "Hello! Choose your class."

# The stored skill state is what the attempt log gives.
stored=$(q "select count(*) from skill_state s join pupils p on p.id = s.pupil where p.name = 'Bob' and s.theta > 0")
[ "$stored" = 2 ]; ok $? "Bob's θ rose on his two skills ($stored)"

# Next login: the reflexes come back.
ui_keys "$(ui_num 'CM2')"; ui_wait "who are you?"; ui_keys "$(ui_num 'Bob')"
ui_wait "My reflexes:"; ok $? "at the next login, Mes réflexes offers a review"
ui_keys "$(ui_num 'My reflexes')"; ui_wait "Question"; ok $? "the review asks reflex questions"
ui_has "My reflexes"; ok $? "in the review screen"
asked=0
while [ $asked -lt 10 ] && ! ui_has "Remember"; do
	if ui_has "Well done!"; then ui_keys Enter
	elif ui_has "Question"; then asked=$((asked + 1)); ui_type oui; ui_keys Enter; ui_wait "Well done!" 2
	else ui_keys Enter
	fi
done
[ "$asked" -ge 1 ] && [ "$asked" -le 5 ]; ok $? "a short review: $asked questions (at most 5)"
ui_enter_until "Well done! Your reflexes are solid."; ok $? "and a kind ending"
boxes=$(q "select max(r.box) from review r join pupils p on p.id = r.pupil where p.name = 'Bob'")
[ "$boxes" = 2 ]; ok $? "a reflex answered right again moves up to box 2"
done_testing
