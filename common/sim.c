/*
 * sim.c: sentence analysis, pair features and candidate lists for
 * align-claims (see sim.h).
 *
 * Every string a sentence yields (lower-cased word, stem, name, value key)
 * is interned in the index's vocabulary, so comparing two sentences is
 * comparing arrays of integer ids: sorted sets for overlaps, sequences for
 * n-grams and the longest common subsequence.  A sentence's arrays live in
 * one pool of uint32_t, at offsets kept in its struct sent.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "hash.h"
#include "input.h"
#include "sim.h"
#include "tok.h"
#include "xalloc.h"

/* Word sequences longer than this are cut for n-grams and the LCS. */
#define SEQMAX		256

/* The id standing for any value in the sequences without values. */
#define PLACEHOLDER	UINT32_MAX

/* One slice of the pool: offset and count. */
struct span {
	uint32_t	off, n;
};

struct sent {
	struct span	w, wv;		/* words; values as PLACEHOLDER */
	struct span	c, cv;		/* content stems (sorted, unique) */
	struct span	nm, nmv;	/* names (sorted, unique) */
	struct span	num;		/* numeric value keys (sorted) */
	struct span	keys;		/* candidate keys: c and nm */
	struct span	sq, sv;		/* content stems in order; sv blanks
					   the values */
	struct span	ch, chv;	/* character 4-grams (hashes, sorted,
					   unique); chv without the values */
	struct span	g[4], gv[4];	/* word 1- to 4-grams (hashes,
					   sorted); gv without the values */
	struct span	s2, s2v;	/* content stem bigrams, likewise */
	uint32_t	val, nval;	/* in x->vals */
	uint32_t	lv, lvv;	/* latent vectors at x->lvec + lv * dim;
					   lvv without the values */
	uint32_t	ko, kn;		/* keys at x->keys.v[ko..ko + kn) */
	uint32_t	group;
	uint16_t	neg;
};

struct u32v {
	uint32_t	*v;
	size_t		 n, cap;
};

struct sim_lex {
	struct smap	*m;
	uint32_t	*off;		/* groups of stem k: grp[off[k]..off[k+1]) */
	uint32_t	*grp;
};

struct sim_index {
	struct stem		*st;
	const struct sim_lex	*lex;
	struct smap		*voc;
	uint32_t		*df;	/* per vocabulary id */
	int32_t			*lexid;	/* id in lex, -1 when none */
	double			*idf;
	size_t			 vcap;
	struct sent		*s;
	size_t			 n, cap;
	struct u32v		 pool;
	struct sim_value	*vals;
	size_t			 nvals, valcap;
	uint32_t		*poff;	/* postings: key k at plist[poff[k]..] */
	uint32_t		*plist;
	uint32_t		*acc;	/* candidate scratch, per sentence */
	uint32_t		*grp;	/* group of each sentence, compact */
	uint32_t		*npost;	/* keys with postings, per sentence */
	struct u32v		 touched;
	struct tok_list		 toks;
	struct u32v		 tc, tcv, tnm, tnmv, tnum;	/* scratch */
	struct u32v		 tsq, tsv, tch;
	char			*cbuf;
	size_t			 cbufcap;
	uint8_t			*isval;
	size_t			 isvalcap;
	char			*buf;
	size_t			 bufcap;
	const struct tfkld	*lat;	/* latent model or NULL */
	int16_t			*lvec;	/* latent vectors, dim each, unit
					   length, in 1/32767ths */
	size_t			 nlvec, lveccap;
	int			 keep_keys;
	struct {
		uint64_t	*v;
		size_t		 n, cap;
	}			 keys, wh, whv;	/* kept keys; word hashes */
	uint64_t		*tk;		/* scratch keys */
	size_t			 ntk, tkcap;
};

static const char *const feat_names[SIM_NBASE] = {
	"stem_dice", "stem_cover_min", "stem_cover_max",
	"idf_dice", "idf_cover_min", "idf_cover_max",
	"syn_dice", "syn_cover_min", "syn_cover_max",
	"word1_dice", "word2_dice", "word3_dice", "word4_dice",
	"stem2_dice", "lcs_of_longer", "lcs_of_shorter",
	"len_diff", "len_min", "unmatched_min", "unmatched_max",
	"num_none", "num_same", "num_subset", "num_one_side", "num_differ",
	"num_dice", "name_none", "name_dice", "name_unmatched",
	"negation_differs", "idf_dice_sq", "syn_min_x_lcs",
	"word1_cover_min", "word1_cover_max", "word2_cover_min",
	"word2_cover_max", "word3_cover_min", "word3_cover_max",
	"char4_dice", "char4_cover_min", "char4_cover_max",
	"unmatched_idf_min", "unmatched_idf_max", "char4_dice_sq"
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL
};

/* Month names and their usual abbreviations (AP style). */
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.",
	"sept.", "oct.", "nov.", "dec.", "sep.", NULL
};

/* Cardinal number words a news story spells out (AP style: one to nine). */
static const char *const numwords[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", NULL
};

static const char *const negations[] = {
	"not", "n't", "no", "never", "none", "nobody", "nothing", "neither",
	"nor", "cannot", "without", NULL
};

/* Capitalised words that are courtesy titles, not names. */
static const char *const titles[] = {
	"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", NULL
};

static int
lookup(const char *const *tab, const char *s, size_t n)
{
	size_t i;

	for (i = 0; tab[i] != NULL; i++)
		if (strlen(tab[i]) == n && memcmp(tab[i], s, n) == 0)
			return (int)i;
	return -1;
}

const char *
sim_feature_name(size_t k)
{
	if (k < SIM_NBASE)
		return feat_names[k];
	if (k < SIM_NBASE + TFKLD_DIM)
		return "lat_sum";
	if (k < SIM_NBASE + 2 * TFKLD_DIM)
		return "lat_diff";
	return k < SIM_NFEAT ? "lat_cos" : NULL;
}

static void
u32_push(struct u32v *a, uint32_t v)
{
	if (a->n == a->cap)
		xgrow((void **)&a->v, &a->cap, a->n + 1, sizeof(*a->v));
	a->v[a->n++] = v;
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort a and drop repeats. */
static void
u32_uniq(struct u32v *a)
{
	size_t i, k;

	if (a->n < 2)
		return;
	qsort(a->v, a->n, sizeof(*a->v), u32_cmp);
	for (i = 1, k = 1; i < a->n; i++)
		if (a->v[i] != a->v[k - 1])
			a->v[k++] = a->v[i];
	a->n = k;
}

/* ---- the synonym table ---- */

static void
lex_add(struct smap *m, struct u32v *pairs, const char *s, size_t n,
    uint32_t g)
{
	u32_push(pairs, (uint32_t)smap_put(m, s, n, NULL));
	u32_push(pairs, g);
}

struct sim_lex *
sim_lex_load(const char *path, char *err, size_t errlen)
{
	struct sim_lex *lex;
	struct in *in;
	struct u32v pairs = { 0 };
	char *line = NULL, *p, *e;
	size_t cap = 0, i, nk;
	ssize_t len;
	uint32_t g = 0;

	if ((in = in_open(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	lex = xcalloc(1, sizeof(*lex));
	lex->m = smap_new();
	while ((len = getline(&line, &cap, in->fp)) > 0) {
		for (p = line; p < line + len; p = e) {
			while (p < line + len && isspace((unsigned char)*p))
				p++;
			for (e = p; e < line + len &&
			    !isspace((unsigned char)*e); e++)
				;
			if (e > p)
				lex_add(lex->m, &pairs, p, e - p, g);
		}
		g++;
	}
	free(line);
	if (ferror(in->fp)) {
		snprintf(err, errlen, "%s: %s", path, in_error(in));
		in_close(in);
		free(pairs.v);
		sim_lex_free(lex);
		return NULL;
	}
	in_close(in);
	nk = smap_count(lex->m);
	lex->off = xcalloc(nk + 1, sizeof(*lex->off));
	lex->grp = xcalloc(pairs.n / 2 + 1, sizeof(*lex->grp));
	for (i = 0; i < pairs.n; i += 2)
		lex->off[pairs.v[i] + 1]++;
	for (i = 0; i < nk; i++)
		lex->off[i + 1] += lex->off[i];
	/* Groups were numbered in order, so each list comes out sorted. */
	{
		uint32_t *fill = xcalloc(nk + 1, sizeof(*fill));

		for (i = 0; i < pairs.n; i += 2) {
			uint32_t k = pairs.v[i];

			lex->grp[lex->off[k] + fill[k]++] = pairs.v[i + 1];
		}
		free(fill);
	}
	free(pairs.v);
	return lex;
}

void
sim_lex_free(struct sim_lex *lex)
{
	if (lex == NULL)
		return;
	smap_free(lex->m);
	free(lex->off);
	free(lex->grp);
	free(lex);
}

/* Whether stems a and b (ids in lex, -1 for none) share a set. */
static int
lex_share(const struct sim_lex *lex, long a, long b)
{
	uint32_t i, j, ie, je;

	if (lex == NULL || a < 0 || b < 0)
		return 0;
	i = lex->off[a], ie = lex->off[a + 1];
	j = lex->off[b], je = lex->off[b + 1];
	while (i < ie && j < je) {
		if (lex->grp[i] == lex->grp[j])
			return 1;
		if (lex->grp[i] < lex->grp[j])
			i++;
		else
			j++;
	}
	return 0;
}

int
sim_lex_syn(const struct sim_lex *lex, const char *a, size_t na,
    const char *b, size_t nb)
{
	if (lex == NULL)
		return 0;
	return lex_share(lex, smap_get(lex->m, a, na),
	    smap_get(lex->m, b, nb));
}

/* ---- the model ---- */

void
sim_expand(const double *f, double *g)
{
	size_t i, j, k = SIM_NFEAT;

	memcpy(g, f, SIM_NFEAT * sizeof(*f));
	for (i = 0; i < SIM_NBASE; i++)
		for (j = i; j < SIM_NBASE; j++)
			g[k++] = f[i] * f[j];
}

double
sim_model_score(const struct sim_model *m, const double *f)
{
	double z = m->bias, g[SIM_NWEIGHT];
	size_t k;

	sim_expand(f, g);
	for (k = 0; k < SIM_NWEIGHT; k++)
		z += m->w[k] * g[k];
	return 1.0 / (1.0 + exp(-z));
}

/* The index of latent weight "lat_sum_D", "lat_diff_D", "lat_cos", or -1. */
static long
latent_index(const char *name)
{
	const char *errstr;
	long d;

	if (strcmp(name, "lat_cos") == 0)
		return SIM_NBASE + 2 * TFKLD_DIM;
	if (strncmp(name, "lat_sum_", 8) == 0) {
		d = (long)strtonum(name + 8, 0, TFKLD_DIM - 1, &errstr);
		return errstr != NULL ? -1 : SIM_NBASE + d;
	}
	if (strncmp(name, "lat_diff_", 9) == 0) {
		d = (long)strtonum(name + 9, 0, TFKLD_DIM - 1, &errstr);
		return errstr != NULL ? -1 : SIM_NBASE + TFKLD_DIM + d;
	}
	return -1;
}

/* The index of weight "a" or "a*b" in the expansion, or -1. */
static long
weight_index(const char *name)
{
	const char *star = strchr(name, '*');
	size_t i, j, k = SIM_NFEAT, la = star ? (size_t)(star - name) :
	    strlen(name);

	if (star == NULL && strncmp(name, "lat_", 4) == 0)
		return latent_index(name);
	for (i = 0; i < SIM_NBASE; i++)
		if (strlen(feat_names[i]) == la &&
		    memcmp(feat_names[i], name, la) == 0)
			break;
	if (i == SIM_NBASE)
		return -1;
	if (star == NULL)
		return (long)i;
	for (j = 0; j < SIM_NBASE; j++)
		if (strcmp(feat_names[j], star + 1) == 0)
			break;
	if (j == SIM_NBASE || j < i)
		return -1;
	/* Rows before i hold SIM_NBASE - i' products each. */
	k += i * SIM_NBASE - i * (i - 1) / 2 + (j - i);
	return (long)k;
}

static int
model_set(struct sim_model *m, const char *name, double v, int *seen)
{
	long k;

	if (strcmp(name, "bias") == 0)
		m->bias = v;
	else if (strcmp(name, "threshold") == 0)
		m->threshold = v;
	else if (strcmp(name, "partial") == 0)
		m->partial = v;
	else {
		if ((k = weight_index(name)) < 0)
			return -1;
		m->w[k] = v;
		seen[k] = 1;
	}
	return 0;
}

/* Whether weight k must be in a model file with nlat latent weights. */
static int
required(size_t k, size_t nlat)
{
	return k < SIM_NBASE || k >= SIM_NFEAT || nlat > 0;
}

int
sim_model_load(struct sim_model *m, const char *path, char *err,
    size_t errlen)
{
	FILE *fp;
	char line[256], name[128];
	int seen[SIM_NWEIGHT] = { 0 }, n = 0;
	unsigned long lineno = 0;
	double v;
	size_t k, nlat = 0;

	memset(m, 0, sizeof(*m));
	m->threshold = m->partial = 0.5;
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%127s %lf", name, &v) != 2 ||
		    model_set(m, name, v, seen) == -1) {
			snprintf(err, errlen, "%s:%lu: not a model line",
			    path, lineno);
			fclose(fp);
			return -1;
		}
		n++;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		fclose(fp);
		return -1;
	}
	fclose(fp);
	for (k = SIM_NBASE; k < SIM_NFEAT; k++)
		nlat += seen[k];
	m->latent = nlat > 0;
	for (k = 0; k < SIM_NWEIGHT; k++)
		if (!seen[k] && required(k, nlat)) {
			snprintf(err, errlen, "%s: no weight number %zu", path,
			    k + 1);
			return -1;
		}
	return 0;
}

int
sim_model_write(const struct sim_model *m, FILE *fp)
{
	size_t k, i, j;

	fprintf(fp, "threshold %.6f\npartial %.6f\nbias %.9g\n",
	    m->threshold, m->partial, m->bias);
	for (k = 0; k < SIM_NBASE; k++)
		fprintf(fp, "%s %.9g\n", feat_names[k], m->w[k]);
	for (; m->latent && k < SIM_NFEAT; k++)
		if (k < SIM_NFEAT - 1)
			fprintf(fp, "%s_%zu %.9g\n", sim_feature_name(k),
			    (k - SIM_NBASE) % TFKLD_DIM, m->w[k]);
		else
			fprintf(fp, "lat_cos %.9g\n", m->w[k]);
	k = SIM_NFEAT;
	for (i = 0; i < SIM_NBASE; i++)
		for (j = i; j < SIM_NBASE; j++)
			fprintf(fp, "%s*%s %.9g\n", feat_names[i],
			    feat_names[j], m->w[k++]);
	return ferror(fp) ? -1 : 0;
}

int
sim_data_load(const char *model, struct stem **st, struct sim_lex **lex,
    struct sim_model *m, struct tfkld **lat, char *err, size_t errlen)
{
	char *path;
	int rc;

	*st = NULL;
	*lex = NULL;
	*lat = NULL;
	if ((path = data_find(SIM_SYN_FILE)) == NULL) {
		snprintf(err, errlen, "%s: not found (set CROSSREAD_DATA)",
		    SIM_SYN_FILE);
		return -1;
	}
	*lex = sim_lex_load(path, err, errlen);
	free(path);
	if (*lex == NULL)
		return -1;
	path = model != NULL ? xstrdup(model) : data_find(SIM_MODEL_FILE);
	if (path == NULL)
		snprintf(err, errlen, "%s: not found (set CROSSREAD_DATA)",
		    SIM_MODEL_FILE);
	rc = path == NULL ? -1 : sim_model_load(m, path, err, errlen);
	free(path);
	if (rc == 0 && m->latent) {
		/* Only a model with latent weights needs the projection. */
		if ((path = data_find(TFKLD_FILE)) == NULL) {
			snprintf(err, errlen, "%s: not found (set "
			    "CROSSREAD_DATA)", TFKLD_FILE);
			rc = -1;
		} else if ((*lat = tfkld_load(path, err, errlen)) == NULL)
			rc = -1;
		free(path);
	}
	if (rc == 0 && (*st = stem_new()) == NULL) {
		snprintf(err, errlen, "libstemmer has no English stemmer");
		rc = -1;
	}
	if (rc == -1) {
		sim_lex_free(*lex);
		*lex = NULL;
		tfkld_free(*lat);
		*lat = NULL;
	}
	return rc;
}

/* ---- the index ---- */

struct sim_index *
sim_index_new(struct stem *st, const struct sim_lex *lex)
{
	struct sim_index *x = xcalloc(1, sizeof(*x));

	x->st = st;
	x->lex = lex;
	x->voc = smap_new();
	return x;
}

void
sim_index_clear(struct sim_index *x)
{
	smap_free(x->voc);
	x->voc = smap_new();
	x->n = 0;
	x->pool.n = 0;
	x->nvals = 0;
	x->nlvec = 0;
	x->keys.n = 0;
	free(x->poff);
	free(x->plist);
	free(x->acc);
	free(x->grp);
	free(x->npost);
	x->poff = x->plist = x->acc = x->grp = x->npost = NULL;
}

void
sim_index_free(struct sim_index *x)
{
	if (x == NULL)
		return;
	sim_index_clear(x);
	smap_free(x->voc);
	free(x->df);
	free(x->lexid);
	free(x->idf);
	free(x->s);
	free(x->pool.v);
	free(x->vals);
	free(x->touched.v);
	tok_list_free(&x->toks);
	free(x->tc.v);
	free(x->tcv.v);
	free(x->tnm.v);
	free(x->tnmv.v);
	free(x->tnum.v);
	free(x->tsq.v);
	free(x->tch.v);
	free(x->cbuf);
	free(x->tsv.v);
	free(x->isval);
	free(x->buf);
	free(x->lvec);
	free(x->keys.v);
	free(x->wh.v);
	free(x->whv.v);
	free(x->tk);
	free(x);
}

void
sim_index_latent(struct sim_index *x, const struct tfkld *t)
{
	x->lat = t;
}

void
sim_index_keep_keys(struct sim_index *x)
{
	x->keep_keys = 1;
}

const uint64_t *
sim_keys(const struct sim_index *x, size_t i, size_t *n)
{
	*n = x->keep_keys ? x->s[i].kn : 0;
	return x->keep_keys ? x->keys.v + x->s[i].ko : NULL;
}

size_t
sim_count(const struct sim_index *x)
{
	return x->n;
}

uint32_t
sim_group(const struct sim_index *x, size_t i)
{
	return x->s[i].group;
}

const char *
sim_vocab(const struct sim_index *x, uint32_t k, size_t *n)
{
	return smap_key(x->voc, k, n);
}

const struct sim_value *
sim_values(const struct sim_index *x, size_t i, size_t *n)
{
	*n = x->s[i].nval;
	return x->vals + x->s[i].val;
}

/* Intern s[0..n); grow the per-id arrays to match. */
static uint32_t
intern(struct sim_index *x, const char *s, size_t n, int stem)
{
	int added;
	size_t id = smap_put(x->voc, s, n, &added);

	if (id >= x->vcap) {
		xgrow((void **)&x->df, &x->vcap, id + 1, sizeof(*x->df));
		x->lexid = xreallocarray(x->lexid, x->vcap,
		    sizeof(*x->lexid));
		x->idf = xreallocarray(x->idf, x->vcap, sizeof(*x->idf));
	}
	if (added) {
		x->df[id] = 0;
		x->lexid[id] = -1;
	}
	if (stem && x->lex != NULL && x->lexid[id] == -1)
		x->lexid[id] = (int32_t)smap_get(x->lex->m, s, n);
	return (uint32_t)id;
}

/* Make room for n bytes in x->buf. */
static char *
scratch(struct sim_index *x, size_t n)
{
	if (n > x->bufcap)
		xgrow((void **)&x->buf, &x->bufcap, n, 1);
	return x->buf;
}

static void
add_value(struct sim_index *x, enum sim_kind kind, const char *key,
    size_t keylen, uint32_t start, uint32_t end)
{
	struct sim_value *v;

	if (x->nvals == x->valcap)
		xgrow((void **)&x->vals, &x->valcap, x->nvals + 1,
		    sizeof(*x->vals));
	v = &x->vals[x->nvals++];
	v->key = intern(x, key, keylen, 0);
	v->anchor = UINT32_MAX;
	v->start = start;
	v->end = end;
	v->kind = kind;
}

/* The lower-case form of token t of text, in x->buf; length in *n. */
static const char *
lower_tok(struct sim_index *x, const char *text, const struct tok *t,
    size_t *n)
{
	size_t len = t->end - t->start;
	char *b = scratch(x, 2 * len + 4);

	*n = tok_lower(text + t->start, len, b);
	return b;
}

static int
tok_is(struct sim_index *x, const char *text, size_t k,
    const char *const *tab)
{
	const char *s;
	size_t n;

	if (k >= x->toks.n || x->toks.v[k].kind != TOK_WORD)
		return -1;
	s = lower_tok(x, text, &x->toks.v[k], &n);
	return lookup(tab, s, n);
}

/* Mark tokens overlapping [start, end) as parts of a value. */
static void
mark_value(struct sim_index *x, uint32_t start, uint32_t end)
{
	size_t k;

	for (k = 0; k < x->toks.n; k++)
		if (x->toks.v[k].start < end && x->toks.v[k].end > start)
			x->isval[k] = 1;
}

/* Whether token c, just before number t, is $, a pound or a euro sign. */
static int
currency(const char *text, const struct tok *c, const struct tok *t)
{
	const char *p = text + c->start;
	size_t n = c->end - c->start;

	if (c->kind != TOK_PUNCT || c->end != t->start)
		return 0;
	return (n == 1 && *p == '$') || (n == 2 && memcmp(p, "\xc2\xa3", 2) == 0) ||
	    (n == 3 && memcmp(p, "\xe2\x82\xac", 3) == 0);
}

/*
 * Values from numbers and day and month names, for sentences without an
 * entities column: "$2.5 billion" MONEY 2.5bn, "4.4%" PERCENT, "Tuesday"
 * DATE, "June 10" DATE, "1998" DATE, "12:30" TIME, "three" COUNT 3.
 */
static void
cue_values(struct sim_index *x, const char *text)
{
	const struct tok *t;
	char key[96];
	size_t k, n, kn;
	uint32_t start, end;
	int w, m;
	const char *s;
	enum sim_kind kind;

	for (k = 0; k < x->toks.n; k++) {
		t = &x->toks.v[k];
		end = t->end;
		if ((w = tok_is(x, text, k, weekdays)) >= 0) {
			add_value(x, SIM_DATE, weekdays[w],
			    strlen(weekdays[w]), t->start, end);
			continue;
		}
		if ((m = tok_is(x, text, k, months)) >= 0 &&
		    (t->flags & TOK_CAP) && (m != 4 || (k + 1 < x->toks.n &&
		    x->toks.v[k + 1].kind == TOK_NUM))) {
			kn = (size_t)snprintf(key, sizeof(key), "month%d",
			    m == 24 ? 9 : m % 12 + 1);
			if (k + 1 < x->toks.n && x->toks.v[k + 1].kind ==
			    TOK_NUM && x->toks.v[k + 1].end -
			    x->toks.v[k + 1].start <= 2) {
				end = x->toks.v[k + 1].end;
				kn += (size_t)snprintf(key + kn,
				    sizeof(key) - kn, "-%.*s",
				    (int)(end - x->toks.v[k + 1].start),
				    text + x->toks.v[k + 1].start);
				k++;
			}
			add_value(x, SIM_DATE, key, kn, t->start, end);
			continue;
		}
		if ((w = tok_is(x, text, k, numwords)) >= 0) {
			kn = (size_t)snprintf(key, sizeof(key), "%d", w);
			add_value(x, SIM_COUNT, key, kn, t->start, end);
			continue;
		}
		if (t->kind != TOK_NUM)
			continue;
		/* The digits without thousands separators. */
		for (s = text + t->start, kn = 0; s < text + t->end &&
		    kn + 1 < 40; s++)
			if (*s != ',')
				key[kn++] = *s;
		kind = SIM_COUNT;
		if (memchr(text + t->start, ':', t->end - t->start) != NULL)
			kind = SIM_TIME;
		else if (kn == 4 && (memcmp(key, "19", 2) == 0 ||
		    memcmp(key, "20", 2) == 0))
			kind = SIM_DATE;
		start = t->start;
		if (k > 0 && currency(text, &x->toks.v[k - 1], t)) {
			kind = SIM_MONEY;
			start = x->toks.v[k - 1].start;
			memmove(key + 1, key, kn++);
			key[0] = '$';
		}
		if (k + 1 < x->toks.n) {
			const struct tok *nt = &x->toks.v[k + 1];

			s = lower_tok(x, text, nt, &n);
			if ((n == 1 && *s == '%') ||
			    (n == 7 && memcmp(s, "percent", 7) == 0)) {
				kind = SIM_PERCENT;
				end = nt->end;
				key[kn++] = '%';
			} else if ((n == 7 && memcmp(s, "million", 7) == 0) ||
			    (n == 7 && memcmp(s, "billion", 7) == 0) ||
			    (n == 8 && memcmp(s, "trillion", 8) == 0)) {
				end = nt->end;
				key[kn++] = s[0];
				if (kind == SIM_DATE)
					kind = SIM_COUNT;
			}
		}
		add_value(x, kind, key, kn, start, end);
	}
}

/* The value kind an entity type stands for, or -1. */
static int
ent_kind(int type)
{
	switch (type) {
	case ENT_DATE:
		return SIM_DATE;
	case ENT_TIME:
		return SIM_TIME;
	case ENT_MONEY:
		return SIM_MONEY;
	case ENT_PERCENT:
		return SIM_PERCENT;
	case ENT_QUANTITY:
	case ENT_CARDINAL:
		return SIM_COUNT;
	case ENT_ORDINAL:
		return SIM_ORDINAL;
	case ENT_PERSON:
		return SIM_PERSON;
	default:
		return -1;
	}
}

/* Names and values from tag-entities' mentions. */
static void
ent_values(struct sim_index *x, const struct ent_list *ents, size_t len)
{
	const struct ent_mention *m;
	const char *key;
	char *b;
	size_t i, kl;
	int kind;

	for (i = 0; i < ents->n; i++) {
		m = &ents->v[i];
		if (m->start > m->end || m->end > len)
			continue;
		key = ent_key(ents, i);
		kl = m->key_len;
		b = scratch(x, kl + 2);
		b[0] = 'E';
		b[1] = ':';
		memcpy(b + 2, key, kl);
		kind = ent_kind(m->type);
		if (kind < 0 || kind == SIM_PERSON) {
			uint32_t id = intern(x, b, kl + 2, 0);

			u32_push(&x->tnm, id);
			if (kind < 0)
				u32_push(&x->tnmv, id);
		}
		if (kind >= 0)
			add_value(x, (enum sim_kind)kind, b, kl + 2,
			    m->start, m->end);
	}
}

/* Append a[] to the pool as a span. */
static struct span
put_span(struct sim_index *x, const uint32_t *a, size_t n)
{
	struct span sp = { (uint32_t)x->pool.n, (uint32_t)n };
	size_t i;

	for (i = 0; i < n; i++)
		u32_push(&x->pool, a[i]);
	return sp;
}

/*
 * The n-grams of w[0..len) (len at most SEQMAX) as a span of sorted
 * 32-bit hashes (the high half of a 64-bit one), repeats kept: each
 * sentence's are made once here rather than for every pair it is scored
 * in, which made align-claims 21% faster.  Two n-grams of a pair share a
 * hash about once in 10^8 comparisons; the low half did once on DUC 2003
 * (one pair's trigram overlap), the high half matched the 64-bit results
 * on DUC, MSRP and the seeds.
 */
static struct span
put_grams(struct sim_index *x, const uint32_t *w, size_t len, size_t n)
{
	uint32_t h[SEQMAX];
	uint64_t hv;
	size_t i, k, m = 0;

	for (i = 0; i + n <= len; i++) {
		for (k = 0, hv = n; k < n; k++)
			hv = hash_mix(hv * 31 + w[i + k]);
		h[m++] = (uint32_t)(hv >> 32);
	}
	/* Insertion sort: a sentence's n-grams are few, and qsort's calls
	 * made align-claims 3% slower on news2. */
	for (i = 1; i < m; i++) {
		uint32_t v = h[i];

		for (k = i; k > 0 && h[k - 1] > v; k--)
			h[k] = h[k - 1];
		h[k] = v;
	}
	return put_span(x, h, m);
}

/*
 * The word n-grams of span ws and the stem bigrams of span ss, each cut
 * at SEQMAX items.
 */
static void
put_all_grams(struct sim_index *x, struct span ws, struct span ss,
    struct span *g, struct span *s2)
{
	uint32_t w[SEQMAX];
	size_t n, k;

	n = ws.n < SEQMAX ? ws.n : SEQMAX;
	memcpy(w, x->pool.v + ws.off, n * sizeof(*w));
	for (k = 0; k < 4; k++)
		g[k] = put_grams(x, w, n, k + 1);
	n = ss.n < SEQMAX ? ss.n : SEQMAX;
	memcpy(w, x->pool.v + ss.off, n * sizeof(*w));
	*s2 = put_grams(x, w, n, 2);
}

/* A word token: its stem (content words), name and negation roles. */
static void
add_word(struct sim_index *x, struct sent *s, const char *text, size_t k,
    int have_ents)
{
	const struct tok *t = &x->toks.v[k];
	const char *low, *st;
	size_t n, sn;
	uint32_t id;

	low = lower_tok(x, text, t, &n);
	if (lookup(negations, low, n) >= 0)
		s->neg++;
	if (stem_stopword(low, n))
		return;
	if (t->kind == TOK_NUM) {
		id = intern(x, low, n, 0);
	} else {
		st = stem_word(x->st, text + t->start, t->end - t->start,
		    &sn);
		id = intern(x, st, sn, 1);
	}
	u32_push(&x->tc, id);
	u32_push(&x->tsq, id);
	u32_push(&x->tsv, x->isval[k] ? PLACEHOLDER : id);
	if (!x->isval[k])
		u32_push(&x->tcv, id);
	if (!have_ents && t->kind == TOK_WORD && (t->flags & TOK_CAP) &&
	    k > 0 && !x->isval[k]) {
		low = lower_tok(x, text, t, &n);
		if (lookup(titles, low, n) < 0) {
			id = intern(x, low, n, 0);
			u32_push(&x->tnm, id);
			u32_push(&x->tnmv, id);
		}
	}
}

/*
 * The character 4-grams of the lower-cased words and numbers of the
 * sentence, joined by single spaces (values left out when novals), as a
 * span of sorted, unique 32-bit hashes.
 */
static struct span
char_grams(struct sim_index *x, const char *text, int novals)
{
	const struct tok *t;
	size_t k, n = 0, len, i;

	for (k = 0; k < x->toks.n; k++) {
		t = &x->toks.v[k];
		if (t->kind == TOK_PUNCT || (novals && x->isval[k]))
			continue;
		len = t->end - t->start;
		if (n + 2 * len + 6 > x->cbufcap)
			xgrow((void **)&x->cbuf, &x->cbufcap, n + 2 * len + 6,
			    1);
		if (n > 0)
			x->cbuf[n++] = ' ';
		n += tok_lower(text + t->start, len, x->cbuf + n);
	}
	x->tch.n = 0;
	for (i = 0; i + 4 <= n; i++)
		u32_push(&x->tch, (uint32_t)hash_bytes(x->cbuf + i, 4, 7));
	u32_uniq(&x->tch);
	return put_span(x, x->tch.v, x->tch.n);
}

/*
 * The anchor of each value: the stem of the nearest content word among
 * the 3 tokens before it ("said Tuesday", "fell 2.2 percent"), which
 * tells the value's role in the sentence.
 */
static void
anchors(struct sim_index *x, const char *text, size_t v0)
{
	const struct tok *t;
	const char *low, *st;
	size_t v, k, back, n;

	for (v = v0; v < x->nvals; v++) {
		for (k = 0; k < x->toks.n && x->toks.v[k].start <
		    x->vals[v].start; k++)
			;
		for (back = 0; k > 0 && back < 3; back++) {
			t = &x->toks.v[--k];
			if (t->kind != TOK_WORD || x->isval[k])
				continue;
			low = lower_tok(x, text, t, &n);
			if (stem_stopword(low, n))
				continue;
			st = stem_word(x->st, text + t->start,
			    t->end - t->start, &n);
			x->vals[v].anchor = intern(x, st, n, 1);
			break;
		}
	}
}

/*
 * The hash of word token k (lower-cased form low[0..n)) for the latent
 * keys: of its stem when a word, else of its lower-cased form; kept in
 * x->whv too unless the token is a value.
 */
static void
word_hash(struct sim_index *x, const char *text, size_t k, const char *low,
    size_t n)
{
	const struct tok *t = &x->toks.v[k];
	uint64_t h;
	size_t sn;
	const char *st;

	if (t->kind == TOK_WORD) {
		st = stem_word(x->st, text + t->start, t->end - t->start, &sn);
		h = hash_bytes(st, sn, 0x6c6174);
	} else
		h = hash_bytes(low, n, 0x6c6174);
	if (x->wh.n == x->wh.cap)
		xgrow((void **)&x->wh.v, &x->wh.cap, x->wh.n + 1,
		    sizeof(*x->wh.v));
	x->wh.v[x->wh.n++] = h;
	if (x->isval[k])
		return;
	if (x->whv.n == x->whv.cap)
		xgrow((void **)&x->whv.v, &x->whv.cap, x->whv.n + 1,
		    sizeof(*x->whv.v));
	x->whv.v[x->whv.n++] = h;
}

/*
 * The latent vector of the words hashed to w[0..n): its number.  Kept
 * in 16 bits a component (half the memory of floats, an error under
 * 2e-5 on a unit vector's components).
 */
static uint32_t
latent_vector(struct sim_index *x, const uint64_t *w, size_t n)
{
	size_t dim = tfkld_dim(x->lat), d;
	float v[TFKLD_DIM];
	int16_t *q;

	x->ntk = 0;
	tfkld_keys(w, n, &x->tk, &x->ntk, &x->tkcap);
	if ((x->nlvec + 1) * dim > x->lveccap)
		xgrow((void **)&x->lvec, &x->lveccap, (x->nlvec + 1) * dim,
		    sizeof(*x->lvec));
	tfkld_vector(x->lat, x->tk, x->ntk, v);
	q = x->lvec + x->nlvec * dim;
	for (d = 0; d < dim; d++)
		q[d] = (int16_t)lrintf(v[d] * 32767);
	return (uint32_t)x->nlvec++;
}

/* The kept keys and the latent vectors of sentence s. */
static void
latent(struct sim_index *x, struct sent *s, int has_vals)
{
	if (x->keep_keys) {
		x->ntk = 0;
		tfkld_keys(x->wh.v, x->wh.n, &x->tk, &x->ntk, &x->tkcap);
		s->ko = (uint32_t)x->keys.n;
		s->kn = (uint32_t)x->ntk;
		if (x->keys.n + x->ntk > x->keys.cap)
			xgrow((void **)&x->keys.v, &x->keys.cap,
			    x->keys.n + x->ntk, sizeof(*x->keys.v));
		memcpy(x->keys.v + x->keys.n, x->tk,
		    x->ntk * sizeof(*x->tk));
		x->keys.n += x->ntk;
	}
	if (x->lat == NULL)
		return;
	s->lv = latent_vector(x, x->wh.v, x->wh.n);
	s->lvv = has_vals ? latent_vector(x, x->whv.v, x->whv.n) : s->lv;
}

/* The spans of sentence s with its values blanked or left out. */
static void
novalue_spans(struct sim_index *x, struct sent *s, const char *text)
{
	size_t k, n;

	s->wv.off = (uint32_t)x->pool.n;
	s->wv.n = s->w.n;
	for (k = 0, n = 0; k < x->toks.n; k++)
		if (x->toks.v[k].kind != TOK_PUNCT) {
			u32_push(&x->pool, x->isval[k] ? PLACEHOLDER :
			    x->pool.v[s->w.off + n]);
			n++;
		}
	s->chv = char_grams(x, text, 1);
	s->sv = put_span(x, x->tsv.v, x->tsv.n);
	put_all_grams(x, s->wv, s->sv, s->gv, &s->s2v);
	u32_uniq(&x->tcv);
	u32_uniq(&x->tnmv);
	s->cv = put_span(x, x->tcv.v, x->tcv.n);
	s->nmv = put_span(x, x->tnmv.v, x->tnmv.n);
}

size_t
sim_index_add(struct sim_index *x, const char *text, size_t len,
    const struct ent_list *ents, uint32_t group)
{
	struct sent *s;
	size_t k, n, v0 = x->nvals, nw;
	const char *low;

	if (x->n == x->cap)
		xgrow((void **)&x->s, &x->cap, x->n + 1, sizeof(*x->s));
	s = &x->s[x->n];
	memset(s, 0, sizeof(*s));
	s->group = group;
	tok_split(text, len, &x->toks);
	if (x->toks.n > x->isvalcap)
		xgrow((void **)&x->isval, &x->isvalcap, x->toks.n, 1);
	memset(x->isval, 0, x->toks.n);
	x->tc.n = x->tcv.n = x->tnm.n = x->tnmv.n = x->tnum.n = 0;
	x->tsq.n = x->tsv.n = 0;
	if (ents != NULL)
		ent_values(x, ents, len);
	else
		cue_values(x, text);
	for (k = v0; k < x->nvals; k++) {
		mark_value(x, x->vals[k].start, x->vals[k].end);
		if (x->vals[k].kind != SIM_PERSON)
			u32_push(&x->tnum, x->vals[k].key);
	}
	/* Words in order (novalue_spans() blanks the values). */
	for (k = 0, nw = 0; k < x->toks.n; k++)
		if (x->toks.v[k].kind != TOK_PUNCT)
			nw++;
	s->w.off = (uint32_t)x->pool.n;
	s->w.n = (uint32_t)nw;
	x->wh.n = x->whv.n = 0;
	for (k = 0; k < x->toks.n; k++) {
		if (x->toks.v[k].kind == TOK_PUNCT)
			continue;
		low = lower_tok(x, text, &x->toks.v[k], &n);
		u32_push(&x->pool, intern(x, low, n, 0));
		if (x->lat != NULL || x->keep_keys)
			word_hash(x, text, k, low, n);
		add_word(x, s, text, k, ents != NULL);
	}
	latent(x, s, x->nvals > v0);
	anchors(x, text, v0);
	u32_uniq(&x->tc);
	u32_uniq(&x->tnm);
	u32_uniq(&x->tnum);
	s->ch = char_grams(x, text, 0);
	s->sq = put_span(x, x->tsq.v, x->tsq.n);
	s->c = put_span(x, x->tc.v, x->tc.n);
	s->nm = put_span(x, x->tnm.v, x->tnm.n);
	put_all_grams(x, s->w, s->sq, s->g, &s->s2);
	if (x->nvals == v0) {
		/* No values: the spans without them are the same. */
		s->wv = s->w;
		s->chv = s->ch;
		s->sv = s->sq;
		s->cv = s->c;
		s->nmv = s->nm;
		memcpy(s->gv, s->g, sizeof(s->gv));
		s->s2v = s->s2;
	} else
		novalue_spans(x, s, text);
	s->num = put_span(x, x->tnum.v, x->tnum.n);
	/* Candidate keys: stems and names, merged. */
	for (k = 0; k < x->tnm.n; k++)
		u32_push(&x->tc, x->tnm.v[k]);
	u32_uniq(&x->tc);
	s->keys = put_span(x, x->tc.v, x->tc.n);
	s->val = (uint32_t)v0;
	s->nval = (uint32_t)(x->nvals - v0);
	return x->n++;
}

void
sim_index_finish(struct sim_index *x)
{
	size_t nv = smap_count(x->voc), i, k;
	const uint32_t *c;
	uint32_t *fill;

	for (k = 0; k < nv; k++)
		x->df[k] = 0;
	for (i = 0; i < x->n; i++) {
		c = x->pool.v + x->s[i].keys.off;
		for (k = 0; k < x->s[i].keys.n; k++)
			x->df[c[k]]++;
	}
	for (k = 0; k < nv; k++)
		x->idf[k] = log(1.0 + (double)x->n / (x->df[k] + 1.0));
	free(x->poff);
	free(x->plist);
	x->poff = xcalloc(nv + 1, sizeof(*x->poff));
	for (k = 0; k < nv; k++)
		x->poff[k + 1] = x->poff[k] +
		    (x->df[k] >= 2 && x->df[k] <= SIM_MAXDF ? x->df[k] : 0);
	x->plist = xcalloc(x->poff[nv] + 1, sizeof(*x->plist));
	fill = xcalloc(nv + 1, sizeof(*fill));
	for (i = 0; i < x->n; i++) {
		c = x->pool.v + x->s[i].keys.off;
		for (k = 0; k < x->s[i].keys.n; k++)
			if (x->poff[c[k] + 1] > x->poff[c[k]])
				x->plist[x->poff[c[k]] + fill[c[k]]++] =
				    (uint32_t)i;
	}
	free(fill);
	free(x->acc);
	free(x->grp);
	free(x->npost);
	x->acc = xcalloc(x->n + 1, sizeof(*x->acc));
	/* What sim_candidates() reads of other sentences, packed. */
	x->grp = xcalloc(x->n + 1, sizeof(*x->grp));
	x->npost = xcalloc(x->n + 1, sizeof(*x->npost));
	for (i = 0; i < x->n; i++) {
		x->grp[i] = x->s[i].group;
		c = x->pool.v + x->s[i].keys.off;
		for (k = 0; k < x->s[i].keys.n; k++)
			x->npost[i] += x->poff[c[k] + 1] > x->poff[c[k]];
	}
}

/* Order candidates: more shared keys first, then by index. */
struct cand {
	uint32_t	j, shared;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->shared != y->shared)
		return x->shared > y->shared ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

/*
 * The first position in the sorted list l[lo..hi) holding a sentence
 * after i (hi when none): candidates are only ever later sentences.
 */
static size_t
after(const uint32_t *l, size_t lo, size_t hi, size_t i)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l[mid] <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
sim_candidates(struct sim_index *x, size_t i, size_t max, uint32_t **out,
    size_t *cap)
{
	const uint32_t *c = x->pool.v + x->s[i].keys.off;
	struct cand *cv;
	size_t k, n = 0, p;
	uint32_t j, need, ni = x->npost[i], nj, gi = x->grp[i];

	x->touched.n = 0;
	for (k = 0; k < x->s[i].keys.n; k++)
		for (p = after(x->plist, x->poff[c[k]], x->poff[c[k] + 1], i);
		    p < x->poff[c[k] + 1]; p++) {
			j = x->plist[p];
			if (x->grp[j] == gi)
				continue;
			if (x->acc[j]++ == 0)
				u32_push(&x->touched, j);
		}
	cv = xcalloc(x->touched.n + 1, sizeof(*cv));
	for (k = 0; k < x->touched.n; k++) {
		j = x->touched.v[k];
		nj = x->npost[j];
		need = ni <= 2 || nj <= 2 ? 1 : 2;
		if (x->acc[j] >= need) {
			cv[n].j = j;
			cv[n++].shared = x->acc[j];
		}
		x->acc[j] = 0;
	}
	qsort(cv, n, sizeof(*cv), cand_cmp);
	if (n > max)
		n = max;
	if (n > *cap)
		xgrow((void **)out, cap, n, sizeof(**out));
	for (k = 0; k < n; k++)
		(*out)[k] = cv[k].j;
	free(cv);
	return n;
}

/* ---- features ---- */

/* Size of the intersection of sorted sets a and b. */
static size_t
inter(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j])
			n++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return n;
}

static int
member(uint32_t v, const uint32_t *a, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a[mid] == v)
			return 1;
		if (a[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static double
dice(double shared2, double total)
{
	return total > 0 ? shared2 / total : 0;
}

/* Most synonym sets of one sentence's stems looked up as one sorted list. */
#define SYNMAX	4096

/*
 * Match the stems a[0..na) in b[0..nb): *matched gets how many are in b,
 * exactly or through a synonym set one of b's stems is in, and the
 * return value is the IDF mass of the others.  The sets of b are
 * gathered once, so a pair costs (na + nb) log rather than na * nb set
 * merges; past SYNMAX sets, stem against stem.
 */
static double
syn_match(const struct sim_index *x, const uint32_t *a, size_t na,
    const uint32_t *b, size_t nb, size_t *matched)
{
	const struct sim_lex *lex = x->lex;
	uint32_t gb[SYNMAX], g, o, oe;
	size_t i, j, k, ng = 0;
	int all = lex != NULL;
	double m = 0;

	for (j = 0; j < nb && all; j++) {
		if (x->lexid[b[j]] < 0)
			continue;
		o = lex->off[x->lexid[b[j]]], oe = lex->off[x->lexid[b[j]] + 1];
		if (ng + (oe - o) > SYNMAX) {
			all = 0;
			break;
		}
		for (; o < oe; o++) {	/* insertion, kept sorted */
			g = lex->grp[o];
			for (k = ng++; k > 0 && gb[k - 1] > g; k--)
				gb[k] = gb[k - 1];
			gb[k] = g;
		}
	}
	*matched = 0;
	for (i = 0; i < na; i++) {
		int hit = member(a[i], b, nb);

		if (!hit && lex != NULL && x->lexid[a[i]] >= 0) {
			o = lex->off[x->lexid[a[i]]];
			oe = lex->off[x->lexid[a[i]] + 1];
			for (; o < oe && !hit; o++)
				hit = all ? member(lex->grp[o], gb, ng) : 0;
			for (j = 0; j < nb && !hit && !all; j++)
				hit = lex_share(lex, x->lexid[a[i]],
				    x->lexid[b[j]]);
		}
		if (hit)
			(*matched)++;
		else
			m += x->idf[a[i]];
	}
	return m;
}

/*
 * Dice over two spans of sorted hashes (n-grams, repeats kept, or
 * character 4-grams); cover, when not NULL, gets the shared share of
 * each (min, max).
 */
static double
gram_stats(const struct sim_index *x, const struct span *a,
    const struct span *b, double *cover)
{
	const uint32_t *ha = x->pool.v + a->off, *hb = x->pool.v + b->off;
	size_t i = 0, j = 0, s = 0, ma = a->n, mb = b->n;

	while (i < ma && j < mb) {
		if (ha[i] == hb[j])
			s++, i++, j++;
		else if (ha[i] < hb[j])
			i++;
		else
			j++;
	}
	if (cover != NULL) {
		double ca = ma ? (double)s / ma : 0, cb = mb ? (double)s / mb : 0;

		cover[0] = fmin(ca, cb);
		cover[1] = fmax(ca, cb);
	}
	return dice(2.0 * s, (double)(ma + mb));
}

static size_t
lcs(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	uint16_t row[SEQMAX + 1];
	size_t i, j;
	uint16_t diag, up;

	memset(row, 0, sizeof(row));
	for (i = 0; i < na; i++) {
		diag = 0;
		for (j = 0; j < nb; j++) {
			up = row[j + 1];
			if (a[i] == b[j])
				row[j + 1] = diag + 1;
			else if (row[j] > row[j + 1])
				row[j + 1] = row[j];
			diag = up;
		}
	}
	return row[nb];
}

/* f[5], idf_cover_max, is what sim_containment() returns. */
static void
features(const struct sim_index *x, size_t i, size_t j, double *f,
    int novals)
{
	const struct sent *a = &x->s[i], *b = &x->s[j];
	const struct span *ca = novals ? &a->cv : &a->c;
	const struct span *cb = novals ? &b->cv : &b->c;
	const struct span *na = novals ? &a->nmv : &a->nm;
	const struct span *nb = novals ? &b->nmv : &b->nm;
	const uint32_t *pa = x->pool.v + ca->off, *pb = x->pool.v + cb->off;
	const uint32_t *wa = x->pool.v + (novals ? a->wv.off : a->w.off);
	const uint32_t *wb = x->pool.v + (novals ? b->wv.off : b->w.off);
	size_t lwa = a->w.n < SEQMAX ? a->w.n : SEQMAX;
	size_t lwb = b->w.n < SEQMAX ? b->w.n : SEQMAX;
	size_t sh, k, ma, mb, nnum_a, nnum_b, shn, l;
	double ia = 0, ib = 0, is = 0, ua, ub, uma, umb;

	memset(f, 0, SIM_NFEAT * sizeof(*f));
	sh = inter(pa, ca->n, pb, cb->n);
	f[0] = dice(2.0 * sh, ca->n + cb->n);
	f[1] = ca->n && cb->n ? (double)sh / (ca->n > cb->n ? ca->n : cb->n) : 0;
	f[2] = ca->n && cb->n ? (double)sh / (ca->n < cb->n ? ca->n : cb->n) : 0;
	for (k = 0; k < ca->n; k++) {
		ia += x->idf[pa[k]];
		if (member(pa[k], pb, cb->n))
			is += x->idf[pa[k]];
	}
	for (k = 0; k < cb->n; k++)
		ib += x->idf[pb[k]];
	f[3] = dice(2 * is, ia + ib);
	f[4] = ia > 0 && ib > 0 ? is / (ia > ib ? ia : ib) : 0;
	f[5] = ia > 0 && ib > 0 ? is / (ia < ib ? ia : ib) : 0;
	uma = syn_match(x, pa, ca->n, pb, cb->n, &ma);
	umb = syn_match(x, pb, cb->n, pa, ca->n, &mb);
	f[6] = dice((double)(ma + mb), ca->n + cb->n);
	ua = ca->n ? (double)ma / ca->n : 0;
	ub = cb->n ? (double)mb / cb->n : 0;
	f[7] = ua < ub ? ua : ub;
	f[8] = ua > ub ? ua : ub;
	for (k = 0; k < 4; k++)
		f[9 + k] = gram_stats(x, novals ? &a->gv[k] : &a->g[k],
		    novals ? &b->gv[k] : &b->g[k], k < 3 ? f + 32 + 2 * k : NULL);
	f[13] = gram_stats(x, novals ? &a->s2v : &a->s2,
	    novals ? &b->s2v : &b->s2, NULL);
	l = lcs(wa, lwa, wb, lwb);
	f[14] = lwa || lwb ? (double)l / (lwa > lwb ? lwa : lwb) : 0;
	f[15] = lwa && lwb ? (double)l / (lwa < lwb ? lwa : lwb) : 0;
	f[16] = lwa || lwb ? fabs((double)lwa - lwb) /
	    (lwa > lwb ? lwa : lwb) : 0;
	f[17] = fmin(1.0, (lwa < lwb ? lwa : lwb) / 50.0);
	ua = fmin(10.0, (double)(ca->n - ma)) / 10;
	ub = fmin(10.0, (double)(cb->n - mb)) / 10;
	f[18] = fmin(ua, ub);
	f[19] = fmax(ua, ub);
	nnum_a = novals ? 0 : a->num.n;
	nnum_b = novals ? 0 : b->num.n;
	shn = inter(x->pool.v + a->num.off, nnum_a, x->pool.v + b->num.off,
	    nnum_b);
	if (nnum_a == 0 && nnum_b == 0)
		f[20] = 1;
	else if (shn == nnum_a && shn == nnum_b)
		f[21] = 1;
	else if (nnum_a == 0 || nnum_b == 0)
		f[23] = 1;
	else if (shn == nnum_a || shn == nnum_b)
		f[22] = 1;
	else
		f[24] = 1;
	f[25] = dice(2.0 * shn, (double)(nnum_a + nnum_b));
	sh = inter(x->pool.v + na->off, na->n, x->pool.v + nb->off, nb->n);
	f[26] = na->n == 0 && nb->n == 0;
	f[27] = dice(2.0 * sh, na->n + nb->n);
	f[28] = fmin(5.0, (double)(na->n + nb->n - 2 * sh)) / 5;
	f[29] = (a->neg > 0) != (b->neg > 0);
	f[30] = f[3] * f[3];
	f[31] = f[7] * f[14];
	f[38] = gram_stats(x, novals ? &a->chv : &a->ch,
	    novals ? &b->chv : &b->ch, f + 39);
	f[43] = f[38] * f[38];
	ua = uma;
	ub = umb;
	f[41] = fmin(20.0, fmin(ua, ub)) / 20;
	f[42] = fmin(20.0, fmax(ua, ub)) / 20;
}

size_t
sim_shared(const struct sim_index *x, size_t i, size_t j)
{
	const struct sent *a = &x->s[i], *b = &x->s[j];

	return inter(x->pool.v + a->cv.off, a->cv.n, x->pool.v + b->cv.off,
	    b->cv.n);
}

double
sim_containment(const struct sim_index *x, size_t i, size_t j)
{
	double f[SIM_NFEAT];

	features(x, i, j, f, 1);
	return f[5];
}

void
sim_latent_pair(const float *a, const float *b, size_t dim, double *f)
{
	double g[TFKLD_NPAIR];
	size_t d;

	memset(f + SIM_NBASE, 0, TFKLD_NPAIR * sizeof(*f));
	tfkld_pair(a, b, dim, g);
	for (d = 0; d < dim; d++) {
		f[SIM_NBASE + d] = g[d];
		f[SIM_NBASE + TFKLD_DIM + d] = g[dim + d];
	}
	f[SIM_NBASE + 2 * TFKLD_DIM] = g[2 * dim];
}

/* The latent pair features into f[SIM_NBASE..SIM_NFEAT). */
static void
latent_features(const struct sim_index *x, size_t i, size_t j, double *f,
    int novals)
{
	float a[TFKLD_DIM], b[TFKLD_DIM];
	const int16_t *qa, *qb;
	size_t dim, d;

	if (x->lat == NULL) {
		memset(f + SIM_NBASE, 0, TFKLD_NPAIR * sizeof(*f));
		return;
	}
	dim = tfkld_dim(x->lat);
	qa = x->lvec + (size_t)(novals ? x->s[i].lvv : x->s[i].lv) * dim;
	qb = x->lvec + (size_t)(novals ? x->s[j].lvv : x->s[j].lv) * dim;
	for (d = 0; d < dim; d++) {
		a[d] = qa[d] / 32767.0f;
		b[d] = qb[d] / 32767.0f;
	}
	sim_latent_pair(a, b, dim, f);
}

void
sim_features(const struct sim_index *x, size_t i, size_t j, double *f)
{
	features(x, i, j, f, 0);
	latent_features(x, i, j, f, 0);
}

void
sim_features_novalues(const struct sim_index *x, size_t i, size_t j,
    double *f)
{
	features(x, i, j, f, 1);
	latent_features(x, i, j, f, 1);
}
