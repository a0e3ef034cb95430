/*
 * nergaz.c: gazetteer phrases, tokenised and hashed once at load: a phrase
 * is the chain of its tokens' lower-case hashes, and an open-addressing
 * table maps a chain to its types and key.  Every proper prefix of a
 * phrase is in the table too (with no types), so matching stops as soon
 * as no phrase can continue.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "nergaz.h"
#include "tok.h"
#include "xalloc.h"

struct gslot {
	uint64_t	h;		/* 0: empty */
	uint32_t	key;		/* offset in keys + 1; 0: none */
	uint8_t		types;
	uint8_t		prefix;		/* a longer phrase continues this */
};

struct nergaz {
	struct gslot	*slot;
	size_t		 mask, n;
	char		*keys;
	size_t		 klen, kcap;
};

static const char *const type_names[NERGAZ_NTYPES] = {
	"COUNTRY", "REGION", "CITY", "NORP", "ORGWORD", "TITLE", "CURRENCY",
	"PLACE"
};

const char *
nergaz_type_name(unsigned bit)
{
	unsigned i;

	for (i = 0; i < NERGAZ_NTYPES; i++)
		if (bit == 1u << i)
			return type_names[i];
	return "?";
}

unsigned
nergaz_type_parse(const char *s, size_t n)
{
	unsigned i;

	for (i = 0; i < NERGAZ_NTYPES; i++)
		if (strlen(type_names[i]) == n &&
		    memcmp(type_names[i], s, n) == 0)
			return 1u << i;
	return 0;
}

uint64_t
nergaz_word(const char *s, size_t len)
{
	char buf[256];
	size_t n;

	if (len > (sizeof(buf) - 4) / 2)
		return hash_bytes(s, len, 7);
	n = tok_lower(s, len, buf);
	return hash_bytes(buf, n, 7);
}

/* The chain hash of a phrase after adding a token; never 0. */
static uint64_t
chain(uint64_t h, uint64_t w)
{
	h = hash_mix(h * 31 + w);
	return h == 0 ? 1 : h;
}

static struct gslot *
find(const struct nergaz *g, uint64_t h)
{
	size_t i = h & g->mask;

	while (g->slot[i].h != 0 && g->slot[i].h != h)
		i = (i + 1) & g->mask;
	return &g->slot[i];
}

static void
grow(struct nergaz *g)
{
	struct gslot *old = g->slot;
	size_t oldn = g->mask + 1, i;

	g->mask = oldn * 2 - 1;
	g->slot = xcalloc(g->mask + 1, sizeof(*g->slot));
	for (i = 0; i < oldn; i++)
		if (old[i].h != 0)
			*find(g, old[i].h) = old[i];
	free(old);
}

static struct gslot *
put(struct nergaz *g, uint64_t h)
{
	struct gslot *s;

	if ((g->n + 1) * 2 > g->mask + 1)
		grow(g);
	s = find(g, h);
	if (s->h == 0) {
		s->h = h;
		g->n++;
	}
	return s;
}

/* Add one phrase with its types and key (may be empty). */
static void
add(struct nergaz *g, struct tok_list *tl, const char *ph, size_t plen,
    unsigned types, const char *key, size_t klen)
{
	struct gslot *s;
	uint64_t h = 0;
	size_t i;

	tok_split(ph, plen, tl);
	if (tl->n == 0 || tl->n > NERGAZ_MAXW)
		return;
	for (i = 0; i < tl->n; i++) {
		if (i > 0)
			put(g, h)->prefix = 1;
		h = chain(h, nergaz_word(ph + tl->v[i].start,
		    tl->v[i].end - tl->v[i].start));
	}
	s = put(g, h);
	s->types |= types;
	if (s->key == 0) {
		if (klen == 0) {
			key = ph;
			klen = plen;
		}
		xgrow((void **)&g->keys, &g->kcap, g->klen + klen + 1, 1);
		memcpy(g->keys + g->klen, key, klen);
		g->keys[g->klen + klen] = '\0';
		s->key = (uint32_t)g->klen + 1;
		g->klen += klen + 1;
	}
}

struct nergaz *
nergaz_from_text(const char *s, size_t len)
{
	struct nergaz *g = xcalloc(1, sizeof(*g));
	struct tok_list tl = { 0 };
	const char *end = s + len, *nl, *t1, *t2;
	unsigned type;

	g->mask = 1023;
	g->slot = xcalloc(g->mask + 1, sizeof(*g->slot));
	for (; s < end; s = nl + 1) {
		if ((nl = memchr(s, '\n', end - s)) == NULL)
			nl = end;
		if ((t1 = memchr(s, '\t', nl - s)) == NULL ||
		    (type = nergaz_type_parse(s, t1 - s)) == 0)
			continue;
		t1++;
		if ((t2 = memchr(t1, '\t', nl - t1)) == NULL)
			t2 = nl;
		add(g, &tl, t1, t2 - t1, type, t2 + (t2 < nl),
		    t2 < nl ? (size_t)(nl - t2 - 1) : 0);
		if (nl == end)
			break;
	}
	tok_list_free(&tl);
	return g;
}

struct nergaz *
nergaz_load(const char *path, char *err, size_t errlen)
{
	struct nergaz *g;
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		xgrow((void **)&buf, &cap, len + 65536, 1);
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	g = nergaz_from_text(buf, len);
	free(buf);
	return g;
}

void
nergaz_free(struct nergaz *g)
{
	if (g == NULL)
		return;
	free(g->slot);
	free(g->keys);
	free(g);
}

unsigned
nergaz_lookup(const struct nergaz *g, const uint64_t *lw, size_t n,
    const char **key)
{
	const struct gslot *s = NULL;
	uint64_t h = 0;
	size_t i;

	if (n == 0 || n > NERGAZ_MAXW)
		return 0;
	for (i = 0; i < n; i++) {
		h = chain(h, lw[i]);
		s = find(g, h);
		if (s->h == 0)
			return 0;
	}
	if (key != NULL)
		*key = s->key != 0 ? g->keys + s->key - 1 : "";
	return s->types;
}

void
nergaz_mark(const struct nergaz *g, const uint64_t *lw, size_t n,
    uint8_t *b, uint8_t *in)
{
	const struct gslot *s;
	size_t i, j, best;
	uint64_t h;
	uint8_t types;

	memset(b, 0, n);
	memset(in, 0, n);
	for (i = 0; i < n; ) {
		h = 0;
		best = 0;
		types = 0;
		for (j = i; j < n && j - i < NERGAZ_MAXW; j++) {
			h = chain(h, lw[j]);
			s = find(g, h);
			if (s->h == 0)
				break;
			if (s->types != 0) {
				best = j - i + 1;
				types = s->types;
			}
			if (!s->prefix)
				break;
		}
		if (best == 0) {
			i++;
			continue;
		}
		b[i] |= types;
		for (j = i + 1; j < i + best; j++)
			in[j] |= types;
		i += best;
	}
}
