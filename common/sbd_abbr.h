/*
 * sbd_abbr.h: the word lists the sentence splitter consults at a candidate
 * boundary: abbreviations (what a period after them means) and the words
 * that typically open an English sentence.  Internal to sbd.c.
 */
#ifndef SBD_ABBR_H
#define SBD_ABBR_H

#include <stddef.h>

/* What a period after a known abbreviation means. */
enum sbd_abbr {
	SBD_ABBR_NONE,	/* not an abbreviation: an ordinary word */
	SBD_ABBR_TITLE,	/* stands before a name (Mr., Gen., St.): never final */
	SBD_ABBR_NEVER,	/* stands inside a sentence (vs., e.g., i.e.) */
	SBD_ABBR_NUM,	/* stands before a number (No. 5, p. 55, Fig. 3) */
	SBD_ABBR_POST,	/* may end a sentence (Inc., Jr., U.S., Calif., Dec.) */
	SBD_ABBR_TIME,	/* a.m. and p.m.: may end a sentence, see sbd.c */
	SBD_ABBR_PLACE	/* U.S., U.K., E.U.: end before any capital but a name */
};

/*
 * Kind of the abbreviation s[0..n) (the word without its final period,
 * ASCII letters compared without case, internal periods kept: "U.S",
 * "p.m").  Titles must be capitalised: "gen" is not "Gen".
 */
enum sbd_abbr	sbd_abbr_kind(const char *s, size_t n);

/*
 * Whether s[0..n) is a word that typically opens a sentence (a pronoun,
 * determiner, conjunction, "Mr." ...), compared with case.  After an
 * abbreviation that may end a sentence, only such a word makes the period
 * a boundary: "in the U.S. He said" splits, "the U.S. Senate" does not.
 */
int		sbd_starter(const char *s, size_t n);

/*
 * Whether s[0..n) is a capitalised word that continues a name after U.S.,
 * U.K., U.N. or E.U. ("Senate", "Navy", "Security"), compared with case.
 */
int		sbd_institution(const char *s, size_t n);

#endif
