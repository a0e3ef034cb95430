/*
 * cluster.c: online story detection (see cluster.h for the model).
 *
 * Terms are interned in an smap; per term the clusterer keeps its document
 * frequency, an accumulator for the article being described and its
 * postings (story slot, generation).  A story is a slot holding its
 * centroid as (term, weight) pairs sorted by term, so that a cosine and a
 * join are merges.  Retired slots are reused; a posting whose generation
 * is not its slot's any more is dead and is dropped when met, and all
 * lists are compacted when as many stories have retired as are live.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "ent.h"
#include "hash.h"
#include "input.h"
#include "numex.h"
#include "recent.h"
#include "stem.h"
#include "tok.h"
#include "xalloc.h"

/* Look for stories to retire every this many articles. */
#define CLUSTER_SWEEP	256
/* Words longer than this (bytes) are not terms: URLs, junk. */
#define CLUSTER_MAXWORD	48
/* Entity keys are terms with this first byte, apart from stems. */
#define CLUSTER_ENTMARK	'\001'

/*
 * Words of news reporting that say nothing of what a story is about, left
 * out besides stem.h's stop words: reporting verbs, days of the week,
 * small numbers, titles, vague time and quantity words.  Written for the
 * project from reading wire copy; sorted by strcmp for bsearch.
 */
static const char *const news_stops[] = {
	"according", "added", "ago", "also", "another", "asked", "back",
	"called", "could", "day", "days", "earlier", "even", "first",
	"five", "four", "friday", "get", "go", "going", "got", "just",
	"last", "later", "like", "made", "make", "many", "may", "might",
	"monday", "mr", "mrs", "ms", "much", "must", "never", "new", "news",
	"next", "now", "one", "part", "people", "per", "percent", "put",
	"really", "reported", "reporters", "reuters", "said", "saturday",
	"say", "saying", "says", "second", "see", "seen", "set", "several",
	"since", "six", "still", "sunday", "take", "tell", "thing", "things",
	"third", "three", "thursday", "time", "times", "today", "told",
	"took", "tuesday", "two", "us", "use", "used", "want", "way",
	"wednesday", "week", "weeks", "well", "went", "whether", "will",
	"without", "year", "years", "yesterday", "yet",
};

/* Documents remembered at least, to find the story of a returning one. */
#define CLUSTER_DOCS	(1UL << 16)

struct cterm {
	uint32_t	 t;
	double		 w;
};

struct posting {
	uint32_t	 slot;
	uint32_t	 gen;
};

struct plist {
	struct posting	*v;
	size_t		 n, cap;
};

struct cstory {
	struct cterm	*v;		/* centroid, sorted by term */
	size_t		 n, cap;
	double		 norm2;		/* squared length of the centroid */
	long		 last_day;	/* newest article's day, or NODAY */
	unsigned long	 last_doc;	/* article number it last grew at */
	unsigned long	 serial;	/* creation order, for ties */
	unsigned long	 stamp;		/* article it is a candidate for */
	uint32_t	 gen;
	int		 live;
	char		*name;		/* first article's id */
};

struct cluster {
	struct cluster_opts o;
	struct stem	*st;
	struct smap	*vocab;
	struct smap	*words;		/* lower-case words met */
	long		*wterm;		/* word -> term id, -1: stop word */
	size_t		 wtermcap;
	struct tok_list	 toks;
	struct ent_list	 ents;
	char		*buf;		/* lower-cased word, entity term */
	size_t		 bufcap;

	/* Per term, indexed by its smap id; vcap entries. */
	uint32_t	*df;
	uint32_t	*bgdf;		/* background document frequency */
	double		*acc;
	unsigned char	*name;		/* capitalised inside a sentence */
	struct plist	*post;
	size_t		 vcap;

	uint32_t	*touched;	/* terms of the current article */
	size_t		 ntouched, tcap;
	struct cterm	*dv;		/* its vector, sorted by term */
	size_t		 dn, dcap;
	struct cterm	*top;		/* its heaviest terms */
	size_t		 topcap;
	struct cterm	*merge;		/* scratch for a join */
	size_t		 mergecap;

	struct cstory	*s;		/* slots */
	size_t		 ns, scap;
	uint32_t	*freeslots;
	size_t		 nfree, freecap;
	uint32_t	*cand;
	size_t		 ncand, candcap;
	size_t		 live;
	size_t		 retired;	/* since the last compaction */
	unsigned long	 ndocs, nstories, ncosines;
	unsigned long	 bgdocs;	/* articles behind bgdf */
	struct recent	 docs;		/* documents met lately: hash of the
					   id -> story slot << 32 | its gen */
	unsigned long	 rejoined;	/* documents met again */
};

static int	news_stop(const char *, size_t);

struct cluster *
cluster_new(const struct cluster_opts *o)
{
	struct cluster *c;

	c = xcalloc(1, sizeof(*c));
	c->o = *o;
	if (c->o.max_terms == 0)
		c->o.max_terms = CLUSTER_TERMS;
	recent_init(&c->docs, CLUSTER_DOCS, 1);
	if ((c->st = stem_new()) == NULL) {
		free(c);
		return NULL;
	}
	c->vocab = smap_new();
	c->words = smap_new();
	return c;
}

void
cluster_free(struct cluster *c)
{
	size_t i;

	if (c == NULL)
		return;
	stem_free(c->st);
	smap_free(c->vocab);
	smap_free(c->words);
	free(c->wterm);
	tok_list_free(&c->toks);
	ent_list_free(&c->ents);
	free(c->buf);
	for (i = 0; i < c->vcap; i++)
		free(c->post[i].v);
	free(c->df);
	free(c->acc);
	free(c->bgdf);
	free(c->name);
	free(c->post);
	free(c->touched);
	free(c->dv);
	free(c->top);
	free(c->merge);
	for (i = 0; i < c->ns; i++) {
		free(c->s[i].v);
		free(c->s[i].name);
	}
	free(c->s);
	free(c->freeslots);
	free(c->cand);
	recent_free(&c->docs);
	free(c);
}

void
cluster_doc_begin(struct cluster *c)
{
	size_t i;

	for (i = 0; i < c->ntouched; i++) {
		c->acc[c->touched[i]] = 0;
		c->name[c->touched[i]] = 0;
	}
	c->ntouched = 0;
}

/* Count one occurrence of the term id. */
static void
count_term(struct cluster *c, size_t id)
{
	if (c->acc[id] == 0) {
		xgrow((void **)&c->touched, &c->tcap, c->ntouched + 1,
		    sizeof(*c->touched));
		c->touched[c->ntouched++] = (uint32_t)id;
	}
	c->acc[id] += 1;
}

/* The id of the term s[0..n), added with its per-term state if new. */
static size_t
intern(struct cluster *c, const char *s, size_t n)
{
	size_t id, old;

	id = smap_put(c->vocab, s, n, NULL);
	if (id >= c->vcap) {
		old = c->vcap;
		xgrow((void **)&c->df, &c->vcap, id + 1, sizeof(*c->df));
		c->acc = xreallocarray(c->acc, c->vcap, sizeof(*c->acc));
		c->bgdf = xreallocarray(c->bgdf, c->vcap, sizeof(*c->bgdf));
		c->name = xreallocarray(c->name, c->vcap, 1);
		c->post = xreallocarray(c->post, c->vcap, sizeof(*c->post));
		memset(c->df + old, 0, (c->vcap - old) * sizeof(*c->df));
		memset(c->acc + old, 0, (c->vcap - old) * sizeof(*c->acc));
		memset(c->bgdf + old, 0, (c->vcap - old) * sizeof(*c->bgdf));
		memset(c->name + old, 0, c->vcap - old);
		memset(c->post + old, 0, (c->vcap - old) * sizeof(*c->post));
	}
	return id;
}

/* Count one occurrence of the term s[0..n); return its id. */
static size_t
add_term(struct cluster *c, const char *s, size_t n)
{
	size_t id = intern(c, s, n);

	count_term(c, id);
	return id;
}

/*
 * The term id of the lower-case word w[0..n) whose original form is
 * s[0..len), or -1 for a stop word: stemmed once per distinct word, then
 * found in the word cache.
 */
static long
word_term(struct cluster *c, const char *w, size_t n, const char *s,
    size_t len)
{
	const char *stem;
	size_t wid, sl;
	int added;
	long t = -1;

	wid = smap_put(c->words, w, n, &added);
	if (!added)
		return c->wterm[wid];
	if (!stem_stopword(w, n) && !news_stop(w, n)) {
		stem = stem_word(c->st, s, len, &sl);
		if (sl > 0 && stem[0] != CLUSTER_ENTMARK)
			t = (long)intern(c, stem, sl);
	}
	xgrow((void **)&c->wterm, &c->wtermcap, wid + 1, sizeof(*c->wterm));
	c->wterm[wid] = t;
	return t;
}

void
cluster_doc_text(struct cluster *c, const char *s, size_t n)
{
	const struct tok *t;
	size_t i, len, ln;
	long id;
	int opener = 1, first;	/* may the word open a sentence? */

	tok_split(s, n, &c->toks);
	for (i = 0; i < c->toks.n; i++) {
		t = &c->toks.v[i];
		len = t->end - t->start;
		first = opener;
		opener = t->kind == TOK_PUNCT &&
		    strchr(".!?\"'`:(", s[t->start]) != NULL;
		if (t->kind != TOK_WORD || len < 2 || len > CLUSTER_MAXWORD)
			continue;
		xgrow((void **)&c->buf, &c->bufcap, 2 * len + 4, 1);
		ln = tok_lower(s + t->start, len, c->buf);
		if ((id = word_term(c, c->buf, ln, s + t->start, len)) < 0)
			continue;
		count_term(c, (size_t)id);
		if ((t->flags & TOK_CAP) && !first)
			c->name[id] = 1;
	}
}

/* Entity types that name something a story is about. */
static int
name_type(int type)
{
	switch (type) {
	case ENT_PERSON: case ENT_NORP: case ENT_FAC: case ENT_ORG:
	case ENT_GPE: case ENT_LOC: case ENT_PRODUCT: case ENT_EVENT:
	case ENT_WORK_OF_ART: case ENT_LAW: case ENT_MISC:
		return 1;
	default:
		return 0;
	}
}

int
cluster_doc_entities(struct cluster *c, const char *s, size_t n,
    const char **err)
{
	const char *key;
	size_t i, kn;

	if (ent_parse(s, n, &c->ents, err) == -1)
		return -1;
	for (i = 0; i < c->ents.n; i++) {
		if (!name_type(c->ents.v[i].type))
			continue;
		key = ent_key(&c->ents, i);
		kn = c->ents.v[i].key_len;
		xgrow((void **)&c->buf, &c->bufcap, kn + 2, 1);
		c->buf[0] = CLUSTER_ENTMARK;
		memcpy(c->buf + 1, key, kn);
		add_term(c, c->buf, kn + 1);
	}
	return 0;
}

static int
cmp_str(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Is the lower-case word s[0..n) a news stop word? */
static int
news_stop(const char *s, size_t n)
{
	char w[16];

	if (n >= sizeof(w))
		return 0;
	memcpy(w, s, n);
	w[n] = '\0';
	return bsearch(w, news_stops, sizeof(news_stops) /
	    sizeof(news_stops[0]), sizeof(news_stops[0]), cmp_str) != NULL;
}

static int
cmp_term(const void *a, const void *b)
{
	const struct cterm *x = a, *y = b;

	return x->t < y->t ? -1 : x->t > y->t;
}

/* Heaviest first; equal weights by term, so the order is total. */
static int
cmp_weight(const void *a, const void *b)
{
	const struct cterm *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

/* Turn the counts of the current article into its unit TF-IDF vector. */
static void
make_vector(struct cluster *c)
{
	size_t i, n;
	double norm = 0, w;
	uint32_t t;

	c->ndocs++;
	xgrow((void **)&c->dv, &c->dcap, c->ntouched + 1, sizeof(*c->dv));
	for (i = 0; i < c->ntouched; i++) {
		t = c->touched[i];
		c->df[t]++;
		w = (1 + log(c->acc[t])) * log((double)(c->bgdocs +
		    c->ndocs + 1) / (c->bgdf[t] + c->df[t]));
		if (smap_key(c->vocab, t, &n)[0] == CLUSTER_ENTMARK)
			w *= c->o.ent_weight;
		else if (c->name[t])
			w *= c->o.name_weight;
		c->dv[i].t = t;
		c->dv[i].w = w;
		norm += w * w;
	}
	c->dn = c->ntouched;
	norm = sqrt(norm);
	for (i = 0; i < c->dn; i++)
		c->dv[i].w = norm > 0 ? c->dv[i].w / norm : 0;
	qsort(c->dv, c->dn, sizeof(*c->dv), cmp_term);
}

/* Is the story past the window or idle, seen from article day? */
static int
stale(const struct cluster *c, const struct cstory *s, long day)
{
	if (c->o.window > 0 && day != CLUSTER_NODAY &&
	    s->last_day != CLUSTER_NODAY && day - s->last_day > c->o.window)
		return 1;
	return c->o.idle > 0 && c->ndocs - s->last_doc > c->o.idle;
}

/* Drop the dead postings of one list. */
static void
compact(struct cluster *c, struct plist *p)
{
	size_t i, k = 0;
	const struct cstory *s;

	for (i = 0; i < p->n; i++) {
		s = &c->s[p->v[i].slot];
		if (s->live && s->gen == p->v[i].gen)
			p->v[k++] = p->v[i];
	}
	p->n = k;
}

/* Retire the stale stories; compact every list now and then. */
static void
sweep(struct cluster *c, long day)
{
	size_t i;

	for (i = 0; i < c->ns; i++) {
		if (!c->s[i].live || !stale(c, &c->s[i], day))
			continue;
		c->s[i].live = 0;
		free(c->s[i].v);
		free(c->s[i].name);
		c->s[i].v = NULL;
		c->s[i].name = NULL;
		c->s[i].n = c->s[i].cap = 0;
		c->live--;
		c->retired++;
		xgrow((void **)&c->freeslots, &c->freecap, c->nfree + 1,
		    sizeof(*c->freeslots));
		c->freeslots[c->nfree++] = (uint32_t)i;
	}
	if (c->retired > c->live + 64) {
		for (i = 0; i < c->vcap; i++)
			compact(c, &c->post[i]);
		c->retired = 0;
	}
}

static void
post(struct cluster *c, uint32_t t, uint32_t slot)
{
	struct plist *p = &c->post[t];

	xgrow((void **)&p->v, &p->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n].slot = slot;
	p->v[p->n].gen = c->s[slot].gen;
	p->n++;
}

/* The live, in-window stories that share a heavy term with the article. */
static void
candidates(struct cluster *c, long day)
{
	size_t i, j, k = c->dn < c->o.lookup ? c->dn : c->o.lookup;
	struct plist *p;
	struct cstory *s;

	xgrow((void **)&c->top, &c->topcap, c->dn + 1, sizeof(*c->top));
	memcpy(c->top, c->dv, c->dn * sizeof(*c->dv));
	qsort(c->top, c->dn, sizeof(*c->top), cmp_weight);
	c->ncand = 0;
	for (i = 0; i < k; i++) {
		p = &c->post[c->top[i].t];
		compact(c, p);
		for (j = 0; j < p->n; j++) {
			s = &c->s[p->v[j].slot];
			if (s->stamp == c->ndocs || stale(c, s, day))
				continue;
			s->stamp = c->ndocs;
			xgrow((void **)&c->cand, &c->candcap, c->ncand + 1,
			    sizeof(*c->cand));
			c->cand[c->ncand++] = p->v[j].slot;
		}
	}
}

/* The first index in v[lo..n) whose term is >= t (n when none). */
static size_t
seek(const struct cterm *v, size_t lo, size_t n, uint32_t t)
{
	size_t step = 1, hi;

	while (lo + step < n && v[lo + step].t < t)	/* gallop */
		lo += step, step *= 2;
	hi = lo + step < n ? lo + step : n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].t < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Cosine of the article (unit length) and the story's centroid.  A long
 * story's centroid holds many more terms than an article: then each term
 * of the article is sought in it rather than walking it all.  The sum is
 * made in the same order either way.
 */
static double
cosine(const struct cluster *c, const struct cstory *s)
{
	size_t i = 0, j = 0;
	double dot = 0;

	if (s->n > 4 * c->dn) {
		for (i = 0; i < c->dn && j < s->n; i++) {
			j = seek(s->v, j, s->n, c->dv[i].t);
			if (j < s->n && s->v[j].t == c->dv[i].t)
				dot += c->dv[i].w * s->v[j++].w;
		}
		return s->norm2 > 0 ? dot / sqrt(s->norm2) : 0;
	}
	while (i < c->dn && j < s->n) {
		if (c->dv[i].t < s->v[j].t)
			i++;
		else if (c->dv[i].t > s->v[j].t)
			j++;
		else
			dot += c->dv[i++].w * s->v[j++].w;
	}
	return s->norm2 > 0 ? dot / sqrt(s->norm2) : 0;
}

/* Add the article to the story in slot k: merge, post the new terms. */
static void
join(struct cluster *c, uint32_t k, long day)
{
	struct cstory *s = &c->s[k];
	size_t i = 0, j = 0, n = 0;
	double norm2 = 0;
	struct cterm x;

	xgrow((void **)&c->merge, &c->mergecap, s->n + c->dn + 1,
	    sizeof(*c->merge));
	while (i < c->dn || j < s->n) {
		if (j == s->n || (i < c->dn && c->dv[i].t < s->v[j].t)) {
			x = c->dv[i++];
			post(c, x.t, k);
		} else if (i == c->dn || c->dv[i].t > s->v[j].t)
			x = s->v[j++];
		else {
			x = s->v[j++];
			x.w += c->dv[i++].w;
		}
		c->merge[n++] = x;
		norm2 += x.w * x.w;
	}
	xgrow((void **)&s->v, &s->cap, n + 1, sizeof(*s->v));
	memcpy(s->v, c->merge, n * sizeof(*s->v));
	s->n = n;
	s->norm2 = norm2;
	s->last_doc = c->ndocs;
	if (day != CLUSTER_NODAY &&
	    (s->last_day == CLUSTER_NODAY || day > s->last_day))
		s->last_day = day;
}

/* Start a story with the article; returns its slot. */
static uint32_t
create(struct cluster *c, const char *id, long day)
{
	struct cstory *s;
	uint32_t k;
	size_t i;

	if (c->nfree > 0)
		k = c->freeslots[--c->nfree];
	else {
		xgrow((void **)&c->s, &c->scap, c->ns + 1, sizeof(*c->s));
		k = (uint32_t)c->ns++;
		memset(&c->s[k], 0, sizeof(c->s[k]));
	}
	s = &c->s[k];
	s->gen++;
	s->live = 1;
	s->name = xstrdup(id);
	s->serial = ++c->nstories;
	s->stamp = 0;
	s->last_day = day;
	s->n = 0;
	s->norm2 = 0;
	c->live++;
	xgrow((void **)&s->v, &s->cap, c->dn + 1, sizeof(*s->v));
	for (i = 0; i < c->dn; i++) {
		s->v[i] = c->dv[i];
		s->norm2 += c->dv[i].w * c->dv[i].w;
		post(c, c->dv[i].t, k);
	}
	s->n = c->dn;
	s->last_doc = c->ndocs;
	return k;
}

/* Choose the story among the candidates: slot in *k, cosine returned. */
static double
best_candidate(struct cluster *c, uint32_t *k)
{
	double best = -1, cs;
	struct cstory *s;
	size_t i;

	*k = 0;
	for (i = 0; i < c->ncand; i++) {
		s = &c->s[c->cand[i]];
		cs = cosine(c, s);
		c->ncosines++;
		if (cs > best || (cs == best && s->serial < c->s[*k].serial)) {
			best = cs;
			*k = c->cand[i];
		}
	}
	return best;
}

/*
 * Forget the rarest terms when the vocabulary passed its bound: keep the
 * background's, the live stories', and those of document frequency at
 * least m, the least m that keeps at most half the bound (stale stories
 * are retired first).  Ids are given
 * again in the old order, so the stories' vectors stay sorted; the word
 * cache, which maps to old ids, starts again.
 */
static void
prune(struct cluster *c, long day)
{
	size_t nv = smap_count(c->vocab), half = c->o.max_terms / 2, i, j;
	size_t kept = 0, nk = 0, *hist, acc;
	uint32_t *map, m;
	unsigned char *keep;
	struct smap *nvoc;
	const char *key;
	size_t len;

	sweep(c, day);		/* the stale stories' terms go too */
	keep = xcalloc(nv + 1, 1);
	for (i = 0; i < nv; i++) {
		compact(c, &c->post[i]);
		keep[i] = c->bgdf[i] > 0 || c->post[i].n > 0;
	}
	for (i = 0; i < c->ns; i++)
		for (j = 0; c->s[i].live && j < c->s[i].n; j++)
			keep[c->s[i].v[j].t] = 1;
	for (i = 0; i < nv; i++)
		kept += keep[i];
	/* The least m with kept + #{df >= m, not kept} <= half. */
	hist = xcalloc(66, sizeof(*hist));
	for (i = 0; i < nv; i++)
		if (!keep[i])
			hist[c->df[i] < 64 ? c->df[i] : 64]++;
	for (m = 65, acc = 0; m > 1 && kept + acc + hist[m - 1] <= half; m--)
		acc += hist[m - 1];
	free(hist);
	for (i = 0; i < nv; i++)
		if (!keep[i] && c->df[i] >= (m < 65 ? m : UINT32_MAX))
			keep[i] = 1;
	map = xcalloc(nv + 1, sizeof(*map));
	nvoc = smap_new();
	for (i = 0; i < nv; i++) {
		if (!keep[i]) {
			free(c->post[i].v);
			continue;
		}
		key = smap_key(c->vocab, i, &len);
		map[i] = (uint32_t)smap_put(nvoc, key, len, NULL);
		c->df[nk] = c->df[i];
		c->bgdf[nk] = c->bgdf[i];
		c->name[nk] = c->name[i];
		c->acc[nk] = 0;
		c->post[nk] = c->post[i];
		nk++;
	}
	memset(c->post + nk, 0, (c->vcap - nk) * sizeof(*c->post));
	memset(c->df + nk, 0, (c->vcap - nk) * sizeof(*c->df));
	memset(c->bgdf + nk, 0, (c->vcap - nk) * sizeof(*c->bgdf));
	memset(c->name + nk, 0, c->vcap - nk);
	for (i = 0; i < c->ns; i++)
		for (j = 0; c->s[i].live && j < c->s[i].n; j++)
			c->s[i].v[j].t = map[c->s[i].v[j].t];
	smap_free(c->vocab);
	c->vocab = nvoc;
	smap_free(c->words);
	c->words = smap_new();
	c->ntouched = c->dn = 0;
	/* More must stay than half the bound: no pruning at every article. */
	if (nk > half)
		c->o.max_terms = 2 * nk;
	free(map);
	free(keep);
}

const char *
cluster_doc_end(struct cluster *c, const char *id, long day, int *isnew,
    double *score)
{
	uint64_t h, *again;
	double best;
	uint32_t k, aslot = 0, agen = 0;
	int rejoin;

	h = hash_bytes(id, strlen(id), 0);
	make_vector(c);
	if (c->ndocs % CLUSTER_SWEEP == 0)
		sweep(c, day);
	if ((again = recent_get(&c->docs, h)) != NULL) {
		aslot = (uint32_t)(*again >> 32);
		agen = (uint32_t)*again;
	}
	rejoin = again != NULL && c->s[aslot].live && c->s[aslot].gen == agen;
	if (rejoin) {
		/* More rows of a document met before: its story. */
		k = aslot;
		best = cosine(c, &c->s[k]);
		c->rejoined++;
	} else {
		candidates(c, day);
		best = best_candidate(c, &k);
	}
	cluster_doc_begin(c);	/* clear the counts for the next one */
	if (rejoin || (c->ncand > 0 && best >= c->o.threshold)) {
		join(c, k, day);
		*isnew = 0;
	} else {
		k = create(c, id, day);
		*isnew = 1;
		best = c->ncand > 0 ? best : 0;
	}
	if (again == NULL)	/* its story, among the last documents */
		*recent_put(&c->docs, h, NULL) =
		    (uint64_t)k << 32 | c->s[k].gen;
	if (score != NULL)
		*score = best;
	if (smap_count(c->vocab) > c->o.max_terms)
		prune(c, day);
	return c->s[k].name;
}

int
cluster_load_df(struct cluster *c, FILE *fp, const char **err,
    unsigned long *line)
{
	char *buf = NULL, *tab, *end;
	size_t cap = 0, id;
	ssize_t n;
	unsigned long v;

	*line = 0;
	while ((n = getline(&buf, &cap, fp)) > 0) {
		++*line;
		if (buf[n - 1] == '\n')
			buf[--n] = '\0';
		errno = 0;
		if ((tab = memchr(buf, '\t', (size_t)n)) == NULL ||
		    (v = strtoul(tab + 1, &end, 10), *end != '\0') ||
		    errno != 0 || v > UINT32_MAX || tab == buf) {
			*err = "expected term<TAB>count";
			free(buf);
			return -1;
		}
		if (*line == 1 && strncmp(buf, "docs\t", 5) == 0) {
			c->bgdocs = v;
			continue;
		}
		if (v > c->bgdocs) {
			*err = "a count above the number of documents";
			free(buf);
			return -1;
		}
		id = add_term(c, buf, (size_t)(tab - buf));
		c->bgdf[id] = (uint32_t)v;
	}
	free(buf);
	cluster_doc_begin(c);	/* add_term counted them: clear */
	if (ferror(fp)) {
		*err = "read error";
		return -1;
	}
	return 0;
}

static int
cmp_key(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(*x, *y);
}

int
cluster_save_df(const struct cluster *c, FILE *fp, unsigned min_df)
{
	const char **keys;
	size_t i, k = 0, n, nkeys = smap_count(c->vocab);
	long id;
	int r = 0;

	keys = xreallocarray(NULL, nkeys + 1, sizeof(*keys));
	for (i = 0; i < nkeys; i++)
		if (i < c->vcap && c->df[i] + c->bgdf[i] >= min_df &&
		    smap_key(c->vocab, i, &n)[0] != CLUSTER_ENTMARK)
			keys[k++] = smap_key(c->vocab, i, &n);
	qsort(keys, k, sizeof(*keys), cmp_key);
	if (fprintf(fp, "docs\t%lu\n", c->bgdocs + c->ndocs) < 0)
		r = -1;
	for (i = 0; i < k && r == 0; i++) {
		id = smap_get(c->vocab, keys[i], strlen(keys[i]));
		if (fprintf(fp, "%s\t%lu\n", keys[i],
		    (unsigned long)c->df[id] + c->bgdf[id]) < 0)
			r = -1;
	}
	free(keys);
	return r;
}

int
cluster_load_df_file(struct cluster *c, const char *path, char *err,
    size_t errlen)
{
	const char *why;
	unsigned long line;
	struct in *in;
	int rv = 0;

	if ((in = in_open(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (cluster_load_df(c, in->fp, &why, &line) == -1) {
		snprintf(err, errlen, "%s:%lu: %s", path, line,
		    ferror(in->fp) ? in_error(in) : why);
		rv = -1;
	}
	in_close(in);
	return rv;
}

int
cluster_save_df_file(const struct cluster *c, const char *path,
    unsigned min_df, char *err, size_t errlen)
{
	FILE *fp;
	int rv;

	if ((fp = fopen(path, "w")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	rv = cluster_save_df(c, fp, min_df);
	if (fclose(fp) == EOF)
		rv = -1;
	if (rv == -1)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	return rv;
}

/* n digits at s as a number, or -1. */
static long
digits(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

long
cluster_parse_day(const char *s, size_t n)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long y, m, d;
	size_t end;

	if (n >= 10 && s[4] == '-' && s[7] == '-') {
		y = digits(s, 4);
		m = digits(s + 5, 2);
		d = digits(s + 8, 2);
		end = 10;
	} else if (n >= 8) {
		y = digits(s, 4);
		m = digits(s + 4, 2);
		d = digits(s + 6, 2);
		end = 8;
	} else
		return CLUSTER_NODAY;
	if (end < n && s[end] != 'T' && s[end] != ' ')
		return CLUSTER_NODAY;
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 != 0 ||
	    (y % 100 == 0 && y % 400 != 0))))
		return CLUSTER_NODAY;
	return numex_days((int)y, (int)m, (int)d);
}

void
cluster_get_stats(const struct cluster *c, struct cluster_stats *st)
{
	st->articles = c->ndocs;
	st->stories = c->nstories;
	st->live = c->live;
	st->terms = smap_count(c->vocab);
	st->candidates = c->ncosines;
	st->rejoined = c->rejoined;
}
