/*
 * tok.c: the tokeniser described in tok.h.  One pass over the sentence;
 * a word is scanned character by character, and each joining character
 * (hyphen, period, apostrophe, ampersand, number punctuation) is let in
 * only when the characters on both sides allow it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sbd_abbr.h"
#include "tok.h"
#include "utf8.h"
#include "xalloc.h"

/* The character at s[i] (none past the end: -1). */
static int32_t
at(const char *s, size_t len, size_t i, size_t *n)
{
	int32_t cp;

	if (i >= len) {
		*n = 0;
		return -1;
	}
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	*n = utf8_decode(s + i, len - i, &cp);
	return cp;
}

static int
ismark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	    c == UTF8PROC_CATEGORY_ME;
}

/* Part of a word: a letter, a digit (any number) or a combining mark. */
static int
inword(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	return utf8_isalnum(cp) || ismark(cp);
}

static int
isapos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static int
lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * Length of the clitic 's 're 've 'll 'd 'm starting with the apostrophe
 * at s[i], ending the word there; 0 when there is none.
 */
static size_t
clitic(const char *s, size_t len, size_t i)
{
	static const char *const cl[] = { "s", "re", "ve", "ll", "d", "m" };
	size_t n, k, alen;
	int32_t cp = at(s, len, i, &alen);

	if (!isapos(cp))
		return 0;
	for (k = 0; k < sizeof(cl) / sizeof(cl[0]); k++) {
		size_t cn = strlen(cl[k]), j;
		if (i + alen + cn > len)
			continue;
		for (j = 0; j < cn; j++)
			if (lower_ascii((unsigned char)s[i + alen + j]) !=
			    cl[k][j])
				break;
		if (j < cn)
			continue;
		if (inword(at(s, len, i + alen + cn, &n)))
			continue;
		return alen + cn;
	}
	return 0;
}

/* Whether s[i..] is n't (n, apostrophe, t) followed by no word character. */
static size_t
nt(const char *s, size_t len, size_t i)
{
	size_t alen, n;

	if (i + 1 >= len || lower_ascii((unsigned char)s[i]) != 'n')
		return 0;
	if (!isapos(at(s, len, i + 1, &alen)))
		return 0;
	if (i + 1 + alen >= len ||
	    lower_ascii((unsigned char)s[i + 1 + alen]) != 't')
		return 0;
	if (inword(at(s, len, i + 2 + alen, &n)))
		return 0;
	return 2 + alen;
}

static void
push(struct tok_list *l, size_t start, size_t end, int kind, int flags)
{
	struct tok *t;

	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	t = &l->v[l->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)flags;
}

/*
 * Scan the word or number starting at s[i]; push it (and an n't after
 * it) and return where scanning goes on.
 */
static size_t
word(const char *s, size_t len, size_t i, struct tok_list *l)
{
	size_t j = i, n, nn, end;
	int32_t cp, prev = -1, next;
	int letters = 0, lowers = 0, flags = 0, isnum, nchars = 0;

	isnum = (cp = at(s, len, i, &n)) >= 0 && utf8_isdigit(cp);
	if (utf8_isupper(cp))
		flags |= TOK_CAP;
	while (j < len) {
		size_t k;
		cp = at(s, len, j, &n);
		if (inword(cp)) {
			if ((k = nt(s, len, j)) > 0 && j > i) {
				/* "don't": the word ends before n't */
				end = j;
				goto done;
			}
			if (utf8_isalpha(cp)) {
				letters++;
				if (!utf8_isupper(cp))
					lowers += utf8_islower(cp);
			} else if (utf8_isdigit(cp))
				flags |= TOK_DIGIT;
			prev = cp;
			j += n;
			nchars++;
			continue;
		}
		next = at(s, len, j + n, &nn);
		if (cp == '-' && inword(prev) && inword(next)) {
			flags |= TOK_HYPHEN;
		} else if (cp == '.' && inword(prev) && inword(next)) {
			flags |= TOK_PERIOD;
		} else if ((cp == ',' || cp == ':' || cp == '/') && isnum &&
		    letters == 0 && utf8_isdigit(prev) && utf8_isdigit(next)) {
			/* 1,500  12:30  6/26 */
		} else if (isapos(cp) && utf8_isalpha(prev) &&
		    utf8_isalpha(next) && clitic(s, len, j) == 0 &&
		    nt(s, len, j - 1) == 0) {
			/* O'Brien */
		} else if (cp == '&' && utf8_isupper(prev) &&
		    utf8_isupper(next)) {
			/* AT&T */
		} else
			break;
		prev = cp;
		j += n;
		nchars++;
	}
	end = j;
	/* A final period stays on an abbreviation. */
	if (end < len && s[end] == '.' && letters > 0) {
		size_t wl = end - i;
		int keep = (flags & TOK_PERIOD) ||
		    (letters == 1 && nchars == 1) ||
		    sbd_abbr_kind(s + i, wl) != SBD_ABBR_NONE;
		if (keep && !(end + 1 < len && s[end + 1] == '.')) {
			end++;
			flags |= TOK_PERIOD;
		}
	}
done:
	if (letters >= 2 && lowers == 0)
		flags |= TOK_ALLCAP;
	push(l, i, end, letters > 0 ? TOK_WORD : TOK_NUM, flags);
	return end;
}

void
tok_split(const char *s, size_t len, struct tok_list *l)
{
	size_t i = 0, n, k;
	int32_t cp;

	l->n = 0;
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	while (i < len) {
		cp = at(s, len, i, &n);
		if (cp >= 0 && (cp == ' ' || utf8_isspace(cp) ||
		    (cp < 0x20 && cp != 0))) {
			i += n;
			continue;
		}
		if (inword(cp)) {
			if ((k = nt(s, len, i)) > 0 && l->n > 0 &&
			    l->v[l->n - 1].end == i) {
				push(l, i, i + k, TOK_WORD, 0);
				i += k;
				continue;
			}
			i = word(s, len, i, l);
			continue;
		}
		if ((k = clitic(s, len, i)) > 0 && l->n > 0 &&
		    l->v[l->n - 1].end == i && l->v[l->n - 1].kind == TOK_WORD) {
			push(l, i, i + k, TOK_WORD, 0);
			i += k;
			continue;
		}
		if (cp == '.' || cp == '-') {
			/* "..." and "--" (and longer runs) are one token */
			size_t j = i;
			while (j < len && s[j] == (char)cp)
				j++;
			if (j - i >= (cp == '.' ? 3u : 2u)) {
				push(l, i, j, TOK_PUNCT,
				    cp == '.' ? TOK_PERIOD : TOK_HYPHEN);
				i = j;
				continue;
			}
		}
		push(l, i, i + n, TOK_PUNCT, cp == '.' ? TOK_PERIOD :
		    cp == '-' ? TOK_HYPHEN : 0);
		i += n;
	}
}

void
tok_list_free(struct tok_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

size_t
tok_lower(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0, k;
	int32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			out[o++] = s[i++];
			continue;
		}
		o += utf8_encode(utf8proc_tolower(cp), out + o);
		i += k;
	}
	return o;
}
