/*
 * nergaz.h: gazetteers for the entity tagger and for entity keys.
 *
 * The file (data/gazetteer.tsv, built by `make gazetteer` from Debian's
 * iso-codes and tzdata and the hand-written lists in data/src/) holds one
 * entry a line, `TYPE<TAB>phrase<TAB>key`: TYPE is one of the names below,
 * phrase the words as written, key the canonical name the phrase stands
 * for (empty: the phrase itself).  Phrases are matched on tokens
 * (tok_split), without regard to case, up to NERGAZ_MAXW tokens long.
 */
#ifndef NERGAZ_H
#define NERGAZ_H

#include <stddef.h>
#include <stdint.h>

#define NERGAZ_MAXW	8

/* Types, as bits: a phrase may have several. */
enum nergaz_type {
	NERGAZ_COUNTRY	= 0x01,	/* ISO 3166-1 names, codes and aliases */
	NERGAZ_REGION	= 0x02,	/* ISO 3166-2 subdivisions */
	NERGAZ_CITY	= 0x04,	/* tz database cities */
	NERGAZ_NORP	= 0x08,	/* nationalities, religions, parties */
	NERGAZ_ORGWORD	= 0x10,	/* words that end organisation names */
	NERGAZ_TITLE	= 0x20,	/* titles before a name (Mr., President) */
	NERGAZ_CURRENCY	= 0x40,	/* ISO 4217 names */
	NERGAZ_PLACE	= 0x80	/* continents, oceans, other places */
};

#define NERGAZ_NTYPES	8

struct nergaz;

/*
 * Load the gazetteer at path; NULL with a reason in err (errlen bytes)
 * when it cannot be read.  Free with nergaz_free() (NULL is a no-op).
 */
struct nergaz	*nergaz_load(const char *path, char *err, size_t errlen);
void		 nergaz_free(struct nergaz *g);

/* A gazetteer from the lines of s[0..len) (the file format), for tests. */
struct nergaz	*nergaz_from_text(const char *s, size_t len);

/* Hash of a token's lower case form, the unit phrases are matched on. */
uint64_t	 nergaz_word(const char *s, size_t len);

/*
 * Mark the longest matches over the token hashes lw[0..n) (nergaz_word):
 * for each match, b[first] gets its types, i[k] too for the following
 * tokens.  b and i are cleared first.
 */
void		 nergaz_mark(const struct nergaz *g, const uint64_t *lw,
		    size_t n, uint8_t *b, uint8_t *i);

/*
 * Types of the phrase lw[0..n) as a whole (0 when absent); its key,
 * when not NULL, to *key (NUL-terminated, owned by g).
 */
unsigned	 nergaz_lookup(const struct nergaz *g, const uint64_t *lw,
		    size_t n, const char **key);

/* "COUNTRY" ... for a single type bit; the bit for a name, or 0. */
const char	*nergaz_type_name(unsigned bit);
unsigned	 nergaz_type_parse(const char *s, size_t n);

#endif
