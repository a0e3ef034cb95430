/*
 * stem.c: libstemmer's English (Porter2) stemmer behind a lower-casing
 * front, and the English stop words.
 *
 * The stop words are the English function words: articles, pronouns and
 * their forms, auxiliary and modal verbs, prepositions, conjunctions and
 * a few adverbs of degree -- the same classes as the Snowball project's
 * English stop list (snowballstem.org, algorithms/english/stop.txt), from
 * which the list below was drawn as a fact list.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stem.h"
#include "tok.h"
#include "xalloc.h"

struct stem {
	struct sb_stemmer *sb;
	char		*buf;
	size_t		 cap;
};

/* Sorted by strcmp for bsearch. */
static const char *const stops[] = {
	"a", "about", "above", "after", "again", "against", "all", "am",
	"an", "and", "any", "are", "aren't", "as", "at", "be", "because",
	"been", "before", "being", "below", "between", "both", "but", "by",
	"can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
	"does", "doesn't", "doing", "don't", "down", "during", "each", "few",
	"for", "from", "further", "had", "hadn't", "has", "hasn't", "have",
	"haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
	"here's", "hers", "herself", "him", "himself", "his", "how", "how's",
	"i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't",
	"it", "it's", "its", "itself", "let's", "me", "more", "most",
	"mustn't", "my", "myself", "no", "nor", "not", "of", "off", "on",
	"once", "only", "or", "other", "ought", "our", "ours", "ourselves",
	"out", "over", "own", "same", "shan't", "she", "she'd", "she'll",
	"she's", "should", "shouldn't", "so", "some", "such", "than", "that",
	"that's", "the", "their", "theirs", "them", "themselves", "then",
	"there", "there's", "these", "they", "they'd", "they'll", "they're",
	"they've", "this", "those", "through", "to", "too", "under", "until",
	"up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're",
	"we've", "were", "weren't", "what", "what's", "when", "when's",
	"where", "where's", "which", "while", "who", "who's", "whom", "why",
	"why's", "will", "with", "won't", "would", "wouldn't", "you",
	"you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
	"yourselves"
};

struct key {
	const char	*s;
	size_t		 n;
};

static int
cmpstop(const void *k, const void *e)
{
	const struct key *key = k;
	const char *w = *(const char *const *)e;
	size_t wn = strlen(w);
	int c = memcmp(key->s, w, key->n < wn ? key->n : wn);

	if (c != 0)
		return c;
	return key->n < wn ? -1 : key->n > wn;
}

int
stem_stopword(const char *s, size_t n)
{
	struct key k = { s, n };

	return bsearch(&k, stops, sizeof(stops) / sizeof(stops[0]),
	    sizeof(stops[0]), cmpstop) != NULL;
}

struct stem *
stem_new(void)
{
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	struct stem *st;

	if (sb == NULL)
		return NULL;
	st = xcalloc(1, sizeof(*st));
	st->sb = sb;
	return st;
}

void
stem_free(struct stem *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st->buf);
	free(st);
}

const char *
stem_word(struct stem *st, const char *s, size_t n, size_t *len)
{
	const sb_symbol *out;
	size_t ln;

	xgrow((void **)&st->buf, &st->cap, 2 * n + 4, 1);
	ln = tok_lower(s, n, st->buf);
	out = sb_stemmer_stem(st->sb, (const sb_symbol *)st->buf, (int)ln);
	if (out == NULL) {	/* libstemmer out of memory: the word as is */
		*len = ln;
		return st->buf;
	}
	*len = (size_t)sb_stemmer_length(st->sb);
	return (const char *)out;
}
