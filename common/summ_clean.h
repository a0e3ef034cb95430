/*
 * summ_clean.h: sentences that read well alone, for summaries (summ.h).
 */
#ifndef SUMM_CLEAN_H
#define SUMM_CLEAN_H

#include <stddef.h>

/*
 * The cleaned form of text[0..len): a leading dateline and connective cut
 * off and the next letter capitalised.  Returns the offset where the kept
 * text starts in text and writes the (possibly upper-cased) first byte to
 * *first.
 */
size_t		 summ_clean(const char *text, size_t len, char *first);

/*
 * Whether text[0..len) reads well alone: it ends a sentence, closes its
 * quotes, does not start in lower case or with a pronoun that needs an
 * antecedent (outside quotes), and attributes nothing to a bare pronoun.
 */
int		 summ_standalone(const char *text, size_t len);

/* White-space separated words of text[0..len). */
size_t		 summ_words(const char *text, size_t len);

/*
 * Whether text[0..len) ends a sentence: . ! ? then closing quotes or
 * brackets (a headline, byline or caption does not).
 */
int		 summ_ends_sentence(const char *text, size_t len);

#endif
