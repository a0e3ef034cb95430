/*
 * para-train: learn the pair model of align-claims from the Microsoft
 * Research Paraphrase Corpus training file, with liblinear.
 *
 *	para-train [-AB] [-D split] [-d dims] [-f folds] [-L latent.out]
 *	    [-l synonyms] [-m mindf] [-s prefix] msrp_train.txt model.out
 *
 * The file is MSRP's TSV (header, then Quality, #1 ID, #2 ID, #1 String,
 * #2 String).  Pairs are numbered from 0 in file order; those numbered
 * -D split mod 5 (0 to 4, default 4) are the dev split and left out here,
 * so that bench/eval-align.sh can measure on them; -A leaves nothing out
 * (the shipped model: every pair is trained on, none is measured).  The
 * pairs not left out are the train split: their sentences form one
 * sim_index (document frequencies over the train sentences, as
 * align-claims --score-pairs computes them over its input), and each pair
 * gives the SIM_NBASE lexical features of common/sim.h.
 *
 * With -L latent.out, a TF-KLD latent model (common/tfkld.h: features in
 * at least -m mindf train sentences, default 2; -d dims dimensions, at
 * most and by default TFKLD_DIM) is fitted on the whole train split and
 * written to latent.out, and the pairs get the latent features too.
 * Those of the train pairs are cross-fitted: the pairs of fold f (t % k)
 * take theirs from a latent model fitted on the other folds and rotated
 * onto the full one (tfkld_align), because the TF-KLD weights use the
 * labels and a pair that saw its own label in them is easier than any new
 * pair (in-sample: 5-fold accuracy 0.83, dev 0.70).  -B leaves the
 * lexical features out (to measure the latent ones alone).
 *
 * Then, all deterministic: for C in 2^-8 .. 2^6, an L2-regularised
 * logistic regression (liblinear L2R_LR) over the features and the
 * lexical ones' pairwise products (sim_expand) is scored by k-fold cross-
 * validation on the train split (pair t of the split in fold t % k); the
 * C with the best out-of-fold accuracy wins.  Its out-of-fold
 * probabilities choose the decision threshold (the one of best accuracy,
 * ties to the lower) and the partial threshold (95% of the paraphrase
 * pairs score at or above it); their accuracy and F1 are printed.  The
 * model is then fitted on the whole train split and written in
 * sim_model_write()'s format.
 *
 * With -s prefix, the SIM_NFEAT features of the train split (latent ones
 * cross-fitted, as the model sees them) and of the dev split are also
 * written to prefix.train and prefix.dev in the libsvm/liblinear text
 * format ("label index:value ...", label 1 or -1, indices from 1, pairs
 * in file order), for trying other learners on the same features
 * (svm-train, liblinear-train, xgboost) without touching the model.
 *
 * A benchmark helper linked with libcrossread; not installed.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linear.h>

#include "data.h"
#include "sim.h"
#include "stem.h"
#include "tfkld.h"
#include "xalloc.h"

struct pairs {
	int		*y;		/* 1 paraphrase, 0 not */
	double		*f;		/* n * SIM_NFEAT */
	double		*g;		/* n * SIM_NWEIGHT, expanded */
	size_t		 n, cap;
};

static void
quiet(const char *s)
{
	(void)s;
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-AB] [-D split] [-d dims] [-f folds] "
	    "[-L latent.out] [-l synonyms] [-m mindf] [-s prefix] "
	    "msrp_train.txt model.out\n",
	    getprogname());
	exit(2);
}

/* Split line at TABs into at most max fields; returns how many. */
static size_t
split(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line, *t;

	while (n < max) {
		f[n++] = p;
		if ((t = strchr(p, '\t')) == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

/* The dev split: pairs numbered devsplit mod 5; -1 (-A) none. */
static int devsplit = 4;

/* Read the train (dev 0) or dev split into x (two sentences a pair). */
static void
read_msrp(const char *path, struct sim_index *x, struct pairs *P, int dev)
{
	FILE *fp;
	char *line = NULL, *f[6];
	size_t cap = 0, pair = 0;
	ssize_t len;
	unsigned long lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (lineno == 1)
			continue;
		if (split(line, f, 6) != 5 || (f[0][0] != '0' &&
		    f[0][0] != '1'))
			errx(1, "%s:%lu: not an MSRP line", path, lineno);
		if (((int)(pair++ % 5) == devsplit) != dev)
			continue;
		if (P->n == P->cap)
			xgrow((void **)&P->y, &P->cap, P->n + 1,
			    sizeof(*P->y));
		P->y[P->n++] = f[0][0] == '1';
		sim_index_add(x, f[3], strlen(f[3]), NULL, 2 * (uint32_t)P->n);
		sim_index_add(x, f[4], strlen(f[4]), NULL,
		    2 * (uint32_t)P->n + 1);
	}
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	free(line);
}

/* liblinear's view of the pairs whose fold is not skip (-1: all). */
static void
problem(const struct pairs *P, int folds, int skip, struct problem *pr,
    struct feature_node *nodes)
{
	size_t t, k, m = 0;
	int l = 0;

	pr->n = SIM_NWEIGHT + 1;
	pr->bias = 1;
	for (t = 0; t < P->n; t++) {
		if (skip >= 0 && (int)(t % folds) == skip)
			continue;
		pr->y[l] = P->y[t] ? 1 : -1;
		pr->x[l++] = nodes + m;
		for (k = 0; k < SIM_NWEIGHT; k++) {
			if (P->g[t * SIM_NWEIGHT + k] == 0)
				continue;
			nodes[m].index = (int)k + 1;
			nodes[m++].value = P->g[t * SIM_NWEIGHT + k];
		}
		nodes[m].index = SIM_NWEIGHT + 1;	/* the bias term */
		nodes[m++].value = 1;
		nodes[m++].index = -1;
	}
	pr->l = l;
}

/* The fitted model's weights as a sim_model (probability of label 1). */
static void
to_sim(const struct model *md, struct sim_model *m)
{
	int k, lab[2], sign;

	get_labels(md, lab);
	sign = lab[0] == 1 ? 1 : -1;
	for (k = 0; k < SIM_NWEIGHT; k++)
		m->w[k] = sign * get_decfun_coef(md, k + 1, 0);
	m->bias = sign * get_decfun_bias(md, 0);
	m->latent = 0;
	for (k = SIM_NBASE; k < SIM_NFEAT; k++)
		m->latent |= m->w[k] != 0;
}

/* Out-of-fold probabilities into prob; returns the accuracy at 0.5. */
static double
cross(const struct pairs *P, int folds, double C, double *prob)
{
	struct problem pr;
	struct parameter par = { .solver_type = L2R_LR, .eps = 0.001,
	    .C = C };
	struct feature_node *nodes;
	struct model *md;
	struct sim_model sm;
	size_t t;
	int fold, right = 0;

	pr.y = xcalloc(P->n, sizeof(*pr.y));
	pr.x = xcalloc(P->n, sizeof(*pr.x));
	nodes = xcalloc(P->n * (SIM_NWEIGHT + 2), sizeof(*nodes));
	for (fold = 0; fold < folds; fold++) {
		problem(P, folds, fold, &pr, nodes);
		md = train(&pr, &par);
		to_sim(md, &sm);
		for (t = fold; t < P->n; t += folds) {
			prob[t] = sim_model_score(&sm, P->f + t * SIM_NFEAT);
			right += (prob[t] >= 0.5) == P->y[t];
		}
		free_and_destroy_model(&md);
	}
	free(pr.y);
	free(pr.x);
	free(nodes);
	return (double)right / P->n;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Out-of-fold accuracy and F1 at the chosen threshold, to stderr. */
static void
cv_report(const struct pairs *P, const double *prob, double th, int folds)
{
	size_t i, right = 0, tp = 0, fp = 0, fn = 0;
	int d;

	for (i = 0; i < P->n; i++) {
		d = prob[i] >= th;
		right += d == P->y[i];
		tp += d && P->y[i];
		fp += d && !P->y[i];
		fn += !d && P->y[i];
	}
	fprintf(stderr, "%d-fold cross-validation: accuracy %.4f F1 %.4f\n",
	    folds, (double)right / P->n, 2.0 * tp / (2.0 * tp + fp + fn));
}

/* The threshold of best accuracy over prob, and the partial one. */
static void
thresholds(const struct pairs *P, const double *prob, struct sim_model *m,
    double *acc)
{
	double *pos = xcalloc(P->n, sizeof(*pos)), t, best = -1;
	size_t i, k, right, npos = 0;

	for (i = 0; i < P->n; i++)
		if (P->y[i])
			pos[npos++] = prob[i];
	for (k = 5; k < 95; k++) {
		t = k / 100.0;
		for (i = 0, right = 0; i < P->n; i++)
			right += (prob[i] >= t) == P->y[i];
		if ((double)right / P->n > best) {
			best = (double)right / P->n;
			m->threshold = t;
		}
	}
	qsort(pos, npos, sizeof(*pos), dbl_cmp);
	m->partial = npos ? pos[npos / 20] : 0.5;
	if (m->partial > m->threshold)
		m->partial = m->threshold;
	*acc = best;
	free(pos);
}

/* What every index needs; lat may be NULL (no latent features). */
struct ctx {
	struct stem	*st;
	struct sim_lex	*lex;
	struct tfkld	*lat;
	int		 nobase;	/* -B: latent features only */
};

/* The index of the train (dev 0) or dev split, its pairs into *P. */
static struct sim_index *
load_split(const char *path, const struct ctx *c, int dev, int keep,
    struct pairs *P)
{
	struct sim_index *x = sim_index_new(c->st, c->lex);

	sim_index_latent(x, c->lat);
	if (keep)
		sim_index_keep_keys(x);
	read_msrp(path, x, P, dev);
	sim_index_finish(x);
	return x;
}

/* The features of pair t of x into f, the lexical ones zeroed with -B. */
static void
pair_features(const struct ctx *c, const struct sim_index *x, size_t t,
    double *f)
{
	sim_features(x, 2 * t, 2 * t + 1, f);
	if (c->nobase)
		memset(f, 0, SIM_NBASE * sizeof(*f));
}

/* The kept keys of the sentences of x, pairs labelled by P. */
struct keyset {
	uint64_t	*keys;
	size_t		*off;		/* sentence i: keys[off[i]..off[i+1]) */
	size_t		 nk, cap;
};

static void
collect_keys(const struct sim_index *x, const struct pairs *P,
    int folds, int skip, struct keyset *K, int **y, size_t *npairs)
{
	const uint64_t *k;
	size_t t, s, n;

	K->nk = 0;
	K->off = xcalloc(2 * P->n + 1, sizeof(*K->off));
	*y = xcalloc(P->n + 1, sizeof(**y));
	*npairs = 0;
	for (t = 0; t < P->n; t++) {
		if (skip >= 0 && (int)(t % folds) == skip)
			continue;
		(*y)[*npairs] = P->y[t];
		for (s = 2 * t; s < 2 * t + 2; s++) {
			k = sim_keys(x, s, &n);
			if (K->nk + n > K->cap)
				xgrow((void **)&K->keys, &K->cap, K->nk + n,
				    sizeof(*K->keys));
			memcpy(K->keys + K->nk, k, n * sizeof(*K->keys));
			K->nk += n;
			K->off[2 * *npairs + s - 2 * t + 1] = K->nk;
		}
		(*npairs)++;
	}
}

/* A latent model of the pairs of x not in fold skip (-1: all). */
static struct tfkld *
fit_latent(const struct sim_index *x, const struct pairs *P, int folds,
    int skip, size_t dim, size_t mindf)
{
	struct keyset K = { 0 };
	struct tfkld_train_set ts;
	struct tfkld *t;
	int *y;
	size_t np;
	char msg[256];

	collect_keys(x, P, folds, skip, &K, &y, &np);
	ts = (struct tfkld_train_set){ K.keys, K.off, y, np };
	if ((t = tfkld_train(&ts, mindf, dim, 20131018, msg,
	    sizeof(msg))) == NULL)
		errx(1, "%s", msg);
	free(K.keys);
	free(K.off);
	free(y);
	return t;
}

/*
 * Learn the latent model (tfkld.h) on the whole train split x, write it
 * to out and read it back (quantised, as align-claims will see it).
 */
static struct tfkld *
train_latent(const struct sim_index *x, const struct pairs *P, size_t dim,
    size_t mindf, const char *out)
{
	struct tfkld *t = fit_latent(x, P, 2, -1, dim, mindf);
	char msg[256];

	if (tfkld_write(t, out) == -1)
		err(1, "%s", out);
	fprintf(stderr, "latent: %zu features in >= %zu train sentences, "
	    "%zu dimensions, to %s\n", tfkld_nfeat(t), mindf, tfkld_dim(t),
	    out);
	tfkld_free(t);
	if ((t = tfkld_load(out, msg, sizeof(msg))) == NULL)
		errx(1, "%s", msg);
	return t;
}

/*
 * The latent features of the train pairs, cross-fitted: those of fold f
 * come from a model learned on the other folds (its weights use the
 * labels: a pair must not see its own), rotated onto full's space.
 */
static void
cross_latent(const struct sim_index *x, struct pairs *P, int folds,
    const struct tfkld *full, size_t mindf)
{
	struct tfkld *t;
	float va[TFKLD_DIM], vb[TFKLD_DIM];
	const uint64_t *k;
	size_t tt, n, dim = tfkld_dim(full);
	int f;

	for (f = 0; f < folds; f++) {
		t = fit_latent(x, P, folds, f, dim, mindf);
		if (tfkld_align(t, full) == -1)
			errx(1, "LAPACK failed in the rotation");
		for (tt = f; tt < P->n; tt += folds) {
			k = sim_keys(x, 2 * tt, &n);
			tfkld_vector(t, k, n, va);
			k = sim_keys(x, 2 * tt + 1, &n);
			tfkld_vector(t, k, n, vb);
			sim_latent_pair(va, vb, dim, P->f + tt * SIM_NFEAT);
		}
		tfkld_free(t);
	}
}

/* The features of the pairs P to path, libsvm format. */
static void
write_libsvm(const struct pairs *P, const char *path)
{
	size_t t, k;
	FILE *fp;

	if ((fp = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	for (t = 0; t < P->n; t++) {
		fprintf(fp, "%d", P->y[t] ? 1 : -1);
		for (k = 0; k < SIM_NFEAT; k++)
			if (P->f[t * SIM_NFEAT + k] != 0)
				fprintf(fp, " %zu:%.17g", k + 1,
				    P->f[t * SIM_NFEAT + k]);
		putc('\n', fp);
	}
	if (ferror(fp) || fclose(fp) == EOF)
		err(1, "%s", path);
}

/*
 * The train pairs' features P (latent ones cross-fitted) to prefix.train,
 * the dev split's (latent ones from the full model) to prefix.dev.
 */
static void
save_splits(const char *msrp, const struct ctx *c, const struct pairs *P,
    const char *prefix)
{
	struct pairs D = { 0 };
	struct sim_index *x = load_split(msrp, c, 1, 0, &D);
	char *path = xmalloc(strlen(prefix) + sizeof(".train"));
	size_t t;

	sprintf(path, "%s.train", prefix);
	write_libsvm(P, path);
	D.f = xcalloc(D.n * SIM_NFEAT + 1, sizeof(*D.f));
	for (t = 0; t < D.n; t++)
		pair_features(c, x, t, D.f + t * SIM_NFEAT);
	sprintf(path, "%s.dev", prefix);
	write_libsvm(&D, path);
	free(path);
	free(D.y);
	free(D.f);
	sim_index_free(x);
}

/*
 * With PARA_TRAIN_DEV set in the environment, the dev split's accuracy
 * and F1 (a development aid; bench/eval-align.sh is the measure).
 */
static void
dev_report(const char *path, const struct ctx *c, const struct sim_model *m)
{
	struct pairs D = { 0 };
	struct sim_index *x = load_split(path, c, 1, 0, &D);
	double f[SIM_NFEAT];
	size_t t, right = 0, tp = 0, fp = 0, fn = 0;
	int d;

	for (t = 0; t < D.n; t++) {
		pair_features(c, x, t, f);
		d = sim_model_score(m, f) >= m->threshold;
		right += d == D.y[t];
		tp += d && D.y[t];
		fp += d && !D.y[t];
		fn += !d && D.y[t];
	}
	fprintf(stderr, "dev: accuracy %.4f F1 %.4f (%zu pairs)\n",
	    (double)right / D.n, 2.0 * tp / (2.0 * tp + fp + fn), D.n);
	free(D.y);
	sim_index_free(x);
}

/* The C of best cross-validated accuracy; thresholds into m. */
static double
choose_c(const struct pairs *P, int folds, struct sim_model *m)
{
	double *prob = xcalloc(P->n, sizeof(*prob)), acc, best = -1,
	    bestC = 1, C, tacc;

	for (C = 1.0 / 256; C <= 64; C *= 2) {
		acc = cross(P, folds, C, prob);
		fprintf(stderr, "C %g: cross-validated accuracy %.4f\n", C,
		    acc);
		if (acc > best) {
			best = acc;
			bestC = C;
		}
	}
	memset(m, 0, sizeof(*m));
	cross(P, folds, bestC, prob);
	thresholds(P, prob, m, &tacc);
	cv_report(P, prob, m->threshold, folds);
	fprintf(stderr, "C %g; threshold %.2f (cross-validated accuracy "
	    "%.4f); partial %.3f; %zu train pairs\n", bestC, m->threshold,
	    tacc, m->partial, P->n);
	free(prob);
	return bestC;
}

int
main(int argc, char *argv[])
{
	struct ctx c = { 0 };
	struct sim_index *x;
	struct pairs P = { 0 };
	struct sim_model m;
	struct problem pr;
	struct parameter par = { .solver_type = L2R_LR, .eps = 0.001 };
	struct feature_node *nodes;
	struct model *md;
	const char *lexpath = NULL, *errstr, *save = NULL, *latout = NULL;
	char *found = NULL, msg[256];
	size_t t, dim = TFKLD_DIM, mindf = 2;
	int ch, folds = 5;
	FILE *out;

	while ((ch = getopt(argc, argv, "ABD:L:d:f:l:m:s:")) != -1) {
		switch (ch) {
		case 'A':
			devsplit = -1;
			break;
		case 'B':
			c.nobase = 1;
			break;
		case 'D':
			devsplit = (int)strtonum(optarg, 0, 4, &errstr);
			if (errstr != NULL)
				errx(2, "-D %s: %s", optarg, errstr);
			break;
		case 'L':
			latout = optarg;
			break;
		case 'd':
			dim = (size_t)strtonum(optarg, 1, TFKLD_DIM, &errstr);
			if (errstr != NULL)
				errx(2, "-d %s: %s", optarg, errstr);
			break;
		case 'f':
			folds = (int)strtonum(optarg, 2, 20, &errstr);
			if (errstr != NULL)
				errx(2, "-f %s: %s", optarg, errstr);
			break;
		case 'l':
			lexpath = optarg;
			break;
		case 'm':
			mindf = (size_t)strtonum(optarg, 1, 1000, &errstr);
			if (errstr != NULL)
				errx(2, "-m %s: %s", optarg, errstr);
			break;
		case 's':
			save = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	set_print_string_function(quiet);
	if ((c.st = stem_new()) == NULL)
		errx(1, "libstemmer has no English stemmer");
	if (lexpath == NULL)
		lexpath = found = data_find("align-synonyms.txt.gz");
	if (lexpath != NULL && (c.lex = sim_lex_load(lexpath, msg,
	    sizeof(msg))) == NULL)
		errx(1, "%s", msg);
	x = load_split(argv[optind], &c, 0, 1, &P);
	P.f = xcalloc(P.n * SIM_NFEAT, sizeof(*P.f));
	P.g = xcalloc(P.n * SIM_NWEIGHT, sizeof(*P.g));
	for (t = 0; t < P.n; t++)
		pair_features(&c, x, t, P.f + t * SIM_NFEAT);
	if (latout != NULL) {
		c.lat = train_latent(x, &P, dim, mindf, latout);
		cross_latent(x, &P, folds, c.lat, mindf);
	}
	for (t = 0; t < P.n; t++)
		sim_expand(P.f + t * SIM_NFEAT, P.g + t * SIM_NWEIGHT);
	if (save != NULL)
		save_splits(argv[optind], &c, &P, save);
	par.C = choose_c(&P, folds, &m);
	pr.y = xcalloc(P.n, sizeof(*pr.y));
	pr.x = xcalloc(P.n, sizeof(*pr.x));
	nodes = xcalloc(P.n * (SIM_NWEIGHT + 2), sizeof(*nodes));
	problem(&P, folds, -1, &pr, nodes);
	md = train(&pr, &par);
	to_sim(md, &m);
	if (getenv("PARA_TRAIN_DEV") != NULL && devsplit >= 0)
		dev_report(argv[optind], &c, &m);
	if ((out = fopen(argv[optind + 1], "w")) == NULL)
		err(1, "%s", argv[optind + 1]);
	fprintf(out, "# align-claims pair model (sim.h features), made by "
	    "bench/para-train.c:\n# liblinear L2R_LR, C = %g, on %zu MSRP "
	    "train pairs", par.C, P.n);
	if (devsplit >= 0)
		fprintf(out, " (those not numbered %d mod 5)", devsplit);
	fprintf(out, ";\n# thresholds from %d-fold out-of-fold "
	    "probabilities.\n", folds);
	if (sim_model_write(&m, out) == -1 || fclose(out) == EOF)
		err(1, "%s", argv[optind + 1]);
	free_and_destroy_model(&md);
	free(pr.y);
	free(pr.x);
	free(nodes);
	free(P.y);
	free(P.f);
	free(P.g);
	free(found);
	sim_index_free(x);
	sim_lex_free(c.lex);
	tfkld_free(c.lat);
	stem_free(c.st);
	return 0;
}
