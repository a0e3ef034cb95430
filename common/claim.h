/*
 * claim.h: claims from the aligned sentences of one story.
 *
 * Every candidate pair of sentences (sim_candidates) is scored twice by
 * the pair model: as it is (score) and with the values of both sentences
 * left out (the novalue score: are they about the same fact, whatever
 * numbers, dates and persons they give?).  A pair is
 *
 * The novalue score is only computed for pairs sharing CLAIM_MINSHARED
 * content stems apart from the values (else it is 0): two datelines
 * share little but their dates.
 *
 *	conflict  the sentences give one fact different values
 *		  (conflict_find: values of one class and one role that
 *		  differ; a value only one of them gives is a detail), and
 *		  the novalue score >= threshold, or CLAIM_MINSHARED
 *		  content stems shared and at least CLAIM_CONTAINED of the
 *		  IDF-weighted content of the shorter, values aside, in the
 *		  other (sim_containment), or a strong hit (the values'
 *		  contexts agree) in sentences sharing a content stem;
 *	same	  score >= threshold, or novalue score >= threshold without
 *		  a conflict (one sentence adds a detail);
 *	partial	  score >= the model's partial threshold: they overlap;
 *		  also a same pair, or a conflict without a strong hit,
 *		  sharing fewer than CLAIM_MINLINK content stems besides
 *		  the values (two datelines, "This story will be
 *		  updated").
 *
 * Same and conflict pairs are claims' links: taken best score first,
 * each joins the two sentences' claims unless the joined claim would hold
 * two sentences of one document (so a chain of near matches cannot drift
 * through a story, and an article never corroborates itself).  A sentence
 * left alone is a claim of its own.  A conflict pair left in two claims
 * has its values reported on both.
 */
#ifndef CLAIM_H
#define CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "conflict.h"
#include "sim.h"

#define CLAIM_MINSHARED	3
#define CLAIM_MINLINK	2
#define CLAIM_CONTAINED	0.5

enum claim_rel {
	CLAIM_NONE,
	CLAIM_PARTIAL,
	CLAIM_SAME,
	CLAIM_CONFLICT
};

struct claim_opts {
	double		 threshold;	/* same / conflict */
	double		 partial;
	size_t		 maxcand;	/* candidates scored per sentence */
};

/* What the caller knows of sentence i of the index. */
struct claim_sent {
	const char	*text;		/* unescaped */
	size_t		 len;
	const char	*source;	/* source (or document) name, NUL-ended */
};

struct claim_pair {
	uint32_t	 a, b;		/* sentences, a < b */
	double		 score;
	double		 novalue;
	uint8_t		 rel;		/* enum claim_rel */
	uint8_t		 kinds;		/* conflicting kinds: 1 << kind */
	uint8_t		 strong;	/* a conflict by the values' contexts */
};

struct claim_set {
	uint32_t	*of;		/* claim of each sentence, 0 .. n - 1 */
	size_t		 nsent, sentcap;
	size_t		 n;		/* claims */
	uint32_t	*support;	/* per claim */
	size_t		*sources;	/* per claim: offset of its text in buf */
	size_t		*conflict;	/* per claim: offset in buf */
	size_t		 claimcap;
	char		*buf;		/* NUL-terminated strings */
	size_t		 len, bufcap;
	struct claim_pair *pairs;	/* every pair with a relation */
	size_t		 npairs, paircap;
	struct conflict_index *cf;	/* made on first use */
	struct conflict_hit *hits;
	size_t		 hitcap;
};

/* "same", "partial", "conflict" ("" for none). */
const char	*claim_rel_name(enum claim_rel r);

/*
 * Align the sentences of x (finished; s[i] describes sentence i) into
 * claims: cs is emptied and filled.  Claims are numbered in order of
 * their first sentence.
 */
void		 claim_align(struct sim_index *x, const struct sim_model *m,
		    const struct claim_opts *o, const struct claim_sent *s,
		    struct claim_set *cs);

/* The sources list of claim c: names sorted, joined by ','. */
const char	*claim_sources(const struct claim_set *cs, size_t c);
/* The conflict text of claim c ("" when none). */
const char	*claim_conflict(const struct claim_set *cs, size_t c);

void		 claim_set_free(struct claim_set *cs);

#endif
