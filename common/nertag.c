/*
 * nertag.c: a story's mentions (nertag.h).  Each document's sentences are
 * tokenised once; the model tags the document, the rules each sentence,
 * and nerkey links the model's mentions over the story.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ent.h"
#include "hash.h"
#include "ner.h"
#include "nerkey.h"
#include "nertag.h"
#include "numex.h"
#include "tok.h"
#include "xalloc.h"

struct nertag {
	const struct ner_model	*m;
	const struct nergaz	*g;
	struct ner_doc		 d;
	struct tok_list		 tl;
	struct tok		*tok;	/* the document's tokens */
	size_t			 ntok, tokcap;
	size_t			*first;	/* first token of each sentence */
	size_t			 firstcap;
	struct numex_list	 nx;
	struct nerkey_item	*items;
	size_t			 itemcap;
	char			*lbuf;	/* lower-case scratch */
	size_t			 lbufcap;
};

/* The state of one document while its spans are collected. */
struct docrun {
	struct nertag		*t;
	const struct nertag_sent *s;
	size_t			 s0, ns;	/* its sentences in the story */
	struct nertag_out	*out;
};

struct nertag *
nertag_new(const struct ner_model *m, const struct nergaz *g)
{
	struct nertag *t = xcalloc(1, sizeof(*t));

	t->m = m;
	t->g = g;
	return t;
}

void
nertag_free(struct nertag *t)
{
	if (t == NULL)
		return;
	ner_doc_free(&t->d);
	tok_list_free(&t->tl);
	numex_list_free(&t->nx);
	free(t->tok);
	free(t->first);
	free(t->items);
	free(t->lbuf);
	free(t);
}

void
nertag_out_free(struct nertag_out *out)
{
	size_t i;

	for (i = 0; i < out->n; i++)
		free(out->v[i].key);
	free(out->v);
	memset(out, 0, sizeof(*out));
}

static struct nertag_mention *
add(struct nertag_out *out, size_t sent, uint32_t start, uint32_t end,
    int type, const char *key)
{
	struct nertag_mention *m;

	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
	m = &out->v[out->n++];
	m->sent = sent;
	m->start = start;
	m->end = end;
	m->type = type;
	m->key = key != NULL ? xstrdup(key) : NULL;
	return m;
}

/*
 * Last words that make a MISC name an EVENT or a LAW (OntoNotes' names,
 * from common English usage).
 */
static const struct {
	const char	*w;
	int		 type;
} misc_words[] = {
	{ "act", ENT_LAW }, { "law", ENT_LAW }, { "treaty", ENT_LAW },
	{ "bill", ENT_LAW }, { "accord", ENT_LAW }, { "accords", ENT_LAW },
	{ "amendment", ENT_LAW }, { "constitution", ENT_LAW },
	{ "convention", ENT_LAW }, { "war", ENT_EVENT },
	{ "olympics", ENT_EVENT }, { "games", ENT_EVENT },
	{ "cup", ENT_EVENT }, { "championship", ENT_EVENT },
	{ "championships", ENT_EVENT }, { "open", ENT_EVENT },
	{ "summit", ENT_EVENT }, { "festival", ENT_EVENT },
	{ "election", ENT_EVENT }, { "revolution", ENT_EVENT },
	{ "crisis", ENT_EVENT },
	{ "conference", ENT_EVENT }, { "forum", ENT_EVENT },
	{ NULL, 0 }
};

/* MISC, or EVENT or LAW by the last word of tokens [b, e). */
static int
misc_type(const struct nertag *t, size_t b, size_t e)
{
	const struct ner_tok *w = &t->d.t[e - 1];
	size_t i;

	if (e - b < 2)
		return ENT_MISC;
	for (i = 0; misc_words[i].w != NULL; i++)
		if (strlen(misc_words[i].w) == w->len &&
		    strncasecmp(misc_words[i].w, w->s, w->len) == 0)
			return misc_words[i].type;
	return ENT_MISC;
}

/* The OntoNotes type of CoNLL type ct over doc tokens [b, e). */
static int
map_type(const struct nertag *t, size_t b, size_t e, int ct)
{
	uint64_t w[NERGAZ_MAXW];
	unsigned gt = 0;
	size_t i;

	if (ct == NER_PER)
		return ENT_PERSON;
	if (ct == NER_ORG)
		return ENT_ORG;
	if (t->g != NULL && e - b <= NERGAZ_MAXW) {
		for (i = b; i < e; i++)
			w[i - b] = t->d.t[i].hlw;
		gt = nergaz_lookup(t->g, w, e - b, NULL);
	}
	if (ct == NER_LOC)
		return gt & (NERGAZ_COUNTRY | NERGAZ_REGION | NERGAZ_CITY) ?
		    ENT_GPE : ENT_LOC;
	if (gt & NERGAZ_NORP)
		return ENT_NORP;
	return misc_type(t, b, e);
}

/* The first token after the last title in [b, e - 1), or b. */
static size_t
after_title(const struct nertag *t, size_t b, size_t e)
{
	size_t k, after = b;

	for (k = b; k + 1 < e; k++)
		if ((t->d.t[k].gazb | t->d.t[k].gazi) & NERGAZ_TITLE)
			after = k + 1;
	return after;
}

/* Are tokens [b, e) capitalised words, none of them an ORGWORD? */
static int
name_words(const struct nertag *t, size_t b, size_t e)
{
	for (; b < e; b++)
		if (!t->d.t[b].cap || ((t->d.t[b].gazb | t->d.t[b].gazi) &
		    NERGAZ_ORGWORD))
			return 0;
	return 1;
}

/*
 * ner_spans callback: a model mention over doc tokens [b, e).  A person's
 * span starts after its titles (OntoNotes leaves them out); two or more
 * capitalised words after a title inside another span are a person
 * ("Treasury Secretary Scott Bessent").
 */
static void
on_span(void *arg, size_t b, size_t e, int type)
{
	struct docrun *r = arg;
	struct nertag *t = r->t;
	size_t lo = 0, hi = r->ns, mid, k;

	if ((k = after_title(t, b, e)) > b && (type == NER_PER ||
	    (e - k >= 2 && name_words(t, k, e)))) {
		b = k;
		type = NER_PER;
	} else if (b >= 2 && e - b >= 3 && t->d.t[b - 1].len == 2 &&
	    memcmp(t->d.t[b - 1].s, "of", 2) == 0 &&
	    ((t->d.t[b - 2].gazb | t->d.t[b - 2].gazi) & NERGAZ_TITLE) &&
	    name_words(t, b + 1, e)) {
		/* "Secretary of [Commerce Howard Lutnick]" */
		b++;
		type = NER_PER;
	}
	/* The sentence holding token b (spans never cross sentences). */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (t->first[mid] <= b)
			lo = mid;
		else
			hi = mid;
	}
	add(r->out, r->s0 + lo, t->tok[b].start, t->tok[e - 1].end,
	    map_type(t, b, e, type), NULL);
}

/*
 * Is the sentence of tokens [b, e) a headline in title case: at most 40
 * tokens, no final full stop, at least three words of four letters or more, seven in ten of
 * them capitalised (and not all capitals, which the model knows)?
 */
static int
titlecase(const struct nertag *t, size_t b, size_t e)
{
	size_t i, words = 0, title = 0;
	const struct ner_tok *w;

	if (e - b > 40 || e == b)
		return 0;
	/* A headline has no full stop at its end. */
	w = &t->d.t[e - 1];
	if (w->len == 1 && (*w->s == '.' || *w->s == '!' || *w->s == '?'))
		return 0;
	for (i = b; i < e; i++) {
		w = &t->d.t[i];
		if (w->len < 4)
			continue;
		if (w->lower)
			words++;
		else if (w->cap && w->s[1] >= 'a' && w->s[1] <= 'z') {
			words++;
			title++;
		}
	}
	return words >= 3 && title * 10 >= words * 7;
}

/* The text of mention m in lower case (ASCII), in t->lbuf. */
static const char *
lower(struct nertag *t, const struct nertag_sent *s,
    const struct nertag_mention *m, size_t *len)
{
	const char *p = s[m->sent].text + m->start;
	size_t i;

	*len = m->end - m->start;
	xgrow((void **)&t->lbuf, &t->lbufcap, *len + 1, 1);
	for (i = 0; i < *len; i++)
		t->lbuf[i] = (char)tolower((unsigned char)p[i]);
	return t->lbuf;
}

/*
 * Cut mention m of sentence k (of the document) to its longest first
 * words that the gazetteer knows as a place or nationality ("China" of
 * "China Confirm Trade Details"); 0 when there are none.
 */
static int
salvage(const struct nertag *t, struct nertag_mention *m, size_t k)
{
	uint64_t w[NERGAZ_MAXW];
	size_t b, e, p, i;
	unsigned gt;

	b = t->first[k];
	e = t->first[k + 1];
	while (b < e && t->tok[b].start < m->start)
		b++;
	for (p = b + 1; p < e && p - b < NERGAZ_MAXW &&
	    t->tok[p - 1].end < m->end; p++)
		;
	for (; p > b; p--) {
		for (i = b; i < p; i++)
			w[i - b] = t->d.t[i].hlw;
		gt = t->g != NULL ? nergaz_lookup(t->g, w, p - b, NULL) : 0;
		if (gt & (NERGAZ_COUNTRY | NERGAZ_REGION | NERGAZ_CITY |
		    NERGAZ_NORP)) {
			m->end = t->tok[p - 1].end;
			m->type = gt & NERGAZ_NORP ? ENT_NORP : ENT_GPE;
			return 1;
		}
	}
	return 0;
}

/*
 * In a title-case headline capitals say little: keep a model mention
 * there only when the gazetteer knows its words or the document names it
 * so (in any case) in a sentence that is not a headline; else its first
 * words are kept when they are a place or nationality (salvage()).  Mentions of the
 * document are out->v[m0 .. out->n).
 */
static void
filter_headlines(struct nertag *t, const struct nertag_sent *s, size_t s0,
    size_t ns, struct nertag_out *out, size_t m0)
{
	struct nertag_mention *v = out->v;
	uint8_t *tc = xcalloc(ns + 1, 1);
	struct smap *seen = NULL;
	size_t k, i, n = m0, len;
	const char *l;
	int keep;

	for (k = 0; k < ns; k++)
		tc[k] = (uint8_t)titlecase(t, t->first[k],
		    k + 1 < ns ? t->first[k + 1] : t->ntok);
	for (i = m0; i < out->n; i++) {
		if (!tc[v[i].sent - s0])
			continue;
		if (seen == NULL) {
			/* Names outside headlines, in lower case. */
			seen = smap_new();
			for (k = m0; k < out->n; k++)
				if (!tc[v[k].sent - s0]) {
					l = lower(t, s, &v[k], &len);
					smap_put(seen, l, len, NULL);
				}
		}
		l = lower(t, s, &v[i], &len);
		keep = v[i].type == ENT_GPE || v[i].type == ENT_NORP ||
		    smap_get(seen, l, len) >= 0;
		if (!keep && !salvage(t, &v[i], v[i].sent - s0)) {
			free(v[i].key);
			v[i].key = NULL;
			v[i].type = -1;
		}
	}
	for (i = m0; i < out->n; i++)
		if (v[i].type >= 0)
			v[n++] = v[i];
	out->n = n;
	smap_free(seen);
	free(tc);
}

/* The publication date of the document of sentences s[0..n). */
static void
pubdate(const struct nertag_sent *s, size_t n, struct numex_date *d)
{
	size_t i;

	if (s[0].date != NULL && numex_date_parse(s[0].date, s[0].datelen,
	    d) == 0)
		return;
	for (i = 0; i < n && i < 3; i++)
		if (numex_date_parse(s[i].text, s[i].len, d) == 0)
			return;
	d->y = d->m = d->d = 0;
}

/*
 * Does [start, end) of sentence k overlap a model mention?  The model's
 * mentions [*j, nm) are in order and apart, and so are the queries: *j
 * only moves forward.
 */
static int
overlaps(const struct nertag_out *out, size_t *j, size_t nm, size_t k,
    uint32_t start, uint32_t end)
{
	const struct nertag_mention *v = out->v;

	while (*j < nm && (v[*j].sent < k ||
	    (v[*j].sent == k && v[*j].end <= start)))
		(*j)++;
	return *j < nm && v[*j].sent == k && v[*j].start < end;
}

/* Tag the document of sentences s[s0 .. s0 + ns) of the story. */
static void
tag_doc(struct nertag *t, const struct nertag_sent *s, size_t s0, size_t ns,
    struct nertag_out *out)
{
	struct docrun r = { t, s + s0, s0, ns, out };
	struct numex_date ref;
	size_t k, i, j = out->n, nm;
	const struct numex_hit *h;

	ner_doc_clear(&t->d);
	t->ntok = 0;
	xgrow((void **)&t->first, &t->firstcap, ns + 1, sizeof(*t->first));
	for (k = 0; k < ns; k++) {
		tok_split(s[s0 + k].text, s[s0 + k].len, &t->tl);
		xgrow((void **)&t->tok, &t->tokcap, t->ntok + t->tl.n + 1,
		    sizeof(*t->tok));
		if (t->tl.n > 0)
			memcpy(t->tok + t->ntok, t->tl.v,
			    t->tl.n * sizeof(*t->tok));
		t->first[k] = t->ntok;
		ner_doc_sentence(&t->d);
		for (i = 0; i < t->tl.n; i++)
			ner_doc_token(&t->d, s[s0 + k].text + t->tl.v[i].start,
			    t->tl.v[i].end - t->tl.v[i].start);
		t->ntok += t->tl.n;
	}
	t->first[ns] = t->ntok;
	ner_tag(t->m, t->g, &t->d);
	ner_spans(t->d.lab, t->d.n, on_span, &r);
	filter_headlines(t, s, s0, ns, out, j);
	pubdate(s + s0, ns, &ref);
	nm = out->n;
	for (k = 0; k < ns; k++) {
		numex_scan(s[s0 + k].text, t->tok + t->first[k],
		    (k + 1 < ns ? t->first[k + 1] : t->ntok) - t->first[k],
		    &ref, &t->nx);
		for (i = 0; i < t->nx.n; i++) {
			h = &t->nx.v[i];
			if (!overlaps(out, &j, nm, s0 + k,
			    t->tok[t->first[k] + h->b].start,
			    t->tok[t->first[k] + h->e - 1].end))
				add(out, s0 + k, t->tok[t->first[k] + h->b].start,
				    t->tok[t->first[k] + h->e - 1].end, h->type,
				    h->key);
		}
	}
}

static int
cmp_mention(const void *a, const void *b)
{
	const struct nertag_mention *x = a, *y = b;

	if (x->sent != y->sent)
		return x->sent < y->sent ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (x->type > y->type) - (x->type < y->type);
}

/*
 * A one-word ORG, LOC or MISC that is the last word of a person's name
 * elsewhere in the story is that person (the story is consistent where
 * the model was not).
 */
static void
retype_surnames(struct nertag *t, const struct nertag_sent *s,
    struct nertag_out *out)
{
	struct smap *sur = smap_new();
	struct nertag_mention *v, w;
	const char *text, *l;
	size_t i, k, len;

	for (i = 0; i < out->n; i++) {
		v = &out->v[i];
		if (v->type != ENT_PERSON || v->key != NULL)
			continue;
		text = s[v->sent].text;
		for (k = v->end; k > v->start && text[k - 1] != ' ' &&
		    text[k - 1] != '\n'; k--)
			;
		if (k > v->start) {
			w = *v;
			w.start = (uint32_t)k;
			l = lower(t, s, &w, &len);
			smap_put(sur, l, len, NULL);
		}
	}
	for (i = 0; i < out->n; i++) {
		v = &out->v[i];
		if (v->key != NULL || v->type == ENT_PERSON ||
		    v->type == ENT_GPE || v->type == ENT_NORP)
			continue;
		text = s[v->sent].text;
		for (k = v->start; k < v->end && text[k] != ' ' &&
		    text[k] != '\n'; k++)
			;
		if (k < v->end)
			continue;
		l = lower(t, s, v, &len);
		if (smap_get(sur, l, len) >= 0)
			v->type = ENT_PERSON;
	}
	smap_free(sur);
}

/* Keys of the model's mentions (those without one), over the story. */
static void
link_keys(struct nertag *t, const struct nertag_sent *s,
    struct nertag_out *out)
{
	size_t i, n = 0;

	for (i = 0; i < out->n; i++) {
		if (out->v[i].key != NULL)
			continue;
		xgrow((void **)&t->items, &t->itemcap, n + 1,
		    sizeof(*t->items));
		t->items[n].s = s[out->v[i].sent].text + out->v[i].start;
		t->items[n].len = out->v[i].end - out->v[i].start;
		t->items[n].type = out->v[i].type;
		t->items[n++].key = NULL;
	}
	nerkey_link(t->g, t->items, n);
	for (i = 0, n = 0; i < out->n; i++)
		if (out->v[i].key == NULL) {
			out->v[i].key = t->items[n].key;
			t->items[n++].key = NULL;
		}
}

void
nertag_story(struct nertag *t, const struct nertag_sent *s, size_t n,
    struct nertag_out *out)
{
	size_t i, b;

	nertag_out_free(out);
	for (b = 0; b < n; b = i) {
		for (i = b + 1; i < n && s[i].doclen == s[b].doclen &&
		    memcmp(s[i].doc, s[b].doc, s[b].doclen) == 0; i++)
			;
		tag_doc(t, s, b, i - b, out);
	}
	retype_surnames(t, s, out);
	link_keys(t, s, out);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_mention);
}
