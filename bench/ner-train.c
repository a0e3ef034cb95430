/*
 * ner-train: train the tag-entities model on a CoNLL-2003 corpus, or
 * evaluate a model on one the way conlleval does (exact spans).
 *
 *	ner-train [-b bits] [-c C] -o model gazetteer train.txt
 *	ner-train -e model [-n] gazetteer dev.txt
 *
 * The corpus is CoNLL format: one token a line (the first field the word,
 * the last the IOB2 or IOB1 tag, space- or TAB-separated), a blank line between sentences,
 * "-DOCSTART-" lines between documents.  Training (liblinear, L2-loss SVM,
 * dual; one-vs-rest over the nine labels) is deterministic:
 *  1. the first pass is trained on each half of the documents (even and
 *     odd positions) and tags the other half, so that the document
 *     features of the second pass are learned from first-pass output as
 *     noisy as at run time;
 *  2. the second pass is trained on every document with those features;
 *  3. the first pass is trained again on every document.
 * Previous-label features use the gold labels.  liblinear's weights are
 * then folded into 2^bits hash buckets and quantised (ner.h).  With -n
 * (for corpora without MISC, such as Universal NER) predicted MISC spans
 * are left out of the scores.
 *
 * A benchmark helper, not a crossread tool: `make model` and `make eval`.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linear.h>

#include "hash.h"
#include "ner.h"
#include "nergaz.h"
#include "xalloc.h"

struct opts {
	unsigned	 bits;
	double		 C;
	const char	*out;
	const char	*eval;
	int		 nomisc;
};

struct cdoc {
	struct ner_doc	 d;
	uint8_t		*gold;
};

struct corpus {
	char		*buf;
	struct cdoc	*v;
	size_t		 n, cap;
};

/* Feature hash -> dense liblinear index (1-based). */
struct fmap {
	uint64_t	*h;
	int		*id;
	size_t		 mask, n;
	uint64_t	*byid;		/* hash of id - 1 */
	size_t		 bycap;
};

static int
fmap_get(struct fmap *m, uint64_t h)
{
	size_t i, j, oldn;
	uint64_t *oh;
	int *oid;

	if ((m->n + 1) * 2 > m->mask + 1) {
		oh = m->h;
		oid = m->id;
		oldn = m->mask + 1;
		m->mask = oldn * 2 - 1;
		m->h = xcalloc(m->mask + 1, sizeof(*m->h));
		m->id = xcalloc(m->mask + 1, sizeof(*m->id));
		for (i = 0; i < oldn; i++) {
			if (oid[i] == 0)
				continue;
			for (j = oh[i] & m->mask; m->id[j] != 0;
			    j = (j + 1) & m->mask)
				;
			m->h[j] = oh[i];
			m->id[j] = oid[i];
		}
		free(oh);
		free(oid);
	}
	for (i = h & m->mask; m->id[i] != 0; i = (i + 1) & m->mask)
		if (m->h[i] == h)
			return m->id[i];
	m->h[i] = h;
	m->id[i] = (int)++m->n;
	xgrow((void **)&m->byid, &m->bycap, m->n, sizeof(*m->byid));
	m->byid[m->n - 1] = h;
	return m->id[i];
}

static void
fmap_free(struct fmap *m)
{
	free(m->h);
	free(m->id);
	free(m->byid);
}

/* The last space- or TAB-separated field of the line s. */
static const char *
last_field(const char *s)
{
	const char *p = s + strlen(s);

	while (p > s && p[-1] != ' ' && p[-1] != '\t')
		p--;
	return p;
}

static void
read_corpus(const char *path, const struct nergaz *g, struct corpus *c)
{
	FILE *fp;
	size_t len = 0, cap = 0, got, lineno = 0;
	char *p, *nl, *sp, *end;
	struct cdoc *cd = NULL;
	int lab, newsent = 1;
	size_t gcap = 0;

	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	do {
		xgrow((void **)&c->buf, &cap, len + (1 << 20), 1);
		got = fread(c->buf + len, 1, cap - len - 1, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	c->buf[len] = '\0';
	for (p = c->buf, end = c->buf + len; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		*nl = '\0';
		if (strncmp(p, "-DOCSTART-", 10) == 0 || cd == NULL) {
			xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v));
			cd = &c->v[c->n++];
			memset(cd, 0, sizeof(*cd));
			gcap = 0;
			newsent = 1;
			if (strncmp(p, "-DOCSTART-", 10) == 0)
				continue;
		}
		if (*p == '\0') {
			newsent = 1;
			continue;
		}
		if ((sp = p + strcspn(p, " \t")) == nl ||
		    (lab = ner_label_parse(last_field(p),
		    strlen(last_field(p)))) < 0)
			errx(1, "%s:%zu: not a CoNLL token line", path, lineno);
		if (newsent)
			ner_doc_sentence(&cd->d);
		newsent = 0;
		/* IOB1 to IOB2: an I-X that does not continue an X. */
		if (lab != 0 && !NER_ISB(lab) && (cd->d.n == 0 ||
		    cd->d.sent[cd->d.nsent - 1] == cd->d.n ||
		    cd->gold[cd->d.n - 1] == 0 ||
		    NER_TYPE(cd->gold[cd->d.n - 1]) != NER_TYPE(lab)))
			lab = NER_B(NER_TYPE(lab));
		ner_doc_token(&cd->d, p, sp - p);
		xgrow((void **)&cd->gold, &gcap, cd->d.n, 1);
		cd->gold[cd->d.n - 1] = (uint8_t)lab;
	}
	for (size_t i = 0; i < c->n; i++)
		ner_prepare(g, &c->v[i].d);
}

static int
cmp_node(const void *a, const void *b)
{
	const struct feature_node *x = a, *y = b;

	return (x->index > y->index) - (x->index < y->index);
}

/* Sorted, merged feature nodes of f[0..n), ended by index -1. */
static struct feature_node *
nodes(struct fmap *m, const uint64_t *f, size_t n)
{
	struct feature_node *x = xcalloc(n + 1, sizeof(*x));
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		x[i].index = fmap_get(m, f[i]);
		x[i].value = 1;
	}
	qsort(x, n, sizeof(*x), cmp_node);
	for (i = 0; i < n; i++) {
		if (k > 0 && x[k - 1].index == x[i].index)
			x[k - 1].value += 1;
		else
			x[k++] = x[i];
	}
	x[k].index = -1;
	return x;
}

static void
quiet(const char *s)
{
	(void)s;
}

/*
 * Train one pass on the documents with (i % mod) != skip (mod 0: all);
 * pass 1 adds the document features.  Returns the bucket table.
 */
static float *
train_pass(const struct opts *o, struct corpus *c, int pass, size_t mod,
    size_t skip)
{
	struct fmap m = { 0 };
	struct problem prob = { 0 };
	struct parameter par = { 0 };
	struct model *mod_;
	uint64_t f[3 * NER_MAXF];
	size_t i, t, n, cap = 0, nb = (size_t)1 << o->bits;
	float *w;
	int k, j, p1 = 0, p2 = 0;
	const char *e;

	m.mask = (1 << 20) - 1;
	m.h = xcalloc(m.mask + 1, sizeof(*m.h));
	m.id = xcalloc(m.mask + 1, sizeof(*m.id));
	for (i = 0; i < c->n; i++) {
		struct ner_doc *d = &c->v[i].d;
		const uint8_t *gold = c->v[i].gold;
		size_t s = 0;

		if (mod != 0 && i % mod == skip)
			continue;
		for (t = 0; t < d->n; t++) {
			if (s < d->nsent && d->sent[s] == t) {
				s++;
				p1 = p2 = 0;
			}
			n = d->nfeat[t];
			memcpy(f, d->feat + t * NER_MAXF, n * sizeof(*f));
			if (pass == 1)
				n += ner_docfeats(d, t, f + n);
			n += ner_dynamic(d, t, p1, p2, f + n);
			xgrow((void **)&prob.x, &cap, prob.l + 1,
			    sizeof(*prob.x));
			prob.y = xreallocarray(prob.y, cap, sizeof(*prob.y));
			prob.x[prob.l] = nodes(&m, f, n);
			prob.y[prob.l++] = gold[t];
			p2 = p1;
			p1 = gold[t];
		}
	}
	prob.n = (int)m.n;
	prob.bias = -1;
	par.solver_type = L2R_L2LOSS_SVC_DUAL;
	par.C = o->C;
	par.eps = 0.1;
	if ((e = check_parameter(&prob, &par)) != NULL)
		errx(1, "liblinear: %s", e);
	set_print_string_function(quiet);
	mod_ = train(&prob, &par);
	fprintf(stderr, "ner-train: pass %d: %d tokens, %d features\n",
	    pass + 1, prob.l, prob.n);
	w = xcalloc(nb * NER_NLABEL, sizeof(*w));
	for (j = 0; j < prob.n; j++)
		for (k = 0; k < mod_->nr_class; k++)
			w[(m.byid[j] >> (64 - o->bits)) * NER_NLABEL +
			    mod_->label[k]] +=
			    (float)mod_->w[(size_t)j * mod_->nr_class + k];
	free_and_destroy_model(&mod_);
	for (i = 0; i < (size_t)prob.l; i++)
		free(prob.x[i]);
	free(prob.x);
	free(prob.y);
	fmap_free(&m);
	return w;
}

/* Tag the documents (i % 2) == half with a first pass trained on the rest. */
static void
jackknife(const struct opts *o, struct corpus *c, const struct nergaz *g,
    size_t half)
{
	float *w = train_pass(o, c, 0, 2, half);
	struct ner_model *m = ner_model_new(o->bits, w, NULL);
	size_t i;

	for (i = half; i < c->n; i += 2) {
		ner_tag_first(m, g, &c->v[i].d);
		ner_docstats(&c->v[i].d, c->v[i].d.lab1);
	}
	ner_model_free(m);
	free(w);
}

static void
do_train(const struct opts *o, struct corpus *c, const struct nergaz *g)
{
	struct ner_model *m;
	float *w1, *w2;
	char e[256];

	jackknife(o, c, g, 0);
	jackknife(o, c, g, 1);
	w2 = train_pass(o, c, 1, 0, 0);
	w1 = train_pass(o, c, 0, 0, 0);
	m = ner_model_new(o->bits, w1, w2);
	if (ner_model_save(m, o->out, e, sizeof(e)) == -1)
		errx(1, "%s", e);
	ner_model_free(m);
	free(w1);
	free(w2);
}

struct span {
	size_t		 b, e;
	int		 type;
};

struct spans {
	struct span	*v;
	size_t		 n, cap;
};

static void
add_span(void *arg, size_t b, size_t e, int type)
{
	struct spans *s = arg;

	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n].b = b;
	s->v[s->n].e = e;
	s->v[s->n++].type = type;
}

static void
report(const char *name, size_t tp, size_t np, size_t ng)
{
	double p = np ? 100.0 * tp / np : 0, r = ng ? 100.0 * tp / ng : 0;

	printf("%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %zu\n",
	    name, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, np);
}

static void
do_eval(const struct opts *o, struct corpus *c, const struct nergaz *g)
{
	struct ner_model *m;
	struct spans gs = { 0 }, ps = { 0 };
	size_t tp[NER_NTYPE] = { 0 }, np[NER_NTYPE] = { 0 };
	size_t ng[NER_NTYPE] = { 0 }, i, j, k, ntok = 0, ok = 0;
	size_t TP = 0, NP = 0, NG = 0;
	char e[256];
	int t;

	if ((m = ner_model_load(o->eval, e, sizeof(e))) == NULL)
		errx(1, "%s", e);
	for (i = 0; i < c->n; i++) {
		struct ner_doc *d = &c->v[i].d;

		ner_tag(m, g, d);
		gs.n = ps.n = 0;
		ner_spans(c->v[i].gold, d->n, add_span, &gs);
		ner_spans(d->lab, d->n, add_span, &ps);
		for (j = 0; j < d->n; j++)
			ok += d->lab[j] == c->v[i].gold[j];
		ntok += d->n;
		for (j = 0; j < gs.n; j++)
			ng[gs.v[j].type]++;
		for (j = 0, k = 0; j < ps.n; j++) {
			if (o->nomisc && ps.v[j].type == NER_MISC)
				continue;
			np[ps.v[j].type]++;
			while (k < gs.n && gs.v[k].b < ps.v[j].b)
				k++;
			if (k < gs.n && gs.v[k].b == ps.v[j].b &&
			    gs.v[k].e == ps.v[j].e &&
			    gs.v[k].type == ps.v[j].type)
				tp[ps.v[j].type]++;
		}
	}
	for (t = 0; t < NER_NTYPE; t++) {
		TP += tp[t];
		NP += np[t];
		NG += ng[t];
	}
	printf("processed %zu tokens with %zu phrases; found: %zu phrases; "
	    "correct: %zu.\n", ntok, NG, NP, TP);
	printf("accuracy: %6.2f%%; ", 100.0 * ok / ntok);
	report("overall", TP, NP, NG);
	for (t = 0; t < NER_NTYPE; t++)
		report(ner_type_name(t), tp[t], np[t], ng[t]);
	free(gs.v);
	free(ps.v);
	ner_model_free(m);
}

static void
usage(void)
{
	fprintf(stderr, "usage: ner-train [-b bits] [-c C] -o model "
	    "gazetteer corpus\n       ner-train -e model [-n] gazetteer "
	    "corpus\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .bits = 20, .C = 0.1 };
	struct corpus c = { 0 };
	struct nergaz *g;
	const char *errstr;
	char e[256];
	size_t i;
	int ch;

	while ((ch = getopt(argc, argv, "b:c:e:no:")) != -1) {
		switch (ch) {
		case 'b':
			o.bits = strtonum(optarg, 12, 24, &errstr);
			if (errstr != NULL)
				errx(2, "-b: %s: %s", optarg, errstr);
			break;
		case 'c':
			o.C = strtod(optarg, NULL);
			if (!(o.C > 0))
				errx(2, "-c: %s: not positive", optarg);
			break;
		case 'e':
			o.eval = optarg;
			break;
		case 'n':
			o.nomisc = 1;
			break;
		case 'o':
			o.out = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2 || (o.out == NULL) == (o.eval == NULL))
		usage();
	if ((g = nergaz_load(argv[0], e, sizeof(e))) == NULL)
		errx(1, "%s", e);
	read_corpus(argv[1], g, &c);
	if (o.eval != NULL)
		do_eval(&o, &c, g);
	else
		do_train(&o, &c, g);
	for (i = 0; i < c.n; i++) {
		ner_doc_free(&c.v[i].d);
		free(c.v[i].gold);
	}
	free(c.v);
	free(c.buf);
	nergaz_free(g);
	return 0;
}
