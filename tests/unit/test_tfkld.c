/*
 * test_tfkld.c: the TF-KLD weights, the fold-in of a sentence on a tiny
 * invented projection, the pair features, training on invented pairs
 * (SVD through LAPACK), the rotation onto another model and the file.
 */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "tfkld.h"
#include "unit.h"

#define NEAR(a, b)	(fabs((a) - (b)) < 1e-4)

static void
test_kld(void)
{
	double g;

	CHECK(NEAR(tfkld_kld(0.3, 0.3), 0));
	/* 0.5 ln(0.5 / 0.25) + 0.5 ln(0.5 / 0.75) = 0.5 ln(4 / 3) */
	CHECK(NEAR(tfkld_kld(0.5, 0.25), 0.5 * log(4.0 / 3)));
	CHECK(tfkld_kld(0.9, 0.1) > tfkld_kld(0.6, 0.4));
	/* Never seen: the divergence of the global rates. */
	g = tfkld_kld(0.4, 0.2);
	CHECK(NEAR(tfkld_weight(0, 0, 0, 0, 0.4, 0.2, 50), g));
	/* Shared in every paraphrase, no other pair: above the global. */
	CHECK(tfkld_weight(20, 20, 0, 20, 0.4, 0.2, 2) > g);
	/* Shared as often in both kinds: near 0 with little prior. */
	CHECK(tfkld_weight(10, 20, 10, 20, 0.4, 0.2, 0.1) < 0.01);
	/* One pair moves a strongly shrunk weight little. */
	CHECK(fabs(tfkld_weight(1, 1, 0, 0, 0.4, 0.2, 50) - g) < 0.05);
}

static void
test_keys(void)
{
	uint64_t w[3] = { 11, 22, 11 }, r[2] = { 22, 11 }, *k = NULL;
	size_t n = 0, cap = 0, m;

	tfkld_keys(w, 3, &k, &n, &cap);
	CHECK_EQ_LONG(n, 5);		/* 3 unigrams, 2 bigrams */
	/* Unigram 11, bigram 11 22, unigram 22, bigram 22 11, unigram 11. */
	CHECK(k[0] == k[4]);		/* the same word twice */
	CHECK(k[1] != k[0] && k[1] != k[2] && k[1] != k[3]);
	m = n;
	tfkld_keys(r, 2, &k, &n, &cap);
	CHECK_EQ_LONG(n, m + 3);
	CHECK(k[m] == k[2]);		/* unigram 22 */
	CHECK(k[m + 1] == k[3]);	/* bigram 22 11, as in w */
	free(k);
}

static void
test_foldin(void)
{
	const uint64_t key[3] = { 101, 202, 303 };
	const double weight[3] = { 1, 2, 0.5 };
	const double v[6] = { 1, 0, 0, 1, 1, 1 };
	uint64_t s1[3] = { 101, 303, 999 }, s2[2] = { 101, 101 };
	struct tfkld *t = tfkld_from(key, weight, v, 3, 2);
	float a[2], b[2];
	double f[5];

	CHECK_EQ_LONG(tfkld_nfeat(t), 3);
	CHECK_EQ_LONG(tfkld_dim(t), 2);
	CHECK(NEAR(tfkld_feature_weight(t, 202), 2));
	CHECK(tfkld_feature_weight(t, 999) < 0);
	/* 1 * (1, 0) + 0.5 * (1, 1) = (1.5, 0.5), then unit length. */
	CHECK_EQ_LONG(tfkld_vector(t, s1, 3, a), 2);
	CHECK(NEAR(a[0], 1.5 / sqrt(2.5)) && NEAR(a[1], 0.5 / sqrt(2.5)));
	/* A repeated feature counts twice; here the direction is (1, 0). */
	CHECK_EQ_LONG(tfkld_vector(t, s2, 2, b), 2);
	CHECK(NEAR(b[0], 1) && NEAR(b[1], 0));
	CHECK_EQ_LONG(tfkld_vector(t, s1 + 2, 1, b), 0);
	CHECK(b[0] == 0 && b[1] == 0);
	a[0] = 1;
	a[1] = 0;
	b[0] = 0.6f;
	b[1] = 0.8f;
	tfkld_pair(a, b, 2, f);
	CHECK(NEAR(f[0], 1.6) && NEAR(f[1], 0.8));
	CHECK(NEAR(f[2], 0.4) && NEAR(f[3], 0.8));
	CHECK(NEAR(f[4], 0.6));
	tfkld_free(t);
	tfkld_free(NULL);
}

/*
 * Invented pairs over two topics: keys 1-4 (topic A) and 5-8 (topic B).
 * Paraphrase pairs share key 1 or 5; the other pairs share 2 or 6.
 */
static const uint64_t sents[][3] = {
	{ 1, 3, 4 }, { 1, 4, 3 },	/* paraphrase */
	{ 5, 7, 8 }, { 5, 8, 7 },	/* paraphrase */
	{ 2, 3, 4 }, { 2, 3, 3 },	/* not */
	{ 6, 7, 8 }, { 6, 7, 7 },	/* not */
	{ 1, 3, 3 }, { 1, 4, 4 },	/* paraphrase */
	{ 6, 8, 8 }, { 6, 7, 8 },	/* not */
};
static const int labels[6] = { 1, 1, 0, 0, 1, 0 };

static struct tfkld *
train(char *err, size_t errlen)
{
	struct tfkld_train_set ts;
	uint64_t keys[36];
	size_t off[13], i, j;

	for (i = 0; i < 12; i++) {
		off[i] = 3 * i;
		for (j = 0; j < 3; j++)
			keys[3 * i + j] = sents[i][j];
	}
	off[12] = 36;
	ts = (struct tfkld_train_set){ keys, off, labels, 6 };
	return tfkld_train(&ts, 2, 2, 7, err, errlen);
}

static double
cosine(const float *a, const float *b)
{
	return (double)a[0] * b[0] + (double)a[1] * b[1];
}

static void
test_train(void)
{
	struct tfkld *t, *u, *r;
	char err[256], path[] = "/tmp/test_tfkld.XXXXXX";
	float a[2], b[2], c[2];
	const uint64_t sa[2] = { 1, 3 }, sb[2] = { 1, 4 }, sc[2] = { 7, 8 };
	int fd;

	CHECK((t = train(err, sizeof(err))) != NULL);
	if (t == NULL)
		return;
	CHECK_EQ_LONG(tfkld_nfeat(t), 8);	/* each key in >= 2 */
	/*
	 * A key shared in every paraphrase it is in (1) tells the pairs
	 * apart better than one shared in pairs of both kinds (3).
	 */
	CHECK(tfkld_feature_weight(t, 1) > tfkld_feature_weight(t, 3));
	/* Same topic, close; other topic, orthogonal-ish. */
	tfkld_vector(t, sa, 2, a);
	tfkld_vector(t, sb, 2, b);
	tfkld_vector(t, sc, 2, c);
	CHECK(cosine(a, b) > 0.9);
	CHECK(fabs(cosine(a, c)) < 0.2);
	/* Deterministic. */
	u = train(err, sizeof(err));
	tfkld_vector(u, sc, 2, b);
	CHECK(b[0] == c[0] && b[1] == c[1]);
	/* Rotating a model onto itself changes nothing. */
	CHECK(tfkld_align(u, t) == 0);
	tfkld_vector(u, sa, 2, b);
	CHECK(NEAR(b[0], a[0]) && NEAR(b[1], a[1]));
	tfkld_free(u);
	/* The file round trip. */
	CHECK((fd = mkstemp(path)) != -1);
	close(fd);
	CHECK(tfkld_write(t, path) == 0);
	CHECK((r = tfkld_load(path, err, sizeof(err))) != NULL);
	if (r != NULL) {
		tfkld_vector(r, sa, 2, b);
		CHECK(b[0] == a[0] && b[1] == a[1]);
		CHECK(tfkld_feature_weight(r, 1) ==
		    tfkld_feature_weight(t, 1));
	}
	tfkld_free(r);
	tfkld_free(t);
	/* Not a model file. */
	CHECK(tfkld_load("/nonexistent/lat.gz", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "/nonexistent/lat.gz") != NULL);
	CHECK(tfkld_load("/dev/null", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "not a latent model") != NULL);
	unlink(path);
}

/* A model whose space is the other's with its two axes swapped. */
static void
test_align(void)
{
	const uint64_t key[3] = { 1, 2, 3 };
	const double w[3] = { 1, 1, 1 };
	const double v[6] = { 1, 0, 0, 1, 0.5, 0.5 };
	const double sw[6] = { 0, 1, 1, 0, 0.5, 0.5 };
	const uint64_t s[2] = { 1, 3 };
	struct tfkld *ref = tfkld_from(key, w, v, 3, 2);
	struct tfkld *t = tfkld_from(key, w, sw, 3, 2);
	float a[2], b[2];

	tfkld_vector(ref, s, 2, a);
	tfkld_vector(t, s, 2, b);
	CHECK(!NEAR(a[0], b[0]));
	CHECK(tfkld_align(t, ref) == 0);
	tfkld_vector(t, s, 2, b);
	CHECK(NEAR(a[0], b[0]) && NEAR(a[1], b[1]));
	tfkld_free(ref);
	tfkld_free(t);
}

int
main(void)
{
	test_kld();
	test_keys();
	test_foldin();
	test_train();
	test_align();
	UNIT_END();
}
