#!/bin/sh
# t_login.sh — the first run and the pupils' own progress, in a real terminal:
# welcome → teacher code → a class → 3 pupils; a pupil logs in, plays half a
# lesson and leaves; another pupil sees their own empty map; the first comes
# back and Continue resumes at the very question they left.
. "$top_srcdir/tests/ui/lib.sh"
run="LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --content $top_srcdir/tests/data/ui"
db="$XDG_DATA_HOME/declic/progress.db"

ui_start 80 24 "$run"
ui_wait "Welcome to Déclic!"; ok $? "an empty database opens on the welcome"
[ -f "$db" ]; ok $? "the database is created in \$XDG_DATA_HOME/declic/"
[ "$(stat -c %a "$db")" = 600 ]; ok $? "readable by its owner only (0600)"
[ -f "$XDG_DATA_HOME/declic/backups/progress-$(date +%Y-%m-%d).db" ]; ok $? "today's backup is made after the first frame"
ui_keys 1; ui_wait "Choose the teacher code"; ok $? "the adult chooses the teacher code"
ui_type 1234; ui_keys Enter; ui_wait "at least 6 digits"; ok $? "a code under 6 digits is refused"
ui_keys BSpace BSpace BSpace BSpace; ui_type 246810; ui_keys Enter
ui_wait "Type the code again"; ui_type 246811; ui_keys Enter
ui_wait "The two codes differ"; ok $? "the code is typed twice, and a difference is caught"
ui_type 246810; ui_keys Enter; ui_wait "Type the code again"; ui_type 246810
ui_has "******_" && ! ui_has 246810; ok $? "the code never shows, only stars"
ui_keys Enter; ui_wait "Name of the new class"; ok $? "then the first class is asked for"
ui_type "CM1 A"; ui_keys Enter
ui_wait "First names, separated by commas"; ok $? "then its pupils"
ui_type "Léa, Tom, Zoé, Tom, @@@"; ui_keys Enter
ui_wait "3 pupils added from the list."; ok $? "three pupils added"
ui_has "same name as line 2"; ok $? "a duplicate is reported, not dropped silently"
ui_has "\"@@@\": not added."; ok $? "an invalid name is reported"
ui_keys Enter; ui_wait "Pupils of CM1 A"; ui_has "Zoé"; ok $? "the class lists its pupils"
ui_keys Escape; ui_wait "3 pupils"; ok $? "the class shows its number of pupils"; ui_keys Escape
ui_wait "Hello! Choose your class."; ok $? "leaving teacher mode shows the login"

# Léa plays half a lesson.
ui_keys "$(ui_num 'CM1 A')"; ui_wait "who are you?"; ok $? "the class lists its pupils"
ui_keys "$(ui_num 'Léa')"; ui_wait "My missions — Léa"; ok $? "Léa lands on her missions"
ui_has "Atelier des adultes"; [ $? -ne 0 ]; ok $? "the adults' atelier pack is not on a pupil's map"
ui_has "Continue"; [ $? -ne 0 ]; ok $? "nothing to continue yet"
ui_keys "$(ui_num 'Mes données personnelles')"; ui_wait "new"; ok $? "lessons start new"
ui_keys "$(ui_num 'Le pseudo de Noé')"; ui_wait "Mercredi après-midi"; ok $? "the lesson plays"
ui_enter_until "Que devrait faire Noé ?"; ui_keys 2
ui_enter_until "Challenge 1/8"; ui_keys 2; ui_wait "Well done!"; ui_keys Enter
ui_wait "Challenge 2/8"; ui_keys 2; ui_wait "Hint"; ok $? "question 2 answered wrong: a hint"
left=$(ui_screen | grep -F "Vrai ou faux")
ui_keys Escape Enter; ui_wait "in progress"; ok $? "leaving: the lesson is in progress"
ui_keys Escape; ui_wait "Continue: Le pseudo de Noé"; ok $? "the map offers to continue"
ui_keys Escape; ui_wait "Hello! Choose your class."

# Tom's map is his own.
ui_keys "$(ui_num 'CM1 A')"; ui_wait "who are you?"
ui_keys "$(ui_num 'Tom')"; ui_wait "My missions — Tom"
ui_has "Continue"; [ $? -ne 0 ]; ok $? "another pupil has nothing to continue"
ui_keys "$(ui_num 'Mes données personnelles')"; ui_wait "Le pseudo de Noé"
ui_has "in progress"; [ $? -ne 0 ] && ui_has "new"; ok $? "and sees the lesson as new"
ui_keys Escape Escape; ui_wait "Hello! Choose your class."
ui_keys Escape; [ "$(ui_wait_exit)" = 0 ]; ok $? "Esc on the login quits (no kiosk), status 0"

# Léa comes back after a restart: Continue resumes at the same question.
ui_start 80 24 "$run"
ui_wait "Hello! Choose your class."; ok $? "the next start goes straight to the login"
ui_keys "$(ui_num 'CM1 A')"; ui_wait "who are you?"; ui_keys "$(ui_num 'Léa')"
ui_wait "Continue: Le pseudo de Noé"; ui_keys 1
ui_wait "Challenge 2/8"; ok $? "Continue resumes at question 2"
ui_screen | grep -qF "$left"; ok $? "the same question as when Léa left"
ui_has "Hint"; ok $? "with the hint she had already earned"
n=$(sqlite3 "$db" "select count(*) from attempts a join pupils p on p.id = a.pupil where p.name = 'Léa'")
[ "$n" = 3 ]; ok $? "her choice and her 2 answers are in the attempt log (got $n)"

# Kiosk: Esc does not leave; the teacher code does.
ui_start 80 24 "$run --kiosk"
ui_wait "Hello! Choose your class."
ui_keys Escape q; ui_wait "the teacher opens teacher mode"; ok $? "a kiosk does not quit on Esc"
ui_keys "$(ui_num 'Guest')"; ui_wait "Choose a world"; ok $? "a guest gets the lesson menu"
[ "$(ui_num 'Atelier des adultes')" = 2 ]; ok $? "where the adults' pack comes after the pupils'"
ui_keys Escape; ui_wait "Hello! Choose your class."; ok $? "Esc there goes back to the login: the kiosk stays"
ui_keys "$(ui_num 'Teacher')"; ui_wait "Teacher code:"
ui_type 000000; ui_keys Enter; ui_wait "Wrong code."; ok $? "a wrong code is refused"
ui_type 246810; ui_keys Enter; ui_wait "Classes"; ok $? "the right code opens teacher mode"
ui_keys q; [ "$(ui_wait_exit)" = 0 ]; ok $? "q in teacher mode leaves the kiosk"
done_testing
