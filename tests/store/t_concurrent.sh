#!/bin/sh
# t_concurrent.sh — two processes record 1000 answers each into one database
# at the same time (a kiosk and a teacher tool): no error, no lost answer.
. "$top_srcdir/tests/store/lib.sh"
db=$scratch/progress.db
start=$(now_ms)
"$STORETOOL" write "$db" Alice 1000 >"$scratch/a.out" 2>&1 &
a=$!
"$STORETOOL" write "$db" Bob 1000 >"$scratch/b.out" 2>&1 &
b=$!
wait $a; sa=$?
wait $b; sb=$?
elapsed=$(( $(now_ms) - start ))
[ $sa -eq 0 ] && grep -qx 'acked 1000 errors 0 ' "$scratch/a.out"
ok $? "first process: 1000 answers, 0 errors ($(cat "$scratch/a.out"))"
[ $sb -eq 0 ] && grep -qx 'acked 1000 errors 0 ' "$scratch/b.out"
ok $? "second process: 1000 answers, 0 errors ($(cat "$scratch/b.out"))"
got=$("$STORETOOL" check "$db")
[ "$got" = "attempts 2000 integrity ok" ]
ok $? "exactly 2000 rows and integrity_check ok ($got)"
diag "2 x 1000 answers (synchronous=FULL, one transaction each) in $elapsed ms"
done_testing
[ "$tap_failed" -eq 0 ]
