/* cmd.h — subcommands that run without the full-screen interface. */
#ifndef DECLIC_CMD_H
#define DECLIC_CMD_H

#include <stdbool.h>

#include "store/store.h"

/* `declic check PATH...`; returns the exit status (0 clean, 1 errors, 2 usage). */
int cmd_check(int argc, char **argv);

/* Open the progress database of the kiosk (path NULL: the default place); a
 * damaged one is set aside and its newest backup offered. Returns 0, or an
 * exit status after printing why. */
int db_open(const char *path, struct store **out);
/* Open an existing progress database (path NULL: the default place) for a
 * report: nothing is created, and a damaged file is left where it is.
 * Returns 0, or 1 after printing why it cannot be used. */
int db_open_existing(const char *path, struct store **out);
/* Print why the database at path cannot be used (rc), as the kiosk says it. */
void db_problem(const char *path, enum store_rc rc);
/* `declic pin --reset [--db FILE]`: forget the teacher code (db: a --db given
 * before the command, or NULL); returns the exit status. */
int cmd_pin(int argc, char **argv, const char *db);
/* `declic guide [--text] PACK`: the teacher notes of a pack (a folder, or an
 * identifier under the content root `content` in language `lang`) as a sheet
 * to print; returns the exit status (0, 1 no such pack or errors, 2 usage). */
int cmd_guide(int argc, char **argv, const char *content, const char *lang);

/* `declic stats [--text] [PACK...]`: the figures of packs (every pack of
 * `content` when none is named), or every text pupils read; returns the exit
 * status (0, 1 a pack is missing or has errors, 2 usage). */
int cmd_stats(int argc, char **argv, const char *content, const char *lang);
/* Read the only option of guide and stats, --text, into *text, leaving
 * optind on the first operand; false (after a message) on another option. */
bool cmd_text_option(int argc, char **argv, bool *text);

/* `declic calibrate [--db FILE] [--min N] [--threshold LOGITS]`: each
 * question's difficulty from the answers of every pupil of the database (db:
 * a --db given before the command, or NULL), the authored levels read from
 * the packs of `content` in language `lang`, and the questions that drift;
 * returns the exit status (0, 1 the database cannot be read, 2 usage). */
int cmd_calibrate(int argc, char **argv, const char *db, const char *content, const char *lang);

#endif
