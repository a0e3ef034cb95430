/*
 * conflict.h: which values two sentences give differently for one fact.
 *
 * Every value of a sentence (sim_values: dates, times, amounts,
 * percentages, counts, ordinals, persons) gets a role from the words
 * around it, read again from the sentence's text:
 *
 *	gov	the nearest content word before it in its clause ("said
 *		Tuesday", "announced early Tuesday": hedges such as
 *		"early", "roughly" are skipped; a comma ends the clause);
 *	verb	the nearest verb before it in its clause (within
 *		CONFLICT_VERBWIN words: a word ending in -ed, or a common
 *		irregular news verb), and a verb right after it ("on
 *		Tuesday announced");
 *	head	for counts, amounts and percentages, the content words right
 *		after the number ("4,200 union members"); "a day", "per
 *		share" make it a rate, compared only with the same rate;
 *	prep	the preposition before it: on, at, in and none are one
 *		class, since, from, after, before, until, through, by, to,
 *		for each a class of its own;
 *	title	for persons, the words right before the name ending in a
 *		title word ("Treasury Secretary Scott Bessent": title
 *		words, capitalised words and modifiers such as "former"),
 *		else an apposition ("Okafor, the union's president", "Lee,
 *		head of the judiciary"); and the verb after the name when
 *		that is not a verb of saying (the subject's verb).
 *
 * A value right after another of its kind with only a comma between
 * ("Monday, March 2") takes that value's role.
 *
 * Two values have the same role when their preps are of one class, their
 * rates are the same and they share a head (when both have one; else a
 * gov or verb word); persons when one's title words are all in the
 * other's ("Secretary", "Treasury Secretary") or they are subjects of
 * one verb.
 * Values of one class (sim kind; dates split into weekdays, days and
 * durations when found without tag-entities) conflict when they differ
 * (conflict_agree() is 0), have the same role, and neither is matched by
 * an agreeing value anywhere in the other sentence.
 *
 * A hit is strong when the contexts of the two values (CONFLICT_WIN
 * content words and other values each side) share CONFLICT_MINCTX
 * entries, one of them a value: the words and figures around the values
 * agree even where the sentences as a whole do not.
 *
 * Titles: a person whose key is in both sentences, with a title in each
 * (the words before the name, or an apposition after it: "Okafor, the
 * union's president") whose last word is a title word (secretary,
 * president, chairman ...), conflicts (kind CONFLICT_TITLE) when neither
 * title's words are all in the other.
 */
#ifndef CONFLICT_H
#define CONFLICT_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define CONFLICT_WIN	 6
#define CONFLICT_VERBWIN 8
#define CONFLICT_MINCTX	 3

/* Kinds: the sim kinds, then titles. */
#define CONFLICT_TITLE	 SIM_NKINDS
#define CONFLICT_NKINDS	 (SIM_NKINDS + 1)

/* One pair of values that conflict. */
struct conflict_hit {
	uint32_t	 a, b;		/* value of i, of j (sim_values order) */
	uint32_t	 sa, ea;	/* span in i's text */
	uint32_t	 sb, eb;	/* span in j's text */
	uint8_t		 kind;		/* sim kind or CONFLICT_TITLE */
	uint8_t		 strong;
};

struct conflict_index;

/* A new analyser; NULL with errno when the stemmer cannot be made. */
struct conflict_index *conflict_new(void);
void		 conflict_free(struct conflict_index *cf);

/* Forget the analyses, for a story of n sentences. */
void		 conflict_reset(struct conflict_index *cf, size_t n);

/*
 * The conflicting values of sentences i (text ti[0..li)) and j of x,
 * into *out (grown, *cap its size); returns how many.  Each sentence is
 * analysed once, on first use after conflict_reset().
 */
size_t		 conflict_find(struct conflict_index *cf,
		    const struct sim_index *x, size_t i, const char *ti,
		    size_t li, size_t j, const char *tj, size_t lj,
		    struct conflict_hit **out, size_t *cap);

/* The kinds (1 << kind) of hits h[0..n), all or only the strong ones. */
unsigned	 conflict_kinds(const struct conflict_hit *h, size_t n,
		    int strong);

/* The class values are compared in (kind, and the form of a date). */
int		 conflict_class(const struct sim_index *x,
		    const struct sim_value *v);

/*
 * How value keys ka and kb of one class agree: 2 the same, 1 possibly
 * the same (dates of different precision), 0 different.
 */
int		 conflict_agree(const struct sim_index *x, uint32_t ka,
		    uint32_t kb);

/* Name of a kind: "date", ..., "person", "title". */
const char	*conflict_kind_name(unsigned kind);

#endif
