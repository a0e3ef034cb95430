/*
 * summ.c: concepts, candidates, the optimiser (GLPK integer program or
 * budgeted greedy), support estimates and reading order of a story's
 * summary.  See summ.h for the model.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "hash.h"
#include "stem.h"
#include "summ.h"
#include "tok.h"
#include "xalloc.h"

/* Tuned on DUC 2003 task 2 (make eval-summ); -D to experiment. */
#ifndef MIN_WORDS
#define MIN_WORDS	6	/* shorter sentences are rarely news */
#endif
#ifndef MAX_WORDS
#define MAX_WORDS	60	/* longer ones eat the budget */
#endif
#ifndef LEAD_SENTS
#define LEAD_SENTS	3	/* a concept used this early earns a bonus */
#endif
#ifndef MIN_DF
#define MIN_DF		2	/* units that must use a concept */
#endif
#ifndef SAME_CLAIM
#define SAME_CLAIM	0.5	/* overlap at which two sentences are one */
#endif
#define SUPPORT_BONUS	1.0	/* per supporting source beyond the first */

struct sent {
	char		*text;		/* cleaned, owned */
	size_t		 len;
	size_t		 unit;
	unsigned	 pos;
	unsigned	 body;		/* full sentences before it in its unit */
	long		 claim;
	long		 group;		/* claim, else a group of near-copies */
	unsigned	 support;
	size_t		 words;
	size_t		 c0, nc;	/* distinct concepts: s->occ[c0..c0+nc) */
	double		 bonus;		/* per-sentence objective term */
	double		 cw;		/* total weight of its concepts */
	int		 ok;		/* a candidate */
};

/* One (concept, unit, position) use, for document frequencies. */
struct use {
	size_t		 c, unit;
	unsigned	 pos;
};

struct summ {
	struct stem	*st;
	struct smap	*cmap;		/* concept key -> id */
	struct tok_list	 toks;
	struct sent	*v;
	size_t		 n, cap;
	size_t		*occ;		/* concept ids of all sentences */
	size_t		 nocc, occcap;
	double		*w;		/* concept weights */
	size_t		*stamp;		/* per concept scratch */
	size_t		 ccap;
	size_t		 nunits;
	unsigned	*ubody;		/* per unit: full sentences so far */
	size_t		 ubodycap;
	struct summ_pick *picks;
	size_t		 npicks, pickcap;
	size_t		*srcs;		/* storage of the picks' srcs */
	size_t		 nsrcs, srcscap;
	char		*buf;		/* lower-case word scratch */
	size_t		 bufcap;
};

void
summ_opts_default(struct summ_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->words = 100;
	o->method = SUMM_AUTO;
	o->ilp_sents = 1000;
	o->max_cand = 200;
#ifdef LEAD_W
	o->lead = LEAD_W;
#else
	o->lead = 1.0;
#endif
	o->r = 0.3;
}

struct summ *
summ_new(void)
{
	struct summ *s;

	s = xcalloc(1, sizeof(*s));
	if ((s->st = stem_new()) == NULL) {
		free(s);
		return NULL;
	}
	s->cmap = smap_new();
	return s;
}

void
summ_clear(struct summ *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].text);
	s->n = s->nocc = s->nunits = s->npicks = s->nsrcs = 0;
	if (s->ubody != NULL)
		memset(s->ubody, 0, s->ubodycap * sizeof(*s->ubody));
	smap_free(s->cmap);
	s->cmap = smap_new();
}

void
summ_free(struct summ *s)
{
	if (s == NULL)
		return;
	summ_clear(s);
	smap_free(s->cmap);
	stem_free(s->st);
	tok_list_free(&s->toks);
	free(s->v);
	free(s->occ);
	free(s->w);
	free(s->stamp);
	free(s->ubody);
	free(s->picks);
	free(s->srcs);
	free(s->buf);
	free(s);
}

static void
concepts_grow(struct summ *s, size_t n)
{
	size_t old = s->ccap;

	if (n <= s->ccap)
		return;
	s->ccap = n < 2 * old ? 2 * old : n;
	s->w = xreallocarray(s->w, s->ccap, sizeof(*s->w));
	s->stamp = xreallocarray(s->stamp, s->ccap, sizeof(*s->stamp));
	memset(s->stamp + old, 0, (s->ccap - old) * sizeof(*s->stamp));
}

static void
occ_push(struct summ *s, size_t c)
{
	if (s->nocc == s->occcap) {
		s->occcap = s->occcap ? 2 * s->occcap : 1024;
		s->occ = xreallocarray(s->occ, s->occcap, sizeof(*s->occ));
	}
	s->occ[s->nocc++] = c;
}

static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The concepts of t: bigrams of stemmed words with no punctuation between
 * them and not both stop words; appended to s->occ, sorted and distinct.
 */
static void
add_concepts(struct summ *s, struct sent *t)
{
	char prev[128];
	size_t i, n, plen = 0, slen, klen;
	const char *stem;
	int pstop = 1, stop, have = 0;
	struct tok *k;

	tok_split(t->text, t->len, &s->toks);
	t->c0 = s->nocc;
	for (i = 0; i < s->toks.n; i++) {
		k = &s->toks.v[i];
		n = k->end - k->start;
		if (k->kind == TOK_PUNCT || n > 60) {
			have = 0;
			continue;
		}
		if (t->text[k->start] == '\'' || n == 0)
			continue;	/* clitics: 's 're */
		if (2 * n + 4 > s->bufcap) {
			s->bufcap = 2 * n + 4 + 64;
			s->buf = xreallocarray(s->buf, s->bufcap, 1);
		}
		klen = tok_lower(t->text + k->start, n, s->buf);
		stop = stem_stopword(s->buf, klen);
		stem = stem_word(s->st, s->buf, klen, &slen);
		if (slen > 60)
			slen = 60;
		if (have && !(stop && pstop)) {
			char key[128];

			memcpy(key, prev, plen);
			key[plen] = ' ';
			memcpy(key + plen + 1, stem, slen);
			occ_push(s, smap_put(s->cmap, key, plen + 1 + slen,
			    NULL));
		}
		memcpy(prev, stem, slen);
		plen = slen;
		pstop = stop;
		have = 1;
	}
	t->nc = s->nocc - t->c0;
	if (t->nc > 1)
		qsort(s->occ + t->c0, t->nc, sizeof(size_t), size_cmp);
	for (i = n = 0; i < t->nc; i++)
		if (n == 0 || s->occ[t->c0 + i] != s->occ[t->c0 + n - 1])
			s->occ[t->c0 + n++] = s->occ[t->c0 + i];
	s->nocc = t->c0 + n;
	t->nc = n;
}

void
summ_add(struct summ *s, const char *text, size_t len, size_t unit,
    unsigned pos, long claim, unsigned support)
{
	struct sent *t;
	size_t off, old;
	char first;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	t = &s->v[s->n++];
	memset(t, 0, sizeof(*t));
	off = summ_clean(text, len, &first);
	t->len = len - off;
	t->text = xmalloc(t->len + 1);
	memcpy(t->text, text + off, t->len);
	t->text[t->len] = '\0';
	if (t->len > 0)
		t->text[0] = first;
	t->unit = unit;
	t->pos = pos;
	t->claim = claim;
	t->group = claim;
	if (unit >= s->ubodycap) {	/* full sentences seen per unit */
		old = s->ubodycap;
		s->ubodycap = 2 * unit + 16;
		s->ubody = xreallocarray(s->ubody, s->ubodycap,
		    sizeof(*s->ubody));
		memset(s->ubody + old, 0, (s->ubodycap - old) *
		    sizeof(*s->ubody));
	}
	t->body = s->ubody[unit];
	s->ubody[unit] += summ_ends_sentence(t->text, t->len);
	t->support = support;
	t->words = summ_words(t->text, t->len);
	if (unit + 1 > s->nunits)
		s->nunits = unit + 1;
	add_concepts(s, t);
}

void
summ_add_concept(struct summ *s, const char *key, size_t len)
{
	struct sent *t;
	size_t c, i;

	if (s->n == 0 || len == 0)
		return;
	t = &s->v[s->n - 1];
	if (len + 2 > s->bufcap) {
		s->bufcap = len + 64;
		s->buf = xreallocarray(s->buf, s->bufcap, 1);
	}
	s->buf[0] = '\001';	/* apart from the bigrams, which have a space */
	memcpy(s->buf + 1, key, len);
	c = smap_put(s->cmap, s->buf, len + 1, NULL);
	for (i = 0; i < t->nc; i++)
		if (s->occ[t->c0 + i] == c)
			return;
	occ_push(s, c);
	t->nc++;
	qsort(s->occ + t->c0, t->nc, sizeof(size_t), size_cmp);
}

static int
use_cmp(const void *a, const void *b)
{
	const struct use *x = a, *y = b;

	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * Concept weights: the number of units using a concept plus o->lead for
 * each unit that uses it in its first LEAD_SENTS sentences; concepts used
 * by one unit only weigh nothing (one voice is not agreement).  With fewer
 * than 3 units, sentences count as the units.
 */
static void
weigh(struct summ *s, const struct summ_opts *o)
{
	struct use *u;
	size_t i, j, m = 0, nc = smap_count(s->cmap), df, early;
	int by_sent = s->nunits < 3;

	concepts_grow(s, nc + 1);
	u = xreallocarray(NULL, s->nocc + 1, sizeof(*u));
	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->v[i].nc; j++) {
			u[m].c = s->occ[s->v[i].c0 + j];
			u[m].unit = by_sent ? i : s->v[i].unit;
			u[m++].pos = s->v[i].pos;
		}
	qsort(u, m, sizeof(*u), use_cmp);
	for (i = 0; i < nc; i++)
		s->w[i] = 0;
	for (i = 0; i < m; i = j) {
		df = early = 0;
		for (j = i; j < m && u[j].c == u[i].c; j++)
			if (j == i || u[j].unit != u[j - 1].unit) {
				df++;
				early += u[j].pos <= LEAD_SENTS;
			}
		if (df >= MIN_DF)
			s->w[u[i].c] = df + o->lead * early;
	}
	free(u);
}

/* Whether t alone fits every budget. */
static int
fits(const struct summ_opts *o, const struct sent *t)
{
	return (o->words == 0 || (long)t->words <= o->words) &&
	    (o->bytes == 0 || (long)t->len <= o->bytes) &&
	    (o->sents == 0 || o->sents >= 1);
}

static int
cand_cmp(const void *a, const void *b, void *arg)
{
	const struct summ *s = arg;
	const struct sent *x = &s->v[*(const size_t *)a];
	const struct sent *y = &s->v[*(const size_t *)b];
	double kx = (x->cw + x->bonus) / sqrt((double)x->words + 1);
	double ky = (y->cw + y->bonus) / sqrt((double)y->words + 1);

	if (kx != ky)
		return kx > ky ? -1 : 1;
	return size_cmp(a, b);
}

/* qsort_r is not in POSIX: a small merge sort with a context instead. */
static void
sort_by(size_t *v, size_t n, size_t *tmp, struct summ *s,
    int (*cmp)(const void *, const void *, void *))
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_by(v, h, tmp, s, cmp);
	sort_by(v + h, n - h, tmp, s, cmp);
	while (i < h && j < n)
		tmp[k++] = cmp(&v[j], &v[i], s) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static int
has_alnum(const char *t, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80)
			return 1;
	return 0;
}

/* The candidates, best first by weight per square-rooted length, at most
 * o->max_cand of them; returns their number, *cand malloc'd. */
static size_t
candidates(struct summ *s, const struct summ_opts *o, size_t **cand)
{
	size_t i, j, n = 0, *c, *tmp;
	struct sent *t;

	c = xreallocarray(NULL, s->n + 1, sizeof(*c));
	for (i = 0; i < s->n; i++) {
		t = &s->v[i];
		t->cw = 0;
		for (j = 0; j < t->nc; j++)
			t->cw += s->w[s->occ[t->c0 + j]];
		t->bonus = t->support > 1 ?
		    SUPPORT_BONUS * (t->support - 1) : 0;
		t->ok = t->words >= MIN_WORDS && t->words <= MAX_WORDS &&
		    fits(o, t) && summ_standalone(t->text, t->len);
		if (t->ok)
			c[n++] = i;
	}
	if (n == 0)	/* nothing reads well alone: take what has words */
		for (i = 0; i < s->n; i++)
			if (has_alnum(s->v[i].text, s->v[i].len) &&
			    fits(o, &s->v[i]))
				c[n++] = i;
	tmp = xreallocarray(NULL, n + 1, sizeof(*tmp));
	sort_by(c, n, tmp, s, cand_cmp);
	free(tmp);
	if (o->max_cand > 0 && n > o->max_cand)
		n = o->max_cand;
	*cand = c;
	return n;
}

/* The objective of the set sel[0..n): covered weight plus bonuses. */
static double
objective(struct summ *s, const size_t *sel, size_t n, size_t mark)
{
	double f = 0;
	size_t i, j, c;
	struct sent *t;

	for (i = 0; i < n; i++) {
		t = &s->v[sel[i]];
		f += t->bonus;
		for (j = 0; j < t->nc; j++) {
			c = s->occ[t->c0 + j];
			if (s->stamp[c] != mark) {
				s->stamp[c] = mark;
				f += s->w[c];
			}
		}
	}
	return f;
}

/* Budget used by sentence t in unit of o, for the greedy's cost. */
static double
cost(const struct summ_opts *o, const struct sent *t)
{
	if (o->words > 0)
		return (double)t->words;
	if (o->bytes > 0)
		return (double)t->len + 1;
	return 1;
}

struct budget {
	long		 words, bytes, sents;
};

static int
room(const struct summ_opts *o, const struct budget *b, const struct sent *t)
{
	return (o->words == 0 || b->words + (long)t->words <= o->words) &&
	    (o->bytes == 0 || b->bytes + (long)t->len +
	    (b->sents > 0) <= o->bytes) &&
	    (o->sents == 0 || b->sents + 1 <= o->sents);
}

static void
spend(struct budget *b, const struct sent *t)
{
	b->bytes += (long)t->len + (b->sents > 0);
	b->words += (long)t->words;
	b->sents++;
}

static int
claim_used(struct summ *s, const size_t *sel, size_t n, long claim)
{
	size_t i;

	if (claim < 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s->v[sel[i]].group == claim)
			return 1;
	return 0;
}

/*
 * Lin & Bilmes (2010) budgeted greedy: add the sentence of best gain per
 * cost^r while it fits; then compare with the best single sentence.
 */
static size_t
greedy(struct summ *s, const struct summ_opts *o, const size_t *cand,
    size_t nc, size_t *sel)
{
	struct budget b = { 0, 0, 0 };
	size_t n = 0, i, j, best, mark = (size_t)-1, c;
	double g, bg, f1, fbest = -1;
	struct sent *t;
	char *used;

	used = xcalloc(nc + 1, 1);
	for (;;) {
		best = nc;
		bg = 0;
		for (i = 0; i < nc; i++) {
			t = &s->v[cand[i]];
			if (used[i] || !room(o, &b, t) ||
			    claim_used(s, sel, n, t->group))
				continue;
			g = t->bonus;
			for (j = 0; j < t->nc; j++) {
				c = s->occ[t->c0 + j];
				if (s->stamp[c] != mark)
					g += s->w[c];
			}
			g /= pow(cost(o, t), o->r);
			if (g > bg) {
				bg = g;
				best = i;
			}
		}
		if (best == nc)
			break;
		used[best] = 1;
		t = &s->v[cand[best]];
		sel[n++] = cand[best];
		spend(&b, t);
		for (j = 0; j < t->nc; j++)
			s->stamp[s->occ[t->c0 + j]] = mark;
	}
	free(used);
	for (i = 0; i < smap_count(s->cmap); i++)
		s->stamp[i] = 0;
	f1 = objective(s, sel, n, 1);
	for (i = 0, best = nc; i < nc; i++) {
		struct budget z = { 0, 0, 0 };

		if (!room(o, &z, &s->v[cand[i]]))
			continue;
		g = objective(s, &cand[i], 1, i + 2);
		if (g > fbest) {
			fbest = g;
			best = i;
		}
	}
	for (i = 0; i < smap_count(s->cmap); i++)
		s->stamp[i] = 0;
	if (best < nc && fbest > f1) {
		sel[0] = cand[best];
		n = 1;
	}
	return n;
}

#define ILP_NODES	5000	/* branch-and-bound nodes before stopping */

/* Stop the search after ILP_NODES nodes: a bound that, unlike a time
 * limit, gives the same answer on every machine. */
static void
ilp_cb(glp_tree *tree, void *info)
{
	size_t *nodes = info;

	if (glp_ios_reason(tree) == GLP_ISELECT && ++*nodes > ILP_NODES)
		glp_ios_terminate(tree);
}

/*
 * Gillick & Favre (2009) as an integer program: maximise sum w_c y_c +
 * sum b_j x_j with y_c <= sum of x_j over the sentences j holding c, the
 * budgets, and at most one sentence per claim; x binary, y in [0, 1]
 * (integral at the optimum).  Returns -1 when GLPK finds no solution;
 * *exact says whether the one returned is proven optimal.
 */
static long
ilp(struct summ *s, const struct summ_opts *o, const size_t *cand,
    size_t nc, size_t *sel, int *exact)
{
	glp_prob *lp;
	glp_iocp parm;
	size_t nz = 0, cap, i, j, c, ncon = 0, row, nsel = 0, *cidx, nodes = 0;
	int *ia, *ja, ret;
	double *ar;
	struct sent *t;
	long claim;

	*exact = 1;
	if (nc == 0)
		return 0;
	lp = glp_create_prob();
	glp_set_obj_dir(lp, GLP_MAX);
	glp_add_cols(lp, (int)nc);
	cidx = xcalloc(smap_count(s->cmap) + 1, sizeof(*cidx));
	cap = 16 + 8 * nc;
	for (i = 0; i < nc; i++)
		cap += s->v[cand[i]].nc * 2 + 2;
	ia = xreallocarray(NULL, cap, sizeof(*ia));
	ja = xreallocarray(NULL, cap, sizeof(*ja));
	ar = xreallocarray(NULL, cap, sizeof(*ar));
	for (i = 0; i < nc; i++) {
		glp_set_col_kind(lp, (int)i + 1, GLP_BV);
		glp_set_obj_coef(lp, (int)i + 1, s->v[cand[i]].bonus);
	}
	/* Concept columns and their rows: y_c - sum x_j <= 0. */
	for (i = 0; i < nc; i++) {
		t = &s->v[cand[i]];
		for (j = 0; j < t->nc; j++) {
			c = s->occ[t->c0 + j];
			if (s->w[c] <= 0)
				continue;
			if (cidx[c] == 0) {
				cidx[c] = ++ncon;
				glp_add_cols(lp, 1);
				glp_set_col_bnds(lp, (int)(nc + ncon), GLP_DB,
				    0, 1);
				glp_set_obj_coef(lp, (int)(nc + ncon), s->w[c]);
				glp_add_rows(lp, 1);
				row = (size_t)glp_get_num_rows(lp);
				glp_set_row_bnds(lp, (int)row, GLP_UP, 0, 0);
				nz++;
				ia[nz] = (int)row;
				ja[nz] = (int)(nc + ncon);
				ar[nz] = 1;
			}
			nz++;
			ia[nz] = (int)cidx[c];	/* rows added in step */
			ja[nz] = (int)i + 1;
			ar[nz] = -1;
		}
	}
	/* Budgets. */
	for (j = 0; j < 3; j++) {
		long lim = j == 0 ? o->words : j == 1 ? o->bytes + 1 : o->sents;

		if ((j == 0 && o->words == 0) || (j == 1 && o->bytes == 0) ||
		    (j == 2 && o->sents == 0))
			continue;
		row = (size_t)glp_add_rows(lp, 1);
		glp_set_row_bnds(lp, (int)row, GLP_UP, 0, (double)lim);
		for (i = 0; i < nc; i++) {
			t = &s->v[cand[i]];
			nz++;
			ia[nz] = (int)row;
			ja[nz] = (int)i + 1;
			ar[nz] = j == 0 ? (double)t->words :
			    j == 1 ? (double)t->len + 1 : 1;
		}
	}
	/* One sentence per claim. */
	for (i = 0; i < nc; i++) {
		claim = s->v[cand[i]].group;
		if (claim < 0)
			continue;
		for (j = 0; j < i; j++)
			if (s->v[cand[j]].group == claim)
				break;
		if (j < i)
			continue;	/* row made at the first */
		for (j = i + 1; j < nc; j++)
			if (s->v[cand[j]].group == claim)
				break;
		if (j == nc)
			continue;	/* a claim of one candidate */
		if (nz + nc + 1 >= cap) {
			cap = 2 * (cap + nc);
			ia = xreallocarray(ia, cap, sizeof(*ia));
			ja = xreallocarray(ja, cap, sizeof(*ja));
			ar = xreallocarray(ar, cap, sizeof(*ar));
		}
		row = (size_t)glp_add_rows(lp, 1);
		glp_set_row_bnds(lp, (int)row, GLP_UP, 0, 1);
		for (j = i; j < nc; j++)
			if (s->v[cand[j]].group == claim) {
				nz++;
				ia[nz] = (int)row;
				ja[nz] = (int)j + 1;
				ar[nz] = 1;
			}
	}
	glp_load_matrix(lp, (int)nz, ia, ja, ar);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	parm.cb_func = ilp_cb;
	parm.cb_info = &nodes;
	ret = glp_intopt(lp, &parm);
	*exact = ret == 0 && glp_mip_status(lp) == GLP_OPT;
	if ((ret == 0 || ret == GLP_ESTOP) && (glp_mip_status(lp) == GLP_OPT ||
	    glp_mip_status(lp) == GLP_FEAS)) {
		for (i = 0; i < nc; i++)
			if (glp_mip_col_val(lp, (int)i + 1) > 0.5)
				sel[nsel++] = cand[i];
	} else
		nsel = (size_t)-1;
	glp_delete_prob(lp);
	free(cidx);
	free(ia);
	free(ja);
	free(ar);
	return (long)nsel;
}

static int
pos_cmp(const void *a, const void *b, void *arg)
{
	const struct summ *s = arg;
	const struct sent *x = &s->v[*(const size_t *)a];
	const struct sent *y = &s->v[*(const size_t *)b];

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return size_cmp(a, b);
}

/*
 * When nothing is worth anything (no concept shared), the summary is the
 * first sentences of the articles, first sentences first, while they fit.
 */
static size_t
lead(struct summ *s, const struct summ_opts *o, size_t *cand, size_t nc,
    size_t *sel)
{
	struct budget b = { 0, 0, 0 };
	size_t i, n = 0, *tmp;

	tmp = xreallocarray(NULL, nc + 1, sizeof(*tmp));
	sort_by(cand, nc, tmp, s, pos_cmp);
	free(tmp);
	for (i = 0; i < nc; i++)
		if (room(o, &b, &s->v[cand[i]]) &&
		    !claim_used(s, sel, n, s->v[cand[i]].group)) {
			sel[n++] = cand[i];
			spend(&b, &s->v[cand[i]]);
		}
	return n;
}

/* Jaccard overlap of the weighted concepts of sentences a and b. */
static double
overlap(const struct summ *s, const struct sent *a, const struct sent *b)
{
	size_t i = 0, j = 0, na = 0, nb = 0, both = 0, x, y;

	for (i = 0; i < a->nc; i++)
		na += s->w[s->occ[a->c0 + i]] > 0;
	for (j = 0; j < b->nc; j++)
		nb += s->w[s->occ[b->c0 + j]] > 0;
	for (i = j = 0; i < a->nc && j < b->nc;) {
		x = s->occ[a->c0 + i];
		y = s->occ[b->c0 + j];
		if (x < y)
			i++;
		else if (y < x)
			j++;
		else {
			both += s->w[x] > 0;
			i++;
			j++;
		}
	}
	return na + nb > both ? (double)both / (na + nb - both) : 0;
}

static size_t
uf_find(size_t *up, size_t i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

/*
 * Without claims from the input, candidates that share most of their
 * weighted concepts (Jaccard >= SAME_CLAIM) are taken to say the same
 * thing: they form a group, and a summary holds one sentence per group.
 */
static void
group(struct summ *s, const size_t *cand, size_t nc)
{
	size_t i, j, *up;

	for (i = 0; i < s->n; i++)
		if (s->v[i].claim >= 0)
			return;
	up = xreallocarray(NULL, nc + 1, sizeof(*up));
	for (i = 0; i < nc; i++)
		up[i] = i;
	for (i = 0; i < nc; i++)
		for (j = i + 1; j < nc; j++)
			if (overlap(s, &s->v[cand[i]], &s->v[cand[j]]) >=
			    SAME_CLAIM)
				up[uf_find(up, j)] = uf_find(up, i);
	for (i = 0; i < nc; i++)
		s->v[cand[i]].group = (long)uf_find(up, i);
	free(up);
}

double
summ_value(struct summ *s, const size_t *ids, size_t n)
{
	double f;
	size_t i;

	if (s->n == 0 || s->ccap < smap_count(s->cmap))
		return 0;
	f = objective(s, ids, n, (size_t)-4);
	for (i = 0; i < smap_count(s->cmap); i++)
		s->stamp[i] = 0;
	return f;
}

/* Reading order: earlier in its article's body (headlines, bylines and
 * captions not counted) first, then more support. */
struct order {
	size_t		 id;
	double		 rel;
	unsigned	 support;
	size_t		 start, nsrcs;	/* its estimated sources in s->srcs */
};

static int
order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->rel != y->rel)
		return x->rel < y->rel ? -1 : 1;
	if (x->support != y->support)
		return x->support > y->support ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void
src_push(struct summ *s, size_t u)
{
	if (s->nsrcs == s->srcscap) {
		s->srcscap = s->srcscap ? 2 * s->srcscap : 64;
		s->srcs = xreallocarray(s->srcs, s->srcscap, sizeof(*s->srcs));
	}
	s->srcs[s->nsrcs++] = u;
}

/*
 * Estimate the support of sentence id: the units that use at least half of
 * its weighted concepts (its own unit first, then in unit order).  The
 * units go to s->srcs; returns how many.
 */
static size_t
estimate(struct summ *s, size_t id, size_t mark)
{
	struct sent *t = &s->v[id];
	size_t i, j, k = 0, m = 0, cap = 0, n0 = s->nsrcs, cnt, *pairs = NULL;
	size_t c;

	for (j = 0; j < t->nc; j++)
		if (s->w[c = s->occ[t->c0 + j]] > 0) {
			s->stamp[c] = mark;
			k++;
		}
	src_push(s, t->unit);
	if (k == 0)
		return 1;
	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->v[i].nc; j++) {
			c = s->occ[s->v[i].c0 + j];
			if (s->stamp[c] != mark || s->v[i].unit == t->unit)
				continue;
			if (m + 2 > cap) {
				cap = cap ? 2 * cap : 256;
				pairs = xreallocarray(pairs, cap,
				    sizeof(*pairs));
			}
			pairs[m++] = s->v[i].unit * smap_count(s->cmap) + c;
		}
	if (m > 1)
		qsort(pairs, m, sizeof(*pairs), size_cmp);
	for (i = 0; i < m; i = j) {
		size_t u = pairs[i] / smap_count(s->cmap);

		for (j = i, cnt = 0; j < m &&
		    pairs[j] / smap_count(s->cmap) == u; j++)
			if (j == i || pairs[j] != pairs[j - 1])
				cnt++;
		if (2 * cnt >= k)
			src_push(s, u);
	}
	free(pairs);
	return s->nsrcs - n0;
}

size_t
summ_run(struct summ *s, const struct summ_opts *o,
    const struct summ_pick **picks)
{
	size_t *cand, *sel, *gsel, nc, ng, i, nsel;
	struct order *ord;
	long got = -1;
	int exact = 0;
	struct sent *t;

	s->npicks = s->nsrcs = 0;
	*picks = s->picks;
	if (s->n == 0)
		return 0;
	weigh(s, o);
	nc = candidates(s, o, &cand);
	group(s, cand, nc);
	sel = xreallocarray(NULL, nc + 1, sizeof(*sel));
	if (o->method == SUMM_ILP ||
	    (o->method == SUMM_AUTO && s->n <= o->ilp_sents))
		got = ilp(s, o, cand, nc, sel, &exact);
	if (got < 0 || !exact) {	/* the greedy, if it does better */
		gsel = xreallocarray(NULL, nc + 1, sizeof(*gsel));
		ng = greedy(s, o, cand, nc, gsel);
		if (got < 0 || objective(s, gsel, ng, (size_t)-2) >
		    objective(s, sel, (size_t)got, (size_t)-3)) {
			memcpy(sel, gsel, ng * sizeof(*sel));
			got = (long)ng;
		}
		for (i = 0; i < smap_count(s->cmap); i++)
			s->stamp[i] = 0;
		free(gsel);
	}
	nsel = (size_t)got;
	if (nsel == 0)		/* no concept is shared: lead sentences */
		nsel = lead(s, o, cand, nc, sel);
	free(cand);
	/* Support first (the order needs it), then the reading order. */
	ord = xreallocarray(NULL, nsel + 1, sizeof(*ord));
	for (i = 0; i < smap_count(s->cmap); i++)
		s->stamp[i] = 0;
	for (i = 0; i < nsel; i++) {
		t = &s->v[sel[i]];
		ord[i].id = sel[i];
		ord[i].rel = t->body;
		ord[i].start = s->nsrcs;
		ord[i].nsrcs = estimate(s, sel[i], i + 1);
		ord[i].support = t->support > 0 ? t->support :
		    (unsigned)ord[i].nsrcs;
	}
	for (i = 0; i < smap_count(s->cmap); i++)
		s->stamp[i] = 0;
	if (nsel > 1)
		qsort(ord, nsel, sizeof(*ord), order_cmp);
	if (nsel > s->pickcap) {
		s->pickcap = nsel;
		s->picks = xreallocarray(s->picks, nsel, sizeof(*s->picks));
	}
	for (i = 0; i < nsel; i++) {
		struct summ_pick *p = &s->picks[i];

		p->id = ord[i].id;
		p->text = s->v[p->id].text;
		p->len = s->v[p->id].len;
		p->support = ord[i].support;
		p->srcs = s->srcs + ord[i].start;
		p->nsrcs = ord[i].nsrcs;
	}
	s->npicks = nsel;
	*picks = s->picks;
	free(ord);
	free(sel);
	return nsel;
}
