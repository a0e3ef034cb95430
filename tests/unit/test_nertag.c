/*
 * test_nertag.c: unit tests of common/nertag with the committed model and
 * gazetteer (data/): mentions in order with spans inside their sentence;
 * documents told apart by doc; the publication date from the date field,
 * else a dateline, else unknown; keys linked across the documents of the
 * story; titles cut off people; empty stories and sentences.  Sentences
 * are invented.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "ent.h"
#include "ner.h"
#include "nergaz.h"
#include "nertag.h"
#include "unit.h"

#define SENT(doc, date, dlen, text) { text, sizeof(text) - 1, doc, \
	sizeof(doc) - 1, date, dlen }

/* The key of the first mention typed type whose text is want, or NULL. */
static const char *
key_of(const struct nertag_out *o, const struct nertag_sent *s, int type,
    const char *want, size_t from)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (o->v[i].sent >= from && o->v[i].type == type &&
		    o->v[i].end - o->v[i].start == strlen(want) &&
		    memcmp(s[o->v[i].sent].text + o->v[i].start, want,
		    strlen(want)) == 0)
			return o->v[i].key;
	return NULL;
}

#define CHECK_KEY(o, s, type, text, from, want) do {			\
	const char *k_ = key_of((o), (s), (type), (text), (from));	\
	CHECK(k_ != NULL);						\
	if (k_ != NULL)							\
		CHECK_EQ_STR(k_, (want));				\
} while (0)

static void
story(struct nertag *t)
{
	const struct nertag_sent s[] = {
		SENT("a", "2025-06-30", 10,
		    "President Donald Trump spoke in Ohio on Friday."),
		SENT("a", "2025-06-30", 10, ""),
		SENT("b", "garbage", 7,
		    "LONDON, July 4, 2025 - Officials said Trump left on Friday."),
		SENT("c", NULL, 0, "Officials said Trump and Lee met on Friday."),
	};
	struct nertag_out o = { 0 };
	size_t i;

	nertag_story(t, s, 4, &o);
	for (i = 0; i < o.n; i++) {
		CHECK(o.v[i].sent < 4);
		CHECK(o.v[i].start < o.v[i].end &&
		    o.v[i].end <= s[o.v[i].sent].len);
		CHECK(o.v[i].key != NULL);
		if (i > 0)
			CHECK(o.v[i - 1].sent < o.v[i].sent ||
			    (o.v[i - 1].sent == o.v[i].sent &&
			    o.v[i - 1].start <= o.v[i].start));
	}
	CHECK_KEY(&o, s, ENT_PERSON, "Donald Trump", 0, "Donald Trump");
	CHECK_KEY(&o, s, ENT_PERSON, "Trump", 2, "Donald Trump");
	CHECK_KEY(&o, s, ENT_PERSON, "Trump", 3, "Donald Trump");
	CHECK_KEY(&o, s, ENT_GPE, "Ohio", 0, "Ohio");
	/* The date field, a dateline, nothing. */
	CHECK_KEY(&o, s, ENT_DATE, "Friday", 0, "2025-06-27");
	CHECK_KEY(&o, s, ENT_DATE, "Friday", 2, "2025-07-04");
	CHECK_KEY(&o, s, ENT_DATE, "Friday", 3, "XXXX-WXX-5");
	/* "President" is not part of the person. */
	CHECK(key_of(&o, s, ENT_PERSON, "President Donald Trump", 0) == NULL);
	nertag_story(t, s, 0, &o);
	CHECK_EQ_LONG(o.n, 0);
	/* A story whose first sentence is empty. */
	nertag_story(t, s + 1, 1, &o);
	CHECK_EQ_LONG(o.n, 0);
	nertag_out_free(&o);
	nertag_out_free(&o);
}

int
main(void)
{
	char *mp = data_find("ner.model"), *gp = data_find("gazetteer.tsv");
	char err[256];
	struct ner_model *m = NULL;
	struct nergaz *g = NULL;
	struct nertag *t;

	CHECK(mp != NULL && gp != NULL);
	if (mp != NULL)
		m = ner_model_load(mp, err, sizeof(err));
	if (gp != NULL)
		g = nergaz_load(gp, err, sizeof(err));
	CHECK(m != NULL && g != NULL);
	if (m != NULL && g != NULL) {
		t = nertag_new(m, g);
		story(t);
		nertag_free(t);
	}
	nertag_free(NULL);
	ner_model_free(m);
	nergaz_free(g);
	free(mp);
	free(gp);
	UNIT_END();
}
