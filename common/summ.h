/*
 * summ.h: choosing, cleaning and ordering the sentences of a multi-source
 * summary of one story (summarize(1)).
 *
 * The content of a story is a set of weighted concepts (Gillick & Favre
 * 2009): stemmed word bigrams, not both stop words, not across
 * punctuation, and entity keys when the caller has them (tag-entities),
 * weighted by the number of documents (or sources) that use
 * them, plus a bonus for documents that use them in their first sentences.
 * A summary maximises the weight of the concepts it covers, each counted
 * once (so repeating content earns nothing), plus a small per-sentence
 * bonus for support and position, subject to the budgets (words, bytes,
 * sentences) and to at most one sentence per claim (without claims, per
 * group of candidates sharing half their weighted concepts).  The maximum is found
 * exactly by an integer program (GLPK) over the best candidates, or by the
 * budgeted greedy of Lin & Bilmes (2010) with the best single sentence as
 * a fallback, which keeps (1 - 1/e)/2 of the optimum.
 *
 * A sentence is a candidate when it reads well alone: it ends with . ! ? or
 * a closing quote, has a reasonable length, does not start with a pronoun
 * or a continuation, and attributes nothing to a bare pronoun ("he said").
 * A leading connective ("But", "And", "However,") is cut off first.
 */
#ifndef SUMM_H
#define SUMM_H

#include <stddef.h>

#include "summ_clean.h"

enum summ_method {
	SUMM_AUTO,	/* ILP up to ilp_sents sentences, greedy above */
	SUMM_ILP,	/* exact integer program over the candidates */
	SUMM_GREEDY	/* budgeted greedy, cost-scaled, with best singleton */
};

struct summ_opts {
	long		 words;		/* budget in words; 0 = none */
	long		 bytes;		/* in bytes, sentences joined by a space */
	long		 sents;		/* in sentences */
	enum summ_method method;
	size_t		 ilp_sents;	/* SUMM_AUTO: most sentences for ILP */
	size_t		 max_cand;	/* candidates kept for the optimiser */
	double		 lead;		/* concept bonus per early use */
	double		 r;		/* greedy cost exponent */
};

/* The defaults summarize(1) documents. */
void	summ_opts_default(struct summ_opts *o);

struct summ;

/* A chosen sentence, in reading order. */
struct summ_pick {
	size_t		 id;		/* index as added, 0 first */
	const char	*text;		/* cleaned text, owned by the summ */
	size_t		 len;
	unsigned	 support;	/* given, else estimated */
	size_t		*srcs;		/* estimated supporting units, own first */
	size_t		 nsrcs;
};

struct summ	*summ_new(void);	/* NULL when no English stemmer */
void		 summ_free(struct summ *s);
/* Forget the sentences, keeping allocations, for the next story. */
void		 summ_clear(struct summ *s);

/*
 * Add a sentence: text[0..len) (copied), the unit that stated it (a dense
 * index: the document, or the source), its position in its document (1 =
 * first), its claim (a dense index, or -1 when unknown) and the support
 * the input gives (0 = unknown: estimated from the concepts).
 */
void		 summ_add(struct summ *s, const char *text, size_t len,
		    size_t unit, unsigned pos, long claim, unsigned support);

/*
 * Add a concept of its own to the sentence added last: an entity key from
 * tag-entities(1), so that "Mr. Lutnick" and "Howard Lutnick" count as one
 * thing.  It is weighed like the bigrams.
 */
void		 summ_add_concept(struct summ *s, const char *key, size_t len);

/*
 * Choose the summary.  Returns the number of picks and sets *picks to an
 * array owned by s, valid until the next summ_run, summ_clear or
 * summ_free.
 */
size_t		 summ_run(struct summ *s, const struct summ_opts *o,
		    const struct summ_pick **picks);

/*
 * The worth of the sentences ids[0..n) (indices as added) under the
 * weights of the last summ_run: covered concept weight plus bonuses.
 * For tests (the ILP must reach the best worth).
 */
double		 summ_value(struct summ *s, const size_t *ids, size_t n);

#endif
