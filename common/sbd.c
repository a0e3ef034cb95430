/*
 * sbd.c: the sentence splitter behind split-sentences.
 *
 * Work is in two layers.  The outer layer finds lines with memchr(3) and
 * groups them into segments: a line, or a whole wrapped paragraph in blank
 * mode (see sbd.h for the paragraph rules).  The inner layer scans one
 * segment with a 256-entry byte class table that lets ordinary bytes
 * through at full speed and stops only at the few that can end a sentence
 * or change the state: . ! ? ( ) LF and the lead bytes 0xE2, 0xE3, 0xEF of
 * the Unicode marks, quotes and bullets.  Only there does it look at the
 * word before and the word after and decide; nothing is decoded elsewhere
 * and nothing is allocated but the caller's span array.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbd.h"
#include "sbd_abbr.h"
#include "utf8.h"
#include "xalloc.h"

/* What the scan does at a byte. */
enum {
	K_PLAIN,	/* nothing to decide */
	K_STOP,		/* . */
	K_MARK,		/* ! ? */
	K_LEAD,		/* lead byte of a Unicode stop, mark or bullet */
	K_OPEN,		/* ( */
	K_CLOSE,	/* ) */
	K_COLON,	/* : of a time */
	K_LF		/* LF: reached only inside a wrapped paragraph */
};

static const unsigned char sbd_class[256] = {
	['.'] = K_STOP, ['!'] = K_MARK, ['?'] = K_MARK,
	['('] = K_OPEN, [')'] = K_CLOSE, ['\n'] = K_LF, [':'] = K_COLON,
	[0xe2] = K_LEAD, [0xe3] = K_LEAD, [0xef] = K_LEAD,
};

/* A parenthesis opened further back than this was never closed. */
#define PAREN_REACH	300
/* Wrapped text is set in lines no longer than this (bytes). */
#define WRAP_WIDTH	100
/* Longer runs of non-space before a period are never abbreviations. */
#define TOKEN_REACH	64

enum { LIST_NONE, LIST_NUM, LIST_ALPHA, LIST_BULLET };

/* The list marker that opened a sentence of the segment: "1.", "a)", "•". */
struct list {
	int		kind;
	long		next;		/* number or letter the next item has */
	char		suf;		/* '.' or ')' after it */
	unsigned char	bullet[4];	/* a bullet's bytes, NUL-padded */
};

/* The state of one sbd_split call. */
struct run {
	const char	*b;
	struct sbd_spans *sp;
	size_t		 para;
	size_t		 cur;		/* start of the pending sentence */
	size_t		 end;		/* end of the current segment */
	size_t		 lstart;	/* start of the current line in it */
	size_t		 width;		/* longest line of a wrapped segment */
	int		 wrap;		/* LF inside the segment is a wrap */
	size_t		 popen;		/* offset of the open '(' */
	int		 pdepth;	/* parentheses open in the sentence */
	struct list	 list;
};

/* The word after a candidate boundary. */
struct next {
	size_t		at;	/* its first byte, after spaces and openers */
	int32_t		cp;	/* its first character */
	size_t		n;	/* its run of ASCII letters, with a final '.' */
	int		open;	/* 1 a quote came first, 2 a bracket */
};

/* Kinds of the token before a period. */
enum {
	T_WORD, T_NUM, T_INITIAL, T_LETTER, T_INITIALISM,
	T_TITLE, T_NEVER, T_NUMABBR, T_POST, T_TIME, T_PLACE
};

static int
ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
ascii_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

size_t
sbd_space_len(const char *s, size_t len)
{
	unsigned char c;
	int32_t cp;
	size_t n;

	if (len == 0)
		return 0;
	c = (unsigned char)s[0];
	if (c < 0x80)
		return ascii_space(c);
	/* Every non-ASCII space starts with one of these bytes. */
	if (c != 0xc2 && c != 0xe1 && c != 0xe2 && c != 0xe3 && c != 0xef)
		return 0;
	n = utf8_decode(s, len, &cp);
	return utf8_isspace(cp) ? n : 0;
}

/* Length of the white-space character ending at b[pos], never below lo. */
static size_t
space_back(const char *b, size_t lo, size_t pos)
{
	unsigned char c;
	int32_t cp;
	size_t n;

	if (pos <= lo)
		return 0;
	c = (unsigned char)b[pos - 1];
	if (c < 0x80)
		return ascii_space(c);
	n = utf8_decode_back(b + lo, pos - lo, &cp);
	return utf8_isspace(cp) ? n : 0;
}

static size_t
skip_space(const char *b, size_t p, size_t e)
{
	size_t n;

	while (p < e && (n = sbd_space_len(b + p, e - p)) > 0)
		p += n;
	return p;
}

static int
space_at(const struct run *r, size_t p)
{
	return p >= r->end || sbd_space_len(r->b + p, r->end - p) > 0;
}

void
sbd_spans_free(struct sbd_spans *spans)
{
	if (spans == NULL)
		return;
	free(spans->v);
	spans->v = NULL;
	spans->n = spans->cap = 0;
}

/* Whether s[0..n) starts with the 3-byte sequence x y z. */
static int
seq3(const char *s, size_t n, int x, int y, int z)
{
	const unsigned char *u = (const unsigned char *)s;

	return n >= 3 && u[0] == x && u[1] == y && u[2] == z;
}

/* Length of an opening quote or bracket at s, or 0. */
static size_t
opener_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	switch (u[0]) {
	case '(': case '[': case '{': case '"': case '\'':
		return 1;
	default:
		break;
	}
	if (n >= 2 && u[0] == 0xc2 && (u[1] == 0xab || u[1] == 0xbf ||
	    u[1] == 0xa1))				/* « ¿ ¡ */
		return 2;
	if (seq3(s, n, 0xe2, 0x80, 0x9c) || seq3(s, n, 0xe2, 0x80, 0x98) ||
	    seq3(s, n, 0xe3, 0x80, 0x8c) || seq3(s, n, 0xe3, 0x80, 0x8e) ||
	    seq3(s, n, 0xef, 0xbc, 0x88))		/* “ ‘ 「 『 （ */
		return 3;
	return 0;
}

/* Length of a closing quote or bracket at s, or 0. */
static size_t
closer_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	switch (u[0]) {
	case ')': case ']': case '}': case '"': case '\'':
		return 1;
	default:
		break;
	}
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0xbb)	/* » */
		return 2;
	if (seq3(s, n, 0xe2, 0x80, 0x9d) || seq3(s, n, 0xe2, 0x80, 0x99) ||
	    seq3(s, n, 0xe2, 0x80, 0xba) || seq3(s, n, 0xe3, 0x80, 0x8d) ||
	    seq3(s, n, 0xe3, 0x80, 0x8f) || seq3(s, n, 0xef, 0xbc, 0x89))
		return 3;				/* ” ’ › 」 』 ） */
	return 0;
}

/* Length of a bullet that can open a list item at s, or 0. */
static size_t
bullet_len(const char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (seq3(s, n, 0xe2, 0x80, 0xa2) || seq3(s, n, 0xe2, 0x80, 0xa3) ||
	    seq3(s, n, 0xe2, 0x81, 0x83) || seq3(s, n, 0xe2, 0x97, 0xa6) ||
	    seq3(s, n, 0xe2, 0x96, 0xaa) || seq3(s, n, 0xe2, 0x97, 0x8f) ||
	    seq3(s, n, 0xe2, 0x96, 0xa0))		/* • ‣ ⁃ ◦ ▪ ● ■ */
		return 3;
	return 0;
}

enum { M_NONE, M_STOP, M_MARK, M_ELLIPSIS, M_FULL };

/* The sentence-ending mark at s and its length, or M_NONE. */
static int
mark_at(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = 1;
	if (u[0] == '.')
		return M_STOP;
	if (u[0] == '!' || u[0] == '?')
		return M_MARK;
	*len = 3;
	if (seq3(s, n, 0xe2, 0x80, 0xa6))		/* … */
		return M_ELLIPSIS;
	if (seq3(s, n, 0xe2, 0x80, 0xbc) || seq3(s, n, 0xe2, 0x81, 0x87) ||
	    seq3(s, n, 0xe2, 0x81, 0x88) || seq3(s, n, 0xe2, 0x81, 0x89))
		return M_MARK;				/* ‼ ⁇ ⁈ ⁉ */
	if (seq3(s, n, 0xe3, 0x80, 0x82) || seq3(s, n, 0xef, 0xbc, 0x8e) ||
	    seq3(s, n, 0xef, 0xbc, 0x81) || seq3(s, n, 0xef, 0xbc, 0x9f) ||
	    seq3(s, n, 0xef, 0xbd, 0xa1))		/* 。 ． ！ ？ ｡ */
		return M_FULL;
	return M_NONE;
}

/* Append b[a..z), trimmed, as a sentence; nothing when it is all space. */
static void
emit(struct run *r, size_t a, size_t z)
{
	struct sbd_span *s;
	size_t n;

	a = skip_space(r->b, a, z);
	while (z > a && (n = space_back(r->b, a, z)) > 0)
		z -= n;
	if (a == z)
		return;
	xgrow((void **)&r->sp->v, &r->sp->cap, r->sp->n + 1,
	    sizeof(*r->sp->v));
	s = &r->sp->v[r->sp->n++];
	s->start = a;
	s->end = z;
	s->para = r->para;
}

/*
 * Parse a list marker at b[p..e): up to 3 digits or one lower-case letter
 * followed by '.', ')' or ".)" and a space, or a bullet.  Returns its
 * length (0 when there is none) and fills *m.
 */
static size_t
marker(const char *b, size_t p, size_t e, struct list *m)
{
	size_t q = p, k;

	memset(m, 0, sizeof(*m));
	if ((k = bullet_len(b + p, e - p)) > 0) {
		m->kind = LIST_BULLET;
		memcpy(m->bullet, b + p, k);
		return k;
	}
	while (q < e && q - p < 3 && ascii_digit(b[q]))
		m->next = m->next * 10 + (b[q++] - '0');
	if (q > p)
		m->kind = LIST_NUM;
	else if (q < e && b[q] >= 'a' && b[q] <= 'z') {
		m->kind = LIST_ALPHA;
		m->next = b[q++];
	} else
		return 0;
	if (q >= e || (b[q] != '.' && b[q] != ')'))
		return 0;
	m->suf = b[q++];
	if (m->suf == '.' && q < e && b[q] == ')')
		q++;
	if (q < e && !ascii_space(b[q]))
		return 0;
	m->next++;
	return q - p;
}

/* First byte of the pending sentence's text, past spaces and a bullet. */
static size_t
body_start(const struct run *r)
{
	size_t p, k;

	p = skip_space(r->b, r->cur, r->end);
	if (p < r->end && (k = bullet_len(r->b + p, r->end - p)) > 0)
		p = skip_space(r->b, p + k, r->end);
	return p;
}

/* A sentence begins at r->cur: note the list item it opens, if any. */
static void
list_note(struct run *r)
{
	struct list m;
	size_t p;

	p = skip_space(r->b, r->cur, r->end);
	if (p >= r->end || marker(r->b, p, r->end, &m) == 0)
		return;
	if (m.kind == r->list.kind && m.kind == LIST_BULLET &&
	    memcmp(m.bullet, r->list.bullet, sizeof(m.bullet)) == 0)
		return;
	r->list = m;
}

/* End the pending sentence just before b[at]. */
static void
cut(struct run *r, size_t at)
{
	emit(r, r->cur, at);
	r->cur = at;
	r->pdepth = 0;
	list_note(r);
}

/* Whether the pending sentence is inside parentheses it opened. */
static int
in_paren(const struct run *r, size_t i)
{
	size_t n;

	if (r->pdepth == 0 || i - r->popen > PAREN_REACH)
		return 0;
	/* A parenthesis that never closes ("(like this. So") holds nothing. */
	n = r->end - i < PAREN_REACH ? r->end - i : PAREN_REACH;
	return memchr(r->b + i, ')', n) != NULL;
}

/*
 * Extend a mark ending at q over further marks and closing quotes and
 * brackets: "?!", ".\"", ".)", "!”".  A closing parenthesis closes one
 * that the sentence opened.
 */
static size_t
cluster(struct run *r, size_t q)
{
	size_t k;

	while (q < r->end) {
		if (mark_at(r->b + q, r->end - q, &k) != M_NONE ||
		    (k = closer_len(r->b + q, r->end - q)) > 0) {
			if (r->b[q] == ')' && r->pdepth > 0)
				r->pdepth--;
			q += k;
		} else
			break;
	}
	return q;
}

/* Find the word after b[q]; 0 when the segment ends first. */
static int
next_word(const struct run *r, size_t q, struct next *w)
{
	size_t p, k;

	p = skip_space(r->b, q, r->end);
	w->open = 0;
	while (p < r->end && (k = opener_len(r->b + p, r->end - p)) > 0) {
		w->open = r->b[p] == '(' || r->b[p] == '[' ||
		    r->b[p] == '{' ? 2 : 1;
		p += k;
	}
	if (p >= r->end)
		return 0;
	w->at = p;
	utf8_decode(r->b + p, r->end - p, &w->cp);
	for (k = p; k < r->end && ascii_alpha(r->b[k]); k++)
		continue;
	if (k > p && k < r->end && r->b[k] == '.')
		k++;
	w->n = k - p;
	return 1;
}

/*
 * Start of the token that ends at b[i], a mark: back to white space or the
 * sentence start, then past opening quotes, brackets and a bullet.
 */
static size_t
token_start(const struct run *r, size_t i)
{
	size_t t = i, k;

	while (t > r->cur && i - t < TOKEN_REACH &&
	    space_back(r->b, r->cur, t) == 0)
		t--;
	while (t < i && ((k = opener_len(r->b + t, i - t)) > 0 ||
	    (k = bullet_len(r->b + t, i - t)) > 0 ||
	    (k = (r->b[t] == '-' || r->b[t] == '*' || r->b[t] == '~'))))
		t += k;
	return t;
}

/* Whether s[0..n) is like U.S, E.U, Ph.D, J.R.R: short letter groups. */
static int
initialism(const char *s, size_t n)
{
	size_t i = 0, run = 0;
	int dots = 0;

	for (i = 0; i < n; i++) {
		if (ascii_alpha(s[i]) && run < 2)
			run++;
		else if (s[i] == '.' && run > 0) {
			run = 0;
			dots++;
		} else
			return 0;
	}
	return dots > 0 && run > 0;
}

static int
token_kind(const char *s, size_t n)
{
	size_t i;

	/* Before the table: "P." is an initial, "p." a page. */
	if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
		return T_INITIAL;
	switch (sbd_abbr_kind(s, n)) {
	case SBD_ABBR_TITLE:
		return T_TITLE;
	case SBD_ABBR_NEVER:
		return T_NEVER;
	case SBD_ABBR_NUM:
		return T_NUMABBR;
	case SBD_ABBR_POST:
		return T_POST;
	case SBD_ABBR_TIME:
		return T_TIME;
	case SBD_ABBR_PLACE:
		return T_PLACE;
	default:
		break;
	}
	if (n == 1 && s[0] >= 'a' && s[0] <= 'z')
		return T_LETTER;
	for (i = 0; i < n && ascii_digit(s[i]); i++)
		continue;
	if (n > 0 && i == n)
		return T_NUM;
	return initialism(s, n) ? T_INITIALISM : T_WORD;
}

/* Does s[0..n) start a web address ("http://", "https://", "www.")? */
static int
url_start(const char *s, size_t n)
{
	return (n > 7 && memcmp(s, "http://", 7) == 0) ||
	    (n > 8 && memcmp(s, "https://", 8) == 0) ||
	    (n > 4 && memcmp(s, "www.", 4) == 0);
}

/*
 * A run of dashes ("--", "-", "–", "—") then a space or a capital: an
 * attribution or a new item after a finished sentence ("sense. -- Tom",
 * "again. - The board"), not a minus sign or a dash inside a sentence.
 */
static int
dash_opens(const struct run *r, size_t p)
{
	size_t n = 0;
	int32_t cp;

	for (;;) {
		if (p < r->end && r->b[p] == '-')
			p++;
		else if (p + 3 <= r->end &&
		    (unsigned char)r->b[p] == 0xe2 &&
		    (unsigned char)r->b[p + 1] == 0x80 &&
		    ((unsigned char)r->b[p + 2] == 0x93 ||
		    (unsigned char)r->b[p + 2] == 0x94))
			p += 3;
		else
			break;
		n++;
	}
	if (n == 0 || p >= r->end)
		return 0;
	utf8_decode(r->b + p, r->end - p, &cp);
	return utf8_isspace(cp) || utf8_isupper(cp);
}

/*
 * After an ordinary word and a mark: does the next word open a sentence?
 * A capital, a digit, a bracket ("(Reporting by ...)", "(c) Are"), an
 * ellipsis ("... Specifically") or a dash before a name do.
 */
static int
opens_plain(const struct run *r, const struct next *w)
{
	if (w->open == 2)
		return 1;
	if (w->cp == '-' || w->cp == 0x2013 || w->cp == 0x2014)
		return !w->open && dash_opens(r, w->at);
	if (w->cp == '.' || w->cp == 0x2026)
		return !w->open && (w->cp == 0x2026 ||
		    (w->at + 2 < r->end && r->b[w->at + 1] == '.' &&
		    r->b[w->at + 2] == '.'));
	if (utf8_islower(w->cp))
		return !w->open && url_start(r->b + w->at, r->end - w->at);
	/* "? ? ?" and ". ." are one cluster spread out. */
	return w->cp < 0 || w->cp >= 0x80 ||
	    strchr(",;:)]}%&!?", (int)w->cp) == NULL;
}

/* After an abbreviation that may end a sentence: is this a sentence start? */
static int
opens_strong(const struct run *r, const struct next *w)
{
	/* "p.m. (CDT)": a bracket after an abbreviation annotates it. */
	if (w->open == 2)
		return 0;
	if (w->open)
		return utf8_isupper(w->cp);
	return sbd_starter(r->b + w->at, w->n);
}

/*
 * After U.S., U.K., E.U.: any capitalised word starts a sentence ("the
 * E.U. Ministers will meet") but one that continues a name ("the U.S.
 * Senate"), a title ("the U.S. Sen. Ames") or an acronym ("U.S. GDP").
 */
static int
opens_place(const struct run *r, const struct next *w)
{
	const char *s = r->b + w->at;
	size_t n = w->n;

	if (opens_strong(r, w))
		return 1;
	if (w->open || !utf8_isupper(w->cp) || n == 0)
		return 0;
	if (n > 1 && s[1] >= 'A' && s[1] <= 'Z')
		return 0;
	if (s[n - 1] == '.' && sbd_abbr_kind(s, --n) == SBD_ABBR_TITLE)
		return 0;
	return !sbd_institution(s, n);
}

/*
 * Whether the abbreviation at b[t] follows a house number and a name:
 * "12 Elm St." is a street and may end a sentence before any capital.
 */
static int
street_before(const struct run *r, size_t t)
{
	size_t p = t;

	while (p > r->cur && r->b[p - 1] == ' ')
		p--;
	if (p == t)
		return 0;
	while (p > r->cur && ascii_alpha(r->b[p - 1]))
		p--;
	if (!(r->b[p] >= 'A' && r->b[p] <= 'Z') || p == r->cur ||
	    r->b[p - 1] != ' ')
		return 0;
	p--;
	while (p > r->cur && r->b[p - 1] == ' ')
		p--;
	return p > r->cur && ascii_digit(r->b[p - 1]);
}

/* Whether the word before b[t] starts with a lower-case letter. */
static int
prev_lower(const struct run *r, size_t t)
{
	size_t k;

	while (t > r->cur && (k = space_back(r->b, r->cur, t)) > 0)
		t -= k;
	if (t == r->cur)
		return 0;
	while (t > r->cur && space_back(r->b, r->cur, t) == 0)
		t--;
	return r->b[t] >= 'a' && r->b[t] <= 'z';
}

/* Number of words of the sentence before b[t], counting up to 3. */
static int
words_before(const struct run *r, size_t t)
{
	size_t p = body_start(r);
	int n = 0;

	while (p < t && n < 3) {
		while (p < t && !ascii_space(r->b[p]))
			p++;
		n++;
		while (p < t && ascii_space(r->b[p]))
			p++;
	}
	return n;
}

/*
 * Whether the token b[t..i) before a mark is the next item of the list the
 * segment opened ("1. The first item 2. The second"): then the item
 * starts a sentence of its own.
 */
static int
list_next(const struct run *r, size_t t, size_t i, char suf)
{
	long v = 0;
	size_t k;

	if (r->list.kind == LIST_NONE || r->list.kind == LIST_BULLET ||
	    r->list.suf != suf || t == i || t == r->cur ||
	    space_back(r->b, r->cur, t) == 0 || t == body_start(r))
		return 0;
	if (r->list.kind == LIST_ALPHA)
		return i - t == 1 && r->b[t] == r->list.next;
	for (k = t; k < i; k++) {
		if (!ascii_digit(r->b[k]) || k - t >= 3)
			return 0;
		v = v * 10 + (r->b[k] - '0');
	}
	return v == r->list.next;
}

/* Whether s[0..n) is a plain lower-case word of three letters or more. */
static int
lower_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return n >= 3;
}

/*
 * Does a single period at b[i], token b[t..i), end the sentence?  q is
 * the end of the mark with its closing quotes.
 */
static int
stop_ends(const struct run *r, size_t t, size_t i, size_t q,
    const struct next *w)
{
	const char *s = r->b + t;

	switch (token_kind(s, i - t)) {
	case T_TITLE:
		return street_before(r, t) && utf8_isupper(w->cp);
	case T_NEVER:
		return 0;
	case T_PLACE:
		/* "U.S. Lawmakers Reach Deal": no sentence is just "U.S." */
		if (t == body_start(r))
			return opens_strong(r, w);
		return opens_place(r, w);
	case T_NUMABBR:
		return !utf8_isdigit(w->cp) && opens_plain(r, w);
	case T_POST:
		if (street_before(r, t) && utf8_isupper(w->cp))
			return 1;
		return opens_strong(r, w);
	case T_INITIALISM:
		return opens_strong(r, w);
	case T_TIME:
		/* "At 5 a.m. Mr. Smith left": the time opened the sentence. */
		return opens_strong(r, w) && words_before(r, t) >= 3;
	case T_INITIAL:
		/* "you and I. Did" ends; "Albert I. Jones" does not. */
		if (s[0] == 'I' && prev_lower(r, t))
			return utf8_isupper(w->cp);
		return opens_strong(r, w);
	case T_NUM:
	case T_LETTER:
		/* "1. The first item": a list marker opens the sentence. */
		if (t == body_start(r))
			return 0;
		return opens_plain(r, w);
	default:
		if (opens_plain(r, w))
			return 1;
		/*
		 * Web text starts sentences in lower case ("now. she
		 * knows"); a plain lower-case word is no abbreviation, and
		 * with no quote after the period it is no quotation either
		 * ("great." she said).
		 */
		return q == i + 1 && utf8_islower(w->cp) &&
		    lower_word(r->b + t, i - t);
	}
}

/* Ellipsis at b[i..q) ("...", "…", ". . ."): does it end the sentence? */
static int
ellipsis_ends(const struct run *r, size_t i, const struct next *w,
    int dots, int spaced)
{
	/* "[...]" marks an omission inside a quotation. */
	if (i > r->cur && r->b[i - 1] == '[')
		return 0;
	/* ". . ." is an omission; ". . . ." is one plus a full stop. */
	if (spaced && dots < 4)
		return 0;
	return utf8_isupper(w->cp) || utf8_isdigit(w->cp);
}

/* Count the periods of "...", ". . ." from b[i]; *q is past them. */
static int
count_dots(const struct run *r, size_t i, size_t *q, int *spaced)
{
	size_t p = i + 1;
	int n = 1;

	*spaced = 0;
	while (p < r->end && r->b[p] == '.') {
		p++;
		n++;
	}
	if (n == 1) {
		while (p + 1 < r->end && r->b[p] == ' ' && r->b[p + 1] == '.') {
			p += 2;
			n++;
		}
		if (n >= 3)
			*spaced = 1;
		else {
			p = i + 1;
			n = 1;
		}
	}
	*q = p;
	return n;
}

/*
 * "the following: 1. Check the tank": a number after a colon is a list
 * item that opens a sentence.
 */
static int
colon_item(const struct run *r, size_t t, size_t i)
{
	size_t k;

	if (t >= i || i - t > 2)
		return 0;
	for (k = t; k < i; k++)
		if (!ascii_digit(r->b[k]))
			return 0;
	for (k = t; k > r->cur && ascii_space(r->b[k - 1]); k--)
		continue;
	return k < t && k > r->cur && r->b[k - 1] == ':';
}

/*
 * A face after a mark (":)", "^_^", "=)") belongs to the sentence it
 * follows.  When one is at w, move *q past it and read the next word;
 * returns 0 when nothing follows.
 */
static int
skip_face(const struct run *r, size_t *q, struct next *w)
{
	size_t p = w->at, n;
	int eyes = 0, mouth = 0;

	if (w->open)
		p = skip_space(r->b, *q, r->end);
	for (n = 0; p + n < r->end && !ascii_space(r->b[p + n]); n++) {
		if (strchr(":;=^", r->b[p + n]) != NULL)
			eyes++;
		else if (strchr(")(DPpO3/|_-'<>", r->b[p + n]) != NULL)
			mouth++;
		else
			return 1;
	}
	if (n < 2 || n > 4 || eyes == 0 || mouth == 0)
		return 1;
	*q = p + n;
	return next_word(r, *q, w);
}

static size_t
on_stop(struct run *r, size_t i)
{
	struct next w;
	size_t q, t;
	int dots, spaced, ends;

	t = token_start(r, i);
	if (i + 1 < r->end && (ascii_space(r->b[i + 1]) ||
	    r->b[i + 1] == ')') && (list_next(r, t, i, '.') ||
	    colon_item(r, t, i)))
		cut(r, t);
	dots = count_dots(r, i, &q, &spaced);
	q = cluster(r, q);
	if (!space_at(r, q) || !next_word(r, q, &w) || in_paren(r, i) ||
	    !skip_face(r, &q, &w))
		return q;
	if (dots > 1)
		ends = ellipsis_ends(r, i, &w, dots, spaced);
	else
		ends = stop_ends(r, t, i, q, &w);
	if (ends)
		cut(r, q);
	return q;
}

/*
 * "really? or do i": in web text a question or exclamation ends a
 * sentence even before lower case, unless a quote closes it ("Why?" he
 * asked) or the word is a name that carries the mark (Yahoo! in).
 */
static int
mark_lower(const struct run *r, size_t t, size_t i, size_t q,
    const struct next *w)
{
	int32_t cp;

	if (!utf8_islower(w->cp) || t >= i ||
	    (r->b[q - 1] != '!' && r->b[q - 1] != '?'))
		return 0;
	utf8_decode(r->b + t, i - t, &cp);
	return !utf8_isupper(cp);
}

/* ! ? and their Unicode forms: a boundary unless lower case follows. */
static size_t
on_mark(struct run *r, size_t i, size_t len)
{
	struct next w;
	size_t q, t;

	q = cluster(r, i + len);
	if (!space_at(r, q) || !next_word(r, q, &w) || in_paren(r, i) ||
	    !skip_face(r, &q, &w))
		return q;
	/* "Yahoo! Finance" is a name; "Yahoo! He" still ends. */
	t = token_start(r, i);
	if (i - t == 5 && memcmp(r->b + t, "Yahoo", 5) == 0 &&
	    !opens_strong(r, &w))
		return q;
	if (opens_plain(r, &w) || mark_lower(r, t, i, q, &w))
		cut(r, q);
	return q;
}

/* "…" and the full-width stops of CJK text, which need no space after. */
static size_t
on_lead(struct run *r, size_t i)
{
	struct next w;
	size_t q, k;
	int m;

	m = mark_at(r->b + i, r->end - i, &k);
	if (m == M_MARK)
		return on_mark(r, i, k);
	if (m == M_ELLIPSIS) {
		q = cluster(r, i + k);
		if (space_at(r, q) && next_word(r, q, &w) && !in_paren(r, i) &&
		    ellipsis_ends(r, i, &w, 3, 0))
			cut(r, q);
		return q;
	}
	if (m == M_FULL) {
		q = cluster(r, i + k);
		/* 「…。」と言った: a quotation closed by と runs on. */
		if (q > i + k && seq3(r->b + q, r->end - q, 0xe3, 0x81, 0xa8))
			return q;
		if (next_word(r, q, &w))
			cut(r, q);
		return q;
	}
	k = bullet_len(r->b + i, r->end - i);
	if (k > 0 && r->list.kind == LIST_BULLET &&
	    memcmp(r->b + i, r->list.bullet, k) == 0 && i > r->cur &&
	    space_back(r->b, r->cur, i) > 0 && i != body_start(r))
		cut(r, i);
	return i + 1;
}

static void
on_open(struct run *r, size_t i)
{
	/* ":(" is a face, not a parenthesis. */
	if (i > r->cur && (r->b[i - 1] == ':' || r->b[i - 1] == ';'))
		return;
	if (r->pdepth == 0)
		r->popen = i;
	if (r->pdepth < 8)
		r->pdepth++;
}

static size_t
on_close(struct run *r, size_t i)
{
	struct next w;
	size_t t;

	/* "1) The first item 2) The second": only before a capital. */
	t = token_start(r, i);
	if (list_next(r, t, i, ')') && next_word(r, i + 1, &w) &&
	    utf8_isupper(w.cp))
		cut(r, t);
	if (r->pdepth > 0)
		r->pdepth--;
	return i + 1;
}

/* What sbd_split needs to know about one line. */
struct line {
	size_t	len;	/* bytes from first to last non-space; 0 if blank */
	int	final;	/* ends with final punctuation */
	int	lower;	/* starts with a lower-case letter */
};

/* A line ending in one of these does not run on into the next. */
static int
final_punct(int32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?': case ':': case ';': case '"': case '\'':
	case ')': case 0x201d: case 0x2019: case 0x2026: case 0x3002:
	case 0xff01: case 0xff1f: case 0xff0e:
		return 1;
	default:
		return 0;
	}
}

static size_t
line_end(const char *b, size_t p, size_t e)
{
	const char *nl;

	nl = memchr(b + p, '\n', e - p);
	return nl == NULL ? e : (size_t)(nl - b);
}

/*
 * Does b[a..z) end with a title or another abbreviation that never ends a
 * sentence ("member, Mr." wrapped before the name)?  Then its period is
 * not final punctuation for telling wraps from line ends.
 */
static int
title_at_end(const char *b, size_t a, size_t z)
{
	size_t t;

	if (z - a < 2 || b[z - 1] != '.')
		return 0;
	for (t = z - 1; t > a && !ascii_space((unsigned char)b[t - 1]); t--)
		continue;
	switch (sbd_abbr_kind(b + t, z - 1 - t)) {
	case SBD_ABBR_TITLE:
	case SBD_ABBR_NEVER:
		return 1;
	default:
		return 0;
	}
}

static void
line_info(const char *b, size_t s, size_t e, struct line *l)
{
	int32_t cp;
	size_t a, z, n;

	a = skip_space(b, s, e);
	z = e;
	while (z > a && (n = space_back(b, a, z)) > 0)
		z -= n;
	l->len = z - a;
	l->final = l->lower = 0;
	if (a == z)
		return;
	utf8_decode(b + a, z - a, &cp);
	l->lower = utf8_islower(cp);
	utf8_decode_back(b + a, z - a, &cp);
	l->final = final_punct(cp) && !title_at_end(b, a, z);
}

/* A paragraph: a run of lines that are not blank. */
struct pstat {
	size_t	end;		/* end of its last line */
	size_t	lines;
	size_t	width;		/* its longest line */
	size_t	mid;		/* line ends that fall mid-sentence */
	size_t	lowmid;		/* of those, before a lower-case line */
	int	wrapped;	/* its line breaks are wraps */
};

/*
 * Measure the paragraph that starts at b[p].  Its lines are wrapped when
 * there are several, at least half the line ends fall mid-sentence (no
 * final punctuation, and the next line starts in lower case or both
 * lines are long, the first no longer than a wrapped line can be) and
 * the last line is not much longer than the others (a headline over a
 * one-line paragraph is not a wrap).
 */
static void
para_scan(const char *b, size_t p, size_t len, struct pstat *ps)
{
	struct line prev, cur;
	size_t e, maxnl = 0;

	memset(ps, 0, sizeof(*ps));
	memset(&prev, 0, sizeof(prev));
	for (; p < len; p = e + 1) {
		e = line_end(b, p, len);
		line_info(b, p, e, &cur);
		if (cur.len == 0)
			break;
		if (ps->lines > 0) {
			if (!prev.final && (cur.lower || (prev.len >= 40 &&
			    prev.len <= WRAP_WIDTH && cur.len >= 40)))
				ps->mid++;
			if (!prev.final && cur.lower)
				ps->lowmid++;
			if (prev.len > maxnl)
				maxnl = prev.len;
		}
		ps->lines++;
		prev = cur;
		ps->end = e;
	}
	ps->width = maxnl > prev.len ? maxnl : prev.len;
	ps->wrapped = ps->lines >= 2 && ps->mid * 2 >= ps->lines - 1 &&
	    prev.len <= maxnl + maxnl / 2 + 16;
}

/* Start of the first line at or after b[p] that is not blank, or len. */
static size_t
skip_blank(const char *b, size_t p, size_t len)
{
	size_t e;

	while (p < len) {
		e = line_end(b, p, len);
		if (skip_space(b, p, e) < e)
			return p;
		p = e + 1;
	}
	return len;
}

/*
 * A line break inside a wrapped paragraph still ends a unit before a list
 * item, and after a short line without final punctuation that is followed
 * by a capital (a heading or byline set above the text).
 */
static size_t
on_lf(struct run *r, size_t i)
{
	struct list m;
	struct line l;
	size_t p;
	int32_t cp;

	line_info(r->b, r->lstart, i, &l);
	r->lstart = i + 1;
	p = skip_space(r->b, i + 1, r->end);
	if (p >= r->end)
		return i + 1;
	utf8_decode(r->b + p, r->end - p, &cp);
	if (marker(r->b, p, r->end, &m) > 0 ||
	    (!l.final && l.len * 2 < r->width && utf8_isupper(cp)))
		cut(r, i);
	return i + 1;
}

/* Length of a run of at most max digits at b[p..e). */
static size_t
digits(const char *b, size_t p, size_t e, size_t max)
{
	size_t n = 0;

	while (p + n < e && n < max && ascii_digit(b[p + n]))
		n++;
	return n;
}

/* Whether b[lo..p) ends with a date like 09/16/99 or 3/2/2001. */
static int
date_before(const char *b, size_t lo, size_t p)
{
	size_t slashes = 0;

	if (p <= lo || !ascii_digit(b[p - 1]))
		return 0;
	while (p > lo && (ascii_digit(b[p - 1]) || b[p - 1] == '/'))
		slashes += b[--p] == '/';
	return slashes == 2 && (p == lo || ascii_space(b[p - 1]));
}

/*
 * "Sara Shackleton 09/16/99 08:55 AM Have you decided": e-mail headers
 * end with a date and a time, and the text starts after them.  At the ':'
 * of such a time, cut after its AM or PM when a capital follows.
 */
static size_t
on_date_time(struct run *r, size_t i)
{
	struct next w;
	size_t h, p;

	h = i;
	while (h > r->cur && i - h < 2 && ascii_digit(r->b[h - 1]))
		h--;
	p = i + 1;
	if (h == i || digits(r->b, p, r->end, 2) != 2 || h < r->cur + 2 ||
	    r->b[h - 1] != ' ' || !date_before(r->b, r->cur, h - 1))
		return i + 1;
	p += 2;
	if (p + 2 < r->end && r->b[p] == ':' && digits(r->b, p + 1, r->end,
	    2) == 2)
		p += 3;				/* seconds */
	if (p < r->end && r->b[p] == ' ')
		p++;
	if (p + 2 < r->end && (r->b[p] == 'A' || r->b[p] == 'P') &&
	    r->b[p + 1] == 'M' && ascii_space(r->b[p + 2]))
		p += 2;
	else if (!(p > i + 3 && r->b[p - 1] == ' '))
		return i + 1;
	/* Without AM or PM ("18:20") a zone may follow: not all capitals. */
	if (next_word(r, p, &w) && !w.open && utf8_isupper(w.cp) &&
	    (r->b[p - 1] == 'M' || w.n < 2 || utf8_islower(r->b[w.at + 1])))
		cut(r, p);
	return p;
}

/* Whether the token ending at b[p] (after spaces) is a web address. */
static int
url_before(const struct run *r, size_t p)
{
	size_t e, t;

	while (p > r->cur && ascii_space(r->b[p - 1]))
		p--;
	for (e = p; p > r->cur && !ascii_space(r->b[p - 1]); p--)
		continue;
	if (e - p >= 4 && memcmp(r->b + p, "www.", 4) == 0)
		return 1;
	for (t = p; t + 3 <= e; t++)
		if (memcmp(r->b + t, "://", 3) == 0)
			return 1;
	return 0;
}

/*
 * At a ':' either of a time after a date (see on_date_time) or of
 * "http://" that follows another web address: a list of links, one
 * unit each.
 */
/*
 * A face standing alone with no mark before it ("lol :( I'm not"): web
 * writers end a sentence with it.  Returns the end of the face at b[i],
 * a ':', or 0 when there is none.
 */
static size_t
face_at(const struct run *r, size_t i)
{
	size_t p = i + 1;

	if (i == r->cur || !ascii_space(r->b[i - 1]))
		return 0;
	if (p < r->end && r->b[p] == '-')
		p++;
	if (p >= r->end || strchr(")(DPp", r->b[p]) == NULL)
		return 0;
	p++;
	while (p < r->end && (r->b[p] == ')' || r->b[p] == '('))
		p++;
	return p < r->end && ascii_space(r->b[p]) ? p : 0;
}

static size_t
on_colon(struct run *r, size_t i)
{
	struct next w;
	size_t t;

	if ((t = face_at(r, i)) > 0) {
		if (next_word(r, t, &w) && utf8_isupper(w.cp) && !w.open)
			cut(r, t);
		return t;
	}
	if (i + 2 < r->end && r->b[i + 1] == '/' && r->b[i + 2] == '/') {
		t = i >= 5 && memcmp(r->b + i - 5, "https", 5) == 0 ? i - 5 :
		    i >= 4 && memcmp(r->b + i - 4, "http", 4) == 0 ? i - 4 : i;
		if (t < i && t > r->cur && ascii_space(r->b[t - 1]) &&
		    url_before(r, t))
			cut(r, t);
		return i + 3;
	}
	return on_date_time(r, i);
}

/* The inner loop: let ordinary bytes through, decide at the others. */
static void
scan(struct run *r)
{
	const unsigned char *u = (const unsigned char *)r->b;
	size_t i = r->cur, e = r->end;

	while (i < e) {
		while (i < e && sbd_class[u[i]] == K_PLAIN)
			i++;
		if (i >= e)
			break;
		switch (sbd_class[u[i]]) {
		case K_STOP:
			i = on_stop(r, i);
			break;
		case K_MARK:
			i = on_mark(r, i, 1);
			break;
		case K_LEAD:
			i = on_lead(r, i);
			break;
		case K_OPEN:
			on_open(r, i++);
			break;
		case K_CLOSE:
			i = on_close(r, i);
			break;
		case K_COLON:
			i = on_colon(r, i);
			break;
		default:
			i = on_lf(r, i);
			break;
		}
	}
}

/* Split b[s..e), a line or a wrapped paragraph, into sentences. */
static void
segment(struct run *r, size_t s, size_t e, int wrap, size_t width)
{
	r->cur = r->lstart = s;
	r->end = e;
	r->wrap = wrap;
	r->width = width;
	r->pdepth = 0;
	memset(&r->list, 0, sizeof(r->list));
	list_note(r);
	scan(r);
	emit(r, r->cur, e);
}

static void
split_lines(struct run *r, size_t len)
{
	size_t p, e;

	for (p = 0, r->para = 1; p < len; p = e + 1, r->para++) {
		e = line_end(r->b, p, len);
		segment(r, p, e, 0, 0);
	}
}

static void
split_blank(struct run *r, size_t len)
{
	struct pstat ps;
	size_t p = 0, e;

	while ((p = skip_blank(r->b, p, len)) < len) {
		para_scan(r->b, p, len, &ps);
		r->para++;
		if (ps.wrapped)
			segment(r, p, ps.end, 1, ps.width);
		else {
			for (; p < ps.end; p = e + 1) {
				e = line_end(r->b, p, ps.end);
				segment(r, p, e, 0, 0);
			}
		}
		p = ps.end;
	}
}

/*
 * Blank mode when the lines of the article's multi-line paragraphs are
 * mostly wraps, line mode otherwise (one paragraph per line, or short
 * lines such as headings and lists).
 */
static enum sbd_para
auto_mode(const char *b, size_t len)
{
	struct pstat ps;
	size_t p = 0, wrapped = 0, other = 0, paras = 0;

	while ((p = skip_blank(b, p, len)) < len) {
		para_scan(b, p, len, &ps);
		if (ps.wrapped)
			wrapped += ps.lines;
		else if (ps.lines > 1)
			other += ps.lines;
		p = ps.end;
		paras++;
	}
	/*
	 * Without blank lines there is no paragraph structure to confirm
	 * the wraps: then every line end must fall mid-sentence, and two
	 * lines need the second to start in lower case (a headline over one
	 * paragraph is two long lines too).
	 */
	if (paras == 1 && wrapped > 0 && (ps.mid + 1 < ps.lines ||
	    (ps.lines < 3 && ps.lowmid == 0)))
		return SBD_PARA_LINE;
	return wrapped > 0 && wrapped >= other ? SBD_PARA_BLANK :
	    SBD_PARA_LINE;
}

size_t
sbd_split(const char *buf, size_t len, const struct sbd_opts *opts,
    struct sbd_spans *spans)
{
	struct run r;
	enum sbd_para mode;

	memset(&r, 0, sizeof(r));
	r.b = buf;
	r.sp = spans;
	spans->n = 0;
	mode = opts == NULL ? SBD_PARA_AUTO : opts->para;
	if (mode == SBD_PARA_AUTO)
		mode = auto_mode(buf, len);
	if (mode == SBD_PARA_LINE)
		split_lines(&r, len);
	else
		split_blank(&r, len);
	return spans->n;
}
