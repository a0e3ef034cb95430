/*
 * nerkey.h: keys that make mentions of one entity equal within a story.
 *
 * A mention's form is its words joined by single spaces, without a
 * leading "the", without titles before a person's name ("President",
 * "Mr."), and with "X Ministry" / "X Department" written "Ministry of X" /
 * "Department of X" (X the word before; words before X stay in front).  Places, nationalities and countries known to the
 * gazetteer take its canonical name ("U.S.", "US", "America" ->
 * "United States").  Then, over all mentions of a story:
 *  - forms equal but for case share the first spelling met that is not
 *    all capitals;
 *  - a person named by one word is the full name of the story that ends
 *    with that word ("Trump" -> "Donald Trump"; the most frequent such
 *    name when there are several), else one that begins with it ("Xi" ->
 *    "Xi Jinping");
 *  - a longer name takes a more frequent one with the same first and
 *    last words ("Donald J. Trump" -> "Donald Trump");
 *  - an all-capitals organisation of 2 to 6 letters is the most frequent
 *    organisation (or MISC name) of the story whose capitalised words
 *    give those initials ("WTO" -> "World Trade Organization").
 * Linking takes time linear in the number of mentions (indexes by
 * surname, first name, first and last names, initials).
 */
#ifndef NERKEY_H
#define NERKEY_H

#include <stddef.h>

#include "nergaz.h"

struct nerkey_item {
	const char	*s;		/* the mention's text, not owned */
	size_t		 len;
	int		 type;		/* enum ent_type */
	char		*key;		/* set by nerkey_link(), malloc'd */
};

/*
 * Give every item of v[0..n) (the mentions of one story) its key; g may
 * be NULL.  Free the keys with nerkey_items_free().
 */
void	nerkey_link(const struct nergaz *g, struct nerkey_item *v, size_t n);
void	nerkey_items_free(struct nerkey_item *v, size_t n);

/*
 * The form of one mention (see above) as a malloc'd string the caller
 * frees.
 */
char	*nerkey_form(const struct nergaz *g, int type, const char *s,
	    size_t len);

#endif
