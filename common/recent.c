/*
 * recent.c: two generations of open-addressing tables of 64-bit keys with
 * values, linear probing, each table at most half full.
 */
#include <stdlib.h>
#include <string.h>

#include "recent.h"
#include "xalloc.h"

void
recent_init(struct recent *r, size_t limit, int values)
{
	memset(r, 0, sizeof(*r));
	r->limit = limit;
	r->values = values;
}

/* What recent_get and recent_put return for slot i of t. */
static uint64_t *
at(struct recent_gen *t, size_t i)
{
	return t->val != NULL ? &t->val[i] : &t->key[i];
}

void
recent_free(struct recent *r)
{
	int g;

	for (g = 0; g < 2; g++) {
		free(r->g[g].key);
		free(r->g[g].val);
	}
	memset(r->g, 0, sizeof(r->g));
}

/* Slot of key in t, or of the free slot where it would go. */
static size_t
slot(const struct recent_gen *t, uint64_t key)
{
	size_t i;

	for (i = key & (t->cap - 1); t->key[i] != 0 && t->key[i] != key;
	    i = (i + 1) & (t->cap - 1))
		;
	return i;
}

uint64_t *
recent_get(struct recent *r, uint64_t key)
{
	struct recent_gen *t;
	size_t g, i;

	key += key == 0;
	for (g = 0; g < 2; g++) {
		t = &r->g[g];
		if (t->cap == 0)
			continue;
		i = slot(t, key);
		if (t->key[i] == key)
			return at(t, i);
	}
	return NULL;
}

/* Put key, not in t, into t, which has room. */
static uint64_t *
put1(struct recent_gen *t, uint64_t key, uint64_t val)
{
	size_t i = slot(t, key);

	t->key[i] = key;
	if (t->val != NULL)
		t->val[i] = val;
	t->n++;
	return at(t, i);
}

uint64_t *
recent_put(struct recent *r, uint64_t key, int *added)
{
	struct recent_gen *cur = &r->g[0], old;
	uint64_t *v;
	size_t i;

	if ((v = recent_get(r, key)) != NULL) {
		if (added != NULL)
			*added = 0;
		return v;
	}
	key += key == 0;
	if (cur->n + 1 > r->limit) {
		free(r->g[1].key);
		free(r->g[1].val);
		r->g[1] = *cur;
		memset(cur, 0, sizeof(*cur));
	}
	if (2 * (cur->n + 1) > cur->cap) {
		old = *cur;
		cur->cap = old.cap == 0 ? 1024 : 2 * old.cap;
		cur->key = xcalloc(cur->cap, sizeof(*cur->key));
		cur->val = r->values ?
		    xcalloc(cur->cap, sizeof(*cur->val)) : NULL;
		cur->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.key[i] != 0)
				put1(cur, old.key[i],
				    old.val != NULL ? old.val[i] : 0);
		free(old.key);
		free(old.val);
	}
	if (added != NULL)
		*added = 1;
	return put1(cur, key, 0);
}
