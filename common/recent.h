/*
 * recent.h: the keys met lately, each with a value, in bounded memory.
 *
 * Keys are 64-bit hashes (of document ids, story names).  They go into the
 * newer of two open-addressing tables; when it holds `limit` keys it
 * becomes the older one and the oldest keys are forgotten.  So at least
 * the last `limit` keys (and at most 2 * limit) are remembered, in memory
 * that stays flat over a stream of any length.
 */
#ifndef RECENT_H
#define RECENT_H

#include <stddef.h>
#include <stdint.h>

struct recent {
	struct recent_gen {
		uint64_t	*key;	/* 0 = free; a key of 0 is stored as 1 */
		uint64_t	*val;	/* NULL without values */
		size_t		 n, cap;
	} g[2];			/* g[0] the newer */
	size_t		 limit;
	int		 values;
};

/*
 * Start empty, remembering at least limit keys (limit > 0), with a value
 * each when values is nonzero; without, the pointers returned below only
 * tell whether a key is there and must not be written through, and a
 * table costs 8 bytes a slot instead of 16.
 */
void		 recent_init(struct recent *r, size_t limit, int values);
void		 recent_free(struct recent *r);

/* The value of key, or NULL when it is not remembered. */
uint64_t	*recent_get(struct recent *r, uint64_t key);

/*
 * The value of key, added (with value 0) when it is not remembered; *added
 * says which, when not NULL.  The pointer is valid until the next put.
 */
uint64_t	*recent_put(struct recent *r, uint64_t key, int *added);

#endif
