#!/bin/sh
# t_kill.sh — a crash: a process recording answers is killed with
# SIGKILL at random moments, 10 times. Every answer it acknowledged must be
# in the database, and the database must stay sound.
. "$top_srcdir/tests/store/lib.sh"
db=$scratch/progress.db
"$STORETOOL" write "$db" Setup 1 >/dev/null
total=1
for k in 1 2 3 4 5 6 7 8 9 10; do
	"$STORETOOL" stream "$db" 1000000 >"$scratch/out" &
	pid=$!
	sleep "0.$(( (k * 37) % 9 + 1 ))"
	kill -9 $pid
	wait $pid 2>/dev/null
	acked=$(tail -n 1 "$scratch/out" | sed -n 's/^acked //p')
	acked=${acked:-0}
	got=$("$STORETOOL" check "$db")
	n=$(echo "$got" | sed -n 's/^attempts \([0-9]*\) integrity ok$/\1/p')
	# The answer being written when the process died may or may not be in.
	[ -n "$n" ] && [ "$n" -ge $((total + acked)) ] && [ "$n" -le $((total + acked + 1)) ]
	ok $? "kill -9 number $k after $acked acknowledged answers: none lost, integrity ok ($got)"
	total=${n:-$total}
done
done_testing
[ "$tap_failed" -eq 0 ]
