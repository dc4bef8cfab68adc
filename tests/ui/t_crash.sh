#!/bin/sh
# t_crash.sh — kill -9 in the middle of a lesson, 20 times at random moments.
# After each kill the database passes PRAGMA integrity_check, every answer the
# pupil saw acknowledged (the program went on to the next question) is in the
# attempt log, and after a restart Continue resumes at the next question.
. "$top_srcdir/tests/ui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 command is not installed"
tmp=$(mktemp -d); trap 'cleanup; rm -rf "$tmp"' EXIT
db="$tmp/progress.db"
run="LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --db $db --content $top_srcdir/tests/data/ui"
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }

# The first run: teacher code, a class, one pupil.
ui_start 80 24 "$run"
ui_first_run "CE2" "Léa"
ok $? "set up: a class with one pupil"

# answer N: the right answer to question N of "Le pseudo de Noé".
answer() {
	case $1 in
	1) ui_keys 2 ;; 2) ui_keys 1 ;; 3) ui_type Pseudo; ui_keys Enter ;; 4) ui_keys 1 3 Enter ;;
	5) ui_keys "$(ui_num 'Où tu habites')" "$(ui_num 'quoi tu ressembles')" \
		"$(ui_num 'Où tu vas en classe')" "$(ui_num 'Quel âge tu as')" Enter ;;
	6) ui_keys "$(ui_num "J'ouvre la page")" "$(ui_num 'Je lis le formulaire')" \
		"$(ui_num 'seulement mon pseudo')" "$(ui_num 'Je commence à jouer')" Enter ;;
	7) ui_keys 2 ;; 8) ui_keys 1 ;;
	esac
}
# Answers of the pupil's newest run in the database.
run_answers() {
	q "select count(*) from attempts where kind = 'answer' and run = (select max(id) from runs)"
}
# The pid of declic in the test terminal.
declic_pid() { pgrep -P "$(tmx list-panes -F '#{pane_pid}' | head -n 1)" -x declic; }

runs=${CRASH_RUNS:-20}
acked_total=0 failures=0 resumed=0
round=1
while [ $round -le "$runs" ]; do
	ui_start 80 24 "$run"
	ui_wait "Hello! Choose your class." || { failures=$((failures + 1)); break; }
	before=$(run_answers)
	ui_keys 1; ui_wait "who are you?"; ui_keys 1; ui_wait "My missions — Léa"
	if ui_has "Continue:"; then
		ui_keys 1
		if [ "$before" -gt 0 ] && [ "$before" -lt 8 ]; then
			ui_wait "Challenge $((before + 1))/8" && resumed=$((resumed + 1)) ||
				{ failures=$((failures + 1)); diag "run $round: did not resume at question $((before + 1))"; }
		fi
	else
		ui_keys "$(ui_num 'Mes données personnelles')"; ui_wait "Le pseudo de Noé"
		ui_keys "$(ui_num 'Le pseudo de Noé')"
	fi
	# The killer: a random moment in the next 0.3-3 s.
	pid=$(declic_pid)
	delay=$(awk -v s="$round$$" 'BEGIN { srand(s); printf "%.2f", 0.3 + rand() * 2.7 }')
	(sleep "$delay"; kill -9 "$pid" 2>/dev/null) &
	killer=$!
	acked=0
	n=$(run_answers)
	while kill -0 "$pid" 2>/dev/null; do
		if ui_has "Challenge"; then
			cur=$(ui_screen | sed -n 's/.*Challenge \([0-9]*\)\/8.*/\1/p' | head -n 1)
			[ -n "$cur" ] || break
			[ "$cur" -gt "$((n + acked))" ] && acked=$((cur - 1 - n))
			if ui_has "Well done!" || ui_has "The right answer"; then ui_keys Enter
			else answer "$cur"; fi
		elif ui_has "Que devrait faire"; then ui_keys 2
		elif ui_has "My missions"; then sleep 0.1	# the run is over: wait for the kill
		else ui_keys Enter
		fi
	done
	wait "$killer"
	after=$(run_answers)
	check=$(q "pragma integrity_check")
	[ "$check" = ok ] || { failures=$((failures + 1)); diag "run $round: integrity_check says $check"; }
	# Acknowledged answers: the program showed the next question after them.
	if [ "$after" -lt "$((n + acked))" ]; then
		failures=$((failures + 1)); diag "run $round: $((n + acked)) answers acknowledged, $after kept"
	fi
	acked_total=$((acked_total + acked))
	round=$((round + 1))
done
ok "$([ $failures -eq 0 ]; echo $?)" "$runs kills: integrity ok, no acknowledged answer lost ($acked_total acknowledged, $resumed resumes checked)"
[ "$resumed" -gt 0 ]; ok $? "Continue resumed at the next question after a kill ($resumed times)"
total=$(q "select count(*) from attempts")
uniq=$(q "select count(distinct uuid) from attempts")
[ "$total" = "$uniq" ]; ok $? "every attempt has its own UUID ($total attempts)"
done_testing
