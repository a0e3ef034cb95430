/*
 * cluster.h: online story detection, in one pass, the way the topic
 * detection and tracking (TDT) systems do it: each article is compared
 * with the recent stories and joins the most similar one, or starts a new
 * one.
 *
 * An article is a bag of terms: the Snowball stems of its content words
 * (stop words left out) and the keys of its named entities (PERSON, ORG,
 * GPE, ... from the `entities` column), an entity weighing ent_weight
 * stems.  Its vector is TF-IDF, (1 + ln tf) * ln((N + 1) / df), with the
 * document frequencies learned from the stream so far (N articles
 * including this one), scaled to unit length.  A background table of
 * document frequencies (cluster_load_df) is added to the counts, so that
 * the first articles of a stream already know which words are common.  A story is the sum of its
 * articles' vectors (its centroid); similarity is the cosine of article
 * and centroid.
 *
 * Candidates come from an inverted index, term -> stories whose centroid
 * holds it, looked up with the article's `lookup` heaviest terms: the
 * cost per article does not grow with the number of stories.  A story
 * retires when it is out of the time window (more than `window` days
 * between its newest article and the current one, when both have dates)
 * or when `idle` articles have come since it last grew; a retired story
 * is forgotten, so memory holds the recent stories only (and a bounded
 * vocabulary, see CLUSTER_TERMS).  Ties go to the
 * older story; the result depends only on the input, byte for byte.
 *
 * A document whose id comes back after other documents (its rows were
 * not contiguous) joins the story it was put in, while that story lives
 * and the id is among the last 65,536 at least.
 */
#ifndef CLUSTER_H
#define CLUSTER_H

#include <stddef.h>
#include <stdio.h>

#define CLUSTER_NODAY	(-2147483647L - 1)

struct cluster_opts {
	double		 threshold;	/* join when the cosine is >= this */
	long		 window;	/* days; 0: no time window */
	unsigned long	 idle;		/* articles; 0: stories never idle */
	size_t		 lookup;	/* terms looked up for candidates */
	double		 ent_weight;	/* an entity key, in stems */
	double		 name_weight;	/* a stem capitalised inside a
					   sentence (a name), in stems */
	size_t		 max_terms;	/* vocabulary bound; 0: CLUSTER_TERMS */
};

/*
 * The vocabulary (stems and entity keys met) is bounded: past max_terms
 * terms, the rarest are forgotten (their document frequency starts again
 * from zero if they come back), keeping those of the background table,
 * those of live stories and those of the highest document frequencies, to
 * about half the bound (when what must stay is more than that, the bound
 * becomes twice what stayed).  So memory does not grow with the stream.
 */
#define CLUSTER_TERMS	(1UL << 17)

struct cluster_stats {
	unsigned long	 articles;	/* seen so far */
	unsigned long	 stories;	/* created so far */
	size_t		 live;		/* stories not retired */
	size_t		 terms;		/* vocabulary */
	unsigned long	 candidates;	/* cosines computed, in all */
	unsigned long	 rejoined;	/* documents whose id came back */
};

struct cluster;

/* A new clusterer, or NULL when libstemmer has no English stemmer. */
struct cluster	*cluster_new(const struct cluster_opts *o);
void		 cluster_free(struct cluster *c);

/*
 * Describe one article: any number of cluster_doc_text() (the sentences,
 * or the whole text) and cluster_doc_entities() calls between begin and
 * end.
 */
void		 cluster_doc_begin(struct cluster *c);
void		 cluster_doc_text(struct cluster *c, const char *s, size_t n);

/*
 * Add the name keys of an `entities` field s[0..n) (TSV-unescaped,
 * ent.h's encoding).  Returns 0, or -1 with *err set to a static reason.
 */
int		 cluster_doc_entities(struct cluster *c, const char *s,
		    size_t n, const char **err);

/*
 * Put the article described since cluster_doc_begin() into a story.  id
 * is the article's document id, day its date (cluster_parse_day) or
 * CLUSTER_NODAY.  Returns the story's name, the id of its first article
 * (owned by c, valid until the next cluster_doc_end or cluster_free);
 * *isnew says whether the article started it, *score (when not NULL) is
 * the cosine with the story joined, or for a new story the best cosine
 * that fell short (0 when no story was a candidate).
 */
const char	*cluster_doc_end(struct cluster *c, const char *id, long day,
		    int *isnew, double *score);

/*
 * The day of a date s[0..n): "YYYY-MM-DD" or "YYYYMMDD", maybe followed by
 * a time ("T..." or " ..."), as days since 1970-01-01; CLUSTER_NODAY when
 * it is not one.
 */
long		 cluster_parse_day(const char *s, size_t n);

/*
 * The background document frequencies, as cluster_save_df writes them:
 * a line "docs<TAB>N", then "term<TAB>df" lines.  Load before the first
 * article.  Returns 0, or -1 with *err set (a static reason) and
 * *line the line at fault.
 */
int		 cluster_load_df(struct cluster *c, FILE *fp, const char **err,
		    unsigned long *line);

/*
 * The same from the file path (gzip or plain), and to the file path.
 * Return 0, or -1 with a one-line message ("path:line: reason") in err.
 */
int		 cluster_load_df_file(struct cluster *c, const char *path,
		    char *err, size_t errlen);
int		 cluster_save_df_file(const struct cluster *c,
		    const char *path, unsigned min_df, char *err,
		    size_t errlen);

/*
 * Write the document frequencies learned so far (stems only, those in at
 * least min_df articles, in byte order of the term) in that format.
 * Returns 0, or -1 when writing failed (errno).
 */
int		 cluster_save_df(const struct cluster *c, FILE *fp,
		    unsigned min_df);

void		 cluster_get_stats(const struct cluster *c,
		    struct cluster_stats *st);

#endif
