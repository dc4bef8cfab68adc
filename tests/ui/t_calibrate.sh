#!/bin/sh
# t_calibrate.sh — `declic calibrate`: the pooled difficulty of each question
# from the answers of a class (recorded by storetool as the kiosk records
# them), the question much harder than its level flagged and no other, --min
# and --threshold, an empty database, a file that is not Déclic's, usage.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
STORETOOL=$top_builddir/tests/store/storetool
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
mini="$top_srcdir/tests/data/good/mini"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/declic-t_calibrate.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
db=$tmp/progress.db
calibrate() { "$DECLIC" --content "$mini" calibrate --db "$db" "$@"; }

"$DECLIC" --help | grep -q "declic calibrate \[--db FILE\] \[--min N\] \[--threshold LOGITS\]"
ok $? "--help lists calibrate and its options"

# An empty database: nothing to calibrate, and no error.
"$STORETOOL" open "$db" create >/dev/null
calibrate >"$tmp/out" 2>"$tmp/err"; ok $? "an empty database exits 0"
grep -q "^No pupil has answered a question in .*progress.db yet: nothing to calibrate.$" "$tmp/out"
ok $? "and says there is nothing to calibrate"
[ ! -s "$tmp/err" ]; ok $? "with nothing on stderr"

# 30 pupils of a class; q-text (level 1, authored b -1) is answered right by
# 3 of them only: much harder than its level. q-truefalse (level 1) is
# missed by all 5 pupils who met it: too few answers to judge. The others
# are answered as their level says. A pack that is not installed has no
# level.
for a in "mini/lecon/q-single 30 22 -1 0.3333" "mini/lecon/q-multiple 30 15 0 0" \
	"mini/lecon/q-text 30 3 -1 0" "mini/lecon/q-order 30 12 0 0" \
	"mini/lecon/q-truefalse 5 0 -1 0.5" "labo/essai/q1 25 12 0 0"; do
	# shellcheck disable=SC2086
	"$STORETOOL" answers "$db" $a >/dev/null || echo "# storetool answers $a failed"
done
before=$("$STORETOOL" check "$db")
calibrate >"$tmp/out" 2>"$tmp/err"; ok $? "calibrate exits 0"
sed 's/^/# /' "$tmp/out"
[ ! -s "$tmp/err" ]; ok $? "with nothing on stderr"
[ "$before" = "attempts 236 integrity ok" ]
ok $? "150 first tries and a retry after each of the 86 wrong ones in the log ($before)"
grep -qx "Difficulty of the questions from the first tries of every pupil: 150 answers of 30 pupils." "$tmp/out"
ok $? "150 first tries of 30 pupils: the retries after a hint are not counted"
grep -q "^question  *answers  *right  *level  *b  *pooled b$" "$tmp/out"; ok $? "the header"
grep -q "^mini/lecon/q-text  *30  *10%  *1  *-1.00  *+[1-9]\.[0-9][0-9]  <- harder than its level$" "$tmp/out"
ok $? "q-text: 30 answers, 10% right, level 1, b -1, pooled b above +1, flagged harder"
[ "$(grep -c "<-" "$tmp/out")" -eq 1 ]; ok $? "no other question is flagged"
grep -q "^mini/lecon/q-truefalse  *5  *0%  *1  *-1.00  *+[0-9.]*$" "$tmp/out"
ok $? "q-truefalse: 5 answers, all wrong, its pooled b up but not flagged"
grep -q "^mini/lecon/q-single  *30  *73%  *1  *-1.00  *-[0-9.]*$" "$tmp/out"; ok $? "q-single as authored"
grep -q "^labo/essai/q1  *25  *48%  *-  *+0.00  " "$tmp/out"; ok $? "a pack not installed: no level"
[ "$(sed -n '3p' "$tmp/out" | cut -d' ' -f1)" = "labo/essai/q1" ] &&
	[ "$(sed -n '8p' "$tmp/out" | cut -d' ' -f1)" = "mini/lecon/q-truefalse" ]
ok $? "sorted by pack, lesson and question"
tail -n 1 "$tmp/out" | grep -qx "1 of 6 questions drift by 1 logit or more (only those with at least 20 answers are judged)."
ok $? "the summary"
[ "$("$STORETOOL" check "$db")" = "$before" ]; ok $? "the database is not changed"

calibrate --min 5 >"$tmp/out"; ok $? "--min 5 exits 0"
grep -q "^mini/lecon/q-truefalse .*<- harder than its level$" "$tmp/out"; ok $? "with --min 5, q-truefalse is flagged"
tail -n 1 "$tmp/out" | grep -q "^2 of 6 questions drift by 1 logit or more (only those with at least 5 answers"
ok $? "and counted"
calibrate --threshold 9 | tail -n 1 | grep -q "^0 of 6 questions drift by 9 logit or more"
ok $? "--threshold 9: nothing drifts"
calibrate --threshold 0,5 | tail -n 1 | grep -q "^[1-9] of 6 questions drift by 0.5 logit or more"
ok $? "--threshold takes a decimal comma too"
"$DECLIC" --content "$mini" --db "$db" calibrate | grep -q "^mini/lecon/q-text .*<- harder"
ok $? "--db before the command works too"

# Not a Déclic file, a missing file, usage errors.
echo "name,score" >"$tmp/other.db"
cp "$tmp/other.db" "$tmp/other.orig"
"$DECLIC" calibrate --db "$tmp/other.db" >"$tmp/out" 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "a file that is not Déclic's exits 1"
grep -qx "declic: cannot use the progress file $tmp/other.db: This file is not a Déclic progress file." "$tmp/err" &&
	grep -qx "declic: nothing was changed; choose another file with --db FILE" "$tmp/err"
ok $? "with the usual message"
cmp -s "$tmp/other.db" "$tmp/other.orig" && [ ! -s "$tmp/out" ]; ok $? "the file is left as it was, nothing printed"
"$DECLIC" calibrate --db "$tmp/none.db" 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "a missing file exits 1"
grep -qx "declic: there is no progress file $tmp/none.db" "$tmp/err" && [ ! -e "$tmp/none.db" ]
ok $? "says so and creates nothing"
for bad in "--min 0" "--min x" "--threshold 0" "--threshold abc" "--bogus" "extra"; do
	# shellcheck disable=SC2086
	calibrate $bad >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "calibrate $bad is a usage error"
done
calibrate --min 0 2>&1 | grep -q "^declic calibrate: --min takes a number of answers, 1 or more$"
ok $? "and says why"
done_testing
[ "$tap_failed" -eq 0 ]
