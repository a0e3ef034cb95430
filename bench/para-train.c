/*
 * para-train: learn the pair model of align-claims from the Microsoft
 * Research Paraphrase Corpus training file, with liblinear.
 *
 *	para-train [-f folds] [-l synonyms] [-s prefix] msrp_train.txt
 *	    model.out
 *
 * The file is MSRP's TSV (header, then Quality, #1 ID, #2 ID, #1 String,
 * #2 String).  Pairs are numbered from 0 in file order; every fifth pair
 * (number % 5 == 4) is the dev split and left out here, so that
 * bench/eval-align.sh can measure on it.  The other pairs are the train
 * split: their sentences form one sim_index (document frequencies over
 * the train sentences, as align-claims --score-pairs computes them over
 * its input), and each pair gives the SIM_NFEAT features of common/sim.h.
 *
 * Then, all deterministic: for C in 2^-4 .. 2^6, an L2-regularised
 * logistic regression (liblinear L2R_LR) over the features and their
 * pairwise products (sim_expand) is scored by k-fold cross-
 * validation on the train split (pair t of the split in fold t % k); the
 * C with the best out-of-fold accuracy wins.  Its out-of-fold
 * probabilities choose the decision threshold (the one of best accuracy,
 * ties to the lower) and the partial threshold (95% of the paraphrase
 * pairs score at or above it).  The model is then fitted on the whole
 * train split and written in sim_model_write()'s format.
 *
 * With -s prefix, the SIM_NFEAT features of the train and the dev split
 * are also written to prefix.train and prefix.dev in the libsvm/liblinear
 * text format ("label index:value ...", label 1 or -1, indices from 1,
 * pairs in file order), for trying other learners on the same features
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
	fprintf(stderr, "usage: %s [-f folds] [-l synonyms] [-s prefix] "
	    "msrp_train.txt model.out\n", getprogname());
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

/* Read the train split into x (two sentences a pair) and the labels. */
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
		if ((pair++ % 5 == 4) != dev)
			continue;
		if (P->n == P->cap)
			xgrow((void **)&P->y, &P->cap, P->n + 1,
			    sizeof(*P->y));
		P->y[P->n++] = f[0][0] == '1';
		sim_index_add(x, f[3], strlen(f[3]), NULL, 2 * P->n);
		sim_index_add(x, f[4], strlen(f[4]), NULL, 2 * P->n + 1);
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

/* The features of the train (dev 0) or dev split to path, libsvm format. */
static void
save_split(const char *msrp, struct stem *st, struct sim_lex *lex, int dev,
    const char *path)
{
	struct sim_index *x = sim_index_new(st, lex);
	struct pairs D = { 0 };
	double f[SIM_NFEAT];
	size_t t, k;
	FILE *fp;

	read_msrp(msrp, x, &D, dev);
	sim_index_finish(x);
	if ((fp = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	for (t = 0; t < D.n; t++) {
		sim_features(x, 2 * t, 2 * t + 1, f);
		fprintf(fp, "%d", D.y[t] ? 1 : -1);
		for (k = 0; k < SIM_NFEAT; k++)
			if (f[k] != 0)
				fprintf(fp, " %zu:%.17g", k + 1, f[k]);
		putc('\n', fp);
	}
	if (ferror(fp) || fclose(fp) == EOF)
		err(1, "%s", path);
	free(D.y);
	sim_index_free(x);
}

/*
 * With PARA_TRAIN_DEV set in the environment, the dev split's accuracy
 * and F1 (a development aid; bench/eval-align.sh is the measure).
 */
static void
dev_report(const char *path, struct stem *st, struct sim_lex *lex,
    const struct sim_model *m)
{
	struct sim_index *x = sim_index_new(st, lex);
	struct pairs D = { 0 };
	double f[SIM_NFEAT];
	size_t t, right = 0, tp = 0, fp = 0, fn = 0;
	int d;

	read_msrp(path, x, &D, 1);
	sim_index_finish(x);
	for (t = 0; t < D.n; t++) {
		sim_features(x, 2 * t, 2 * t + 1, f);
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

int
main(int argc, char *argv[])
{
	struct stem *st;
	struct sim_lex *lex = NULL;
	struct sim_index *x;
	struct pairs P = { 0 };
	struct sim_model m;
	struct problem pr;
	struct parameter par = { .solver_type = L2R_LR, .eps = 0.001 };
	struct feature_node *nodes;
	struct model *md;
	const char *lexpath = NULL, *errstr, *save = NULL;
	char *found = NULL, msg[256], *path;
	double *prob, acc, bestacc = -1, bestC = 1, C, tacc;
	size_t t;
	int ch, folds = 5;
	FILE *out;

	while ((ch = getopt(argc, argv, "f:l:s:")) != -1) {
		switch (ch) {
		case 'f':
			folds = (int)strtonum(optarg, 2, 20, &errstr);
			if (errstr != NULL)
				errx(2, "-f %s: %s", optarg, errstr);
			break;
		case 'l':
			lexpath = optarg;
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
	if ((st = stem_new()) == NULL)
		errx(1, "libstemmer has no English stemmer");
	if (lexpath == NULL)
		lexpath = found = data_find("align-synonyms.txt.gz");
	if (lexpath != NULL && (lex = sim_lex_load(lexpath, msg,
	    sizeof(msg))) == NULL)
		errx(1, "%s", msg);
	if (save != NULL) {
		path = xmalloc(strlen(save) + sizeof(".train"));
		sprintf(path, "%s.train", save);
		save_split(argv[optind], st, lex, 0, path);
		sprintf(path, "%s.dev", save);
		save_split(argv[optind], st, lex, 1, path);
		free(path);
	}
	x = sim_index_new(st, lex);
	read_msrp(argv[optind], x, &P, 0);
	sim_index_finish(x);
	P.f = xcalloc(P.n * SIM_NFEAT, sizeof(*P.f));
	P.g = xcalloc(P.n * SIM_NWEIGHT, sizeof(*P.g));
	for (t = 0; t < P.n; t++) {
		sim_features(x, 2 * t, 2 * t + 1, P.f + t * SIM_NFEAT);
		sim_expand(P.f + t * SIM_NFEAT, P.g + t * SIM_NWEIGHT);
	}
	prob = xcalloc(P.n, sizeof(*prob));
	for (C = 1.0 / 16; C <= 64; C *= 2) {
		acc = cross(&P, folds, C, prob);
		fprintf(stderr, "C %g: cross-validated accuracy %.4f\n", C,
		    acc);
		if (acc > bestacc) {
			bestacc = acc;
			bestC = C;
		}
	}
	memset(&m, 0, sizeof(m));
	cross(&P, folds, bestC, prob);
	thresholds(&P, prob, &m, &tacc);
	fprintf(stderr, "C %g; threshold %.2f (cross-validated accuracy "
	    "%.4f); partial %.3f; %zu train pairs\n", bestC, m.threshold,
	    tacc, m.partial, P.n);
	pr.y = xcalloc(P.n, sizeof(*pr.y));
	pr.x = xcalloc(P.n, sizeof(*pr.x));
	nodes = xcalloc(P.n * (SIM_NWEIGHT + 2), sizeof(*nodes));
	problem(&P, folds, -1, &pr, nodes);
	par.C = bestC;
	md = train(&pr, &par);
	to_sim(md, &m);
	if (getenv("PARA_TRAIN_DEV") != NULL)
		dev_report(argv[optind], st, lex, &m);
	if ((out = fopen(argv[optind + 1], "w")) == NULL)
		err(1, "%s", argv[optind + 1]);
	fprintf(out, "# align-claims pair model (sim.h features), made by "
	    "bench/para-train.c:\n# liblinear L2R_LR, C = %g, on the %zu "
	    "MSRP train pairs not numbered 4 mod 5;\n# thresholds from %d-"
	    "fold out-of-fold probabilities (accuracy %.4f).\n", bestC, P.n,
	    folds, tacc);
	if (sim_model_write(&m, out) == -1 || fclose(out) == EOF)
		err(1, "%s", argv[optind + 1]);
	free_and_destroy_model(&md);
	free(pr.y);
	free(pr.x);
	free(nodes);
	free(prob);
	free(P.y);
	free(P.f);
	free(P.g);
	free(found);
	sim_index_free(x);
	sim_lex_free(lex);
	stem_free(st);
	return 0;
}
