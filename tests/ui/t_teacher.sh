#!/bin/sh
# t_teacher.sh — teacher mode as a teacher uses it, in a real terminal: import
# a CSV class list (duplicates and invalid names listed), a long list in pages,
# rename and delete pupils, picture secrets on, a pupil choosing then using
# their secret, and wrong codes making the next try wait, also after a restart.
. "$top_srcdir/tests/ui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 command is not installed"
tmp=$(mktemp -d); trap 'cleanup; rm -rf "$tmp"' EXIT
db="$tmp/progress.db"
run="LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --db $db --content $top_srcdir/tests/data/ui"

# A spreadsheet export: BOM, ';', a "Prénom" column, a duplicate, a bad name.
printf '\357\273\277Nom;Prénom;Né le\r\nMartin;Léa;2017\r\nDurand;Tom;2016\r\nPetit;tom;2016\r\nX;@@;2017\r\n' > "$tmp/classe.csv"
i=1; while [ $i -le 25 ]; do printf 'Eleve %02d\n' $i; i=$((i + 1)); done > "$tmp/liste.txt"

ui_start 80 24 "$run"
ui_wait "Welcome to Déclic!" && ui_keys 1 && ui_wait "Choose the teacher code" &&
ui_type 246810 && ui_keys Enter && ui_wait "Type the code again" && ui_type 246810 && ui_keys Enter &&
ui_wait "Name of the new class" && ui_type "CE1" && ui_keys Enter &&
ui_wait "First names" && ui_type "Ana" && ui_keys Enter && ui_wait "1 pupil added" && ui_keys Enter
ui_wait "Pupils of CE1"; ok $? "set up: class CE1 with Ana"

ui_keys i; ui_wait "File to import"; ui_type "$tmp/classe.csv"; ui_keys Enter
ui_wait "2 pupils added from"; ok $? "a CSV export with a Prénom column: 2 pupils added"
ui_has 'Line 4, "tom": not added, same name as line 3.'; ok $? "a duplicate (case ignored) is reported with its line"
ui_has 'Line 5, "@@": not added.'; ok $? "an invalid name is reported with its line"
ui_keys Enter
ui_keys i; ui_wait "File to import"; ui_type "$tmp/nope.csv"; ui_keys Enter
ui_wait "Cannot open"; ok $? "a missing file: a clear message"
ui_keys i; ui_wait "File to import"; ui_type "$tmp/liste.txt"; ui_keys Enter
ui_wait "25 pupils added"; ok $? "a plain list of 25 names"
ui_keys Enter; ui_wait "Page 1 of 4"; ok $? "28 pupils come in pages of 9"

ui_keys 1 r; ui_wait "New name of the pupil"; ui_type "Anaïs"; ui_keys Enter
ui_wait "Anaïs"; ok $? "rename a pupil"
ui_keys "$(ui_num 'Eleve 01')" d; ui_wait "Delete Eleve 01 and all their progress?"; ui_keys y
ui_wait "Deleted."; ! ui_has "Eleve 01"; ok $? "delete a pupil, after a question"
n=$(sqlite3 "$db" "select count(*) from pupils"); [ "$n" = 27 ]; ok $? "27 pupils left ($n)"
ui_keys Escape; ui_wait "27 pupils"
ui_keys s; ui_wait "27 pupils, picture secrets"; ok $? "picture secrets turned on for the class"
ui_keys Escape; ui_wait "Hello! Choose your class."

# A pupil chooses a secret, then needs it.
ui_keys "$(ui_num 'CE1')"; ui_wait "who are you?"
ui_has "Page 1 of 4"; ok $? "the pupils' list is paged too"
ui_keys NPage; ui_wait "Page 2 of 4"; ok $? "PgDn turns the page"
ui_keys PPage; ui_wait "Page 1 of 4"
ui_keys "$(ui_num 'Anaïs')"; ui_wait "Choose your secret"; ok $? "first login: Anaïs chooses her secret"
ui_keys 1 5; ui_wait "My missions — Anaïs"; ok $? "two pictures, and in"
ui_keys Escape; ui_wait "Hello! Choose your class."
ui_keys "$(ui_num 'CE1')"; ui_wait "who are you?"; ui_keys "$(ui_num 'Anaïs')"
ui_wait "Your secret: pick your two pictures"; ui_keys 2 3
ui_wait "That is not your secret"; ok $? "the wrong pictures are refused, kindly"
ui_keys 5 1; ui_wait "My missions — Anaïs"; ok $? "the right ones, in any order, let her in"
ui_keys Escape; ui_wait "Hello! Choose your class."

# Wrong codes: 5 free tries, then a wait that survives a restart.
ui_keys "$(ui_num 'Teacher')"; ui_wait "Teacher code:"
for try in 1 2 3 4 5; do ui_type 111111; ui_keys Enter; ui_wait "Wrong code." 2; done
ui_type 111111; ui_keys Enter
ui_wait "Too many wrong codes: wait"; ok $? "after 5 wrong codes, a wait"
ui_start 80 24 "$run"
ui_wait "Hello! Choose your class."; ui_keys "$(ui_num 'Teacher')"; ui_wait "Teacher code:"
ui_type 246810; ui_keys Enter
ui_wait "Too many wrong codes: wait"; ok $? "the wait survives a restart, even for the right code"
done_testing
