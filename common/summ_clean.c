/*
 * summ_clean.c: what makes a sentence read well out of its article, and
 * the cleaning that helps it: datelines and leading connectives cut,
 * pronouns without antecedents, dangling attributions and quotes that run
 * on refused.  See summ_clean.h.
 */
#include <ctype.h>
#include <string.h>

#include "summ_clean.h"

size_t
summ_words(const char *text, size_t len)
{
	size_t i, n = 0;
	int in = 0;

	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)text[i]))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Leading connectives that lean on a sentence the reader has not seen. */
static const char *const connectives[] = {
	"And", "But", "However", "Also", "Still", "Yet", "So", "Meanwhile",
	"Moreover", "Furthermore", "In addition", "Nevertheless", "Besides",
	"Instead", "Then", "Indeed", "Thus", NULL
};

/* Length of a dash separator at s[0..n): " _ ", " -- ", " - ", " — ",
 * " – " (U+2014, U+2013); 0 when there is none. */
static size_t
dash_len(const char *s, size_t n)
{
	static const char *const seps[] = {
		" _ ", " -- ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", NULL
	};
	size_t i, k;

	for (i = 0; seps[i] != NULL; i++) {
		k = strlen(seps[i]);
		if (n >= k && memcmp(s, seps[i], k) == 0)
			return k;
	}
	return 0;
}

/*
 * Length of a leading dateline, "WASHINGTON (AP) _ " or "NEW YORK, March 3
 * (Agency) -- ": words in capitals up to a comma, a parenthesis or the
 * dash, then anything but a sentence end up to the dash, within 100
 * bytes.  0 when there is none.
 */
static size_t
dateline_len(const char *t, size_t len)
{
	size_t i, k, caps = 0;

	for (i = 0; i < len && i < 100; i++) {
		if ((k = dash_len(t + i, len - i)) > 0)
			return caps >= 2 ? i + k : 0;
		if (t[i] == ',' || t[i] == '(')
			break;
		if (islower((unsigned char)t[i]))
			return 0;
		caps += isupper((unsigned char)t[i]) != 0;
	}
	if (caps < 2)
		return 0;
	for (; i < len && i < 100; i++) {
		if ((k = dash_len(t + i, len - i)) > 0)
			return i + k;
		if (strchr(".!?", t[i]) != NULL && i + 1 < len &&
		    t[i + 1] == ' ' && isupper((unsigned char)t[i + 2 < len ?
		    i + 2 : i]) && i > 0 && islower((unsigned char)t[i - 1]))
			return 0;	/* a sentence ended first */
	}
	return 0;
}

size_t
summ_clean(const char *text, size_t len, char *first)
{
	size_t i, k, off;

	off = dateline_len(text, len);
	for (i = 0; connectives[i] != NULL; i++) {
		k = strlen(connectives[i]);
		if (len > off + k + 1 &&
		    memcmp(text + off, connectives[i], k) == 0 &&
		    (text[off + k] == ' ' || text[off + k] == ',')) {
			off += k;
			while (off < len && (text[off] == ',' ||
			    text[off] == ' '))
				off++;
			break;
		}
	}
	if (off >= len)
		off = 0;
	*first = len > 0 ? text[off] : '\0';
	if (off > 0 && *first >= 'a' && *first <= 'z')
		*first -= 'a' - 'A';
	return off;
}

/* Words that need an antecedent when they open a sentence. */
static const char *const pronouns[] = {
	"he", "she", "it", "they", "we", "i", "his", "her", "its", "their",
	"our", "them", "this", "these", "those", "such", "that", "there's",
	NULL
};

/* Attribution to a bare pronoun: its speaker is in another sentence. */
static const char *const dangling[] = {
	" he said", " she said", " they said", " he says", " she says",
	" they say", " he added", " she added", " he told", " she told",
	" said he", " said she", " he noted", " she noted", " he explained",
	" she explained", " he wrote", " she wrote", NULL
};

static int
has_ci(const char *s, size_t len, const char *pat)
{
	size_t k = strlen(pat), i, j;

	for (i = 0; i + k <= len; i++) {
		for (j = 0; j < k; j++)
			if (tolower((unsigned char)s[i + j]) != pat[j])
				break;
		if (j == k && (i + k == len ||
		    !isalpha((unsigned char)s[i + k])))
			return 1;
	}
	return 0;
}

/* Whether the quotes of text[0..len) are closed: an even number of ",
 * as many `` as '' and as many U+201C as U+201D. */
static int
quotes_closed(const char *t, size_t len)
{
	size_t i;
	long dq = 0, tex = 0, curly = 0;

	for (i = 0; i < len; i++) {
		if (t[i] == '"')
			dq++;
		else if (i + 1 < len && t[i] == '`' && t[i + 1] == '`')
			tex++, i++;
		else if (i + 1 < len && t[i] == '\'' && t[i + 1] == '\'')
			tex--, i++;
		else if (i + 2 < len && (unsigned char)t[i] == 0xe2 &&
		    (unsigned char)t[i + 1] == 0x80 &&
		    ((unsigned char)t[i + 2] == 0x9c ||
		    (unsigned char)t[i + 2] == 0x9d)) {
			curly += (unsigned char)t[i + 2] == 0x9c ? 1 : -1;
			i += 2;
		}
	}
	return dq % 2 == 0 && tex == 0 && curly == 0;
}

int
summ_ends_sentence(const char *text, size_t len)
{
	size_t e;

	for (e = len; e > 0 && strchr("\"')]'`", text[e - 1]) != NULL; e--)
		;
	while (e >= 3 && (unsigned char)text[e - 3] == 0xe2 &&
	    (unsigned char)text[e - 2] == 0x80 &&
	    ((unsigned char)text[e - 1] == 0x9d ||
	    (unsigned char)text[e - 1] == 0x99))
		e -= 3;		/* U+201D, U+2019 */
	return e > 0 && strchr(".!?", text[e - 1]) != NULL;
}

int
summ_standalone(const char *text, size_t len)
{
	size_t i, k;
	char w[16];
	int quoted;

	if (!summ_ends_sentence(text, len) || !quotes_closed(text, len))
		return 0;	/* not a whole sentence, or a quote goes on */
	/* The first word, past opening quotes (where a pronoun is the
	 * speaker's own, and needs no antecedent). */
	for (i = 0; i < len && strchr("\"'`(", text[i]) != NULL; i++)
		;
	if (i + 3 <= len && (unsigned char)text[i] == 0xe2 &&
	    (unsigned char)text[i + 1] == 0x80)
		i += 3;		/* U+201C, U+2018 */
	if (i >= len || islower((unsigned char)text[i]))
		return 0;	/* a fragment */
	quoted = i > 0 && text[0] != '(';
	for (k = 0; i + k < len && k < sizeof(w) - 1 &&
	    (isalpha((unsigned char)text[i + k]) || text[i + k] == '\''); k++)
		w[k] = tolower((unsigned char)text[i + k]);
	w[k] = '\0';
	for (i = 0; pronouns[i] != NULL && !quoted; i++)
		if (strcmp(w, pronouns[i]) == 0)
			return 0;
	for (i = 0; dangling[i] != NULL; i++)
		if (has_ci(text, len, dangling[i]))
			return 0;
	return 1;
}

