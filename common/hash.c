/*
 * hash.c: a 64-bit hash that reads eight bytes at a step, and smap, an
 * open-addressing table from strings to dense ids.  The keys live in one
 * growing arena; the slots hold an id and the key's hash, so a probe
 * compares bytes only when the hashes agree.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xalloc.h"

#define K1	0x9e3779b97f4a7c15ULL
#define K2	0xbf58476d1ce4e5b9ULL

uint64_t
hash_mix(uint64_t x)
{
	/* The finaliser of splitmix64: a bijection that spreads every bit. */
	x ^= x >> 30;
	x *= K2;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

uint64_t
hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ (n * K1), w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ hash_mix(w)) * K1;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		w = 0;
		memcpy(&w, s, n);
		h = (h ^ hash_mix(w ^ ((uint64_t)n << 56))) * K1;
	}
	return hash_mix(h);
}

struct slot {
	uint64_t	h;
	size_t		id;	/* id + 1; 0 = empty */
};

struct smap {
	struct slot	*slot;
	size_t		 mask;	/* number of slots - 1 */
	size_t		*off;	/* key offset in arena, by id */
	size_t		*len;	/* key length, by id */
	size_t		 n, cap;
	char		*arena;
	size_t		 alen, acap;
};

struct smap *
smap_new(void)
{
	struct smap *m = xcalloc(1, sizeof(*m));

	m->mask = 15;
	m->slot = xcalloc(m->mask + 1, sizeof(*m->slot));
	return m;
}

void
smap_free(struct smap *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m->off);
	free(m->len);
	free(m->arena);
	free(m);
}

static size_t
find(const struct smap *m, const char *s, size_t n, uint64_t h)
{
	size_t i = h & m->mask;

	for (;;) {
		const struct slot *sl = &m->slot[i];
		if (sl->id == 0)
			return i;
		if (sl->h == h && m->len[sl->id - 1] == n &&
		    memcmp(m->arena + m->off[sl->id - 1], s, n) == 0)
			return i;
		i = (i + 1) & m->mask;
	}
}

long
smap_get(const struct smap *m, const char *s, size_t n)
{
	size_t i = find(m, s, n, hash_bytes(s, n, 0));

	return m->slot[i].id == 0 ? -1 : (long)(m->slot[i].id - 1);
}

static void
rehash(struct smap *m)
{
	size_t nslots = (m->mask + 1) * 2, i;
	struct slot *old = m->slot;
	size_t oldn = m->mask + 1;

	m->slot = xcalloc(nslots, sizeof(*m->slot));
	m->mask = nslots - 1;
	for (i = 0; i < oldn; i++) {
		size_t j;
		if (old[i].id == 0)
			continue;
		j = old[i].h & m->mask;
		while (m->slot[j].id != 0)
			j = (j + 1) & m->mask;
		m->slot[j] = old[i];
	}
	free(old);
}

size_t
smap_put(struct smap *m, const char *s, size_t n, int *added)
{
	uint64_t h = hash_bytes(s, n, 0);
	size_t i = find(m, s, n, h), id;

	if (m->slot[i].id != 0) {
		if (added != NULL)
			*added = 0;
		return m->slot[i].id - 1;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap;
		xgrow((void **)&m->off, &cap, m->n + 1, sizeof(*m->off));
		m->len = xreallocarray(m->len, cap, sizeof(*m->len));
		m->cap = cap;
	}
	xgrow((void **)&m->arena, &m->acap, m->alen + n + 1, 1);
	memcpy(m->arena + m->alen, s, n);
	m->arena[m->alen + n] = '\0';
	id = m->n++;
	m->off[id] = m->alen;
	m->len[id] = n;
	m->alen += n + 1;
	m->slot[i].h = h;
	m->slot[i].id = id + 1;
	if (m->n * 4 > (m->mask + 1) * 3)
		rehash(m);
	if (added != NULL)
		*added = 1;
	return id;
}

size_t
smap_count(const struct smap *m)
{
	return m->n;
}

const char *
smap_key(const struct smap *m, size_t id, size_t *n)
{
	if (n != NULL)
		*n = m->len[id];
	return m->arena + m->off[id];
}
