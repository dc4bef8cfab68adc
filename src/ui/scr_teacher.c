/* scr_teacher.c — teacher mode behind the PIN: classes and pupils (add, import
 * a list, rename, delete, picture secrets), the PIN itself, leaving a kiosk. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/roster.h"
#include "core/text.h"
#include "i18n.h"
#include "ui/ui.h"
#include "xalloc.h"

enum view { GATE, NEWPIN, NEWPIN2, CLASSES, PUPILS };

/* What the text field is for. */
enum ask { ASK_NONE, ASK_ADD_CLASS, ASK_RENAME_CLASS, ASK_ADD_PUPILS, ASK_RENAME_PUPIL, ASK_IMPORT };

#define IMPORT_MAX (1 << 20)

struct teacher {
	enum view view;
	enum ask ask;			/* a question open over the view */
	bool confirm_delete;		/* "delete ...?" open over the view */
	struct field field;
	char first_pin[16];		/* NEWPIN: the code typed the first time */
	struct store_class *classes;
	size_t n_classes;
	struct store_pupil *pupils;
	size_t n_pupils;
	int cls;			/* class opened (PUPILS) */
	struct list_view list;
	char **report;			/* lines shown after an import, until a key */
	size_t n_report;
	char *message;
};

/* Forget the report of the last import. */
static void clear_report(struct teacher *tc)
{
	for (size_t i = 0; i < tc->n_report; i++)
		free(tc->report[i]);
	free(tc->report);
	tc->report = NULL;
	tc->n_report = 0;
}

/* Add a line (taken) to the report. */
static void report(struct teacher *tc, char *line)
{
	tc->report = xrealloc(tc->report, (tc->n_report + 1) * sizeof *tc->report);
	tc->report[tc->n_report++] = line;
}

/* Reload the classes, and the pupils of the opened class. */
static void reload(struct ui *ui, struct teacher *tc)
{
	store_classes_free(tc->classes, tc->n_classes);
	store_pupils_free(tc->pupils, tc->n_pupils);
	tc->classes = NULL;
	tc->pupils = NULL;
	tc->n_classes = tc->n_pupils = 0;
	enum store_rc rc = store_classes(ui->store, &tc->classes, &tc->n_classes);
	if (tc->view == PUPILS && tc->cls >= (int)tc->n_classes)
		tc->view = CLASSES;
	if (rc == STORE_OK && tc->view == PUPILS)
		rc = store_pupils(ui->store, tc->classes[tc->cls].id, &tc->pupils, &tc->n_pupils);
	if (rc != STORE_OK)
		ui_say(&tc->message, store_strerror(rc));
	tc->list.n = tc->view == PUPILS ? (int)tc->n_pupils : (int)tc->n_classes;
}

/* Open a question with an empty field. */
static int ask(struct teacher *tc, enum ask a)
{
	tc->ask = a;
	memset(&tc->field, 0, sizeof tc->field);
	tc->field.max = a == ASK_IMPORT ? 0 : a == ASK_ADD_PUPILS ? 150 : 32;
	return R_REDRAW;
}

/* Open a view. */
static int go(struct ui *ui, struct teacher *tc, enum view v)
{
	tc->view = v;
	tc->list = (struct list_view){0};
	memset(&tc->field, 0, sizeof tc->field);
	tc->field.digits = tc->field.secret = v == GATE || v == NEWPIN || v == NEWPIN2;
	tc->field.max = 12;
	if (v == CLASSES || v == PUPILS)
		reload(ui, tc);
	return R_REDRAW;
}

static void class_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct teacher *tc = ctx;
	const struct store_class *c = &tc->classes[i];
	char info[96];
	/* TRANSLATORS: number of pupils of a class; "secrets" when they use picture secrets. */
	snprintf(info, sizeof info,
		 c->secrets ? ngettext("%d pupil, picture secrets", "%d pupils, picture secrets",
				       (unsigned long)c->n_pupils)
			    : ngettext("%d pupil", "%d pupils", (unsigned long)c->n_pupils),
		 c->n_pupils);
	paint_text(&ui->t, y, x, 24, c->name, sel ? ROLE_SELECT : ROLE_TEXT);
	paint_text(&ui->t, y, x + 25, w - 25, info, ROLE_DIM);
}

static void pupil_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct teacher *tc = ctx;
	const struct store_pupil *pu = &tc->pupils[i];
	int col = x + 25, room = x + w - col;
	const char *secret = !tc->classes[tc->cls].secrets ? NULL
			     : pu->secret			 ? _("secret chosen")
								 : _("no secret yet");
	paint_text(&ui->t, y, x, 24, pu->name, sel ? ROLE_SELECT : ROLE_TEXT);
	if (pu->flagged > 0 && room > 0) {	/* first: it is what the teacher acts on */
		char flag[64];
		/* TRANSLATORS: défi steps the pupil ended "partially reached", to go over together. */
		snprintf(flag, sizeof flag, ngettext("%d step to review", "%d steps to review", (unsigned long)pu->flagged),
			 pu->flagged);
		if (text_width(flag) + (secret ? 2 + text_width(secret) : 0) > room)
			/* TRANSLATORS: the same, short, for narrow screens. */
			snprintf(flag, sizeof flag, ngettext("%d to review", "%d to review", (unsigned long)pu->flagged),
				 pu->flagged);
		paint_text(&ui->t, y, col, room, flag, ROLE_TRY);
		col += text_width(flag) + 2;
	}
	if (secret && col < x + w)
		paint_text(&ui->t, y, col, x + w - col, secret, ROLE_DIM);
}

/* The label of an open question. */
static const char *ask_label(enum ask a)
{
	switch (a) {
	case ASK_ADD_CLASS:
		return _("Name of the new class (e.g. CM1 B):");
	case ASK_RENAME_CLASS:
		return _("New name of the class:");
	case ASK_ADD_PUPILS:
		return _("First names, separated by commas:");
	case ASK_RENAME_PUPIL:
		return _("New name of the pupil:");
	case ASK_IMPORT:
		return _("File to import (text or CSV, one first name per line or a \"prénom\" column):");
	default:
		return "";
	}
}

static void teacher_draw(struct ui *ui, void *st)
{
	struct teacher *tc = st;
	const struct term *t = &ui->t;
	static const char *const helps[] = {
		[GATE] = N_("Type the teacher code, then Enter    Esc: back"),
		[NEWPIN] = N_("Type a code of 6 to 12 digits, then Enter"),
		[NEWPIN2] = N_("Type the same code again, then Enter    Esc: start over"),
		[CLASSES] = N_("Enter: pupils  a: add  r: rename  s: secrets  d: delete  c: code  q: quit"),
		[PUPILS] = N_("a: add  i: import  r: rename  p: new secret  d: delete  Esc: classes"),
	};
	const char *help = tc->ask != ASK_NONE ? _("Enter: confirm    Esc: cancel")
		: tc->confirm_delete ? _("y: yes, delete    any other key: no")
		: tc->n_report ? _("Any key: go on") : _(helps[tc->view]);
	paint_frame(t, _("Déclic — teacher mode"), NULL, help);
	int x = t->cols >= 80 ? (t->cols - 76) / 2 : 2, w = t->cols - 2 * x;
	switch (tc->view) {
	case GATE:
	case NEWPIN:
	case NEWPIN2:
		paint_wrapped(t, 3, x, w, 3,
			      tc->view == GATE ? _("Teacher code:")
			      : tc->view == NEWPIN ? _("Choose the teacher code (6 to 12 digits). It opens teacher mode; keep it for yourself.")
						   : _("Type the code again to check it:"),
			      ROLE_TEXT);
		field_draw(t, &tc->field, 7, x, 20);
		break;
	case CLASSES:
		paint_text(t, 2, x, w, _("Classes"), ROLE_GOOD);
		if (tc->n_classes == 0)
			paint_text(t, 4, x, w, _("No class yet: press a to add one."), ROLE_DIM);
		list_draw(ui, &tc->list, 4, x, w, t->rows - 9, class_row, tc);
		break;
	case PUPILS: {
		char head[128];
		/* TRANSLATORS: %s is the class name. */
		snprintf(head, sizeof head, _("Pupils of %s"), tc->classes[tc->cls].name);
		paint_text(t, 2, x, w, head, ROLE_GOOD);
		if (tc->n_pupils == 0)
			paint_text(t, 4, x, w, _("No pupil yet: press a to type names, or i to import a list."), ROLE_DIM);
		list_draw(ui, &tc->list, 4, x, w, t->rows - 9, pupil_row, tc);
		break;
	}
	}
	if (tc->n_report) {
		int rows = 0, max = t->rows - 6;
		for (size_t i = 0; i < tc->n_report; i++)
			rows += paint_rows(w - 4, tc->report[i]);
		int h = (rows < max ? rows : max) + 2, y = 3;
		paint_box(t, 2, x, h, w, _("Import"), ROLE_TEXT);
		for (size_t i = 0; i < tc->n_report && y < 2 + h - 1; i++) {
			bool last_row = y == 2 + h - 2 && i + 1 < tc->n_report;
			y += paint_wrapped(t, y, x + 2, w - 4, 2 + h - 1 - y, last_row ? "…" : tc->report[i],
					   i ? ROLE_TEXT : ROLE_GOOD);
		}
	} else if (tc->ask != ASK_NONE) {
		int h = paint_rows(w - 4, ask_label(tc->ask)) + 4;
		paint_box(t, t->rows - 3 - h, x, h, w, NULL, ROLE_SELECT);
		paint_wrapped(t, t->rows - 2 - h, x + 2, w - 4, h - 3, ask_label(tc->ask), ROLE_TEXT);
		field_draw(t, &tc->field, t->rows - 5, x + 2, w - 4);
	} else if (tc->confirm_delete) {
		const char *name = tc->view == PUPILS ? tc->pupils[tc->list.sel].name
						      : tc->classes[tc->list.sel].name;
		char *q = xasprintf(tc->view == PUPILS
					    /* TRANSLATORS: %s is a pupil's name. */
					    ? _("Delete %s and all their progress? This cannot be undone.")
					    /* TRANSLATORS: %s is a class name. */
					    : _("Delete the class %s, its pupils and all their progress? This cannot be undone."),
				    name);
		paint_box(t, t->rows - 8, x, 4, w, NULL, ROLE_TRY);
		paint_wrapped(t, t->rows - 7, x + 2, w - 4, 2, q, ROLE_TRY);
		free(q);
	}
	if (tc->message)
		paint_wrapped(t, t->rows - 3, x, w, 2, tc->message, ROLE_TRY);
}

/* Add pupils from text (one name per line) and report what was refused. */
static void add_names(struct ui *ui, struct teacher *tc, const char *buf, size_t len, const char *what)
{
	struct roster r = {0};
	enum roster_rc rrc = roster_parse(buf, len, &r);
	if (rrc != ROSTER_OK) {
		char *m = roster_message(rrc, r.bad_line);
		ui_say(&tc->message, m);
		free(m);
		roster_free(&r);
		return;
	}
	const char **names = xcalloc(r.n + 1, sizeof *names);
	size_t n = 0;
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].problem == ROSTER_FINE)
			names[n++] = r.v[i].name;
	enum store_rc *bad = xcalloc(n + 1, sizeof *bad);
	size_t added = 0;
	enum store_rc rc = store_pupils_add_many(ui->store, tc->classes[tc->cls].id, names, n, bad, &added);
	clear_report(tc);
	if (rc != STORE_OK) {
		ui_say(&tc->message, store_strerror(rc));
	} else {
		/* TRANSLATORS: %zu pupils added, from %s (a file name or "the list"). */
		report(tc, xasprintf(ngettext("%zu pupil added from %s.", "%zu pupils added from %s.",
					      (unsigned long)added), added, what));
		size_t k = 0;
		for (size_t i = 0; i < r.n; i++) {
			const struct roster_entry *e = &r.v[i];
			char *raw = text_escape(e->raw);
			if (e->problem == ROSTER_INVALID)
				/* TRANSLATORS: line number, the name as written, why it is refused. */
				report(tc, xasprintf(_("Line %d, \"%s\": not added. %s"), e->line, raw,
						     name_strerror(e->why)));
			else if (e->problem == ROSTER_DUPLICATE)
				report(tc, xasprintf(_("Line %d, \"%s\": not added, same name as line %d."),
						     e->line, raw, e->dup_of));
			else if (bad[k++] == STORE_ERR_EXISTS)
				report(tc, xasprintf(_("Line %d, \"%s\": not added, already in the class."),
						     e->line, raw));
			free(raw);
		}
	}
	free(bad);
	free(names);
	roster_free(&r);
	reload(ui, tc);
}

/* Import the list of names in the file at path. */
static void import_file(struct ui *ui, struct teacher *tc, const char *path)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	struct stat sb;
	char *msg = NULL;
	if (fd < 0)
		/* TRANSLATORS: %s is a file name, then the system's reason. */
		msg = xasprintf(_("Cannot open %s: %s"), path, strerror(errno));
	else if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		msg = xasprintf(_("%s is not a file."), path);
	else if (sb.st_size > IMPORT_MAX)
		msg = xasprintf(_("%s is too big for a list of names (1 MiB at most)."), path);
	if (msg) {
		ui_say(&tc->message, msg);
		free(msg);
		if (fd >= 0)
			close(fd);
		return;
	}
	char *buf = xmalloc((size_t)sb.st_size + 1);
	ssize_t got = read(fd, buf, (size_t)sb.st_size);
	close(fd);
	if (got < 0) {
		msg = xasprintf(_("Cannot open %s: %s"), path, strerror(errno));
		ui_say(&tc->message, msg);
		free(msg);
	} else {
		add_names(ui, tc, buf, (size_t)got, path);
	}
	free(buf);
}

/* The field of an open question was confirmed. */
static int answer(struct ui *ui, struct teacher *tc)
{
	const char *text = tc->field.text;
	enum store_rc rc = STORE_OK;
	int64_t id;
	enum ask a = tc->ask;
	tc->ask = ASK_NONE;
	ui_say(&tc->message, NULL);
	switch (a) {
	case ASK_ADD_CLASS:
		rc = store_class_add(ui->store, text, &id);
		if (rc == STORE_OK) {	/* open it, ready for its pupils */
			go(ui, tc, CLASSES);
			for (size_t i = 0; i < tc->n_classes; i++)
				if (tc->classes[i].id == id)
					tc->cls = (int)i;
			go(ui, tc, PUPILS);
			return ask(tc, ASK_ADD_PUPILS);
		}
		break;
	case ASK_RENAME_CLASS:
		rc = store_class_rename(ui->store, tc->classes[tc->list.sel].id, text);
		break;
	case ASK_RENAME_PUPIL:
		rc = store_pupil_rename(ui->store, tc->pupils[tc->list.sel].id, text);
		break;
	case ASK_ADD_PUPILS: {
		/* One name per line, without the spaces that follow the commas. */
		char *list = xmalloc(strlen(text) + 1), *o = list;
		for (const char *c = text; *c; c++) {
			bool sep = *c == ',' || *c == ';';
			*o++ = sep ? '\n' : *c;
			while (sep && c[1] == ' ')
				c++;
		}
		*o = '\0';
		add_names(ui, tc, list, strlen(list), _("the list"));
		free(list);
		return R_REDRAW;
	}
	case ASK_IMPORT:
		import_file(ui, tc, text);
		return R_REDRAW;
	case ASK_NONE:
		break;
	}
	if (rc == STORE_ERR_NAME) {
		char *norm = NULL;
		ui_say(&tc->message, name_strerror(name_check(text, &norm)));
		free(norm);
		tc->ask = a;	/* let the teacher fix it */
		return R_REDRAW;
	}
	if (rc != STORE_OK) {
		ui_say(&tc->message, store_strerror(rc));
		if (rc == STORE_ERR_EXISTS)
			tc->ask = a;
	}
	reload(ui, tc);
	return R_REDRAW;
}

/* Keys while the PIN is typed (checking it, or choosing a new one). */
static int pin_key(struct ui *ui, struct teacher *tc, const struct key *k)
{
	if (k->kind == K_ESC) {
		bool set = false;
		if (tc->view == NEWPIN2)
			return go(ui, tc, NEWPIN);
		if (tc->view == NEWPIN && store_pin_is_set(ui->store, &set) == STORE_OK && set)
			return go(ui, tc, CLASSES);	/* changing the code: keep the old one */
		return R_POP;
	}
	if (k->kind != K_ENTER)
		return field_key(&tc->field, k) ? R_REDRAW : R_NONE;
	ui_say(&tc->message, NULL);
	const char *pin = tc->field.text;
	if (tc->view == NEWPIN) {
		if (strlen(pin) < 6) {
			ui_say(&tc->message, _("The code needs at least 6 digits."));
			return R_REDRAW;
		}
		snprintf(tc->first_pin, sizeof tc->first_pin, "%.12s", pin);	/* 12 digits at most */
		return go(ui, tc, NEWPIN2);
	}
	if (tc->view == NEWPIN2) {
		if (strcmp(pin, tc->first_pin) != 0) {
			go(ui, tc, NEWPIN);
			ui_say(&tc->message, _("The two codes differ. Choose the code again."));
			return R_REDRAW;
		}
		enum store_rc rc = store_pin_set(ui->store, pin);
		memset(tc->first_pin, 0, sizeof tc->first_pin);
		if (rc != STORE_OK) {
			go(ui, tc, NEWPIN);
			ui_say(&tc->message, store_strerror(rc));
			return R_REDRAW;
		}
		go(ui, tc, CLASSES);
		ui_say(&tc->message, _("The teacher code is saved."));
		return tc->n_classes ? R_REDRAW : ask(tc, ASK_ADD_CLASS);
	}
	int wait = 0;
	enum store_rc rc = store_pin_check(ui->store, pin, time(NULL), &wait);
	memset(&tc->field, 0, sizeof tc->field);
	tc->field.digits = tc->field.secret = true;
	tc->field.max = 12;
	if (rc == STORE_OK)
		return go(ui, tc, CLASSES);
	if (rc == STORE_ERR_NOPIN)
		return go(ui, tc, NEWPIN);
	if (rc == STORE_ERR_PIN_WAIT) {
		char *m = xasprintf(_("Too many wrong codes: wait %d seconds before the next try."), wait);
		ui_say(&tc->message, m);
		free(m);
	} else {
		ui_say(&tc->message, rc == STORE_ERR_PIN_WRONG ? _("Wrong code.") : store_strerror(rc));
	}
	return R_REDRAW;
}

/* Delete the selected class or pupil. */
static int delete_selected(struct ui *ui, struct teacher *tc)
{
	enum store_rc rc = tc->view == PUPILS ? store_pupil_delete(ui->store, tc->pupils[tc->list.sel].id)
					      : store_class_delete(ui->store, tc->classes[tc->list.sel].id);
	ui_say(&tc->message, rc == STORE_OK ? _("Deleted.") : store_strerror(rc));
	reload(ui, tc);
	return R_REDRAW;
}

/* Keys on the lists of classes and pupils. */
static int list_view_key(struct ui *ui, struct teacher *tc, const struct key *k)
{
	int reaction, i = list_key(&tc->list, k, &reaction);
	if (i >= 0 && tc->view == CLASSES) {
		tc->cls = i;
		ui_say(&tc->message, NULL);
		return go(ui, tc, PUPILS);
	}
	if (i >= 0 || reaction)
		return reaction | (i >= 0 ? R_REDRAW : 0);
	if (k->kind == K_ESC) {
		ui_say(&tc->message, NULL);
		if (tc->view == PUPILS) {
			go(ui, tc, CLASSES);
			tc->list.sel = tc->cls;
			return R_REDRAW;
		}
		return R_POP;
	}
	if (k->kind != K_CHAR)
		return R_NONE;
	bool any = tc->list.n > 0;
	ui_say(&tc->message, NULL);
	switch (k->ch) {
	case 'a':
		return ask(tc, tc->view == PUPILS ? ASK_ADD_PUPILS : ASK_ADD_CLASS);
	case 'i':
		return tc->view == PUPILS ? ask(tc, ASK_IMPORT) : R_NONE;
	case 'r':
		return any ? ask(tc, tc->view == PUPILS ? ASK_RENAME_PUPIL : ASK_RENAME_CLASS) : R_NONE;
	case 'd':
		tc->confirm_delete = any;
		return R_REDRAW;
	case 's':
		if (tc->view == CLASSES && any) {
			const struct store_class *c = &tc->classes[tc->list.sel];
			enum store_rc rc = store_class_set_secrets(ui->store, c->id, !c->secrets);
			if (rc != STORE_OK)
				ui_say(&tc->message, store_strerror(rc));
			reload(ui, tc);
		}
		return R_REDRAW;
	case 'p':
		if (tc->view == PUPILS && any) {
			enum store_rc rc = store_pupil_set_secret(ui->store, tc->pupils[tc->list.sel].id, 0);
			ui_say(&tc->message, rc == STORE_OK ? _("The pupil will choose a new secret at the next login.")
					       : store_strerror(rc));
			reload(ui, tc);
		}
		return R_REDRAW;
	case 'c':
		return tc->view == CLASSES ? go(ui, tc, NEWPIN) : R_NONE;
	case 'q':
		return tc->view == CLASSES ? R_QUIT : R_NONE;
	default:
		return R_NONE;
	}
}

static int teacher_handle(struct ui *ui, void *st, const struct key *k)
{
	struct teacher *tc = st;
	if (tc->n_report) {
		if (k->kind == K_TICK || k->kind == K_NONE)
			return R_NONE;
		clear_report(tc);
		return R_REDRAW;
	}
	if (tc->confirm_delete) {
		tc->confirm_delete = false;
		if (k->kind == K_CHAR && strchr("yYoO", (int)k->ch))
			return delete_selected(ui, tc);
		return R_REDRAW;
	}
	if (tc->ask != ASK_NONE) {
		if (k->kind == K_ESC) {
			tc->ask = ASK_NONE;
			ui_say(&tc->message, NULL);
			return R_REDRAW;
		}
		if (k->kind == K_ENTER)
			return answer(ui, tc);
		return field_key(&tc->field, k) ? R_REDRAW : R_NONE;
	}
	if (tc->view == GATE || tc->view == NEWPIN || tc->view == NEWPIN2)
		return pin_key(ui, tc, k);
	return list_view_key(ui, tc, k);
}

static void teacher_leave(void *st)
{
	struct teacher *tc = st;
	store_classes_free(tc->classes, tc->n_classes);
	store_pupils_free(tc->pupils, tc->n_pupils);
	clear_report(tc);
	memset(tc->first_pin, 0, sizeof tc->first_pin);
	memset(&tc->field, 0, sizeof tc->field);
	free(tc->message);
	free(tc);
}

static const struct screen_ops teacher_ops = {"teacher", teacher_draw, teacher_handle, teacher_leave, NULL};

struct screen scr_teacher_new(struct ui *ui, bool new_pin)
{
	struct teacher *tc = xcalloc(1, sizeof *tc);
	go(ui, tc, new_pin ? NEWPIN : GATE);
	return (struct screen){&teacher_ops, tc};
}
