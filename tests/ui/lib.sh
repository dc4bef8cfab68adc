# lib.sh — drive the real declic in a real terminal: a private tmux server per
# test, keys with send-keys, the screen with capture-pane. Prints TAP through
# tests/tap.sh. Set DECLIC_UI_KEEP=1 to leave the tmux server running.
. "$top_srcdir/tests/tap.sh"
DECLIC=${DECLIC:-$top_builddir/declic}
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
sock="declic-test-$$"
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
# Never the user's own progress: a private data folder per test.
XDG_DATA_HOME=$(mktemp -d); export XDG_DATA_HOME
cleanup() {
	[ -n "$DECLIC_UI_KEEP" ] || ui_stop
	rm -rf "$XDG_DATA_HOME"
}
trap cleanup EXIT

# ui_start COLS ROWS COMMAND: run COMMAND (a shell string) in a fresh terminal;
# when it ends, its exit status is written on the screen for ui_wait_exit.
ui_start() {
	ui_stop
	tmx new-session -d -x "$1" -y "$2" "$3; echo declic-exit=\$?; sleep 600" \; \
		set-option -g window-size manual
}
# ui_running: the pids of declic in the test terminal, if any.
ui_running() {
	pane=$(tmx list-panes -F '#{pane_pid}' 2>/dev/null | head -n 1)
	[ -n "$pane" ] && pgrep -P "$pane" -x declic
}
# ui_stop: end declic (SIGTERM, as a shutdown would) and wait until it has
# exited, then stop the terminal and wait until its server is gone. Killing
# the server first would hang up a sanitizer build in the middle of its exit
# leak check, whose helper thread then never comes back.
ui_stop() {
	for p in $(ui_running); do kill -TERM "$p" 2>/dev/null; done
	i=0
	while [ -n "$(ui_running)" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	tmx kill-server 2>/dev/null
	i=0
	while tmx has-session 2>/dev/null && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.1
}
# ui_keys KEY...: type keys (tmux key names: Enter, Escape, Up, BSpace...).
ui_keys() { tmx send-keys "$@"; sleep 0.15; }
# ui_type TEXT: type literal text.
ui_type() { tmx send-keys -l "$1"; sleep 0.15; }
ui_screen() { tmx capture-pane -p; }
# ui_wait TEXT [SECONDS]: wait until TEXT is on screen; status 0 if it came.
ui_wait() {
	i=0; limit=$(( ${2:-5} * 20 ))
	while [ $i -lt $limit ]; do
		ui_screen | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	diag "waited for: $1" "screen:"; ui_screen | sed 's/^/#   |/'
	return 1
}
# ui_has TEXT: status 0 if TEXT is on screen now.
ui_has() { ui_screen | grep -qF -- "$1"; }
ui_resize() { tmx resize-window -x "$1" -y "$2"; sleep 0.3; }
# ui_wait_exit: status 0 once the program has exited; prints its exit status.
ui_wait_exit() {
	i=0
	while [ $i -lt 100 ]; do
		st=$(ui_screen | sed -n 's/^declic-exit=\([0-9]*\)$/\1/p')
		[ -n "$st" ] && { echo "$st"; return 0; }
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
# ui_num TEXT: the number (or letter) written before TEXT on screen ("2." -> 2).
ui_num() { ui_screen | grep -F -- "$1" | head -n 1 | sed -n 's/^[^0-9A-Z]*\([0-9A-Z]\)\..*/\1/p'; }
# Press Enter until TEXT shows (at most N times); status 0 if it came.
ui_enter_until() {
	n=0
	while [ $n -lt "${2:-30}" ]; do
		ui_has "$1" && return 0
		ui_keys Enter; n=$((n + 1))
	done
	ui_wait "$1" 1
}
# ui_first_run CLASS NAMES: on the welcome of an empty database, choose the
# teacher code 246810, create CLASS with NAMES (comma-separated) and come back
# to the login; status 0 if the login shows.
ui_first_run() {
	ui_wait "Welcome to Déclic!" && ui_keys 1 && ui_wait "Choose the teacher code" &&
	ui_type 246810 && ui_keys Enter && ui_wait "Type the code again" && ui_type 246810 &&
	ui_keys Enter && ui_wait "Name of the new class" && ui_type "$1" && ui_keys Enter &&
	ui_wait "First names" && ui_type "$2" && ui_keys Enter && ui_wait "added from the list" &&
	ui_keys Enter Escape Escape && ui_wait "Hello! Choose your class."
}
