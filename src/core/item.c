/* item.c — is this answer right? */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/item.h"
#include "i18n.h"
#include "xalloc.h"

bool item_check(const struct item *it, const struct response *r)
{
	switch (it->kind) {
	case ITEM_SINGLE:
		return it->n_answers == 1 && r->pick == it->answers[0];
	case ITEM_TRUEFALSE:
		return (r->pick == 1) == it->truth;
	case ITEM_MULTIPLE: {
		bool want[ITEM_MAX_OPTIONS] = {false};
		for (size_t i = 0; i < it->n_answers; i++)
			want[it->answers[i]] = true;
		for (size_t i = 0; i < it->options.n && i < ITEM_MAX_OPTIONS; i++)
			if (want[i] != r->ticked[i])
				return false;
		return true;
	}
	case ITEM_TEXT: {
		char *acc[16];
		size_t n = it->accepted.n < 16 ? it->accepted.n : 16;
		for (size_t i = 0; i < n; i++)
			acc[i] = it->accepted.v[i].s;
		return r->text && answer_text_ok(r->text, acc, n);
	}
	case ITEM_ORDER:
	case ITEM_MATCH: {
		size_t n = it->kind == ITEM_ORDER ? it->options.n : it->left.n;
		if (r->n_seq != n)
			return false;
		for (size_t i = 0; i < n; i++)
			if (r->seq[i] != (int)i)
				return false;
		return true;
	}
	}
	return false;
}

size_t item_n_choices(const struct item *it)
{
	switch (it->kind) {
	case ITEM_TRUEFALSE:
		return 2;
	case ITEM_TEXT:
		return 0;
	case ITEM_MATCH:
		return it->right.n;
	default:
		return it->options.n;
	}
}

uint32_t item_seed(const char *key)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (const char *p = key; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	return h ? h : 1;
}

uint32_t item_rand(uint32_t *state)
{
	uint32_t h = *state ? *state : 1;	/* xorshift32: 0 would stay 0 */
	h ^= h << 13;
	h ^= h >> 17;
	h ^= h << 5;
	*state = h;
	return h;
}

double item_rand_unit(uint32_t *state)
{
	return (double)item_rand(state) / 4294967296.0;
}

void item_shuffle(const char *key, size_t n, int *perm)
{
	uint32_t h = item_seed(key);	/* FNV-1a of the key seeds a xorshift */
	for (size_t i = 0; i < n; i++)
		perm[i] = (int)i;
	for (size_t i = n; i > 1; i--) {
		size_t j = item_rand(&h) % i;
		int t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
	bool identity = true;
	for (size_t i = 0; i < n; i++)
		identity = identity && perm[i] == (int)i;
	if (identity && n > 1) {	/* rotate by one: still a shuffle, never the answer */
		int first = perm[0];
		memmove(perm, perm + 1, (n - 1) * sizeof *perm);
		perm[n - 1] = first;
	}
}

double item_guess(const struct item *it)
{
	if (it->kind == ITEM_SINGLE && it->options.n > 0)
		return 1.0 / (double)it->options.n;
	if (it->kind == ITEM_TRUEFALSE)
		return 0.5;
	return 0.0;
}

char *item_response_text(const struct item *it, const struct response *r)
{
	char buf[ITEM_MAX_OPTIONS * 4 + 1] = "";
	size_t len = 0;
	switch (it->kind) {
	case ITEM_SINGLE:
		return xasprintf("%d", r->pick + 1);
	case ITEM_TRUEFALSE:
		return xstrdup(r->pick ? "true" : "false");
	case ITEM_TEXT:
		return xstrdup(r->text ? r->text : "");
	case ITEM_MULTIPLE:
		for (size_t i = 0; i < it->options.n && i < ITEM_MAX_OPTIONS; i++)
			if (r->ticked[i])
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%zu", len ? "," : "", i + 1);
		return xstrdup(buf);
	case ITEM_ORDER:
	case ITEM_MATCH:
		for (size_t i = 0; i < r->n_seq && i < ITEM_MAX_OPTIONS; i++)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%d", len ? "," : "", r->seq[i] + 1);
		return xstrdup(buf);
	}
	return xstrdup("");
}

char *item_answer_text(const struct item *it)
{
	switch (it->kind) {
	case ITEM_TEXT:
		return it->accepted.n ? xasprintf(_("Answer: %s"), it->accepted.v[0].s) : NULL;
	case ITEM_ORDER: {
		char *s = xstrdup(_("Right order:"));
		for (size_t i = 0; i < it->options.n; i++) {
			char *n = xasprintf("%s %zu) %s", s, i + 1, it->options.v[i].s);
			free(s);
			s = n;
		}
		return s;
	}
	default:
		return NULL;
	}
}
