/*
 * nerkey.c: mention forms and their linking within a story (nerkey.h).
 * Forms are compared in lower case through an smap; per lower-case form
 * the spellings are counted so the most frequent can stand for all.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ent.h"
#include "hash.h"
#include "nerkey.h"
#include "tok.h"
#include "xalloc.h"

#define TOKS(tl, s, i)	((s) + (tl)->v[(i)].start)
#define TOKL(tl, i)	((size_t)((tl)->v[(i)].end - (tl)->v[(i)].start))

static int
word_is(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && strncasecmp(s, w, n) == 0;
}

/* Append tokens [b, e) of s to *out joined by spaces. */
static void
join(char **out, size_t *len, size_t *cap, const char *s,
    const struct tok_list *tl, size_t b, size_t e)
{
	size_t i, n;

	for (i = b; i < e; i++) {
		n = TOKL(tl, i);
		xgrow((void **)out, cap, *len + n + 2, 1);
		if (*len > 0)
			(*out)[(*len)++] = ' ';
		memcpy(*out + *len, TOKS(tl, s, i), n);
		*len += n;
		(*out)[*len] = '\0';
	}
}

/* Tokens [b, e) of the mention as gazetteer words. */
static unsigned
gaz(const struct nergaz *g, const char *s, const struct tok_list *tl,
    size_t b, size_t e, const char **key)
{
	uint64_t w[NERGAZ_MAXW];
	size_t i;

	if (g == NULL || e - b > NERGAZ_MAXW || e == b)
		return 0;
	for (i = b; i < e; i++)
		w[i - b] = nergaz_word(TOKS(tl, s, i), TOKL(tl, i));
	return nergaz_lookup(g, w, e - b, key);
}

char *
nerkey_form(const struct nergaz *g, int type, const char *s, size_t len)
{
	struct tok_list tl = { 0 };
	const char *key;
	char *out = NULL;
	size_t b = 0, e, olen = 0, cap = 0;
	unsigned t;

	tok_split(s, len, &tl);
	e = tl.n;
	while (b + 1 < e && word_is(TOKS(&tl, s, b), TOKL(&tl, b), "the"))
		b++;
	while (e > b + 1 && (word_is(TOKS(&tl, s, e - 1), TOKL(&tl, e - 1),
	    "'s") || word_is(TOKS(&tl, s, e - 1), TOKL(&tl, e - 1), "\xe2\x80\x99s")))
		e--;
	if (type == ENT_PERSON)
		while (b + 1 < e && (gaz(g, s, &tl, b, b + 1, NULL) &
		    NERGAZ_TITLE))
			b++;
	t = gaz(g, s, &tl, b, e, &key);
	if ((type == ENT_GPE || type == ENT_LOC || type == ENT_NORP) &&
	    (t & (NERGAZ_COUNTRY | NERGAZ_REGION | NERGAZ_CITY | NERGAZ_NORP |
	    NERGAZ_PLACE)) && *key != '\0') {
		tok_list_free(&tl);
		return xstrdup(key);
	}
	if (type == ENT_ORG && e - b >= 2 &&
	    (word_is(TOKS(&tl, s, e - 1), TOKL(&tl, e - 1), "ministry") ||
	    word_is(TOKS(&tl, s, e - 1), TOKL(&tl, e - 1), "department"))) {
		/* "U.S. Labor Department": "U.S. Department of Labor" */
		join(&out, &olen, &cap, s, &tl, b, e - 2);
		join(&out, &olen, &cap, s, &tl, e - 1, e);
		xgrow((void **)&out, &cap, olen + 4, 1);
		memcpy(out + olen, " of", 4);
		olen += 3;
		join(&out, &olen, &cap, s, &tl, e - 2, e - 1);
	} else
		join(&out, &olen, &cap, s, &tl, b, e);
	tok_list_free(&tl);
	if (out == NULL)
		out = xstrndup(s, len);
	return out;
}

static int
allcaps(const char *s)
{
	int letters = 0;

	for (; *s != '\0'; s++) {
		if (islower((unsigned char)*s))
			return 0;
		letters += isupper((unsigned char)*s) != 0;
	}
	return letters > 0;
}

/* Per lower-case form of a type: the best spelling and its count. */
struct form {
	char	*best;
	size_t	 count, bestcount;
	int	 caps;		/* best is all capitals */
};

/* The last word of s (after its last space). */
static const char *
last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');

	return sp != NULL ? sp + 1 : s;
}

/* Initials of the capitalised words of s, in out (room for 8). */
static size_t
initials(const char *s, char *out)
{
	size_t n = 0, i;

	for (i = 0; s[i] != '\0'; i++) {
		if (!isupper((unsigned char)s[i]) ||
		    (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-'))
			continue;
		if (n == 7)
			return 0;
		out[n++] = s[i];
	}
	out[n] = '\0';
	return n;
}

/* Count the forms of v[0..n) by type and lower case; fid[i] is i's. */
static struct form *
count_forms(const struct nergaz *g, struct nerkey_item *v, size_t n,
    size_t *fid)
{
	struct smap *m = smap_new();
	struct form *f = NULL;
	size_t fcap = 0, i, id;
	char *lk;
	int added;

	for (i = 0; i < n; i++) {
		v[i].key = nerkey_form(g, v[i].type, v[i].s, v[i].len);
		lk = xmalloc(strlen(v[i].key) + 3);
		lk[0] = (char)('A' + v[i].type);
		lk[1] = ':';
		strcpy(lk + 2, v[i].key);
		for (char *p = lk + 2; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		id = smap_put(m, lk, strlen(lk), &added);
		free(lk);
		xgrow((void **)&f, &fcap, id + 1, sizeof(*f));
		if (added)
			memset(&f[id], 0, sizeof(f[id]));
		f[id].count++;
		fid[i] = id;
		if (f[id].best == NULL || (f[id].caps && !allcaps(v[i].key))) {
			f[id].best = v[i].key;
			f[id].caps = allcaps(v[i].key);
		}
	}
	smap_free(m);
	return f;
}

/* Is the word w the first word of s (case ignored)? */
static int
first_is(const char *s, const char *w)
{
	size_t n = strlen(w);

	return strncasecmp(s, w, n) == 0 && s[n] == ' ';
}

/*
 * How well item j's form stands for item i's: a one-word person is the
 * last word (2) or else the first word (1) of a full name; a longer name
 * is one with the same first and last words used more often (1); an
 * acronym gives the initials of a name (1).  0: not at all.
 */
static int
stands_for(const struct nerkey_item *v, const struct form *f,
    const size_t *fid, size_t i, size_t j)
{
	const char *a = v[i].key, *b = v[j].key;
	char ini[8];
	size_t la;

	if (strchr(b, ' ') == NULL || fid[i] == fid[j])
		return 0;
	if (v[i].type == ENT_PERSON && v[j].type == ENT_PERSON) {
		if (strchr(a, ' ') == NULL)
			return strcasecmp(last_word(b), a) == 0 ? 2 :
			    first_is(b, a);
		la = strcspn(a, " ");
		return strncasecmp(a, b, la) == 0 && b[la] == ' ' &&
		    strcasecmp(last_word(a), last_word(b)) == 0 &&
		    f[fid[j]].count > f[fid[i]].count;
	}
	if (v[i].type == ENT_ORG && (v[j].type == ENT_ORG ||
	    v[j].type == ENT_MISC) && allcaps(a) && strlen(a) >= 2 &&
	    strlen(a) <= 6 && strchr(a, ' ') == NULL)
		return initials(b, ini) >= 2 && strcmp(ini, a) == 0;
	return 0;
}

/* The form item i stands for, or NULL: the best match, most used. */
static const char *
full_form(const struct nerkey_item *v, size_t n, const struct form *f,
    const size_t *fid, size_t i)
{
	const char *best = NULL;
	size_t bestn = 0, j;
	int bestr = 0, r;

	if (v[i].type != ENT_PERSON && v[i].type != ENT_ORG)
		return NULL;
	for (j = 0; j < n; j++) {
		if ((r = stands_for(v, f, fid, i, j)) == 0 || r < bestr ||
		    (r == bestr && f[fid[j]].count <= bestn))
			continue;
		best = f[fid[j]].best;
		bestn = f[fid[j]].count;
		bestr = r;
	}
	return best;
}

void
nerkey_link(const struct nergaz *g, struct nerkey_item *v, size_t n)
{
	size_t *fid = xcalloc(n + 1, sizeof(*fid)), i;
	const char **chosen = xcalloc(n + 1, sizeof(*chosen));
	struct form *f = count_forms(g, v, n, fid);

	for (i = 0; i < n; i++)
		if ((chosen[i] = full_form(v, n, f, fid, i)) == NULL)
			chosen[i] = f[fid[i]].best;
	/* Copy first: the chosen keys are other items' forms. */
	for (i = 0; i < n; i++)
		chosen[i] = xstrdup(chosen[i]);
	for (i = 0; i < n; i++) {
		free(v[i].key);
		v[i].key = (char *)chosen[i];
	}
	free(chosen);
	free(fid);
	free(f);
}

void
nerkey_items_free(struct nerkey_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		v[i].key = NULL;
	}
}
