/*
 * sim.h: how alike two sentences are, for align-claims (and summarize).
 *
 * Sentences are analysed once into a per-story index (struct sim_index):
 * the lower-cased words in order, the Snowball stems of the content words
 * (stop words left out), the names (entity keys of tag-entities, or
 * capitalised words when the sentence has no entities column), the values
 * (dates, amounts, counts, persons) and the negations.  Document
 * frequencies over the index's own sentences weigh the stems (IDF), so an
 * index is built whole (sim_index_add for every sentence, then
 * sim_index_finish) before pairs are scored.
 *
 * A pair gives SIM_NFEAT features (overlaps of stems, IDF-weighted and
 * through WordNet synonyms, of word n-grams, the longest common word
 * subsequence, lengths, numbers, names, negation; then the TF-KLD latent
 * vectors of the two sentences, tfkld.h), which a linear model
 * learned with liblinear on MSRP pairs (data/align-pair.model) turns into
 * a probability that the two state the same thing.
 *
 * Candidates come from inverted lists of the rarer keys (stems and names
 * in at most SIM_MAXDF sentences), so finding them costs about the same
 * per sentence whatever the size of the story.
 */
#ifndef SIM_H
#define SIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ent.h"
#include "stem.h"
#include "tfkld.h"

/* The data files, found with data_find(). */
#define SIM_MODEL_FILE	"align-pair.model"
#define SIM_SYN_FILE	"align-synonyms.txt.gz"

/*
 * The pair features; sim_feature_name() gives their names.  The first
 * SIM_NBASE are the lexical ones; then TFKLD_NPAIR from the latent
 * vectors of the two sentences (tfkld.h): their sum, the absolute
 * difference, the cosine (all zero when the index has no latent model).
 */
#define SIM_NBASE	44
#define SIM_NFEAT	(SIM_NBASE + TFKLD_NPAIR)

/*
 * The model is linear over the features and the pairwise products of the
 * lexical ones (f[i] * f[j], i <= j < SIM_NBASE): quadratic in those,
 * linear in the latent ones, still one dot product.
 */
#define SIM_NWEIGHT	(SIM_NFEAT + SIM_NBASE * (SIM_NBASE + 1) / 2)

/* Keys in more sentences than this are left out of the candidate lists. */
#define SIM_MAXDF	200

/* Kinds of value a sentence states, compared for conflicts. */
enum sim_kind {
	SIM_DATE,	/* a day, date, month or year */
	SIM_TIME,
	SIM_MONEY,
	SIM_PERCENT,
	SIM_COUNT,	/* a cardinal or quantity */
	SIM_ORDINAL,
	SIM_PERSON,	/* an actor: only from tag-entities */
	SIM_NKINDS
};

struct sim_value {
	uint32_t	key;		/* vocabulary id of the normalised value */
	uint32_t	anchor;		/* stem of the content word before it
					   (within 3 tokens), or UINT32_MAX */
	uint32_t	start, end;	/* span in the sentence's text */
	uint8_t		kind;		/* enum sim_kind */
};

/* WordNet synonym sets, keyed by stem. */
struct sim_lex;

/*
 * Load the synonym table at path (lines of stems separated by spaces, one
 * synonym set a line, gzip or plain).  NULL with a message in err (errlen
 * bytes) when it cannot be read.  Free with sim_lex_free().
 */
struct sim_lex	*sim_lex_load(const char *path, char *err, size_t errlen);
void		 sim_lex_free(struct sim_lex *lex);
/* Whether the stems a[0..na) and b[0..nb) share a synonym set. */
int		 sim_lex_syn(const struct sim_lex *lex, const char *a,
		    size_t na, const char *b, size_t nb);

/* The learned weights and decision thresholds. */
struct sim_model {
	double		 w[SIM_NWEIGHT];
	double		 bias;
	double		 threshold;	/* score at or above: same claim */
	double		 partial;	/* at or above: partial (overlap) */
	int		 latent;	/* has latent weights: needs TFKLD_FILE */
};

/*
 * Read a model file (lines "name weight", a product named "a*b", a latent
 * feature "lat_sum_D", "lat_diff_D" or "lat_cos", plus "bias",
 * "threshold" and "partial"; '#' starts a comment).  Returns 0, or -1
 * with a message in err.  Every lexical weight must be given, no unknown
 * name; the latent weights all or none (none: m->latent is 0 and the
 * latent features count for nothing).
 */
int		 sim_model_load(struct sim_model *m, const char *path,
		    char *err, size_t errlen);
/* Write m in that format to fp; 0, or -1 when writing failed. */
int		 sim_model_write(const struct sim_model *m, FILE *fp);

/* Probability that the pair with features f states the same thing. */
double		 sim_model_score(const struct sim_model *m, const double *f);

/*
 * The features f[SIM_NFEAT] and the products of the lexical ones into
 * g[SIM_NWEIGHT].
 */
void		 sim_expand(const double *f, double *g);

/*
 * What scoring needs: an English stemmer, the synonym table, the model
 * (the file model, or SIM_MODEL_FILE when NULL) and, when the model has
 * latent weights, the latent model (TFKLD_FILE, else *lat is NULL), into
 * *st, *lex, *m and *lat.  Returns 0, or -1 with a message in err,
 * nothing left allocated.  Free with stem_free(), sim_lex_free() and
 * tfkld_free().
 */
int		 sim_data_load(const char *model, struct stem **st,
		    struct sim_lex **lex, struct sim_model *m,
		    struct tfkld **lat, char *err, size_t errlen);

/*
 * The name of feature k (0 <= k < SIM_NFEAT), for model files; the latent
 * ones share "lat_sum", "lat_diff" (a dimension number follows in model
 * files) and "lat_cos".
 */
const char	*sim_feature_name(size_t k);

struct sim_index;

/*
 * A new, empty index.  st (required) and lex (may be NULL: no synonyms)
 * are not owned and must outlive it.
 */
struct sim_index *sim_index_new(struct stem *st, const struct sim_lex *lex);
void		 sim_index_free(struct sim_index *x);

/*
 * Give every sentence added from now on a latent vector from t (not
 * owned, must outlive x; NULL: none), for the latent pair features.
 */
void		 sim_index_latent(struct sim_index *x, const struct tfkld *t);

/*
 * Keep the TF-KLD feature keys (tfkld.h) of every sentence added from
 * now on, for training a latent model: sim_keys() gives them.
 */
void		 sim_index_keep_keys(struct sim_index *x);

/*
 * The feature keys of sentence i, in order, *n of them (valid until the
 * next add or clear); NULL unless sim_index_keep_keys() was called.
 */
const uint64_t	*sim_keys(const struct sim_index *x, size_t i, size_t *n);

/* Empty x for the next story, keeping its allocations where it can. */
void		 sim_index_clear(struct sim_index *x);

/*
 * Analyse the sentence text[0..len) and add it as number sim_count(x) - 1.
 * ents is its parsed entities column, or NULL when the input has none
 * (then names and values come from capitalisation and numbers).  group
 * tells documents apart: candidates are never of the same group.
 */
size_t		 sim_index_add(struct sim_index *x, const char *text,
		    size_t len, const struct ent_list *ents, uint32_t group);

/* Compute the document frequencies and the candidate lists. */
void		 sim_index_finish(struct sim_index *x);

size_t		 sim_count(const struct sim_index *x);
uint32_t	 sim_group(const struct sim_index *x, size_t i);

/*
 * The candidates of sentence i: sentences j > i of other groups that share
 * rare keys with it, at most max of them, those sharing most first (ties
 * by j).  Written to *out (grown; *cap its size); returns how many.
 */
size_t		 sim_candidates(struct sim_index *x, size_t i, size_t max,
		    uint32_t **out, size_t *cap);

/* Features of the pair (i, j) into f[SIM_NFEAT]. */
void		 sim_features(const struct sim_index *x, size_t i, size_t j,
		    double *f);

/*
 * The same, with the values (numbers, dates, persons) of both sentences
 * left out: how alike the pair is apart from the facts it may disagree on.
 */
void		 sim_features_novalues(const struct sim_index *x, size_t i,
		    size_t j, double *f);

/*
 * The latent pair features of vectors a and b (dim <= TFKLD_DIM) into
 * f[SIM_NBASE..SIM_NFEAT), as sim_features() places them.
 */
void		 sim_latent_pair(const float *a, const float *b, size_t dim,
		    double *f);

/* How many content stems, values left out, sentences i and j share. */
size_t		 sim_shared(const struct sim_index *x, size_t i, size_t j);

/*
 * The share of the IDF-weighted content stems of the shorter of i and j
 * (values left out) that the other one has too.
 */
double		 sim_containment(const struct sim_index *x, size_t i,
		    size_t j);

/* The values of sentence i (valid until the next add or clear). */
const struct sim_value *sim_values(const struct sim_index *x, size_t i,
		    size_t *n);

/* The normalised text of vocabulary id k (a value key), length in *n. */
const char	*sim_vocab(const struct sim_index *x, uint32_t k, size_t *n);

#endif
