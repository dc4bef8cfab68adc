/* sim_response.c — a right or wrong response to any question, for the tests
 * and benchmarks that play lessons without a keyboard. */
#include "config.h"

#include <string.h>

#include "sim_response.h"

bool sim_response(const struct item *it, bool right, struct response *resp)
{
	memset(resp, 0, sizeof *resp);
	size_t n;
	switch (it->kind) {
	case ITEM_SINGLE:
		if (it->n_answers != 1 || it->options.n < 2)
			return false;
		resp->pick = right ? it->answers[0] : (it->answers[0] == 0 ? 1 : 0);
		return true;
	case ITEM_MULTIPLE:
		for (size_t i = 0; i < it->n_answers; i++)
			resp->ticked[it->answers[i]] = true;
		if (!right)
			resp->ticked[0] = !resp->ticked[0];
		return it->options.n > 0;
	case ITEM_TRUEFALSE:
		resp->pick = it->truth == right ? 1 : 0;
		return true;
	case ITEM_TEXT:
		if (!it->accepted.n)
			return false;
		resp->text = right ? it->accepted.v[0].s : "wxyz wxyz wxyz wxyz";
		return true;
	case ITEM_ORDER:
	case ITEM_MATCH:
		n = it->kind == ITEM_ORDER ? it->options.n : it->left.n;
		if (n < 2 || n > ITEM_MAX_OPTIONS)
			return false;
		resp->n_seq = n;
		for (size_t i = 0; i < n; i++)	/* wrong: reversed order, or links shifted */
			resp->seq[i] = right ? (int)i
					     : (int)(it->kind == ITEM_ORDER ? n - 1 - i : (i + 1) % n);
		return true;
	}
	return false;
}
