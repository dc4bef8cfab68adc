#!/bin/sh
# t_failures.sh — what a pupil's machine does to the store: no home folder,
# a full disk, read-only files and folders, a database locked too long.
# Codes are those of enum store_rc: 1 NOHOME, 3 READONLY, 4 FULL, 8 BUSY.
. "$top_srcdir/tests/store/lib.sh"
SHIM=$top_builddir/tests/store/enospc.so

got=$(env -u HOME -u XDG_DATA_HOME "$STORETOOL" home)
[ "${got%% *}" = 1 ]
ok $? "no HOME and no XDG_DATA_HOME: NOHOME ($got)"

# ---- A full disk: each run writes until the shim says ENOSPC. ----
db=$scratch/full/progress.db
"$STORETOOL" write "$db" Setup 1 >/dev/null
acked=1
for budget in 3000 20000 50000 77777 120000 150001 300000 700000; do
	out=$(ENOSPC_BUDGET=$budget LD_PRELOAD=$SHIM \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		"$STORETOOL" fill "$db" 100000)
	n=$(echo "$out" | sed -n 's/^acked \([0-9]*\) rc \([0-9]*\)$/\1/p')
	rc=$(echo "$out" | sed -n 's/^acked \([0-9]*\) rc \([0-9]*\)$/\2/p')
	[ "$rc" = 4 ]
	ok $? "budget $budget bytes: stops with FULL after $n answers ($out)"
	acked=$((acked + ${n:-0}))
	got=$("$STORETOOL" check "$db")
	[ "$got" = "attempts $acked integrity ok" ]
	ok $? "without the shim: every acknowledged answer is there, integrity ok ($got, want $acked)"
done
out=$("$STORETOOL" write "$db" Setup 5)
[ "$out" = "acked 5 errors 0 " ]
ok $? "space back: answers are recorded again ($out)"

# ---- Locked by another process longer than the busy timeout. ----
"$STORETOOL" hold "$db" 8 >"$scratch/hold.out" &
holder=$!
for i in 1 2 3 4 5 6 7 8 9 10; do grep -q locked "$scratch/hold.out" && break; sleep 0.2; done
start=$(now_ms)
got=$("$STORETOOL" open "$db")
waited=$(( $(now_ms) - start ))
wait $holder
[ "${got%% *}" = 8 ] && [ $waited -ge 4500 ]
ok $? "locked for 8 s: BUSY after waiting $waited ms ($got)"

# ---- Read-only: as an unprivileged user (root ignores file modes). ----
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	elif runuser -u nobody -- true 2>/dev/null; then
		as_user() { runuser -u nobody -- "$@"; }
	else
		diag "cannot drop root privileges (setpriv and runuser failed): read-only cases skipped"
		done_testing
		[ "$tap_failed" -eq 0 ]
		exit $?
	fi
fi
# The tool is copied where the unprivileged user can run it.
cp "$STORETOOL" "$scratch/storetool" && chmod 755 "$scratch/storetool"
user=$(as_user id -u)

mkdir -m 777 "$scratch/rofile"
"$STORETOOL" write "$scratch/rofile/progress.db" Setup 1 >/dev/null
chmod 444 "$scratch/rofile/progress.db"
[ "$(id -u)" = 0 ] || chmod 555 "$scratch/rofile"
got=$(as_user "$scratch/storetool" open "$scratch/rofile/progress.db")
[ "${got%% *}" = 3 ]
ok $? "read-only file (uid $user): READONLY ($got)"

mkdir -m 755 "$scratch/rodir"
"$STORETOOL" write "$scratch/rodir/progress.db" Setup 1 >/dev/null
chmod 666 "$scratch/rodir/progress.db"
[ "$(id -u)" = 0 ] || chmod 555 "$scratch/rodir"
got=$(as_user "$scratch/storetool" open "$scratch/rodir/progress.db")
[ "${got%% *}" = 3 ]
ok $? "writable file in a read-only folder (no room for the journal): READONLY ($got)"
got=$(as_user "$scratch/storetool" open "$scratch/rodir/new/progress.db" create)
[ "${got%% *}" = 3 ]
ok $? "creating under a read-only folder: READONLY ($got)"
got=$("$STORETOOL" check "$scratch/rodir/progress.db")
[ "$got" = "attempts 1 integrity ok" ]
ok $? "the read-only databases are untouched ($got)"
chmod 755 "$scratch/rofile" "$scratch/rodir"
done_testing
[ "$tap_failed" -eq 0 ]
