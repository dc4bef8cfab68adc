/* cmd.h — subcommands that run without the full-screen interface. */
#ifndef DECLIC_CMD_H
#define DECLIC_CMD_H

#include "store/store.h"

/* `declic check PATH...`; returns the exit status (0 clean, 1 errors, 2 usage). */
int cmd_check(int argc, char **argv);

/* Open the progress database of the kiosk (path NULL: the default place); a
 * damaged one is set aside and its newest backup offered. Returns 0, or an
 * exit status after printing why. */
int db_open(const char *path, struct store **out);
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

#endif
