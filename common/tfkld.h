/*
 * tfkld.h: a discriminatively weighted latent space of sentences, for the
 * pair model of align-claims (common/sim.h).
 *
 * A sentence is a bag of features: the 64-bit hashes of its unigrams and
 * bigrams of word stems (tfkld_keys).  Each feature k of the vocabulary
 * has a TF-KLD weight learned from labelled sentence pairs (after Ji and
 * Eisenstein, EMNLP 2013): with p_k the chance that a feature found in
 * one sentence of a paraphrase pair is in both, q_k the same for the
 * other pairs, the weight is the Kullback-Leibler divergence between the
 * two Bernoulli laws, KL(p_k || q_k), both shrunk towards the rates over
 * all features so that a feature seen in few pairs gets about the global
 * divergence.  The sentences x features matrix of weighted counts is
 * factorised by a truncated SVD (randomised, with LAPACK); the model
 * keeps, for every feature, its weight times its row of the right
 * singular vectors.  A sentence's latent vector is then the sum of those
 * rows over its features (a fold-in: any sentence gets one, seen in
 * training or not), scaled to unit length.
 */
#ifndef TFKLD_H
#define TFKLD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The data file, found with data_find(). */
#define TFKLD_FILE	"align-latent.bin"

/* Latent dimensions the model holds (and sim.h's pair features use). */
#define TFKLD_DIM	100

/* Pair features: a + b, |a - b| per dimension, then the cosine. */
#define TFKLD_NPAIR	(2 * TFKLD_DIM + 1)

struct tfkld;

/*
 * Append to keys[] (grown; *n used, *cap allocated) the feature keys of a
 * sentence whose words hash to w[0..nw) in order: one key per unigram
 * and per bigram.
 */
void		 tfkld_keys(const uint64_t *w, size_t nw, uint64_t **keys,
		    size_t *n, size_t *cap);

/* KL(p || q) of two Bernoulli laws, 0 < p, q < 1. */
double		 tfkld_kld(double p, double q);

/*
 * The TF-KLD weight of a feature met in u1 paraphrase pairs (in both
 * sentences of b1 of them) and u0 other pairs (both in b0), shrunk with
 * prior strength alpha towards the global rates p0 and q0.
 */
double		 tfkld_weight(double b1, double u1, double b0, double u0,
		    double p0, double q0, double alpha);

/* Training input: sentences 2t and 2t + 1 form pair t, labelled y[t]. */
struct tfkld_train_set {
	const uint64_t	*keys;		/* all sentences' keys */
	const size_t	*off;		/* sentence i: keys[off[i]..off[i+1]) */
	const int	*y;		/* 1 paraphrase, 0 not */
	size_t		 npairs;
};

/*
 * Learn the weights and the projection from ts: the vocabulary is the
 * keys in at least mindf sentences; dim (<= TFKLD_DIM) latent dimensions;
 * seed fixes the random start of the SVD (deterministic).  NULL with a
 * message in err when LAPACK fails.  Free with tfkld_free().
 */
struct tfkld	*tfkld_train(const struct tfkld_train_set *ts, size_t mindf,
		    size_t dim, uint64_t seed, char *err, size_t errlen);

/*
 * A model from its parts, for tests: nfeat keys (distinct), their
 * weights and rows of the right singular vectors (nfeat x dim, row
 * major).  The rows are stored quantised as in a file.
 */
struct tfkld	*tfkld_from(const uint64_t *key, const double *weight,
		    const double *v, size_t nfeat, size_t dim);

void		 tfkld_free(struct tfkld *t);

/*
 * Rotate t's latent space onto ref's (same dimensions): the orthogonal
 * map that brings t's rows closest to ref's over their common features
 * (orthogonal Procrustes).  Models learned on different samples then
 * give comparable vectors.  0, or -1 when LAPACK fails.
 */
int		 tfkld_align(struct tfkld *t, const struct tfkld *ref);

/* How many features and dimensions t has. */
size_t		 tfkld_nfeat(const struct tfkld *t);
size_t		 tfkld_dim(const struct tfkld *t);

/* The weight of feature key, or -1 when not in the vocabulary. */
double		 tfkld_feature_weight(const struct tfkld *t, uint64_t key);

/*
 * The unit latent vector of a sentence with keys[0..n) into out[dim];
 * all zero when no key is in the vocabulary.  Returns how many keys were.
 */
size_t		 tfkld_vector(const struct tfkld *t, const uint64_t *keys,
		    size_t n, float *out);

/* The pair features of two vectors into f[2 * dim + 1]. */
void		 tfkld_pair(const float *a, const float *b, size_t dim,
		    double *f);

/*
 * Write t to path (binary: "TFKLD1\n", feature count and dimensions as
 * 32 bits, then per feature its 64-bit key, float weight, float scale and
 * dim signed bytes; little-endian).  Not compressed: the bytes are near
 * random, gzip saves 9% and inflating costs more start-up time than
 * reading.  0, or -1 with errno.
 */
int		 tfkld_write(const struct tfkld *t, const char *path);

/*
 * Read a model written by tfkld_write(), or a gzip of one; NULL with a
 * message in err.
 */
struct tfkld	*tfkld_load(const char *path, char *err, size_t errlen);

#endif
