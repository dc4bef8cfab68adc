/* cmd.h — subcommands that run without the full-screen interface. */
#ifndef DECLIC_CMD_H
#define DECLIC_CMD_H

/* `declic check PATH...`; returns the exit status (0 clean, 1 errors, 2 usage). */
int cmd_check(int argc, char **argv);

#endif
