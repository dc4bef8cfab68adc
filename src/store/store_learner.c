/* store_learner.c — what the learner model reads from the progress database:
 * the pupils' sessions. */
#include "config.h"

#include <stdlib.h>

#include "store/store_internal.h"
#include "xalloc.h"

enum store_rc store_session_begin(struct store *st, int64_t pupil, time_t now, int *session)
{
	*session = 0;
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = st_run(st, NULL,
		    "INSERT INTO sessions(pupil, n, started) "
		    "SELECT ?, coalesce(max(n), 0) + 1, ? FROM sessions WHERE pupil = ?",
		    "iii", pupil, (int64_t)now, pupil);
	rc = st_fk_result(st, rc);
	int n = 0;
	if (rc == STORE_OK) {
		sqlite3_stmt *stmt;
		rc = st_prepare(st, &stmt, "SELECT max(n) FROM sessions WHERE pupil = ?", "i", pupil);
		if (rc == STORE_OK) {
			if (st_step(st, stmt, &rc) == 1)
				n = sqlite3_column_int(stmt, 0);
			sqlite3_finalize(stmt);
		}
	}
	rc = st_end(st, rc);
	if (rc == STORE_OK)
		*session = n;
	return rc;
}
