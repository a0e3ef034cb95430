/*
 * claim.c: pairs, claims, support and conflicts of one story (claim.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "numex.h"
#include "xalloc.h"

static const char *const kind_names[SIM_NKINDS] = {
	"date", "time", "amount", "percentage", "count", "ordinal", "person"
};

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

/*
 * Values are compared within a class: a kind, and for dates found without
 * tag-entities the form (weekday, month and day, year), since "Tuesday"
 * and "June 10" may name one day.
 */
static int
value_class(const struct sim_index *x, const struct sim_value *v)
{
	size_t n;
	const char *k = sim_vocab(x, v->key, &n);

	if (v->kind == SIM_DATE && n >= 3 && k[0] == 'E' && k[1] == ':')
		return v->kind * 4 + (k[2] == 'P');	/* a duration apart */
	if (v->kind != SIM_DATE)
		return v->kind * 4;
	if (k[0] >= '0' && k[0] <= '9')
		return v->kind * 4 + 1;
	if (strncmp(k, "month", 5) == 0)
		return v->kind * 4 + 2;
	return v->kind * 4 + 3;
}

/* ISO weekday (1 Monday .. 7 Sunday) of y-m-d: 1970-01-01 was a Thursday. */
static int
weekday(int y, int m, int d)
{
	long n = (numex_days(y, m, d) + 3) % 7;

	return (int)(n < 0 ? n + 7 : n) + 1;
}

static int
isweekday(const char *k, size_t n)
{
	return n == 10 && strncmp(k, "XXXX-WXX-", 9) == 0;
}

/* Whether k[0..n) is a tag-entities date or duration key. */
static int
isdatekey(const char *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr("0123456789X-WPYMDTH", k[i]) == NULL)
			return 0;
	return n > 0;
}

/*
 * Two tag-entities date keys (after "E:"), a and b.  They name the same
 * day (return 2) when equal but where either has X, an unknown part
 * ("XXXX-03-12" and "2026-03-12"), or when one is a weekday
 * ("XXXX-WXX-2") and the other a full date that falls on it.  They may
 * name the same day (1) when one is a weekday and the other a date not
 * fully known, a month or a year, or when one is a month or year and the
 * other a day within it ("2026-03", "2026-03-12").  Otherwise they
 * contradict each other (0).
 */
static int
dates_agree(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i;
	int y, m, d;

	if (isweekday(b, nb) && !isweekday(a, na)) {
		const char *t = a;
		size_t nt = na;
		a = b;
		na = nb;
		b = t;
		nb = nt;
	}
	if (isweekday(a, na) && !isweekday(b, nb)) {
		if (nb != 10 || memchr(b, 'X', nb) != NULL ||
		    sscanf(b, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
		    m > 12)
			return 1;
		return weekday(y, m, d) == a[9] - '0' ? 2 : 0;
	}
	for (i = 0; i < na && i < nb; i++)
		if (a[i] != b[i] && a[i] != 'X' && b[i] != 'X')
			return 0;
	return na == nb ? 2 : 1;
}

/*
 * How values ka and kb of one class agree: 2 the same, 1 possibly the
 * same (dates of different precision), 0 different.
 */
static int
agree(const struct sim_index *x, uint32_t ka, uint32_t kb)
{
	size_t na, nb;
	const char *a, *b;

	if (ka == kb)
		return 2;
	a = sim_vocab(x, ka, &na);
	b = sim_vocab(x, kb, &nb);
	if (na < 3 || nb < 3 || a[0] != 'E' || a[1] != ':' || b[0] != 'E' ||
	    b[1] != ':' || !isdatekey(a + 2, na - 2) ||
	    !isdatekey(b + 2, nb - 2))
		return 0;
	return dates_agree(a + 2, na - 2, b + 2, nb - 2);
}

/*
 * Whether a value of class cls the same as key is among vals[0..n);
 * *anycls is set when one of them contradicts it.
 */
static int
has_value(const struct sim_index *x, const struct sim_value *vals,
    size_t n, int cls, uint32_t key, int *anycls)
{
	size_t i;
	int found = 0, a;

	for (i = 0; i < n; i++)
		if (value_class(x, &vals[i]) == cls) {
			if ((a = agree(x, vals[i].key, key)) == 2)
				found = 1;
			else if (a == 0)
				*anycls = 1;
		}
	return found;
}

/* Classes in which a has a value b lacks, b having that class. */
static void
one_way(const struct sim_index *x, const struct sim_value *a, size_t na,
    const struct sim_value *b, size_t nb, unsigned char *cls)
{
	size_t i;
	int c, any;

	for (i = 0; i < na; i++) {
		c = value_class(x, &a[i]);
		any = 0;
		if (!has_value(x, b, nb, c, a[i].key, &any) && any)
			cls[c] = 1;
	}
}

unsigned
claim_conflicts(const struct sim_index *x, size_t i, size_t j)
{
	const struct sim_value *a, *b;
	size_t na, nb, c;
	unsigned char ab[SIM_NKINDS * 4] = { 0 }, ba[SIM_NKINDS * 4] = { 0 };
	unsigned mask = 0;

	a = sim_values(x, i, &na);
	b = sim_values(x, j, &nb);
	one_way(x, a, na, b, nb, ab);
	one_way(x, b, nb, a, na, ba);
	for (c = 0; c < SIM_NKINDS * 4; c++)
		if (ab[c] && ba[c])
			mask |= 1u << (c / 4);
	return mask;
}

unsigned
claim_conflicts_anchored(const struct sim_index *x, size_t i, size_t j)
{
	const struct sim_value *a, *b;
	size_t na, nb, k, l;
	unsigned mask = 0;
	int c, any;

	a = sim_values(x, i, &na);
	b = sim_values(x, j, &nb);
	for (k = 0; k < na; k++) {
		if (a[k].anchor == UINT32_MAX)
			continue;
		c = value_class(x, &a[k]);
		if (has_value(x, b, nb, c, a[k].key, &any))
			continue;
		for (l = 0; l < nb; l++)
			if (b[l].anchor == a[k].anchor &&
			    value_class(x, &b[l]) == c &&
			    agree(x, a[k].key, b[l].key) == 0 &&
			    !has_value(x, a, na, c, b[l].key, &any))
				mask |= 1u << a[k].kind;
	}
	return mask;
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

/* Score the candidates of every sentence; keep pairs with a relation. */
static void
score_pairs(struct sim_index *x, const struct sim_model *m,
    const struct claim_opts *o, struct claim_set *cs)
{
	double f[SIM_NFEAT];
	struct claim_pair p;
	uint32_t *cand = NULL;
	size_t cap = 0, nc, i, k;

	for (i = 0; i < sim_count(x); i++) {
		nc = sim_candidates(x, i, o->maxcand, &cand, &cap);
		for (k = 0; k < nc; k++) {
			memset(&p, 0, sizeof(p));
			p.a = (uint32_t)i;
			p.b = cand[k];
			sim_features(x, i, cand[k], f);
			p.score = sim_model_score(m, f);
			p.novalue = novalue(x, m, i, cand[k], p.score);
			if (p.novalue >= o->threshold &&
			    (p.kinds = claim_conflicts(x, i, cand[k])) != 0)
				p.rel = CLAIM_CONFLICT;
			else if (sim_shared(x, i, cand[k]) >= CLAIM_MINSHARED &&
			    (p.kinds = claim_conflicts_anchored(x, i,
			    cand[k])) != 0 &&
			    sim_containment(x, i, cand[k]) >= CLAIM_CONTAINED)
				p.rel = CLAIM_CONFLICT;
			else if (p.score >= o->threshold ||
			    p.novalue >= o->threshold)
				p.rel = CLAIM_SAME;
			else if (p.score >= o->partial)
				p.rel = CLAIM_PARTIAL;
			/* A claim is more than one shared word ("updated"). */
			if (p.rel >= CLAIM_SAME &&
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
	uint32_t	 key;
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

/* Whether b has a value of class cls that a lacks. */
static int
lacks_one(const struct sim_index *x, const struct sim_value *b, size_t nb,
    const struct sim_value *a, size_t na, int cls)
{
	size_t l;
	int any;

	for (l = 0; l < nb; l++)
		if (value_class(x, &b[l]) == cls &&
		    !has_value(x, a, na, cls, b[l].key, &any))
			return 1;
	return 0;
}

/*
 * The values of sentence i of the conflicting kinds that j lacks, in the
 * classes where j too has a value i lacks.
 */
static void
one_side(const struct sim_index *x, const struct claim_sent *s,
    uint32_t claim, size_t i, size_t j, unsigned kinds, struct saids *out)
{
	const struct sim_value *a, *b;
	size_t na, nb, k;
	int any;
	struct said *d;

	a = sim_values(x, i, &na);
	b = sim_values(x, j, &nb);
	for (k = 0; k < na; k++) {
		any = 0;
		if (!(kinds & (1u << a[k].kind)) || a[k].end > s[i].len ||
		    has_value(x, b, nb, value_class(x, &a[k]), a[k].key,
		    &any) || !any ||
		    !lacks_one(x, b, nb, a, na, value_class(x, &a[k])))
			continue;
		if (out->n == out->cap)
			xgrow((void **)&out->v, &out->cap, out->n + 1,
			    sizeof(*out->v));
		d = &out->v[out->n];
		d->claim = claim;
		d->kind = a[k].kind;
		d->key = a[k].key;
		d->order = out->n++;
		d->surf = s[i].text + a[k].start;
		d->surflen = a[k].end - a[k].start;
		d->source = s[i].source;
	}
}

/* Render the gathered sides as each claim's conflict text. */
static void
render(const struct sim_index *x, struct claim_set *cs, struct saids *sd)
{
	size_t i, k, *par;
	const struct said *d, *p;

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
			if (sd->v[k].claim == sd->v[i].claim &&
			    sd->v[k].kind == sd->v[i].kind &&
			    sd->v[k].key != sd->v[i].key &&
			    agree(x, sd->v[k].key, sd->v[i].key) == 2) {
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
			buf_put(cs, kind_names[d->kind],
			    strlen(kind_names[d->kind]));
			buf_put(cs, ": ", 2);
		}
		buf_put(cs, d->surf, d->surflen);
		buf_put(cs, " (", 2);
		buf_put(cs, d->source, strlen(d->source));
	}
	if (sd->n > 0)
		buf_put(cs, ")", 1);
}

/* The conflict text of each claim from its conflict pairs. */
static void
conflicts(struct sim_index *x, const struct claim_sent *s,
    struct claim_set *cs)
{
	struct saids sd = { 0 };
	const struct claim_pair *p;
	size_t i;

	for (i = 0; i < cs->npairs; i++) {
		p = &cs->pairs[i];
		if (p->rel != CLAIM_CONFLICT || cs->of[p->a] != cs->of[p->b])
			continue;
		one_side(x, s, cs->of[p->a], p->a, p->b, p->kinds, &sd);
		one_side(x, s, cs->of[p->a], p->b, p->a, p->kinds, &sd);
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
	score_pairs(x, m, o, cs);
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
	memset(cs, 0, sizeof(*cs));
}
