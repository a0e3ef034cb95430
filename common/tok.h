/*
 * tok.h: words, numbers and punctuation of a sentence, with byte spans, in
 * the Penn Treebank / CoNLL-2003 manner the trained tagger was fitted on.
 *
 * - White space separates tokens and belongs to none.
 * - A word is a run of letters, digits and marks; it keeps internal
 *   hyphens ("German-born", "2025-06-26"), internal periods ("U.S.",
 *   "a.m."), internal apostrophes not starting a clitic ("O'Brien") and an
 *   ampersand between capitals ("AT&T").  A final period stays on a word
 *   that already holds a period, a single letter ("J.") or a known
 *   abbreviation ("Mr.", "Inc."); otherwise it is a token of its own.
 * - The English clitics 's 're 've 'll 'd 'm n't (with ' or U+2019) are
 *   tokens of their own: "Trump's" is "Trump" "'s", "don't" is "do" "n't".
 * - A number starting with a digit keeps internal , . : / between digits
 *   ("1,500", "3.5", "12:30", "6/26").
 * - "..." and "--" are one token each; any other punctuation or symbol
 *   character is a token of its own ("$", "%", "(").
 * - An invalid UTF-8 byte is a one-byte symbol token.
 */
#ifndef TOK_H
#define TOK_H

#include <stddef.h>
#include <stdint.h>

enum tok_kind {
	TOK_WORD,	/* holds a letter */
	TOK_NUM,	/* starts with a digit and holds no letter */
	TOK_PUNCT	/* punctuation or symbol */
};

/* Flags of a token, from its characters alone. */
#define TOK_CAP		0x01	/* first character is upper case */
#define TOK_ALLCAP	0x02	/* two or more letters, none lower case */
#define TOK_DIGIT	0x04	/* holds a digit */
#define TOK_PERIOD	0x08	/* holds a period */
#define TOK_HYPHEN	0x10	/* holds a hyphen */

struct tok {
	uint32_t	start;	/* byte offset in the text */
	uint32_t	end;	/* exclusive */
	uint8_t		kind;	/* enum tok_kind */
	uint8_t		flags;	/* TOK_* */
};

struct tok_list {
	struct tok	*v;
	size_t		 n, cap;
};

/*
 * Replace the contents of l with the tokens of s[0..len).  Texts longer
 * than UINT32_MAX bytes are cut at that length.
 */
void	tok_split(const char *s, size_t len, struct tok_list *l);
void	tok_list_free(struct tok_list *l);

/*
 * Write the lower-case form of s[0..n) (utf8proc simple case mapping; ASCII
 * inline) to out, which has room for 2 * n + 4 bytes, and return its
 * length.  Invalid bytes are copied.  out is not NUL-terminated.
 */
size_t	tok_lower(const char *s, size_t n, char *out);

#endif
