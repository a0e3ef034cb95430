/*
 * conflict.c: roles of values and the values two sentences give
 * differently for one fact (conflict.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflict.h"
#include "hash.h"
#include "numex.h"
#include "stem.h"
#include "tok.h"
#include "xalloc.h"

#define SEED	0x636f6e666c696374ULL
#define MAXHEAD	2
#define MAXTTL	4
/* Words and values are 32-bit hashes (0 is none); values have VALBIT. */
#define VALBIT	0x80000000u

static const char *const kind_names[CONFLICT_NKINDS] = {
	"date", "time", "amount", "percentage", "count", "ordinal", "person",
	"title"
};

/* Unit types: a run of the tokens of one value, or a single token. */
enum { U_CONTENT, U_STOP, U_PUNCT, U_VAL };

/* Unit flags. */
#define F_VERB	0x01	/* a verb (-ed, or an irregular news verb) */
#define F_SAY	0x02	/* a verb of saying */
#define F_HEDGE	0x04	/* "early", "roughly": skipped for the gov word */
#define F_TITLE	0x08	/* a title word: "secretary", "president" */
#define F_COMMA	0x10
#define F_BOUND	0x20	/* ends a clause: . ; : ( ) quotes, dashes */
#define F_COURT	0x40	/* a courtesy title: "Mr.", "Dr." */
#define F_RATE	0x80	/* "a", "an", "per", "each" */
#define F_CLITIC 0x100	/* 's, 're ... */
#define F_CAP	0x200	/* capitalised */
#define F_TMOD	0x400	/* may precede a title word: "former" */
#define F_OF	0x800	/* "of" */

struct unit {
	uint32_t	h;		/* stem or value hash */
	uint32_t	start, end;
	int32_t		val;		/* value of the sentence, or -1 */
	uint8_t		type;
	uint8_t		prep;		/* U_STOP: preposition class */
	uint16_t	flags;		/* F_* */
};

struct role {
	uint32_t	gov, verb, after, rate;
	uint32_t	head[MAXHEAD];
	uint32_t	title[MAXTTL];
	uint32_t	ctx[2 * CONFLICT_WIN];
	uint32_t	tstart, tend;	/* title span, tend 0: none */
	uint8_t		nhead, ntitle, nctx, prep, analysed;
};

struct conflict_index {
	struct stem	*st;
	struct tok_list	 toks;
	struct unit	*u;
	size_t		 nu, ucap;
	uint32_t	*off;		/* roles of sentence i at role[off[i]] */
	uint8_t		*done;
	size_t		 nsent, sentcap;
	struct role	*role;
	size_t		 nrole, rolecap;
	char		*buf;
	size_t		 bufcap;
};

/* Verbs news sentences hang dates and figures on that do not end in -ed. */
static const char *const verbs[] = {
	"began", "begin", "begins", "bought", "came", "closes", "covers",
	"cut", "ends", "fell", "gives", "held", "hit", "left", "lost",
	"made", "met", "opens", "paid", "put", "raises", "rose", "said",
	"says", "sold", "spent", "starts", "struck", "told", "took", "votes",
	"went", "won", "wrote", NULL
};

static const char *const says[] = {
	"said", "says", "say", "told", "tells", "added", "adds", "stated",
	"noted", "wrote", NULL
};

/* Words between a value and the word that governs it. */
static const char *const hedges[] = {
	"early", "late", "roughly", "nearly", "almost", "around",
	"approximately", "just", "least", "mid", "estimated", "late-night",
	"early-morning", "overnight", "later", "earlier", NULL
};

static const char *const titlewords[] = {
	"secretary", "minister", "president", "vice-president", "chairman",
	"chairwoman", "chair", "chancellor", "executive", "ceo", "director",
	"governor", "gov.", "senator", "sen.", "representative", "rep.",
	"mayor", "spokesman", "spokeswoman", "spokesperson", "commissioner",
	"ambassador", "envoy", "negotiator", "mediator", "leader",
	"officer", "treasurer", "premier", "judge", "prosecutor", "general",
	"gen.", "adviser", "advisor", "founder", "manager", "head", "chief",
	"king", "queen", "prince", "pope", "attorney", NULL
};

/* Lower-case words that may precede a title word in a title. */
static const char *const titlemods[] = {
	"former", "vice", "deputy", "acting", "assistant", "associate",
	"interim", "senior", "chief", "executive", "general", "federal",
	"state", "national", "foreign", "defense", "finance", "press",
	"union", "presidential", "prime", "supreme", "top", NULL
};

static const char *const courtesy[] = {
	"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", NULL
};

static const char *const rates[] = { "a", "an", "per", "each", NULL };

/* Prepositions that change a value's role, by class (0: on, at, in). */
static const struct {
	const char	*w;
	uint8_t		 cls;
} preps[] = {
	{ "since", 1 }, { "from", 2 }, { "after", 3 }, { "before", 4 },
	{ "until", 5 }, { "till", 5 }, { "through", 6 }, { "by", 7 },
	{ "to", 8 }, { "for", 9 }, { "than", 10 }, { "over", 11 },
	{ "under", 12 }, { "between", 13 }, { "within", 14 }
};

static int
inlist(const char *const *tab, const char *s, size_t n)
{
	size_t i;

	for (i = 0; tab[i] != NULL; i++)
		if (tab[i][0] == s[0] && strncmp(tab[i], s, n) == 0 &&
		    tab[i][n] == '\0')
			return 1;
	return 0;
}

static uint8_t
prep_class(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(preps) / sizeof(preps[0]); i++)
		if (preps[i].w[0] == s[0] && strncmp(preps[i].w, s, n) == 0 &&
		    preps[i].w[n] == '\0')
			return preps[i].cls;
	return 0;
}

const char *
conflict_kind_name(unsigned kind)
{
	return kind < CONFLICT_NKINDS ? kind_names[kind] : "";
}

/*
 * Values are compared within a class: a kind, and for dates found without
 * tag-entities the form (weekday, month and day, year), since "Tuesday"
 * and "June 10" may name one day; durations apart from dates.
 */
int
conflict_class(const struct sim_index *x, const struct sim_value *v)
{
	size_t n;
	const char *k = sim_vocab(x, v->key, &n);

	if (v->kind == SIM_DATE && n >= 3 && k[0] == 'E' && k[1] == ':')
		return v->kind * 4 + (k[2] == 'P');
	if (v->kind != SIM_DATE)
		return v->kind * 4;
	if (k[0] >= '0' && k[0] <= '9')
		return v->kind * 4 + 1;
	if (strncmp(k, "month", 5) == 0)
		return v->kind * 4 + 2;
	return v->kind * 4 + 3;
}

/* ISO weekday (1 Monday .. 7 Sunday) of y-m-d: 1970-01-01 was a Thursday. */
static int
weekday(int y, int m, int d)
{
	long n = (numex_days(y, m, d) + 3) % 7;

	return (int)(n < 0 ? n + 7 : n) + 1;
}

static int
isweekday(const char *k, size_t n)
{
	return n == 10 && strncmp(k, "XXXX-WXX-", 9) == 0;
}

/* Whether k[0..n) is a tag-entities date or duration key. */
static int
isdatekey(const char *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr("0123456789X-WPYMDTH", k[i]) == NULL)
			return 0;
	return n > 0;
}

/*
 * Two tag-entities date keys (after "E:"), a and b.  They name the same
 * day (return 2) when equal but where either has X, an unknown part
 * ("XXXX-03-12" and "2026-03-12"), or when one is a weekday
 * ("XXXX-WXX-2") and the other a full date that falls on it.  They may
 * name the same day (1) when one is a weekday and the other a date not
 * fully known, a month or a year, or when one is a month or year and the
 * other a day within it ("2026-03", "2026-03-12").  Otherwise they
 * contradict each other (0).
 */
static int
dates_agree(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i;
	int y, m, d;

	if (isweekday(b, nb) && !isweekday(a, na)) {
		const char *t = a;
		size_t nt = na;
		a = b;
		na = nb;
		b = t;
		nb = nt;
	}
	if (isweekday(a, na) && !isweekday(b, nb)) {
		if (nb != 10 || memchr(b, 'X', nb) != NULL ||
		    sscanf(b, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
		    m > 12)
			return 1;
		return weekday(y, m, d) == a[9] - '0' ? 2 : 0;
	}
	for (i = 0; i < na && i < nb; i++)
		if (a[i] != b[i] && a[i] != 'X' && b[i] != 'X')
			return 0;
	return na == nb ? 2 : 1;
}

int
conflict_agree(const struct sim_index *x, uint32_t ka, uint32_t kb)
{
	size_t na, nb;
	const char *a, *b;

	if (ka == kb)
		return 2;
	a = sim_vocab(x, ka, &na);
	b = sim_vocab(x, kb, &nb);
	if (na < 3 || nb < 3 || a[0] != 'E' || a[1] != ':' || b[0] != 'E' ||
	    b[1] != ':' || !isdatekey(a + 2, na - 2) ||
	    !isdatekey(b + 2, nb - 2))
		return 0;
	return dates_agree(a + 2, na - 2, b + 2, nb - 2);
}

struct conflict_index *
conflict_new(void)
{
	struct conflict_index *cf = xcalloc(1, sizeof(*cf));

	if ((cf->st = stem_new()) == NULL) {
		free(cf);
		return NULL;
	}
	return cf;
}

void
conflict_free(struct conflict_index *cf)
{
	if (cf == NULL)
		return;
	stem_free(cf->st);
	tok_list_free(&cf->toks);
	free(cf->u);
	free(cf->off);
	free(cf->done);
	free(cf->role);
	free(cf->buf);
	free(cf);
}

void
conflict_reset(struct conflict_index *cf, size_t n)
{
	if (n + 1 > cf->sentcap) {
		xgrow((void **)&cf->off, &cf->sentcap, n + 1,
		    sizeof(*cf->off));
		cf->done = xreallocarray(cf->done, cf->sentcap, 1);
	}
	memset(cf->done, 0, n + 1);
	cf->nsent = n;
	cf->nrole = 0;
}

static struct unit *
push_unit(struct conflict_index *cf)
{
	struct unit *u;

	if (cf->nu == cf->ucap)
		xgrow((void **)&cf->u, &cf->ucap, cf->nu + 1, sizeof(*cf->u));
	u = &cf->u[cf->nu++];
	memset(u, 0, sizeof(*u));
	u->val = -1;
	return u;
}

/* Value hashes have the top bit set, word hashes not (VALBIT). */
static uint32_t
value_hash(const struct sim_value *v)
{
	return (uint32_t)hash_mix(((uint64_t)v->kind << 32 | v->key) ^
	    SEED) | VALBIT;
}

/* A word's hash: never 0, never with VALBIT. */
static uint32_t
word_hash(const char *s, size_t n)
{
	uint32_t h = (uint32_t)hash_bytes(s, n, SEED) & ~VALBIT;

	return h != 0 ? h : 1;
}

/* A word token as a unit. */
static void
word_unit(struct conflict_index *cf, const char *text, const struct tok *t,
    struct unit *u)
{
	size_t len = t->end - t->start, n, sn;
	const char *st;

	if (2 * len + 4 > cf->bufcap)
		xgrow((void **)&cf->buf, &cf->bufcap, 2 * len + 4, 1);
	n = tok_lower(text + t->start, len, cf->buf);
	if (inlist(courtesy, cf->buf, n))
		u->flags |= F_COURT;
	if (inlist(titlewords, cf->buf, n))
		u->flags |= F_TITLE;
	if (inlist(titlemods, cf->buf, n))
		u->flags |= F_TMOD;
	if (t->flags & TOK_CAP)
		u->flags |= F_CAP;
	if (inlist(rates, cf->buf, n))
		u->flags |= F_RATE;
	if (n == 2 && memcmp(cf->buf, "of", 2) == 0)
		u->flags |= F_OF;
	if (cf->buf[0] == '\'' || (n > 3 &&
	    memcmp(cf->buf, "\xe2\x80\x99", 3) == 0))
		u->flags |= F_CLITIC;
	if (stem_stopword(cf->buf, n) || (u->flags & (F_RATE | F_COURT |
	    F_CLITIC))) {
		u->type = U_STOP;
		u->prep = prep_class(cf->buf, n);
		return;
	}
	u->type = U_CONTENT;
	if (inlist(hedges, cf->buf, n))
		u->flags |= F_HEDGE;
	if (inlist(says, cf->buf, n))
		u->flags |= F_SAY | F_VERB;
	if (inlist(verbs, cf->buf, n) || (n >= 5 && t->kind == TOK_WORD &&
	    cf->buf[n - 2] == 'e' && cf->buf[n - 1] == 'd' &&
	    !(t->flags & TOK_CAP && t->start > 0)))
		u->flags |= F_VERB;
	if (t->kind == TOK_WORD) {
		st = stem_word(cf->st, text + t->start, len, &sn);
		u->h = word_hash(st, sn);
	} else
		u->h = word_hash(cf->buf, n);
}

/* The sentence as units: values whole, words, punctuation. */
static void
units(struct conflict_index *cf, const char *text, size_t len,
    const struct sim_value *v, size_t nv)
{
	const struct tok *t;
	struct unit *u;
	size_t k, l;
	long in;
	const char *p;
	size_t n;

	tok_split(text, len, &cf->toks);
	cf->nu = 0;
	for (k = 0; k < cf->toks.n; k++) {
		t = &cf->toks.v[k];
		in = -1;
		for (l = 0; l < nv; l++)
			if (v[l].end <= len && v[l].start < t->end &&
			    v[l].end > t->start) {
				in = (long)l;
				break;
			}
		if (in >= 0) {
			if (cf->nu > 0 && cf->u[cf->nu - 1].val == in) {
				cf->u[cf->nu - 1].end = t->end;
				continue;
			}
			u = push_unit(cf);
			u->type = U_VAL;
			u->val = (int32_t)in;
			u->h = value_hash(&v[in]);
			u->start = t->start;
			u->end = t->end;
			continue;
		}
		u = push_unit(cf);
		u->start = t->start;
		u->end = t->end;
		if (t->kind != TOK_PUNCT) {
			word_unit(cf, text, t, u);
			continue;
		}
		u->type = U_PUNCT;
		p = text + t->start;
		n = t->end - t->start;
		if (n == 1 && *p == ',')
			u->flags |= F_COMMA;
		else if ((n == 1 && strchr(".;:()[]!?\"", *p) != NULL) ||
		    (n == 3 && (memcmp(p, "\xe2\x80\x9c", 3) == 0 ||
		    memcmp(p, "\xe2\x80\x9d", 3) == 0 ||
		    memcmp(p, "\xe2\x80\x94", 3) == 0 ||
		    memcmp(p, "\xe2\x80\x93", 3) == 0)) ||
		    (n == 2 && memcmp(p, "--", 2) == 0))
			u->flags |= F_BOUND;
	}
}

/*
 * A title right before the name at unit u: up to MAXTTL content words,
 * the last a title word, courtesy titles ("Dr.") between passed over.
 */
static void
title_before(const struct conflict_index *cf, size_t u, struct role *r)
{
	size_t p = u, last;
	uint8_t n = 0;

	while (p > 0 && (cf->u[p - 1].flags & F_COURT))
		p--;
	if (p == 0 || cf->u[p - 1].type != U_CONTENT ||
	    !(cf->u[p - 1].flags & F_TITLE))
		return;
	last = p - 1;
	while (p > 0 && n < MAXTTL && cf->u[p - 1].type == U_CONTENT &&
	    (cf->u[p - 1].flags & (F_TITLE | F_TMOD | F_CAP)))
		r->title[n++] = cf->u[--p].h;
	r->ntitle = n;
	r->tstart = cf->u[p].start;
	r->tend = cf->u[last].end;
}

/* "Okafor, the union's president": a title in apposition after u. */
static void
title_after(const struct conflict_index *cf, size_t u, struct role *r)
{
	size_t p = u + 1, first = 0, last = 0;
	uint8_t n = 0;
	uint32_t h[MAXTTL];

	if (p >= cf->nu || !(cf->u[p].flags & F_COMMA))
		return;
	for (p++; p < cf->nu; p++) {
		const struct unit *w = &cf->u[p];

		if (w->type == U_CONTENT && n < MAXTTL) {
			if (n == 0)
				first = p;
			last = p;
			h[n++] = w->h;
		} else if (w->type == U_STOP && w->prep == 0 && n == 0)
			continue;
		else if (n > 0 && (w->flags & F_CLITIC))
			continue;	/* the 's of "union's" */
		else
			break;
	}
	if (n == 0 || !(cf->u[last].flags & F_TITLE))
		return;
	/* "head of the judiciary": the title's complement. */
	if (p < cf->nu && (cf->u[p].flags & F_OF)) {
		for (p++; p < cf->nu && cf->u[p].type == U_STOP &&
		    !(cf->u[p].flags & F_OF); p++)
			;
		for (; p < cf->nu && n < MAXTTL && cf->u[p].type ==
		    U_CONTENT; p++) {
			last = p;
			h[n++] = cf->u[p].h;
		}
	}
	memcpy(r->title, h, n * sizeof(*h));
	r->ntitle = n;
	r->tstart = cf->u[first].start;
	r->tend = cf->u[last].end;
}

/* The role of the value at unit u (kind kind). */
static void
role_of(const struct conflict_index *cf, size_t u, int kind, struct role *r)
{
	size_t p, steps;
	int prep_set = 0;

	memset(r, 0, sizeof(*r));
	r->analysed = 1;
	/* gov word and preposition. */
	for (p = u; p > 0; p--) {
		const struct unit *w = &cf->u[p - 1];

		if (w->type == U_PUNCT)
			break;
		if (w->type == U_VAL)
			continue;
		if (w->type == U_STOP) {
			if (!prep_set) {
				r->prep = w->prep;
				prep_set = w->prep != 0 ||
				    !(w->flags & F_COURT);
			}
			continue;
		}
		if (w->flags & F_HEDGE)
			continue;
		r->gov = w->h;
		break;
	}
	/* The verb before, in the clause. */
	for (p = u, steps = 0; p > 0 && steps < CONFLICT_VERBWIN; p--) {
		const struct unit *w = &cf->u[p - 1];

		if (w->type == U_PUNCT)
			break;
		steps++;
		if (w->type == U_CONTENT && (w->flags & F_VERB)) {
			r->verb = w->h;
			break;
		}
	}
	/* A verb right after ("Tuesday announced", "Okafor signed"). */
	for (p = u + 1, steps = 0; p < cf->nu && steps < 2; p++, steps++) {
		const struct unit *w = &cf->u[p];

		if (w->type == U_PUNCT || w->type == U_VAL)
			break;
		if (w->type == U_CONTENT) {
			if ((w->flags & F_VERB) && !(kind == SIM_PERSON &&
			    (w->flags & F_SAY)))
				r->after = w->h;
			if (!(w->flags & F_HEDGE))
				break;
		}
	}
	if (kind == SIM_PERSON) {
		title_before(cf, u, r);
		if (r->ntitle == 0)
			title_after(cf, u, r);
	} else {
		/* The head noun, or a rate: "4,200 workers", "$5 a day". */
		for (p = u + 1; p < cf->nu && r->nhead < MAXHEAD &&
		    cf->u[p].type == U_CONTENT; p++)
			r->head[r->nhead++] = cf->u[p].h;
		if (r->nhead == 0 && p + 1 < cf->nu && cf->u[p].type ==
		    U_STOP && (cf->u[p].flags & F_RATE) &&
		    cf->u[p + 1].type == U_CONTENT)
			r->rate = cf->u[p + 1].h;
	}
	/* The context: content words and values each side. */
	for (p = u, steps = 0; p > 0 && steps < CONFLICT_WIN; p--) {
		const struct unit *w = &cf->u[p - 1];

		if (w->flags & F_BOUND)
			break;
		if (w->type == U_CONTENT || w->type == U_VAL) {
			r->ctx[r->nctx++] = w->h;
			steps++;
		}
	}
	for (p = u + 1, steps = 0; p < cf->nu && steps < CONFLICT_WIN; p++) {
		const struct unit *w = &cf->u[p];

		if (w->flags & F_BOUND)
			break;
		if (w->type == U_CONTENT || w->type == U_VAL) {
			r->ctx[r->nctx++] = w->h;
			steps++;
		}
	}
}

/* Roles of the values of sentence i, once. */
static struct role *
analyse(struct conflict_index *cf, const struct sim_index *x, size_t i,
    const char *text, size_t len)
{
	const struct sim_value *v;
	struct role *r;
	size_t nv, k, p;

	v = sim_values(x, i, &nv);
	if (cf->done[i])
		return cf->role + cf->off[i];
	if (cf->nrole + nv + 1 > cf->rolecap)
		xgrow((void **)&cf->role, &cf->rolecap, cf->nrole + nv + 1,
		    sizeof(*cf->role));
	r = cf->role + cf->nrole;
	memset(r, 0, (nv + 1) * sizeof(*r));
	cf->off[i] = (uint32_t)cf->nrole;
	cf->done[i] = 1;
	cf->nrole += nv;
	units(cf, text, len, v, nv);
	for (k = 0; k < cf->nu; k++) {
		struct unit *u = &cf->u[k];

		if (u->type != U_VAL || r[u->val].analysed)
			continue;
		/* "Monday, March 2": the role of the value before. */
		p = k;
		if (p >= 2 && (cf->u[p - 1].flags & F_COMMA) &&
		    cf->u[p - 2].type == U_VAL &&
		    v[cf->u[p - 2].val].kind == v[u->val].kind &&
		    v[u->val].kind != SIM_PERSON) {
			r[u->val] = r[cf->u[p - 2].val];
			continue;
		}
		role_of(cf, k, v[u->val].kind, &r[u->val]);
	}
	return r;
}

static int
share(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i, j;

	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (a[i] == b[j])
				return 1;
	return 0;
}

/* Entries of a (counted once) also in b; *nval of them values. */
static size_t
overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    size_t *nval)
{
	size_t i, j, n = 0;

	*nval = 0;
	for (i = 0; i < na; i++) {
		for (j = 0; j < i; j++)
			if (a[j] == a[i])
				break;
		if (j < i)
			continue;
		for (j = 0; j < nb; j++)
			if (a[i] == b[j]) {
				n++;
				*nval += (a[i] & VALBIT) != 0;
				break;
			}
	}
	return n;
}

static int
subset(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t nv;

	return overlap(a, na, b, nb, &nv) == na ||
	    overlap(b, nb, a, na, &nv) == nb;
}

static int
same_role(const struct role *a, const struct role *b, int kind)
{
	uint32_t wa[3], wb[3];
	size_t na = 0, nb = 0;

	if (kind == SIM_PERSON)
		return (a->ntitle > 0 && b->ntitle > 0 &&
		    subset(a->title, a->ntitle, b->title, b->ntitle)) ||
		    (a->after != 0 && a->after == b->after);
	if (a->prep != b->prep || a->rate != b->rate)
		return 0;
	if (a->nhead > 0 && b->nhead > 0)
		return share(a->head, a->nhead, b->head, b->nhead);
	if (a->gov != 0)
		wa[na++] = a->gov;
	if (a->verb != 0)
		wa[na++] = a->verb;
	if (a->after != 0)
		wa[na++] = a->after;
	if (b->gov != 0)
		wb[nb++] = b->gov;
	if (b->verb != 0)
		wb[nb++] = b->verb;
	if (b->after != 0)
		wb[nb++] = b->after;
	return share(wa, na, wb, nb);
}

/* Whether a value agreeing with v (same class) is among w[0..n). */
static int
matched(const struct sim_index *x, const struct sim_value *v,
    const struct sim_value *w, size_t n)
{
	size_t l;
	int c = conflict_class(x, v);

	for (l = 0; l < n; l++)
		if (conflict_class(x, &w[l]) == c &&
		    conflict_agree(x, v->key, w[l].key) == 2)
			return 1;
	return 0;
}

/*
 * Whether a value of a and one of b could conflict (or a person could
 * have two titles), before the roles are worked out.
 */
static int
may_conflict(const struct sim_index *x, const struct sim_value *a,
    size_t na, const struct sim_value *b, size_t nb)
{
	size_t k, l;

	for (k = 0; k < na; k++) {
		if (a[k].kind == SIM_PERSON)
			for (l = 0; l < nb; l++)
				if (b[l].key == a[k].key)
					return 1;
		if (matched(x, &a[k], b, nb))
			continue;
		for (l = 0; l < nb; l++)
			if (b[l].kind == a[k].kind &&
			    conflict_class(x, &a[k]) ==
			    conflict_class(x, &b[l]) &&
			    conflict_agree(x, a[k].key, b[l].key) == 0 &&
			    !matched(x, &b[l], a, na))
				return 1;
	}
	return 0;
}

/*
 * Whether the contexts of two values agree: CONFLICT_MINCTX entries in
 * common, one of them another value (a figure or name both give).
 */
static int
strong(const struct role *a, const struct role *b)
{
	size_t nv;

	return overlap(a->ctx, a->nctx, b->ctx, b->nctx, &nv) >=
	    CONFLICT_MINCTX && nv > 0;
}

static void
push_hit(struct conflict_hit **out, size_t *cap, size_t n,
    const struct conflict_hit *h)
{
	if (n == *cap)
		xgrow((void **)out, cap, n + 1, sizeof(**out));
	(*out)[n] = *h;
}

size_t
conflict_find(struct conflict_index *cf, const struct sim_index *x,
    size_t i, const char *ti, size_t li, size_t j, const char *tj,
    size_t lj, struct conflict_hit **out, size_t *cap)
{
	const struct sim_value *a, *b;
	const struct role *ra, *rb;
	struct conflict_hit h;
	size_t na, nb, k, l, n = 0;

	if (i >= cf->nsent || j >= cf->nsent || i >= sim_count(x) ||
	    j >= sim_count(x))
		return 0;
	a = sim_values(x, i, &na);
	b = sim_values(x, j, &nb);
	if (na == 0 || nb == 0 || !may_conflict(x, a, na, b, nb))
		return 0;
	ra = analyse(cf, x, i, ti, li);
	rb = analyse(cf, x, j, tj, lj);
	/* analyse(j) may have moved the roles of i. */
	ra = cf->role + cf->off[i];
	for (k = 0; k < na; k++) {
		if (!ra[k].analysed)
			continue;
		/* A title given differently to one person. */
		if (a[k].kind == SIM_PERSON && ra[k].ntitle > 0)
			for (l = 0; l < nb; l++)
				if (b[l].key == a[k].key && rb[l].ntitle > 0 &&
				    !subset(ra[k].title, ra[k].ntitle,
				    rb[l].title, rb[l].ntitle)) {
					memset(&h, 0, sizeof(h));
					h.a = (uint32_t)k;
					h.b = (uint32_t)l;
					h.sa = ra[k].tstart;
					h.ea = ra[k].tend;
					h.sb = rb[l].tstart;
					h.eb = rb[l].tend;
					h.kind = CONFLICT_TITLE;
					h.strong = strong(&ra[k], &rb[l]);
					push_hit(out, cap, n++, &h);
					break;
				}
		if (matched(x, &a[k], b, nb))
			continue;
		for (l = 0; l < nb; l++) {
			if (!rb[l].analysed || b[l].kind != a[k].kind ||
			    conflict_class(x, &a[k]) !=
			    conflict_class(x, &b[l]) ||
			    conflict_agree(x, a[k].key, b[l].key) != 0 ||
			    matched(x, &b[l], a, na) ||
			    !same_role(&ra[k], &rb[l], a[k].kind))
				continue;
			memset(&h, 0, sizeof(h));
			h.a = (uint32_t)k;
			h.b = (uint32_t)l;
			h.sa = a[k].start;
			h.ea = a[k].end;
			h.sb = b[l].start;
			h.eb = b[l].end;
			h.kind = a[k].kind;
			h.strong = strong(&ra[k], &rb[l]);
			push_hit(out, cap, n++, &h);
		}
	}
	return n;
}

unsigned
conflict_kinds(const struct conflict_hit *h, size_t n, int strong)
{
	unsigned mask = 0;
	size_t k;

	for (k = 0; k < n; k++)
		if (!strong || h[k].strong)
			mask |= 1u << h[k].kind;
	return mask;
}
