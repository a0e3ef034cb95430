/*
 * ner.c: features, greedy decoding and the model file of the entity
 * tagger (see ner.h).  A feature is a 64-bit hash of a template number and
 * a value (a token hash, a small code or a pair of them); its bucket is the
 * hash's top bits.  Training (bench/ner-train.c) calls the same feature
 * functions, so the two cannot drift apart.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "hash.h"
#include "ner.h"
#include "tok.h"
#include "utf8.h"
#include "xalloc.h"

#define MAGIC	"crossread-ner 1"
#define K	0x9e3779b97f4a7c15ULL

struct ner_model {
	unsigned	 bits;
	float		 scale[2];
	int8_t		*w[2];		/* 2^bits * NER_NLABEL each */
};

/* Per distinct word of a document: what the first pass made of it. */
struct ner_dstat {
	uint64_t	h;		/* hlw; 0: empty slot */
	uint16_t	type[NER_NTYPE + 1];	/* O, then each type */
	uint16_t	last[NER_NTYPE];	/* last word of a longer entity */
	uint16_t	first[NER_NTYPE];	/* first word of one */
	uint16_t	lowerseen;	/* occurrences in lower case */
};

static const char *const label_names[NER_NLABEL] = {
	"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC",
	"B-MISC", "I-MISC"
};

const char *
ner_type_name(int type)
{
	return type >= 0 && type < NER_NTYPE ?
	    label_names[NER_B(type)] + 2 : "?";
}

const char *
ner_label_name(int label)
{
	return label >= 0 && label < NER_NLABEL ? label_names[label] : "?";
}

int
ner_label_parse(const char *s, size_t n)
{
	int i;

	for (i = 0; i < NER_NLABEL; i++)
		if (strlen(label_names[i]) == n &&
		    memcmp(label_names[i], s, n) == 0)
			return i;
	return -1;
}

static inline uint64_t
feat(unsigned tid, uint64_t v)
{
	return hash_mix(v ^ ((uint64_t)tid << 56) ^ K);
}

static inline uint64_t
pair(uint64_t a, uint64_t b)
{
	return a * K + b;
}

void
ner_doc_clear(struct ner_doc *d)
{
	d->n = 0;
	d->nsent = 0;
}

void
ner_doc_free(struct ner_doc *d)
{
	free(d->t);
	free(d->sent);
	free(d->lab);
	free(d->lab1);
	free(d->feat);
	free(d->nfeat);
	free(d->lbuf);
	free(d->dstat);
	memset(d, 0, sizeof(*d));
}

void
ner_doc_sentence(struct ner_doc *d)
{
	xgrow((void **)&d->sent, &d->sentcap, d->nsent + 1, sizeof(*d->sent));
	d->sent[d->nsent++] = d->n;
}

void
ner_doc_token(struct ner_doc *d, const char *s, size_t len)
{
	struct ner_tok *t;

	if (d->nsent == 0)
		ner_doc_sentence(d);
	xgrow((void **)&d->t, &d->cap, d->n + 1, sizeof(*d->t));
	t = &d->t[d->n++];
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
}

/* Shape class of a character: X x d, ASCII punctuation as is, else o. */
static char
shape_class(int32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 'X';
	if (cp >= 'a' && cp <= 'z')
		return 'x';
	if (cp >= '0' && cp <= '9')
		return 'd';
	if (cp > ' ' && cp < 0x7f)
		return (char)cp;
	if (utf8_isupper(cp))
		return 'X';
	if (utf8_islower(cp) || utf8_isalpha(cp))
		return 'x';
	if (utf8_isdigit(cp))
		return 'd';
	return 'o';
}

/* Hashes, case flags and shape of one token. */
static void
tok_info(struct ner_tok *t)
{
	char shape[16];
	size_t i = 0, n, ns = 0;
	int32_t cp;
	int upper = 0, lower = 0;
	char c;

	while (i < t->len) {
		n = utf8_decode(t->s + i, t->len - i, &cp);
		c = shape_class(cp);
		if (i == 0)
			t->cap = c == 'X';
		upper += c == 'X';
		lower += c == 'x';
		if ((ns == 0 || shape[ns - 1] != c) && ns < sizeof(shape))
			shape[ns++] = c;
		i += n;
	}
	t->lower = lower > 0 && upper == 0;
	t->hw = hash_bytes(t->s, t->len, 3);
	t->hlw = nergaz_word(t->s, t->len);
	t->hshape = hash_bytes(shape, ns, 5);
}

/* How much of a sentence is numbers: 0 none, 1 some, 2 a third, 3 half. */
static int
num_class(const struct ner_tok *t, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += t[i].len > 0 && t[i].s[0] >= '0' && t[i].s[0] <= '9';
	return k == 0 ? 0 : k * 2 >= n ? 3 : k * 3 >= n ? 2 : 1;
}

static int
allcaps_sentence(const struct ner_tok *t, size_t n)
{
	size_t i, words = 0;

	for (i = 0; i < n; i++) {
		if (t[i].lower)
			return 0;
		words += t[i].cap;
	}
	return words >= 2;
}

/* Prefix and suffix features of the lower-case word. */
static size_t
affixes(struct ner_doc *d, const struct ner_tok *t, uint64_t *out)
{
	size_t n = 0, ln, k;

	if (t->len > 64)
		return 0;
	xgrow((void **)&d->lbuf, &d->lbufcap, 2 * (size_t)t->len + 4, 1);
	ln = tok_lower(t->s, t->len, d->lbuf);
	for (k = 1; k <= 4 && k < ln; k++) {
		out[n++] = feat(5 + k, hash_bytes(d->lbuf, k, 11));
		out[n++] = feat(9 + k, hash_bytes(d->lbuf + ln - k, k, 13));
	}
	return n;
}

#define AT(i, field, none) \
	((i) < sb || (i) >= se ? (uint64_t)(none) : d->t[(i)].field)

/*
 * Static features of token i of the sentence [sb, se); caps is 1 for an
 * all-capitals sentence, plus num_class() << 1.
 */
static size_t
static_feats(struct ner_doc *d, size_t sb, size_t se, size_t i, int caps,
    uint64_t *out)
{
	const struct ner_tok *t = &d->t[i];
	uint64_t lwm1 = AT(i - 1, hlw, 1), lwp1 = AT(i + 1, hlw, 2);
	uint64_t shm1 = AT(i - 1, hshape, 1), shp1 = AT(i + 1, hshape, 2);
	size_t n = 0;
	unsigned b;
	int nextnum;

	out[n++] = feat(1, 0);
	out[n++] = feat(2, t->hw);
	out[n++] = feat(3, t->hlw);
	out[n++] = feat(4, t->hshape);
	n += affixes(d, t, out + n);
	out[n++] = feat(20, lwm1);
	out[n++] = feat(21, lwp1);
	out[n++] = feat(22, AT(i - 2, hlw, 1));
	out[n++] = feat(23, AT(i + 2, hlw, 2));
	out[n++] = feat(24, shm1);
	out[n++] = feat(25, shp1);
	out[n++] = feat(26, pair(lwm1, t->hlw));
	out[n++] = feat(27, pair(t->hlw, lwp1));
	out[n++] = feat(28, pair(pair(shm1, t->hshape), shp1));
	out[n++] = feat(29, (i == sb) * 4 + t->cap * 2 + (caps & 1));
	/* Tables of results: a name, then numbers. */
	nextnum = i + 1 < se && d->t[i + 1].s[0] >= '0' &&
	    d->t[i + 1].s[0] <= '9';
	out[n++] = feat(45, (caps >> 1) * 8 + t->cap * 4 + nextnum * 2 +
	    (i == sb));
	if (caps & 1)
		out[n++] = feat(30, t->hlw);
	if (i == sb)
		out[n++] = feat(31, t->hlw);
	out[n++] = feat(32, pair(t->hlw, shp1));
	out[n++] = feat(33, pair(lwm1, t->hshape));
	out[n++] = feat(34, (t->len > 8 ? 8 : t->len) * 2 + t->cap);
	for (b = 1; b < 256; b <<= 1) {
		if (t->gazb & b)
			out[n++] = feat(35, b);
		if (t->gazi & b)
			out[n++] = feat(36, b);
	}
	out[n++] = feat(37, AT(i - 1, gazb, 0) | AT(i - 1, gazi, 0) << 8);
	out[n++] = feat(38, AT(i + 1, gazb, 0) | AT(i + 1, gazi, 0) << 8);
	return n;
}

static void
grow_labels(struct ner_doc *d)
{
	if (d->labcap >= d->n)
		return;
	d->labcap = d->n + d->n / 2 + 16;
	d->lab = xreallocarray(d->lab, d->labcap, 1);
	d->lab1 = xreallocarray(d->lab1, d->labcap, 1);
	d->nfeat = xreallocarray(d->nfeat, d->labcap, 1);
	d->feat = xreallocarray(d->feat, d->labcap,
	    NER_MAXF * sizeof(*d->feat));
}

void
ner_prepare(const struct nergaz *g, struct ner_doc *d)
{
	uint64_t lw[4096];
	uint8_t b[4096], in[4096];
	size_t s, sb, se, i, k, m;
	int caps;

	grow_labels(d);
	for (i = 0; i < d->n; i++)
		tok_info(&d->t[i]);
	for (s = 0; s < d->nsent; s++) {
		sb = d->sent[s];
		se = s + 1 < d->nsent ? d->sent[s + 1] : d->n;
		/* Gazetteer marks in windows (a 1 MB sentence is fine). */
		for (k = sb; g != NULL && k < se; k += m) {
			m = se - k < 4096 ? se - k : 4096;
			for (i = 0; i < m; i++)
				lw[i] = d->t[k + i].hlw;
			nergaz_mark(g, lw, m, b, in);
			for (i = 0; i < m; i++) {
				d->t[k + i].gazb = b[i];
				d->t[k + i].gazi = in[i];
			}
		}
		caps = allcaps_sentence(d->t + sb, se - sb);
		caps |= num_class(d->t + sb, se - sb) << 1;
		for (i = sb; i < se; i++)
			d->nfeat[i] = (uint8_t)static_feats(d, sb, se, i, caps,
			    d->feat + i * NER_MAXF);
	}
}

size_t
ner_dynamic(const struct ner_doc *d, size_t i, int p1, int p2,
    uint64_t *out)
{
	out[0] = feat(40, p1);
	out[1] = feat(41, p1 * 16 + p2);
	out[2] = feat(42, pair(p1, d->t[i].hlw));
	out[3] = feat(43, pair(p1, d->t[i].hshape));
	return 4;
}

static struct ner_dstat *
dstat_find(const struct ner_doc *d, uint64_t h)
{
	size_t j = h & (d->dstatcap - 1);

	while (d->dstat[j].h != 0 && d->dstat[j].h != h)
		j = (j + 1) & (d->dstatcap - 1);
	return &d->dstat[j];
}

/* Record the entity [b, e) of type t in the statistics. */
static void
dstat_entity(struct ner_doc *d, size_t b, size_t e, int t)
{
	if (e - b < 2)
		return;
	dstat_find(d, d->t[e - 1].hlw)->last[t]++;
	dstat_find(d, d->t[b].hlw)->first[t]++;
}

void
ner_docstats(struct ner_doc *d, const uint8_t *lab)
{
	struct ner_dstat *st;
	size_t need = 64, i, b = 0;
	int cur = -1, t;

	while (need < d->n * 2)
		need *= 2;
	if (d->dstatcap < need) {
		free(d->dstat);
		d->dstat = xcalloc(need, sizeof(*d->dstat));
		d->dstatcap = need;
	} else
		memset(d->dstat, 0, d->dstatcap * sizeof(*d->dstat));
	for (i = 0; i < d->n; i++) {
		st = dstat_find(d, d->t[i].hlw);
		st->h = d->t[i].hlw;
		if (st->type[lab[i] == 0 ? 0 : 1 + NER_TYPE(lab[i])] < 65535)
			st->type[lab[i] == 0 ? 0 : 1 + NER_TYPE(lab[i])]++;
		st->lowerseen += d->t[i].lower && st->lowerseen < 65535;
		t = lab[i] == 0 ? -1 : NER_TYPE(lab[i]);
		if (cur >= 0 && (t != cur || NER_ISB(lab[i])))
			dstat_entity(d, b, i, cur);
		if (t >= 0 && (t != cur || NER_ISB(lab[i])))
			b = i;
		cur = t;
	}
	if (cur >= 0)
		dstat_entity(d, b, d->n, cur);
}

/* The type (1 + t) holding most of counts c[0..n), 0 for none. */
static int
argmax(const uint16_t *c, int n)
{
	int best = 0, k;
	unsigned bc = 0;

	for (k = 0; k < n; k++)
		if (c[k] > bc) {
			bc = c[k];
			best = k + 1;
		}
	return best;
}

size_t
ner_docfeats(const struct ner_doc *d, size_t i, uint64_t *out)
{
	const struct ner_dstat *st = dstat_find(d, d->t[i].hlw);
	size_t n = 0;
	int maj;

	maj = argmax(st->type + 1, NER_NTYPE);
	out[n++] = feat(50, maj * 4 + (st->type[0] > 0) * 2 +
	    d->t[i].cap);
	if (maj != 0)
		out[n++] = feat(51, pair(maj, d->lab1[i]));
	out[n++] = feat(52, argmax(st->last, NER_NTYPE));
	out[n++] = feat(53, argmax(st->first, NER_NTYPE));
	out[n++] = feat(54, (st->lowerseen > 0) * 2 + d->t[i].cap);
	out[n++] = feat(55, d->lab1[i]);
	out[n++] = feat(56, (i > 0 ? d->lab1[i - 1] : 15) * 16 +
	    (i + 1 < d->n ? d->lab1[i + 1] : 15));
	return n;
}

/* Add the weights of features f[0..n) to sc. */
static inline void
score(const struct ner_model *m, int pass, const uint64_t *f, size_t n,
    int32_t *sc)
{
	const int8_t *w;
	size_t j;
	int k;

	for (j = 0; j < n; j++) {
		w = m->w[pass] + (f[j] >> (64 - m->bits)) * NER_NLABEL;
		for (k = 0; k < NER_NLABEL; k++)
			sc[k] += w[k];
	}
}

/* Greedy decoding of one pass into out. */
static void
decode(const struct ner_model *m, int pass, struct ner_doc *d, uint8_t *out)
{
	uint64_t f[NER_MAXF];
	int32_t base[NER_NLABEL], sc[NER_NLABEL];
	size_t s, i, se, n;
	int p1, p2, k, best;

	for (s = 0; s < d->nsent; s++) {
		se = s + 1 < d->nsent ? d->sent[s + 1] : d->n;
		p1 = p2 = 0;
		for (i = d->sent[s]; i < se; i++) {
			memset(base, 0, sizeof(base));
			score(m, pass, d->feat + i * NER_MAXF, d->nfeat[i],
			    base);
			if (pass == 1) {
				n = ner_docfeats(d, i, f);
				score(m, pass, f, n, base);
			}
			memcpy(sc, base, sizeof(sc));
			n = ner_dynamic(d, i, p1, p2, f);
			score(m, pass, f, n, sc);
			best = 0;
			for (k = 1; k < NER_NLABEL; k++) {
				if (!NER_ISB(k) && (p1 == 0 ||
				    NER_TYPE(p1) != NER_TYPE(k)))
					continue;
				if (sc[k] > sc[best])
					best = k;
			}
			out[i] = (uint8_t)best;
			p2 = p1;
			p1 = best;
		}
	}
}

void
ner_tag_first(const struct ner_model *m, const struct nergaz *g,
    struct ner_doc *d)
{
	ner_prepare(g, d);
	decode(m, 0, d, d->lab1);
}

void
ner_tag(const struct ner_model *m, const struct nergaz *g,
    struct ner_doc *d)
{
	ner_prepare(g, d);
	decode(m, 0, d, d->lab1);
	ner_docstats(d, d->lab1);
	decode(m, 1, d, d->lab);
}

void
ner_spans(const uint8_t *lab, size_t n,
    void (*fn)(void *arg, size_t b, size_t e, int type), void *arg)
{
	size_t i, b = 0;
	int cur = -1, t;

	for (i = 0; i < n; i++) {
		t = lab[i] == 0 ? -1 : NER_TYPE(lab[i]);
		if (cur >= 0 && (t != cur || NER_ISB(lab[i])))
			fn(arg, b, i, cur);
		if (t >= 0 && (t != cur || NER_ISB(lab[i])))
			b = i;
		cur = t;
	}
	if (cur >= 0)
		fn(arg, b, n, cur);
}

struct ner_model *
ner_model_load(const char *path, char *err, size_t errlen)
{
	struct ner_model *m;
	char head[128], *nl;
	unsigned bits;
	size_t size, p;
	gzFile gz;
	int got;

	if ((gz = gzopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	gzbuffer(gz, 1 << 17);
	if (gzgets(gz, head, sizeof(head)) == NULL ||
	    (nl = strchr(head, '\n')) == NULL ||
	    strncmp(head, MAGIC " ", sizeof(MAGIC)) != 0) {
		snprintf(err, errlen, "%s: not a crossread-ner model", path);
		gzclose(gz);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	if (sscanf(head + sizeof(MAGIC), "%u %f %f", &bits, &m->scale[0],
	    &m->scale[1]) != 3 || bits < 8 || bits > 26) {
		snprintf(err, errlen, "%s: bad model header", path);
		gzclose(gz);
		free(m);
		return NULL;
	}
	m->bits = bits;
	size = ((size_t)1 << bits) * NER_NLABEL;
	for (p = 0; p < 2; p++) {
		m->w[p] = xmalloc(size);
		got = gzread(gz, m->w[p], (unsigned)size);
		if (got < 0 || (size_t)got != size) {
			snprintf(err, errlen, "%s: model cut short", path);
			gzclose(gz);
			ner_model_free(m);
			return NULL;
		}
	}
	gzclose(gz);
	return m;
}

void
ner_model_free(struct ner_model *m)
{
	if (m == NULL)
		return;
	free(m->w[0]);
	free(m->w[1]);
	free(m);
}

/* Quantise w[0..n) to bytes in q; return the scale. */
static float
quantise(const float *w, size_t n, int8_t *q)
{
	float mx = 0, scale;
	size_t i;
	long v;

	for (i = 0; i < n; i++)
		if (fabsf(w[i]) > mx)
			mx = fabsf(w[i]);
	scale = mx > 0 ? mx / 127 : 1;
	for (i = 0; i < n; i++) {
		v = lroundf(w[i] / scale);
		q[i] = (int8_t)(v > 127 ? 127 : v < -127 ? -127 : v);
	}
	return scale;
}

struct ner_model *
ner_model_new(unsigned bits, const float *w1, const float *w2)
{
	struct ner_model *m = xcalloc(1, sizeof(*m));
	size_t size = ((size_t)1 << bits) * NER_NLABEL;

	m->bits = bits;
	m->w[0] = xmalloc(size);
	m->w[1] = xcalloc(size, 1);
	m->scale[0] = quantise(w1, size, m->w[0]);
	m->scale[1] = w2 != NULL ? quantise(w2, size, m->w[1]) : 1;
	return m;
}

int
ner_model_save(const struct ner_model *m, const char *path, char *err,
    size_t errlen)
{
	size_t size = ((size_t)1 << m->bits) * NER_NLABEL;
	gzFile gz;
	int bad;

	if ((gz = gzopen(path, "wb9")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	bad = gzprintf(gz, "%s %u %.9g %.9g\n", MAGIC, m->bits, m->scale[0],
	    m->scale[1]) <= 0;
	bad = bad || gzwrite(gz, m->w[0], (unsigned)size) != (int)size;
	bad = bad || gzwrite(gz, m->w[1], (unsigned)size) != (int)size;
	bad = gzclose(gz) != Z_OK || bad;
	if (bad) {
		snprintf(err, errlen, "%s: write error", path);
		return -1;
	}
	return 0;
}
