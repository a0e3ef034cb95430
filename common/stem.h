/*
 * stem.h: content words for similarity: lower-cased, Snowball-stemmed
 * (libstemmer, English), and the English stop words to leave out.
 */
#ifndef STEM_H
#define STEM_H

#include <stddef.h>

struct stem;

/* An English stemmer, or NULL when libstemmer has no English. */
struct stem	*stem_new(void);
void		 stem_free(struct stem *st);

/*
 * The stem of the word s[0..n), lower-cased first; valid until the next
 * call on st.  Its length goes to *len.
 */
const char	*stem_word(struct stem *st, const char *s, size_t n,
		    size_t *len);

/*
 * Whether the lower-case word s[0..n) is an English stop word (function
 * words: articles, pronouns, auxiliaries, prepositions, conjunctions).
 */
int		 stem_stopword(const char *s, size_t n);

#endif
