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
	size_t	 count;
	int	 caps;		/* best is all capitals */
	int	 type;
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

/*
 * Count the forms of v[0..n) by type and lower case; fid[i] is i's, *nf
 * the number of forms.
 */
static struct form *
count_forms(const struct nergaz *g, struct nerkey_item *v, size_t n,
    size_t *fid, size_t *nf)
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
		f[id].type = v[i].type;
		fid[i] = id;
		if (f[id].best == NULL || (f[id].caps && !allcaps(v[i].key))) {
			f[id].best = v[i].key;
			f[id].caps = allcaps(v[i].key);
		}
	}
	*nf = smap_count(m);
	smap_free(m);
	return f;
}

/*
 * An index from a string (a surname, a first name, first and last names,
 * initials) to the most used form that has it, so that linking takes
 * linear time whatever the size of the story.
 */
struct index {
	struct smap	*m;
	size_t		*best;		/* form id + 1, by smap id */
	size_t		 cap;
	char		*buf;
	size_t		 bufcap;
};

/* The key kind + lower case of s[0..n) (initials keep their case). */
static const char *
ikey(struct index *x, char kind, const char *s, size_t n, size_t *len)
{
	size_t i;

	xgrow((void **)&x->buf, &x->bufcap, n + 2, 1);
	x->buf[0] = kind;
	for (i = 0; i < n; i++)
		x->buf[i + 1] = kind == 'I' ? s[i] :
		    (char)tolower((unsigned char)s[i]);
	*len = n + 1;
	return x->buf;
}

static void
iput(struct index *x, const struct form *f, char kind, const char *s,
    size_t n, size_t fid)
{
	const char *k;
	size_t len, id;
	int added;

	k = ikey(x, kind, s, n, &len);
	id = smap_put(x->m, k, len, &added);
	xgrow((void **)&x->best, &x->cap, id + 1, sizeof(*x->best));
	if (added || f[fid].count > f[x->best[id] - 1].count)
		x->best[id] = fid + 1;
}

/* The form id under kind and s[0..n), or -1. */
static long
iget(struct index *x, char kind, const char *s, size_t n)
{
	const char *k;
	size_t len;
	long id;

	k = ikey(x, kind, s, n, &len);
	id = smap_get(x->m, k, len);
	return id < 0 ? -1 : (long)x->best[id] - 1;
}

/* Index the forms of more than one word. */
static void
build_index(struct index *x, const struct form *f, size_t nf)
{
	const char *b, *last;
	char ini[8], *fl;
	size_t i, lf;

	for (i = 0; i < nf; i++) {
		b = f[i].best;
		if (strchr(b, ' ') == NULL)
			continue;
		last = last_word(b);
		lf = strcspn(b, " ");
		if (f[i].type == ENT_PERSON) {
			iput(x, f, 'L', last, strlen(last), i);
			iput(x, f, 'F', b, lf, i);
			fl = xmalloc(lf + strlen(last) + 2);
			memcpy(fl, b, lf);
			fl[lf] = ' ';
			strcpy(fl + lf + 1, last);
			iput(x, f, 'B', fl, strlen(fl), i);
			free(fl);
		} else if ((f[i].type == ENT_ORG || f[i].type == ENT_MISC) &&
		    initials(b, ini) >= 2)
			iput(x, f, 'I', ini, strlen(ini), i);
	}
}

/*
 * The form id item i stands for, or -1: a one-word person is the most used
 * full name ending with that word, else beginning with it; a longer name
 * is a more used one with the same first and last words; an all-capitals
 * ORG of 2 to 6 letters is the most used ORG or MISC with those initials.
 */
static long
full_form(struct index *x, const struct nerkey_item *v,
    const struct form *f, const size_t *fid, size_t i)
{
	const char *a = v[i].key;
	char *fl;
	size_t lf;
	long r;

	if (v[i].type == ENT_PERSON && strchr(a, ' ') == NULL)
		return (r = iget(x, 'L', a, strlen(a))) >= 0 ? r :
		    iget(x, 'F', a, strlen(a));
	if (v[i].type == ENT_PERSON) {
		lf = strcspn(a, " ");
		fl = xmalloc(strlen(a) + 2);
		memcpy(fl, a, lf);
		fl[lf] = ' ';
		strcpy(fl + lf + 1, last_word(a));
		r = iget(x, 'B', fl, strlen(fl));
		free(fl);
		return r >= 0 && f[r].count > f[fid[i]].count ? r : -1;
	}
	if (v[i].type == ENT_ORG && allcaps(a) && strlen(a) >= 2 &&
	    strlen(a) <= 6 && strchr(a, ' ') == NULL)
		return iget(x, 'I', a, strlen(a));
	return -1;
}

void
nerkey_link(const struct nergaz *g, struct nerkey_item *v, size_t n)
{
	size_t *fid = xcalloc(n + 1, sizeof(*fid)), i, nf;
	const char **chosen = xcalloc(n + 1, sizeof(*chosen));
	struct form *f = count_forms(g, v, n, fid, &nf);
	struct index x = { smap_new(), NULL, 0, NULL, 0 };
	long r;

	build_index(&x, f, nf);
	for (i = 0; i < n; i++)
		chosen[i] = (r = full_form(&x, v, f, fid, i)) >= 0 ?
		    f[r].best : f[fid[i]].best;
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
	smap_free(x.m);
	free(x.best);
	free(x.buf);
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
