/* cmd_db.c — opening the progress database from the command line: where it
 * is, what to say when it cannot be used, and the offer of a backup when it is
 * damaged; opening one for a report; `declic pin --reset`. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "core/text.h"
#include "i18n.h"
#include "xalloc.h"

/* The database path: path, or the default place (caller frees); NULL after
 * printing why there is none. */
static char *db_path(const char *path)
{
	if (path)
		return xstrdup(path);
	char *def = NULL;
	enum store_rc rc = store_default_path(&def);
	if (rc != STORE_OK) {
		fprintf(stderr, "declic: %s\n", store_strerror(rc));
		fprintf(stderr, _("declic: choose a file with --db FILE\n"));
		return NULL;
	}
	return def;
}

void db_problem(const char *path, enum store_rc rc)
{
	char *p = text_escape(path);
	/* TRANSLATORS: %s is the database file, then the reason. */
	fprintf(stderr, _("declic: cannot use the progress file %s: %s\n"), p, store_strerror(rc));
	if (rc == STORE_ERR_NOTDB || rc == STORE_ERR_NEWER || rc == STORE_ERR_READONLY)
		fprintf(stderr, _("declic: nothing was changed; choose another file with --db FILE\n"));
	free(p);
}

/* True if the person at the terminal answers yes. */
static bool ask_yes(void)
{
	if (!isatty(STDIN_FILENO))
		return false;
	char line[32];
	if (!fgets(line, sizeof line, stdin))
		return false;
	return strchr("yYoO", line[0]) && line[0];
}

/* A damaged database: set it aside, then offer the newest backup. Returns
 * true when the path may be opened again. */
static bool db_recover(const char *path)
{
	char *moved = NULL, *backup = NULL;
	char *p = text_escape(path);
	enum store_rc rc = store_set_aside(path, time(NULL), &moved);
	if (rc != STORE_OK) {
		db_problem(path, STORE_ERR_CORRUPT);
		free(p);
		return false;
	}
	char *m = text_escape(moved);
	fprintf(stderr, _("declic: the progress file %s is damaged; it was moved to %s\n"), p, m);
	free(m);
	bool ok = true;
	if (store_newest_backup(path, &backup) == STORE_OK) {
		char *b = text_escape(backup);
		fprintf(stderr, _("declic: restore the newest backup, %s? [y/N] "), b);
		free(b);
		if (ask_yes()) {
			rc = store_restore(backup, path);
			if (rc != STORE_OK) {
				db_problem(path, rc);
				ok = false;
			}
		} else {
			fprintf(stderr, _("declic: starting with an empty progress file\n"));
		}
	} else {
		fprintf(stderr, _("declic: there is no backup; starting with an empty progress file\n"));
	}
	free(backup);
	free(moved);
	free(p);
	return ok;
}

/* STORE_GROUP when the database's folder is a shared group folder (its
 * set-group-ID bit is on, as `chmod g+s` leaves it): pupils' accounts of
 * one group then share the file (mode 0660). */
static int group_flag(const char *file)
{
	char *dir = xstrdup(file), *slash = strrchr(dir, '/');
	struct stat sb;
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int flag = stat(slash ? dir : ".", &sb) == 0 && (sb.st_mode & S_ISGID) ? STORE_GROUP : 0;
	free(dir);
	return flag;
}

int db_open(const char *path, struct store **out)
{
	char *file = db_path(path);
	*out = NULL;
	if (!file)
		return 1;
	int flags = STORE_CREATE | group_flag(file);
	enum store_rc rc = store_open(file, flags, time(NULL), out);
	if (rc == STORE_ERR_CORRUPT && db_recover(file))
		rc = store_open(file, flags, time(NULL), out);
	if (rc != STORE_OK)
		db_problem(file, rc);
	free(file);
	return rc == STORE_OK ? 0 : 1;
}

int db_open_existing(const char *path, struct store **out)
{
	char *file = db_path(path);
	*out = NULL;
	if (!file)
		return 1;
	struct stat sb;
	enum store_rc rc = STORE_OK;
	if (stat(file, &sb) != 0) {
		char *p = text_escape(file);
		fprintf(stderr, _("declic: there is no progress file %s\n"), p);
		free(p);
		rc = STORE_ERR_NOTFOUND;
	} else {
		rc = store_open(file, 0, time(NULL), out);
		if (rc != STORE_OK)
			db_problem(file, rc);
	}
	free(file);
	return rc == STORE_OK ? 0 : 1;
}

static int pin_reset(const char *path);

int cmd_pin(int argc, char **argv, const char *db)
{
	enum { OPT_DB = 256, OPT_RESET };
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"reset", no_argument, NULL, OPT_RESET},
		{NULL, 0, NULL, 0},
	};
	bool reset = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == OPT_DB)
			db = optarg;
		else if (c == OPT_RESET)
			reset = true;
		else
			reset = false, optind = argc + 1;
	}
	if (!reset || optind != argc) {
		fprintf(stderr, _("declic pin: use  declic pin --reset [--db FILE]\n"));
		return 2;
	}
	return pin_reset(db);
}

/* Forget the teacher code of the database at path (NULL: the default). */
static int pin_reset(const char *path)
{
	char *file = db_path(path);
	if (!file)
		return 1;
	char *p = text_escape(file);
	struct stat sb;
	struct store *st = NULL;
	int status = 1;
	if (stat(file, &sb) != 0) {
		fprintf(stderr, _("declic: there is no progress file %s\n"), p);
	} else if (getuid() != 0 && sb.st_uid != getuid()) {
		fprintf(stderr, _("declic: only the owner of %s (or root) can reset the teacher code\n"), p);
	} else {
		enum store_rc rc = store_open(file, 0, time(NULL), &st);
		if (rc == STORE_OK)
			rc = store_pin_reset(st);
		if (rc != STORE_OK) {
			db_problem(file, rc);
		} else {
			printf(_("The teacher code is reset: the next start of declic asks for a new one.\n"));
			status = 0;
		}
		store_close(st);
	}
	free(p);
	free(file);
	return status;
}
