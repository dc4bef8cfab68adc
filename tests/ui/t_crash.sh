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

# The first run: teacher code, a class, one pupil. The lesson is "Le quiz de
# Noé": one line of story, then 8 questions answered by typing "oui".
ui_start 80 24 "$run"
ui_first_run "CE2" "Léa"
ok $? "set up: a class with one pupil"

# Answers of the pupil's newest run in the database.
run_answers() {
	q "select count(*) from attempts where kind = 'answer' and run = (select max(id) from runs)"
}
# The pid of declic in the test terminal.
declic_pid() { pgrep -P "$(tmx list-panes -F '#{pane_pid}' | head -n 1)" -x declic; }
# rnd SEED LO HI: a number in LO..HI, from SEED.
rnd() { awk -v s="$1" -v lo="$2" -v hi="$3" 'BEGIN { srand(s); print int(lo + rand() * (hi - lo + 1)) }'; }

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
			if ui_wait "Challenge $((before + 1))/8"; then resumed=$((resumed + 1))
			else failures=$((failures + 1)); diag "run $round: did not resume at question $((before + 1))"; fi
		fi
	else
		ui_keys "$(ui_num 'Mes données personnelles')"; ui_wait "Le quiz de Noé"
		ui_keys "$(ui_num 'Le quiz de Noé')"
	fi
	# The moment: after a random number of the pupil's keys (so that a slow
	# machine reaches the same places), then a random fraction of a second.
	pid=$(declic_pid)
	steps=$(rnd "$round$$" 1 18)
	acked=0 s=0
	n=$(run_answers)
	while [ $s -lt "$steps" ] && kill -0 "$pid" 2>/dev/null; do
		s=$((s + 1))
		cur=$(ui_screen | sed -n 's/.*Challenge \([0-9]*\)\/8.*/\1/p' | head -n 1)
		if [ -n "$cur" ]; then
			[ "$cur" -gt "$((n + acked + 1))" ] && acked=$((cur - 1 - n))
			if ui_has "Well done!"; then ui_keys Enter; else ui_type oui; ui_keys Enter; fi
		elif ui_has "My missions"; then break	# the run is over
		else ui_keys Enter
		fi
	done
	sleep "0.$(rnd "$round$$x" 0 25)"
	kill -9 "$pid" 2>/dev/null
	sleep 0.2
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
