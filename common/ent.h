/*
 * ent.h: the `entities` column written by tag-entities and read by the
 * later stages.  One field holds every mention of the sentence:
 *
 *	start:end:TYPE:key|start:end:TYPE:key|...
 *
 * start and end are byte offsets into the sentence's `text` (end
 * exclusive), TYPE is one of the names below, and in key the characters
 * % | : are written %25 %7C %3A (so any key round-trips and awk can
 * split on | then :).  An empty field means no mentions.  Mentions are
 * in order of start, then end.
 */
#ifndef ENT_H
#define ENT_H

#include <stddef.h>
#include <stdint.h>

enum ent_type {
	ENT_PERSON, ENT_NORP, ENT_FAC, ENT_ORG, ENT_GPE, ENT_LOC,
	ENT_PRODUCT, ENT_EVENT, ENT_WORK_OF_ART, ENT_LAW, ENT_LANGUAGE,
	ENT_MISC, ENT_DATE, ENT_TIME, ENT_PERCENT, ENT_MONEY, ENT_QUANTITY,
	ENT_ORDINAL, ENT_CARDINAL,
	ENT_NTYPES
};

struct ent_mention {
	uint32_t	start, end;	/* span in text */
	uint32_t	key_off;	/* key at buf + key_off, unescaped */
	uint32_t	key_len;
	uint8_t		type;		/* enum ent_type */
};

struct ent_list {
	struct ent_mention	*v;
	size_t			 n, cap;
	char			*buf;	/* the keys, each NUL-terminated */
	size_t			 len, bufcap;
};

/* "PERSON" ... ; the type named s[0..n), or -1. */
const char	*ent_type_name(enum ent_type t);
int		 ent_type_parse(const char *s, size_t n);

/* The key of mention i (NUL-terminated). */
const char	*ent_key(const struct ent_list *l, size_t i);

/* Empty l, then append mentions. */
void		 ent_clear(struct ent_list *l);
void		 ent_add(struct ent_list *l, uint32_t start, uint32_t end,
		    enum ent_type type, const char *key, size_t key_len);
void		 ent_list_free(struct ent_list *l);

/*
 * Replace l with the mentions of the field s[0..n) (already TSV-unescaped).
 * Return 0, or -1 with *err set to a static description of the fault.
 */
int		 ent_parse(const char *s, size_t n, struct ent_list *l,
		    const char **err);

/*
 * Write l in the field encoding to *out (a malloc'd buffer of *cap bytes,
 * grown as needed), replacing its contents; return the length (not
 * NUL-terminated).
 */
size_t		 ent_format(const struct ent_list *l, char **out, size_t *cap);

#endif
