/*
 * test_conflict.c: unit tests of common/conflict on invented sentence
 * pairs: a date, a count with the same head, an amount given differently
 * are conflicts; a date of another event, counts of different heads, a
 * rate ("a day") beside a total, a weekday and the date that falls on it
 * are not; persons conflict in the same title or as subjects of one verb,
 * not in different roles; one person's titles conflict unless one holds
 * the other.  Entities are given as "TYPE=surface=key|...".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflict.h"
#include "ent.h"
#include "sim.h"
#include "stem.h"
#include "unit.h"

#define D	(1u << SIM_DATE)
#define T	(1u << SIM_TIME)
#define M	(1u << SIM_MONEY)
#define C	(1u << SIM_COUNT)
#define P	(1u << SIM_PERSON)
#define TT	(1u << CONFLICT_TITLE)

static const struct {
	const char	*a, *ea, *b, *eb;
	unsigned	 want;		/* kinds of the hits */
	unsigned	 strong;	/* kinds of the strong hits (CONFLICT_MINCTX
					   context entries in common, one a
					   value) */
	size_t		 nhits;
} cases[] = {
	/* 0: the day something was said. */
	{ "The council said on Tuesday the library opens.", NULL,
	  "The council said Wednesday the library opens.", NULL, D, 0, 1 },
	/* 1: a month of another event is a detail. */
	{ "The library that closed in March reopens, the council said on "
	  "Tuesday.", NULL,
	  "The library reopens, the council said on Tuesday.", NULL,
	  0, 0, 0 },
	/* 2: two months in different roles. */
	{ "The library that closed in March reopens, the council said.",
	  NULL, "The library reopens in June, the council said.", NULL,
	  0, 0, 0 },
	/* 3: one day, said differently, and another event's month. */
	{ "The mayor said on Tuesday that the park, shut in March, reopens.",
	  NULL, "The mayor said Thursday that the park reopens.", NULL,
	  D, 0, 1 },
	/* 4: a count, same head noun. */
	{ "The plant will hire about 4,200 workers in 2027.", NULL,
	  "The plant will hire roughly 4,800 workers in 2027.", NULL,
	  C, C, 1 },
	/* 5: counts of different heads. */
	{ "The plant has 300 workers and 40 trucks.", NULL,
	  "The plant has 300 workers and 55 robots.", NULL, 0, 0, 0 },
	/* 6: a total and a rate: only the totals conflict. */
	{ "The strike cost $2.3 billion, or $105 million a day.", NULL,
	  "The strike cost $1.9 billion.", NULL, M, 0, 1 },
	/* 7: the same sentence. */
	{ "Shares fell 2% on Monday.", NULL, "Shares fell 2% on Monday.",
	  NULL, 0, 0, 0 },
	/* 8: a weekday and the date that falls on it (2026-03-03). */
	{ "The deal was signed on Tuesday.", "DATE=Tuesday=XXXX-WXX-2",
	  "The deal was signed on March 3.", "DATE=March 3=2026-03-03",
	  0, 0, 0 },
	/* 9: a weekday and a date that does not fall on it. */
	{ "The deal was signed on Tuesday.", "DATE=Tuesday=XXXX-WXX-2",
	  "The deal was signed on March 4.", "DATE=March 4=2026-03-04",
	  D, 0, 1 },
	/* 10: an unknown year agrees with a known one. */
	{ "Members vote on March 12.", "DATE=March 12=XXXX-03-12",
	  "Members will vote on March 12.", "DATE=March 12=2026-03-12",
	  0, 0, 0 },
	/* 11: two persons with one title. */
	{ "Treasury Secretary Ann Lee signed the accord.",
	  "PERSON=Ann Lee=Ann Lee",
	  "Treasury Secretary Bo Chan signed the accord.",
	  "PERSON=Bo Chan=Bo Chan", P, 0, 1 },
	/* 12: two persons, subjects of one verb. */
	{ "Ann Lee signed the accord on Monday.",
	  "PERSON=Ann Lee=Ann Lee|DATE=Monday=XXXX-WXX-1",
	  "Bo Chan signed the accord on Monday.",
	  "PERSON=Bo Chan=Bo Chan|DATE=Monday=XXXX-WXX-1", P, P, 1 },
	/* 13: persons in different roles, one a place tagged PERSON. */
	{ "The union met at its hall on Pier Road, Ann Lee said.",
	  "PERSON=Pier Road=Pier Road|PERSON=Ann Lee=Ann Lee",
	  "The union met at its hall, said Bo Chan.",
	  "PERSON=Bo Chan=Bo Chan", 0, 0, 0 },
	/* 14: one person, two titles. */
	{ "Treasury Secretary Ann Lee signed the accord.",
	  "PERSON=Ann Lee=Ann Lee",
	  "Commerce Secretary Ann Lee signed the accord.",
	  "PERSON=Ann Lee=Ann Lee", TT, 0, 1 },
	/* 15: one title holds the other. */
	{ "Secretary Ann Lee signed the accord.", "PERSON=Ann Lee=Ann Lee",
	  "Treasury Secretary Ann Lee signed the accord.",
	  "PERSON=Ann Lee=Ann Lee", 0, 0, 0 },
	/* 16: a title in apposition. */
	{ "Ann Lee, the union's president, signed the accord.",
	  "PERSON=Ann Lee=Ann Lee",
	  "Ann Lee, the union's treasurer, signed the accord.",
	  "PERSON=Ann Lee=Ann Lee", TT, 0, 1 },
	/* 17: one time of one announcement; a time of another event. */
	{ "The deal was announced at 6:15 a.m. after talks.",
	  "TIME=6:15 a.m.=T06:15",
	  "The deal, reached at 5:50 a.m., was announced at 11:40 p.m.",
	  "TIME=5:50 a.m.=T05:50|TIME=11:40 p.m.=T23:40", T, 0, 1 },
	/* 18: since and on are different roles. */
	{ "Talks have run since Monday.", "DATE=Monday=XXXX-WXX-1",
	  "Talks have run on Tuesday.", "DATE=Tuesday=XXXX-WXX-2", 0, 0, 0 },
	/* 19: heads of different bodies are not one role. */
	{ "Hard-liners such as Ann Lee, head of the judiciary, won seats.",
	  "PERSON=Ann Lee=Ann Lee",
	  "Hard-liners such as Bo Chan, head of the assembly, won seats.",
	  "PERSON=Bo Chan=Bo Chan", 0, 0, 0 },
	/* 20: a title is title words, modifiers and capitalised words. */
	{ "Voters appeared to re-elect President Ann Lee on Sunday.",
	  "PERSON=Ann Lee=Ann Lee",
	  "Brazilian President Ann Lee won on Sunday.",
	  "PERSON=Ann Lee=Ann Lee", 0, 0, 0 },
	/* 21: one person, two titles in apposition with complements. */
	{ "Ann Lee, head of the judiciary, spoke.", "PERSON=Ann Lee=Ann Lee",
	  "Ann Lee, head of the assembly, spoke.", "PERSON=Ann Lee=Ann Lee",
	  TT, 0, 1 },
};

/* Parse "TYPE=surface=key|..." against text into l. */
static void
ents(const char *spec, const char *text, struct ent_list *l)
{
	char buf[256], *p, *q, *r, *save = NULL;
	const char *at;

	ent_clear(l);
	snprintf(buf, sizeof(buf), "%s", spec);
	for (p = strtok_r(buf, "|", &save); p != NULL;
	    p = strtok_r(NULL, "|", &save)) {
		q = strchr(p, '=');
		r = strchr(q + 1, '=');
		*q++ = '\0';
		*r++ = '\0';
		at = strstr(text, q);
		CHECK(at != NULL);
		if (at == NULL)
			continue;
		ent_add(l, (uint32_t)(at - text), (uint32_t)(at - text +
		    strlen(q)), ent_type_parse(p, strlen(p)), r, strlen(r));
	}
}

static void
test_cases(struct stem *st)
{
	struct sim_index *x = sim_index_new(st, NULL);
	struct conflict_index *cf = conflict_new();
	struct conflict_hit *h = NULL;
	struct ent_list l = { 0 };
	size_t i, n = sizeof(cases) / sizeof(cases[0]), cap = 0, nh;

	CHECK(cf != NULL);
	for (i = 0; i < n; i++) {
		if (cases[i].ea != NULL)
			ents(cases[i].ea, cases[i].a, &l);
		sim_index_add(x, cases[i].a, strlen(cases[i].a),
		    cases[i].ea != NULL ? &l : NULL, 0);
		if (cases[i].eb != NULL)
			ents(cases[i].eb, cases[i].b, &l);
		sim_index_add(x, cases[i].b, strlen(cases[i].b),
		    cases[i].eb != NULL ? &l : NULL, 1);
	}
	sim_index_finish(x);
	conflict_reset(cf, sim_count(x));
	for (i = 0; i < n; i++) {
		nh = conflict_find(cf, x, 2 * i, cases[i].a,
		    strlen(cases[i].a), 2 * i + 1, cases[i].b,
		    strlen(cases[i].b), &h, &cap);
		if (nh != cases[i].nhits ||
		    conflict_kinds(h, nh, 0) != cases[i].want ||
		    conflict_kinds(h, nh, 1) != cases[i].strong)
			fprintf(stderr, "case %zu\n", i);
		CHECK_EQ_LONG(nh, cases[i].nhits);
		CHECK_EQ_LONG(conflict_kinds(h, nh, 0), cases[i].want);
		CHECK_EQ_LONG(conflict_kinds(h, nh, 1), cases[i].strong);
		/* The other way round: the same kinds. */
		nh = conflict_find(cf, x, 2 * i + 1, cases[i].b,
		    strlen(cases[i].b), 2 * i, cases[i].a,
		    strlen(cases[i].a), &h, &cap);
		CHECK_EQ_LONG(conflict_kinds(h, nh, 0), cases[i].want);
	}
	/* Case 6: the hit is $2.3 billion against $1.9 billion. */
	nh = conflict_find(cf, x, 12, cases[6].a, strlen(cases[6].a), 13,
	    cases[6].b, strlen(cases[6].b), &h, &cap);
	CHECK_EQ_LONG(nh, 1);
	if (nh == 1) {
		CHECK_EQ_MEM(cases[6].a + h[0].sa, h[0].ea - h[0].sa,
		    "$2.3 billion");
		CHECK_EQ_MEM(cases[6].b + h[0].sb, h[0].eb - h[0].sb,
		    "$1.9 billion");
	}
	/* Case 14: the titles' spans. */
	nh = conflict_find(cf, x, 28, cases[14].a, strlen(cases[14].a), 29,
	    cases[14].b, strlen(cases[14].b), &h, &cap);
	CHECK_EQ_LONG(nh, 1);
	if (nh == 1) {
		CHECK_EQ_MEM(cases[14].a + h[0].sa, h[0].ea - h[0].sa,
		    "Treasury Secretary");
		CHECK_EQ_MEM(cases[14].b + h[0].sb, h[0].eb - h[0].sb,
		    "Commerce Secretary");
	}
	/* Out of the story's range: nothing. */
	CHECK_EQ_LONG(conflict_find(cf, x, 2 * n, "a", 1, 0, "b", 1, &h,
	    &cap), 0);
	free(h);
	ent_list_free(&l);
	conflict_free(cf);
	sim_index_free(x);
}

static void
test_agree(struct stem *st)
{
	static const struct {
		const char	*a, *b;
		int		 want;
	} d[] = {
		{ "E:XXXX-WXX-2", "E:2026-03-03", 2 },	/* a Tuesday */
		{ "E:XXXX-WXX-1", "E:2026-03-03", 0 },
		{ "E:XXXX-WXX-2", "E:XXXX-03-03", 1 },
		{ "E:XXXX-03-12", "E:2026-03-12", 2 },
		{ "E:2026-03", "E:2026-03-12", 1 },
		{ "E:2026-03-11", "E:2026-03-12", 0 },
		{ "E:USD 5", "E:USD 6", 0 },
	};
	struct sim_index *x = sim_index_new(st, NULL);
	struct ent_list l = { 0 };
	const struct sim_value *v;
	size_t i, n = sizeof(d) / sizeof(d[0]), nv;
	char text[] = "x y";

	for (i = 0; i < n; i++) {
		ent_clear(&l);
		ent_add(&l, 0, 1, ENT_DATE, d[i].a + 2, strlen(d[i].a) - 2);
		ent_add(&l, 2, 3, ENT_DATE, d[i].b + 2, strlen(d[i].b) - 2);
		sim_index_add(x, text, 3, &l, 0);
	}
	sim_index_finish(x);
	for (i = 0; i < n; i++) {
		v = sim_values(x, i, &nv);
		CHECK_EQ_LONG(nv, 2);
		if (nv == 2)
			CHECK_EQ_LONG(conflict_agree(x, v[0].key, v[1].key),
			    d[i].want);
	}
	CHECK_EQ_STR(conflict_kind_name(CONFLICT_TITLE), "title");
	CHECK_EQ_STR(conflict_kind_name(SIM_COUNT), "count");
	ent_list_free(&l);
	sim_index_free(x);
}

int
main(void)
{
	struct stem *st = stem_new();

	CHECK(st != NULL);
	test_cases(st);
	test_agree(st);
	stem_free(st);
	UNIT_END();
}
