/*
 * claim.c: pairs, claims, support and conflicts of one story (claim.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "conflict.h"
#include "hash.h"
#include "numex.h"
#include "xalloc.h"

const char *
claim_rel_name(enum claim_rel r)
{
	switch (r) {
	case CLAIM_PARTIAL:
		return "partial";
	case CLAIM_SAME:
		return "same";
	case CLAIM_CONFLICT:
		return "conflict";
	default:
		return "";
	}
}

static void
push_pair(struct claim_set *cs, const struct claim_pair *p)
{
	if (cs->npairs == cs->paircap)
		xgrow((void **)&cs->pairs, &cs->paircap, cs->npairs + 1,
		    sizeof(*cs->pairs));
	cs->pairs[cs->npairs++] = *p;
}

/*
 * The score of (i, j) with the values left out: the score itself when
 * neither has a value, 0 when too little is left to judge.
 */
static double
novalue(const struct sim_index *x, const struct sim_model *m, size_t i,
    size_t j, double score)
{
	double f[SIM_NFEAT];
	size_t na, nb;

	sim_values(x, i, &na);
	sim_values(x, j, &nb);
	if (na == 0 && nb == 0)
		return score;
	if (sim_shared(x, i, j) < CLAIM_MINSHARED)
		return 0;
	sim_features_novalues(x, i, j, f);
	return sim_model_score(m, f);
}

/*
 * The conflicting values of i and j into cs->hits; returns how many.
 * Only pairs sharing CLAIM_MINLINK content stems are looked at.
 */
static size_t
hits_of(struct sim_index *x, const struct claim_sent *s,
    struct claim_set *cs, size_t i, size_t j)
{
	if (cs->cf == NULL || sim_shared(x, i, j) < 1)
		return 0;
	return conflict_find(cs->cf, x, i, s[i].text, s[i].len, j,
	    s[j].text, s[j].len, &cs->hits, &cs->hitcap);
}

/* Score the candidates of every sentence; keep pairs with a relation. */
static void
score_pairs(struct sim_index *x, const struct sim_model *m,
    const struct claim_opts *o, const struct claim_sent *s,
    struct claim_set *cs)
{
	double f[SIM_NFEAT];
	struct claim_pair p;
	uint32_t *cand = NULL;
	size_t cap = 0, nc, i, k, nh;
	unsigned all, strong;

	for (i = 0; i < sim_count(x); i++) {
		nc = sim_candidates(x, i, o->maxcand, &cand, &cap);
		for (k = 0; k < nc; k++) {
			memset(&p, 0, sizeof(p));
			p.a = (uint32_t)i;
			p.b = cand[k];
			sim_features(x, i, cand[k], f);
			p.score = sim_model_score(m, f);
			p.novalue = novalue(x, m, i, cand[k], p.score);
			nh = hits_of(x, s, cs, i, cand[k]);
			all = conflict_kinds(cs->hits, nh, 0);
			strong = conflict_kinds(cs->hits, nh, 1);
			if (all != 0 && (p.novalue >= o->threshold ||
			    (sim_shared(x, i, cand[k]) >= CLAIM_MINSHARED &&
			    sim_containment(x, i, cand[k]) >=
			    CLAIM_CONTAINED))) {
				p.rel = CLAIM_CONFLICT;
				p.kinds = (uint8_t)all;
			} else if (strong != 0) {
				p.rel = CLAIM_CONFLICT;
				p.kinds = (uint8_t)strong;
				p.strong = 1;
			} else if (p.score >= o->threshold ||
			    p.novalue >= o->threshold)
				p.rel = CLAIM_SAME;
			else if (p.score >= o->partial)
				p.rel = CLAIM_PARTIAL;
			/* A claim is more than one shared word ("updated"). */
			if (p.rel >= CLAIM_SAME && !p.strong &&
			    sim_shared(x, i, cand[k]) < CLAIM_MINLINK)
				p.rel = CLAIM_PARTIAL;
			if (p.rel != CLAIM_NONE)
				push_pair(cs, &p);
		}
	}
	free(cand);
}

static double
link_score(const struct claim_pair *p)
{
	return p->rel == CLAIM_CONFLICT || p->novalue > p->score ?
	    p->novalue : p->score;
}

static int
link_cmp(const void *a, const void *b)
{
	const struct claim_pair *x = *(const struct claim_pair *const *)a;
	const struct claim_pair *y = *(const struct claim_pair *const *)b;
	double sx = link_score(x), sy = link_score(y);

	if (sx != sy)
		return sx > sy ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* Union-find over sentences, each root holding its documents, sorted. */
struct forest {
	uint32_t	*up;
	uint32_t	**docs;
	uint32_t	*ndocs;
};

static uint32_t
find(struct forest *fo, uint32_t i)
{
	while (fo->up[i] != i) {
		fo->up[i] = fo->up[fo->up[i]];
		i = fo->up[i];
	}
	return i;
}

/* Join the claims of a and b unless they share a document. */
static void
join(struct forest *fo, uint32_t a, uint32_t b)
{
	uint32_t ra = find(fo, a), rb = find(fo, b), *m;
	size_t i = 0, j = 0, n = 0;

	if (ra == rb)
		return;
	m = xcalloc(fo->ndocs[ra] + fo->ndocs[rb], sizeof(*m));
	while (i < fo->ndocs[ra] || j < fo->ndocs[rb]) {
		if (j == fo->ndocs[rb] || (i < fo->ndocs[ra] &&
		    fo->docs[ra][i] < fo->docs[rb][j]))
			m[n++] = fo->docs[ra][i++];
		else if (i == fo->ndocs[ra] ||
		    fo->docs[rb][j] < fo->docs[ra][i])
			m[n++] = fo->docs[rb][j++];
		else {
			free(m);
			return;
		}
	}
	if (ra > rb) {
		uint32_t t = ra;

		ra = rb;
		rb = t;
	}
	fo->up[rb] = ra;
	free(fo->docs[ra]);
	free(fo->docs[rb]);
	fo->docs[rb] = NULL;
	fo->docs[ra] = m;
	fo->ndocs[ra] = (uint32_t)n;
}

/* Link same and conflict pairs, best first; number the claims. */
static void
cluster(struct sim_index *x, struct claim_set *cs)
{
	struct forest fo;
	struct claim_pair **links;
	size_t n = sim_count(x), i, nl = 0;
	uint32_t *num;

	fo.up = xcalloc(n + 1, sizeof(*fo.up));
	fo.docs = xcalloc(n + 1, sizeof(*fo.docs));
	fo.ndocs = xcalloc(n + 1, sizeof(*fo.ndocs));
	for (i = 0; i < n; i++) {
		fo.up[i] = (uint32_t)i;
		fo.docs[i] = xmalloc(sizeof(**fo.docs));
		fo.docs[i][0] = sim_group(x, i);
		fo.ndocs[i] = 1;
	}
	links = xcalloc(cs->npairs + 1, sizeof(*links));
	for (i = 0; i < cs->npairs; i++)
		if (cs->pairs[i].rel >= CLAIM_SAME)
			links[nl++] = &cs->pairs[i];
	qsort(links, nl, sizeof(*links), link_cmp);
	for (i = 0; i < nl; i++)
		join(&fo, links[i]->a, links[i]->b);
	num = xcalloc(n + 1, sizeof(*num));
	for (i = 0; i < n; i++)
		num[i] = UINT32_MAX;
	cs->n = 0;
	for (i = 0; i < n; i++) {
		uint32_t r = find(&fo, (uint32_t)i);

		if (num[r] == UINT32_MAX)
			num[r] = (uint32_t)cs->n++;
		cs->of[i] = num[r];
	}
	for (i = 0; i < n; i++)
		free(fo.docs[i]);
	free(fo.docs);
	free(fo.ndocs);
	free(fo.up);
	free(links);
	free(num);
}

/* Append s[0..n) to cs->buf. */
static void
buf_put(struct claim_set *cs, const char *s, size_t n)
{
	if (cs->len + n + 1 > cs->bufcap)
		xgrow((void **)&cs->buf, &cs->bufcap, cs->len + n + 1, 1);
	memcpy(cs->buf + cs->len, s, n);
	cs->len += n;
	cs->buf[cs->len] = '\0';
}

/* A source name in a list: '%' and ',' written %25 and %2C. */
static void
buf_put_source(struct claim_set *cs, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			buf_put(cs, "%25", 3);
		else if (*s == ',')
			buf_put(cs, "%2C", 3);
		else
			buf_put(cs, s, 1);
	}
}

/* A sentence of a claim, to sort by claim then source. */
struct member {
	uint32_t	 claim;
	const char	*source;
};

static int
member_cmp(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	return strcmp(x->source, y->source);
}

/* Support and sources list of every claim. */
static void
supports(struct claim_set *cs, const struct claim_sent *s)
{
	struct member *mb = xcalloc(cs->nsent + 1, sizeof(*mb));
	size_t i;

	for (i = 0; i < cs->nsent; i++) {
		mb[i].claim = cs->of[i];
		mb[i].source = s[i].source;
	}
	qsort(mb, cs->nsent, sizeof(*mb), member_cmp);
	for (i = 0; i < cs->nsent; i++) {
		uint32_t c = mb[i].claim;

		if (i > 0 && c == mb[i - 1].claim &&
		    strcmp(mb[i].source, mb[i - 1].source) == 0)
			continue;
		if (i == 0 || c != mb[i - 1].claim) {
			buf_put(cs, "", 0);
			cs->len++;
			cs->sources[c] = cs->len;
			buf_put(cs, "", 0);
		} else
			buf_put(cs, ",", 1);
		buf_put_source(cs, mb[i].source);
		cs->support[c]++;
	}
	free(mb);
}

/* One side of a conflict: a value a source gives. */
struct said {
	uint32_t	 claim;
	uint8_t		 kind;
	uint64_t	 key;		/* value key, or title hash */
	size_t		 order;		/* first appearance of the key */
	const char	*surf;
	size_t		 surflen;
	const char	*source;
};

static int
said_key_cmp(const void *a, const void *b)
{
	const struct said *x = a, *y = b;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
said_out_cmp(const void *a, const void *b)
{
	const struct said *x = a, *y = b;
	int c;

	if (x->claim != y->claim)
		return x->claim < y->claim ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if ((c = strcmp(x->source, y->source)) != 0)
		return c;
	return 0;
}

struct saids {
	struct said	*v;
	size_t		 n, cap;
};

/* The lower-cased title s[0..n), words joined by one space, hashed. */
static uint64_t
title_key(const char *s, size_t n)
{
	uint64_t h = 0x7469746c65ULL;
	size_t i;
	int space = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\n' || c == '\t') {
			space = 1;
			continue;
		}
		if (space)
			h = hash_mix(h ^ ' ');
		space = 0;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = hash_mix(h ^ c);
	}
	return h;
}

/* One side of a hit: the value of sentence i at text[start..end). */
static void
put_said(const struct sim_index *x, const struct claim_sent *s,
    uint32_t claim, size_t i, uint32_t val, unsigned kind, uint32_t start,
    uint32_t end, struct saids *out)
{
	const struct sim_value *v;
	struct said *d;
	size_t nv;

	if (end > s[i].len || start >= end)
		return;
	v = sim_values(x, i, &nv);
	if (out->n == out->cap)
		xgrow((void **)&out->v, &out->cap, out->n + 1,
		    sizeof(*out->v));
	d = &out->v[out->n];
	d->claim = claim;
	d->kind = (uint8_t)kind;
	d->key = kind == CONFLICT_TITLE || val >= nv ?
	    title_key(s[i].text + start, end - start) : v[val].key;
	d->order = out->n++;
	d->surf = s[i].text + start;
	d->surflen = end - start;
	d->source = s[i].source;
}

/* Whether two sides name the same value (dates that agree included). */
static int
same_side(const struct sim_index *x, const struct said *a,
    const struct said *b)
{
	if (a->claim != b->claim || a->kind != b->kind || a->key == b->key)
		return 0;
	if (a->kind == CONFLICT_TITLE || a->key > UINT32_MAX ||
	    b->key > UINT32_MAX)
		return 0;
	return conflict_agree(x, (uint32_t)a->key, (uint32_t)b->key) == 2;
}

/* Render the gathered sides as each claim's conflict text. */
static void
render(const struct sim_index *x, struct claim_set *cs, struct saids *sd)
{
	size_t i, k, *par;
	const struct said *d, *p;
	const char *kn;

	if (sd->n == 0)
		return;
	/*
	 * Values that agree ("Tuesday", "2026-03-03", "XXXX-03-03") are one
	 * side: join them (union-find over the pairs that agree), then give
	 * each the key of its group's first member.
	 */
	par = xreallocarray(NULL, sd->n, sizeof(*par));
	for (i = 0; i < sd->n; i++)
		par[i] = i;
	for (i = 1; i < sd->n; i++)
		for (k = 0; k < i; k++)
			if (same_side(x, &sd->v[k], &sd->v[i])) {
				size_t a = k, b = i;
				while (par[a] != a)
					a = par[a];
				while (par[b] != b)
					b = par[b];
				if (a != b)
					par[a > b ? a : b] = a < b ? a : b;
			}
	for (i = 0; i < sd->n; i++) {
		size_t r = i;
		while (par[r] != r)
			r = par[r];
		sd->v[i].key = sd->v[r].key;
	}
	free(par);
	qsort(sd->v, sd->n, sizeof(*sd->v), said_key_cmp);
	for (i = 0; i < sd->n; i = k) {
		for (k = i; k < sd->n && sd->v[k].claim == sd->v[i].claim &&
		    sd->v[k].kind == sd->v[i].kind &&
		    sd->v[k].key == sd->v[i].key; k++) {
			sd->v[k].order = sd->v[i].order;
			sd->v[k].surf = sd->v[i].surf;
			sd->v[k].surflen = sd->v[i].surflen;
		}
	}
	qsort(sd->v, sd->n, sizeof(*sd->v), said_out_cmp);
	for (i = 0; i < sd->n; i++) {
		d = &sd->v[i];
		p = i > 0 ? &sd->v[i - 1] : NULL;
		if (p != NULL && p->claim == d->claim && p->kind == d->kind &&
		    p->key == d->key) {
			if (strcmp(p->source, d->source) != 0) {
				buf_put(cs, ", ", 2);
				buf_put(cs, d->source, strlen(d->source));
			}
			continue;
		}
		if (p != NULL && p->claim == d->claim && p->kind == d->kind)
			buf_put(cs, ") / ", 4);
		else {
			if (p != NULL && p->claim == d->claim)
				buf_put(cs, "); ", 3);
			else {
				if (p != NULL)
					buf_put(cs, ")", 1);
				buf_put(cs, "", 0);
				cs->len++;
				cs->conflict[d->claim] = cs->len;
				buf_put(cs, "", 0);
			}
			kn = conflict_kind_name(d->kind);
			buf_put(cs, kn, strlen(kn));
			buf_put(cs, ": ", 2);
		}
		buf_put(cs, d->surf, d->surflen);
		buf_put(cs, " (", 2);
		buf_put(cs, d->source, strlen(d->source));
	}
	if (sd->n > 0)
		buf_put(cs, ")", 1);
}

/* The conflict text of each claim from its conflict pairs' hits. */
static void
conflicts(struct sim_index *x, const struct claim_sent *s,
    struct claim_set *cs)
{
	struct saids sd = { 0 };
	const struct claim_pair *p;
	const struct conflict_hit *h;
	size_t i, k, nh;
	uint32_t c;
	int side;

	for (i = 0; i < cs->npairs; i++) {
		p = &cs->pairs[i];
		if (p->rel != CLAIM_CONFLICT)
			continue;
		nh = hits_of(x, s, cs, p->a, p->b);
		for (k = 0; k < nh; k++) {
			h = &cs->hits[k];
			if (!(p->kinds & (1u << h->kind)))
				continue;
			/* On both claims when the pair was not joined. */
			for (side = 0; side < 2; side++) {
				c = cs->of[side ? p->b : p->a];
				if (side && c == cs->of[p->a])
					break;
				put_said(x, s, c, p->a, h->a, h->kind, h->sa,
				    h->ea, &sd);
				put_said(x, s, c, p->b, h->b, h->kind, h->sb,
				    h->eb, &sd);
			}
		}
	}
	render(x, cs, &sd);
	free(sd.v);
}

void
claim_align(struct sim_index *x, const struct sim_model *m,
    const struct claim_opts *o, const struct claim_sent *s,
    struct claim_set *cs)
{
	size_t n = sim_count(x), i;

	cs->npairs = 0;
	cs->len = 0;
	cs->nsent = n;
	if (n + 1 > cs->sentcap)
		xgrow((void **)&cs->of, &cs->sentcap, n + 1, sizeof(*cs->of));
	if (n + 1 > cs->claimcap) {
		xgrow((void **)&cs->support, &cs->claimcap, n + 1,
		    sizeof(*cs->support));
		cs->sources = xreallocarray(cs->sources, cs->claimcap,
		    sizeof(*cs->sources));
		cs->conflict = xreallocarray(cs->conflict, cs->claimcap,
		    sizeof(*cs->conflict));
	}
	/* Offset 0 of buf is the empty string every claim starts with. */
	buf_put(cs, "", 0);
	for (i = 0; i <= n; i++) {
		cs->support[i] = 0;
		cs->sources[i] = cs->conflict[i] = 0;
	}
	/* Its stemmer is libstemmer's built-in English: NULL only on OOM. */
	if (cs->cf == NULL)
		cs->cf = conflict_new();
	if (cs->cf != NULL)
		conflict_reset(cs->cf, n);
	score_pairs(x, m, o, s, cs);
	cluster(x, cs);
	supports(cs, s);
	conflicts(x, s, cs);
}

const char *
claim_sources(const struct claim_set *cs, size_t c)
{
	return cs->buf + cs->sources[c];
}

const char *
claim_conflict(const struct claim_set *cs, size_t c)
{
	return cs->buf + cs->conflict[c];
}

void
claim_set_free(struct claim_set *cs)
{
	if (cs == NULL)
		return;
	free(cs->of);
	free(cs->support);
	free(cs->sources);
	free(cs->conflict);
	free(cs->buf);
	free(cs->pairs);
	free(cs->hits);
	conflict_free(cs->cf);
	memset(cs, 0, sizeof(*cs));
}
