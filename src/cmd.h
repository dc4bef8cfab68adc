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
/* `declic pin --reset [--db FILE]`: forget the teacher code. */
int cmd_pin_reset(const char *path);

#endif
