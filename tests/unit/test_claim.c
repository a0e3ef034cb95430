/*
 * test_claim.c: unit tests of common/claim (which values conflict is
 * test_conflict.c's): claim_align over a hand-made model
 * (score rises with the stem overlap): claims numbered in order, one
 * sentence per document in a claim, support and sorted, escaped sources,
 * the conflict text and the pair relations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "sim.h"
#include "stem.h"
#include "unit.h"

/* A model whose score is above 0.5 when the stem overlap is above 0.5. */
static void
toy_model(struct sim_model *m)
{
	memset(m, 0, sizeof(*m));
	m->w[0] = 20;		/* stem_dice */
	m->bias = -10;
	m->threshold = 0.5;
	m->partial = 0.2;
}

static void
test_align(struct stem *st)
{
	static const struct {
		const char	*text;
		uint32_t	 doc;
		const char	*source;
	} s[] = {
		{ "Rescuers pulled two hikers from the flooded canyon.", 0,
		  "Wire, Inc" },
		{ "Rescuers pulled two hikers from the flooded canyon.", 0,
		  "Wire, Inc" },
		{ "Rescuers pulled two hikers from the flooded canyon.", 1,
		  "Daily" },
		{ "The zoo welcomed a baby giraffe.", 1, "Daily" },
		{ "Rescuers pulled two hikers from the flooded canyon.", 2,
		  "Daily" },
		{ "The zoo welcomed a baby giraffe on Monday.", 3, "Post" },
		{ "The zoo welcomed a baby giraffe on Friday.", 4, "Herald" },
	};
	size_t n = sizeof(s) / sizeof(s[0]), i;
	struct sim_index *x = sim_index_new(st, NULL);
	struct claim_sent cl[sizeof(s) / sizeof(s[0])];
	struct claim_opts o = { .maxcand = 50 };
	struct claim_set cs = { 0 };
	struct sim_model m;

	toy_model(&m);
	o.threshold = m.threshold;
	o.partial = m.partial;
	for (i = 0; i < n; i++) {
		sim_index_add(x, s[i].text, strlen(s[i].text), NULL, s[i].doc);
		cl[i].text = s[i].text;
		cl[i].len = strlen(s[i].text);
		cl[i].source = s[i].source;
	}
	sim_index_finish(x);
	claim_align(x, &m, &o, cl, &cs);
	/* 0 joins 2 and 4, never 1: the same document. */
	CHECK(cs.of[0] != cs.of[1]);
	CHECK_EQ_LONG(cs.of[0], 0);
	CHECK_EQ_LONG(cs.of[1], 1);
	CHECK_EQ_LONG(cs.of[2], 0);
	CHECK_EQ_LONG(cs.of[3], 2);
	CHECK_EQ_LONG(cs.of[4], 0);
	CHECK_EQ_LONG(cs.of[5], 2);
	CHECK_EQ_LONG(cs.of[6], 2);
	CHECK_EQ_LONG(cs.n, 3);
	/* Documents 1 and 2 are both the Daily: two sources. */
	CHECK_EQ_LONG(cs.support[0], 2);
	CHECK_EQ_LONG(cs.support[1], 1);
	CHECK_EQ_STR(claim_sources(&cs, 0), "Daily,Wire%2C Inc");
	CHECK_EQ_LONG(cs.support[2], 3);
	CHECK_EQ_STR(claim_sources(&cs, 2), "Daily,Herald,Post");
	CHECK_EQ_STR(claim_conflict(&cs, 0), "");
	CHECK_EQ_STR(claim_conflict(&cs, 2),
	    "date: Monday (Post) / Friday (Herald)");
	CHECK_EQ_STR(claim_rel_name(CLAIM_CONFLICT), "conflict");
	for (i = 0; i < cs.npairs; i++) {
		CHECK(cs.pairs[i].a < cs.pairs[i].b);
		if (cs.pairs[i].a == 5 && cs.pairs[i].b == 6)
			CHECK_EQ_LONG(cs.pairs[i].rel, CLAIM_CONFLICT);
		if (cs.pairs[i].a == 0 && cs.pairs[i].b == 2)
			CHECK_EQ_LONG(cs.pairs[i].rel, CLAIM_SAME);
	}
	/* Again on the same set: the same result. */
	claim_align(x, &m, &o, cl, &cs);
	CHECK_EQ_LONG(cs.n, 3);
	CHECK_EQ_STR(claim_sources(&cs, 2), "Daily,Herald,Post");
	claim_set_free(&cs);
	claim_set_free(&cs);
	sim_index_free(x);
}

int
main(void)
{
	struct stem *st = stem_new();

	CHECK(st != NULL);
	test_align(st);
	stem_free(st);
	UNIT_END();
}
