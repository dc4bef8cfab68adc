/* term.c — terminal set-up and tear-down, signals and input events. */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "ui/ui.h"

/* The one process-wide flag: set by SIGHUP/SIGTERM, read by the input loop. */
static volatile sig_atomic_t leave_requested;

/* Signal handler: ask the main loop to save and leave. */
static void on_leave_signal(int sig)
{
	(void)sig;
	leave_requested = 1;
}

void term_signals(void)
{
	static const int ignored[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE};
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		sigaction(ignored[i], &sa, NULL);
	sa.sa_handler = on_leave_signal;	/* no SA_RESTART: input returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Restore the terminal if the program leaves in a hurry (exit on out-of-memory). */
static void restore_at_exit(void)
{
	if (stdscr && !isendwin())
		endwin();
}

/* Colour pairs of each role, and their monochrome attributes. */
static const struct {
	short fg, bg;
	int color_attr, mono_attr;
} roles[ROLE_COUNT] = {
	[ROLE_TEXT] = {-1, -1, A_NORMAL, A_NORMAL},
	[ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[ROLE_DIM] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
	[ROLE_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[ROLE_TRY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[ROLE_SELECT] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[ROLE_BUBBLE] = {COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
	[ROLE_STAR] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
};

int term_attr(const struct term *t, enum ui_role role)
{
	if (!t->color)
		return roles[role].mono_attr;
	return (int)COLOR_PAIR(role + 1) | roles[role].color_attr;
}

const char *term_open(struct term *t, const struct app_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return _("Déclic needs a terminal (standard input and output).");
	const char *term = getenv("TERM");
	if (!term || !*term)
		return _("TERM is not set: set it to your terminal type, e.g. TERM=xterm or TERM=linux.");
	t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	t->console = strncmp(term, "linux", 5) == 0;
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return _("unknown terminal type (TERM): try TERM=xterm or TERM=linux.");
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		return _("this terminal (TERM) cannot place the cursor: use a full-screen "
			 "terminal such as TERM=xterm or TERM=linux.");
	}
	atexit(restore_at_exit);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	mouseinterval(0);
	const char *nc = getenv("NO_COLOR");
	t->color = !opt->no_color && !(nc && *nc) && has_colors();
	if (t->color) {
		start_color();
		use_default_colors();
		for (int r = 0; r < ROLE_COUNT; r++)
			init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
	}
	getmaxyx(stdscr, t->rows, t->cols);
	return NULL;
}

void term_close(void)
{
	if (stdscr && !isendwin()) {
		curs_set(1);
		endwin();
	}
}

/* Milliseconds of a monotonic clock. */
long term_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Translate a function key. */
static struct key function_key(struct term *t, wint_t wc)
{
	struct key k = {K_NONE, 0, 0, 0};
	MEVENT me;
	switch (wc) {
	case KEY_RESIZE:
		getmaxyx(stdscr, t->rows, t->cols);
		k.kind = K_RESIZE;
		break;
	case KEY_UP:
		k.kind = K_UP;
		break;
	case KEY_DOWN:
		k.kind = K_DOWN;
		break;
	case KEY_LEFT:
		k.kind = K_LEFT;
		break;
	case KEY_RIGHT:
		k.kind = K_RIGHT;
		break;
	case KEY_ENTER:
		k.kind = K_ENTER;
		break;
	case KEY_PPAGE:
		k.kind = K_PGUP;
		break;
	case KEY_NPAGE:
		k.kind = K_PGDN;
		break;
	case KEY_BACKSPACE:
	case KEY_DC:
		k.kind = K_BACKSPACE;
		break;
	case KEY_MOUSE:
		if (getmouse(&me) == OK && (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) {
			k.kind = K_CLICK;
			k.y = me.y;
			k.x = me.x;
		}
		break;
	default:
		break;
	}
	return k;
}

struct key term_key(struct term *t, int timeout_ms)
{
	/* Errors that return at once, in a row: after a hang-up the terminal is
	 * gone and every read fails; never spin on it. */
	int fast_errors = 0;
	for (;;) {
		if (leave_requested)
			return (struct key){K_HANGUP, 0, 0, 0};
		long start = term_now_ms();
		wint_t wc;
		timeout(timeout_ms);
		int rc = get_wch(&wc);
		if (leave_requested)
			return (struct key){K_HANGUP, 0, 0, 0};
		if (rc == ERR) {
			if (timeout_ms >= 0 && term_now_ms() - start >= timeout_ms / 2)
				return (struct key){K_TICK, 0, 0, 0};
			if (++fast_errors > 100)
				return (struct key){K_HANGUP, 0, 0, 0};
			continue;
		}
		if (rc == KEY_CODE_YES) {
			struct key k = function_key(t, wc);
			if (k.kind != K_NONE)
				return k;
			continue;
		}
		switch (wc) {
		case '\r':
		case '\n':
			return (struct key){K_ENTER, 0, 0, 0};
		case 27:
			return (struct key){K_ESC, 0, 0, 0};
		case 127:
		case 8:
			return (struct key){K_BACKSPACE, 0, 0, 0};
		case '\t':
			return (struct key){K_TAB, 0, 0, 0};
		default:
			if (wc >= 32 && wc != 127 && !(wc >= 0x80 && wc < 0xA0))
				return (struct key){K_CHAR, (wchar_t)wc, 0, 0};
			break;	/* ^C, ^Z, ^S, ^Q...: nothing in a kiosk */
		}
	}
}
