/* store_pin.c — the teacher PIN: yescrypt hash, and a delay after repeated
 * wrong tries that survives a restart and a clock set back. */
#include "config.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "xalloc.h"

#define FREE_TRIES 5
#define FIRST_DELAY 30
#define MAX_DELAY (15 * 60)

/* True if pin is 6 to 12 ASCII digits. */
static bool pin_format_ok(const char *pin)
{
	size_t n = strlen(pin);
	return n >= 6 && n <= 12 && strspn(pin, "0123456789") == n;
}

/* Seconds to wait after the given number of consecutive failures: none for
 * the free tries, then 30 s doubling up to 15 min. */
static int delay_after(int64_t failures)
{
	if (failures < FREE_TRIES)
		return 0;
	int64_t d = FIRST_DELAY;
	for (int64_t k = FREE_TRIES; k < failures && d < MAX_DELAY; k++)
		d *= 2;
	return d < MAX_DELAY ? (int)d : MAX_DELAY;
}

/* True if the two strings are equal, in a time that does not depend on where
 * they differ. */
static bool same_secret(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char diff = na != nb;
	for (size_t i = 0; i < na && i < nb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

enum store_rc store_pin_is_set(struct store *st, bool *set)
{
	sqlite3_stmt *stmt;
	enum store_rc rc = st_prepare(st, &stmt, "SELECT 1 FROM pin WHERE id = 1", NULL);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	*set = r == 1;
	sqlite3_finalize(stmt);
	return r < 0 ? rc : STORE_OK;
}

enum store_rc store_pin_set(struct store *st, const char *pin)
{
	if (!pin_format_ok(pin))
		return STORE_ERR_PIN_FORMAT;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	enum store_rc rc = STORE_ERR_IO;
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) &&
	    crypt_rn(pin, salt, cd, sizeof *cd) && cd->output[0] == '$')
		rc = st_run(st, NULL,
			    "INSERT INTO pin(id, hash, failures, last_failure) VALUES (1, ?, 0, 0) "
			    "ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, failures = 0, last_failure = 0",
			    "t", cd->output);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return rc;
}

/* Reads the PIN row: hash (caller frees), failures and time of the last one. */
static enum store_rc read_pin(struct store *st, char **hash, int64_t *failures, int64_t *last)
{
	sqlite3_stmt *stmt;
	*hash = NULL;
	enum store_rc rc = st_prepare(st, &stmt, "SELECT hash, failures, last_failure FROM pin WHERE id = 1",
				      NULL);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	if (r == 1) {
		*hash = st_text(stmt, 0);
		*failures = sqlite3_column_int64(stmt, 1);
		*last = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
	return r < 0 ? rc : r == 0 ? STORE_ERR_NOPIN : STORE_OK;
}

/* True if pin hashes to hash. */
static bool pin_matches(const char *pin, const char *hash)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	bool yes = crypt_rn(pin, hash, cd, sizeof *cd) && cd->output[0] == '$' && same_secret(cd->output, hash);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return yes;
}

/* The check itself, inside the transaction of store_pin_check. */
static enum store_rc check_locked(struct store *st, const char *pin, time_t now, int *wait_s)
{
	char *hash;
	int64_t failures = 0, last = 0;
	enum store_rc rc = read_pin(st, &hash, &failures, &last);
	if (rc != STORE_OK)
		return rc;
	int delay = delay_after(failures);
	if (delay > 0 && now < last) {
		/* The clock went back: the wait restarts now, never longer. */
		last = now;
		rc = st_run(st, NULL, "UPDATE pin SET last_failure = ? WHERE id = 1", "i", (int64_t)now);
	}
	if (rc == STORE_OK && delay > 0 && now < last + delay) {
		*wait_s = (int)(last + delay - now);
		rc = STORE_ERR_PIN_WAIT;
	} else if (rc == STORE_OK && pin_format_ok(pin) && pin_matches(pin, hash)) {
		rc = st_run(st, NULL, "UPDATE pin SET failures = 0, last_failure = 0 WHERE id = 1", NULL);
	} else if (rc == STORE_OK) {
		rc = st_run(st, NULL, "UPDATE pin SET failures = failures + 1, last_failure = ? WHERE id = 1",
			    "i", (int64_t)now);
		*wait_s = delay_after(failures + 1);
		if (rc == STORE_OK)
			rc = STORE_ERR_PIN_WRONG;
	}
	free(hash);
	return rc;
}

enum store_rc store_pin_check(struct store *st, const char *pin, time_t now, int *wait_s)
{
	*wait_s = 0;
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = check_locked(st, pin, now, wait_s);
	/* A wrong PIN or a wait is an answer, not an error: keep what changed. */
	bool keep = rc == STORE_ERR_PIN_WRONG || rc == STORE_ERR_PIN_WAIT;
	enum store_rc end = st_end(st, keep ? STORE_OK : rc);
	return keep && end == STORE_OK ? rc : end;
}

enum store_rc store_pin_reset(struct store *st)
{
	return st_run(st, NULL, "DELETE FROM pin", NULL);
}
