#!/bin/sh
# t_dbfail.sh — a progress database that cannot be used gets a clear message
# and a non-zero exit, and nothing is changed: not a database, another
# program's database, a newer version, a damaged file (set aside, with the
# newest backup offered), a read-only folder, no home; and pin --reset.
. "$top_srcdir/tests/ui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 command is not installed"
tmp=$(mktemp -d); trap 'cleanup; rm -rf "$tmp"' EXIT
# TERM=dumb: once the database is open the interface refuses the terminal,
# so each run stops right after the database was handled.
d() { TERM=dumb LANG=C.UTF-8 LANGUAGE= "$DECLIC" --content "$top_srcdir/tests/data/ui" "$@" </dev/null; }

printf 'hello, not a database\n' > "$tmp/text.db"
out=$(d --db "$tmp/text.db" 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -q "cannot use the progress file.*not a Déclic"
ok $? "a text file given to --db: a clear message, exit 1"
[ "$(cat "$tmp/text.db")" = "hello, not a database" ]; ok $? "and the file is untouched"

sqlite3 "$tmp/other.db" "create table notes(x); insert into notes values (1)"
out=$(d --db "$tmp/other.db" 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -q "not a Déclic"; ok $? "another program's database: refused, exit 1"
[ "$(sqlite3 "$tmp/other.db" 'select count(*) from notes')" = 1 ]; ok $? "and left as it was"

d --db "$tmp/p.db" >/dev/null 2>&1
[ -f "$tmp/p.db" ]; ok $? "a new database is created at --db"
sqlite3 "$tmp/p.db" "pragma user_version = 99"
out=$(d --db "$tmp/p.db" 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -qi "newer version"; ok $? "a database from a newer version: refused, exit 1"

# A damaged database with a backup: set aside, the backup offered.
rm -f "$tmp/p.db"; d --db "$tmp/p.db" >/dev/null 2>&1
sqlite3 "$tmp/p.db" "create table filler(x); insert into filler select randomblob(900) from (with recursive c(i) as (select 1 union all select i + 1 from c where i < 300) select i from c)" 2>/dev/null
mkdir -p "$tmp/backups" && cp "$tmp/p.db" "$tmp/backups/p-2026-11-21.db"
size=$(stat -c %s "$tmp/p.db")
dd if=/dev/urandom of="$tmp/p.db" bs=4096 seek=3 count=20 conv=notrunc 2>/dev/null
out=$(d --db "$tmp/p.db" 2>&1)
echo "$out" | grep -q "is damaged; it was moved to"; ok $? "a damaged database is detected at start and set aside"
ls "$tmp" | grep -q "p.db.damaged-"; ok $? "the damaged file is kept aside, not deleted"
echo "$out" | grep -q "restore the newest backup"; ok $? "the newest backup is offered"
diag "$out"

# Accepting the offer brings the backup back, with its answers.
"$top_builddir/tests/store/storetool" write "$tmp/r.db" Zoé 300 >/dev/null
mkdir -p "$tmp/rb/backups" && cp "$tmp/r.db" "$tmp/rb/backups/r-2026-11-20.db" && mv "$tmp/r.db" "$tmp/rb/r.db"
dd if=/dev/urandom of="$tmp/rb/r.db" bs=4096 seek=4 count=10 conv=notrunc 2>/dev/null
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim --db $tmp/rb/r.db --content $top_srcdir/tests/data/ui"
ui_wait "restore the newest backup"; ok $? "a damaged file in a terminal: the backup is offered"
ui_type y; ui_keys Enter
ui_wait "Welcome to Déclic!"; ok $? "yes restores it, and the kiosk starts on it (this copy has no code yet)"
[ "$(sqlite3 "$tmp/rb/r.db" "select count(*) from attempts")" = 300 ]; ok $? "with its answers"

# A read-only folder (as an unprivileged user when run as root).
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$tmp"
		out=$(setpriv --reuid=65534 --regid=65534 --clear-groups env TERM=dumb LANG=C.UTF-8 LANGUAGE= \
			"$DECLIC" --db "$tmp/ro/p.db" </dev/null 2>&1); st=$?
	else
		st=skip
	fi
else
	out=$(d --db "$tmp/ro/p.db" 2>&1); st=$?
fi
if [ "$st" = skip ]; then echo "ok 99 # SKIP setpriv missing"; else
	[ "$st" = 1 ] && echo "$out" | grep -qi "read-only\|cannot be created"; ok $? "a read-only folder: a clear message, exit 1"
	diag "$out"
fi

out=$(env -u HOME -u XDG_DATA_HOME TERM=dumb LANG=C.UTF-8 LANGUAGE= "$DECLIC" </dev/null 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -q -- "--db FILE"; ok $? "no HOME: says to choose a file with --db, exit 1"

# A shared group folder (set-group-ID): the file is for the group too.
mkdir "$tmp/shared" && chmod 2770 "$tmp/shared"
d --db "$tmp/shared/p.db" >/dev/null 2>&1
[ "$(stat -c %a "$tmp/shared/p.db")" = 660 ]; ok $? "in a g+s folder the database is made 0660"
d --db "$tmp/p2.db" >/dev/null 2>&1
[ "$(stat -c %a "$tmp/p2.db")" = 600 ]; ok $? "elsewhere 0600"

# pin --reset
rm -f "$tmp/q.db"; d --db "$tmp/q.db" >/dev/null 2>&1
out=$("$DECLIC" pin --reset --db "$tmp/q.db" 2>&1); st=$?
[ $st = 0 ] && echo "$out" | grep -q "teacher code is reset"; ok $? "pin --reset by the file's owner"
"$DECLIC" pin --db "$tmp/q.db" >/dev/null 2>&1; [ $? = 2 ]; ok $? "pin without --reset is a usage error"
"$DECLIC" pin --reset --db "$tmp/none.db" >/dev/null 2>&1; [ $? = 1 ]; ok $? "pin --reset on a missing file: exit 1"
done_testing
