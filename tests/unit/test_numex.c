/*
 * test_numex.c: unit tests of common/numex: each rule with and without a
 * reference date (weekdays resolved to the nearest one, "last" and "next",
 * months, relative days, weeks and months, durations, money with signs,
 * scales and currency words, percent, quantities, clock times, ordinals,
 * cardinals), what is not a date ("may" the verb, "June 31, 2025"),
 * numex_date_parse and the day arithmetic.  Sentences are invented.
 */
#include <stdio.h>
#include <string.h>

#include "ent.h"
#include "numex.h"
#include "tok.h"
#include "unit.h"

/* Expected: the text of the first expression, its type and key. */
struct tcase {
	const char	*s;
	const char	*span;
	int		 type;
	const char	*key;
};

/* Reference: Monday 2025-06-30. */
static const struct tcase with_ref[] = {
	{ "They met on Friday.", "Friday", ENT_DATE, "2025-06-27" },
	{ "Talks resume Wednesday.", "Wednesday", ENT_DATE, "2025-07-02" },
	{ "He left last Monday.", "last Monday", ENT_DATE, "2025-06-23" },
	{ "See you next Friday night.", "next Friday night", ENT_DATE,
	    "2025-07-04" },
	{ "Prices rose in mid-May.", "mid-May", ENT_DATE, "2025-05" },
	{ "The deal was struck late last month.", "late last month",
	    ENT_DATE, "2025-05" },
	{ "It starts June 10.", "June 10", ENT_DATE, "2025-06-10" },
	{ "It starts June 10, 2024.", "June 10, 2024", ENT_DATE,
	    "2024-06-10" },
	{ "Filed 2025-06-26 in court.", "2025-06-26", ENT_DATE,
	    "2025-06-26" },
	{ "Sales fell over the past two weeks.", "the past two weeks",
	    ENT_DATE, "P2W" },
	{ "A truce of 90 days holds.", "90 days", ENT_DATE, "P90D" },
	{ "A two-day meeting ended.", "two-day", ENT_DATE, "P2D" },
	{ "They spoke yesterday.", "yesterday", ENT_DATE, "2025-06-29" },
	{ "Output rose last week.", "last week", ENT_DATE, "2025-W26" },
	{ "It opens next year.", "next year", ENT_DATE, "2026" },
	{ "Founded in 1998, it grew.", "1998", ENT_DATE, "1998" },
	{ "The rally began in early May.", "early May", ENT_DATE,
	    "2025-05" },
	{ "Born 4 July 1990 in Ohio.", "4 July 1990", ENT_DATE,
	    "1990-07-04" },
	{ "They agreed on $1.5 billion in aid.", "$1.5 billion", ENT_MONEY,
	    "USD 1500000000" },
	{ "A fee of 20 euros applies.", "20 euros", ENT_MONEY, "EUR 20" },
	{ "Duties hit 125% on goods.", "125%", ENT_PERCENT, "125%" },
	{ "Duties hit 125 percent on goods.", "125 percent", ENT_PERCENT,
	    "125%" },
	{ "The road is 12 km long.", "12 km", ENT_QUANTITY, "12 km" },
	{ "It closes at 3 p.m. sharp.", "3 p.m.", ENT_TIME, "T15:00" },
	{ "The vote is at 12:30 today.", "12:30", ENT_TIME, "T12:30" },
	{ "She came first in the race.", "first", ENT_ORDINAL, "1" },
	{ "She came 21st in the race.", "21st", ENT_ORDINAL, "21" },
	{ "They hired 1,500 workers.", "1,500", ENT_CARDINAL, "1500" },
	{ "They hired three workers.", "three", ENT_CARDINAL, "3" },
	{ "They hired two hundred workers.", "two hundred", ENT_CARDINAL,
	    "200" },
	{ NULL, NULL, 0, NULL }
};

static const struct tcase without_ref[] = {
	{ "They met on Friday.", "Friday", ENT_DATE, "XXXX-WXX-5" },
	{ "It starts June 10.", "June 10", ENT_DATE, "XXXX-06-10" },
	{ "Prices rose in mid-May.", "mid-May", ENT_DATE, "XXXX-05" },
	{ "They spoke yesterday.", "yesterday", ENT_DATE, "REF-1D" },
	{ "The deal was struck late last month.", "late last month",
	    ENT_DATE, "REF-1M" },
	{ "It starts June 10, 2024.", "June 10, 2024", ENT_DATE,
	    "2024-06-10" },
	{ NULL, NULL, 0, NULL }
};

static void
run(const struct tcase *c, const struct numex_date *ref)
{
	struct tok_list tl = { 0 };
	struct numex_list l = { 0 };
	size_t b, e;

	for (; c->s != NULL; c++) {
		tok_split(c->s, strlen(c->s), &tl);
		numex_scan(c->s, tl.v, tl.n, ref, &l);
		CHECK(l.n >= 1);
		if (l.n == 0) {
			fprintf(stderr, "  no expression in \"%s\"\n", c->s);
			continue;
		}
		b = tl.v[l.v[0].b].start;
		e = tl.v[l.v[0].e - 1].end;
		CHECK_EQ_MEM(c->s + b, e - b, c->span);
		CHECK_EQ_LONG(l.v[0].type, c->type);
		CHECK_EQ_STR(l.v[0].key, c->key);
	}
	tok_list_free(&tl);
	numex_list_free(&l);
}

/* Sentences with no expression at all. */
static void
none(void)
{
	static const char *const s[] = {
		"You may leave now.",
		"It fell on June 31, 2025 or so.",
		"The Trump administration said so.",
		NULL
	};
	struct numex_date ref = { 2025, 6, 30 };
	struct tok_list tl = { 0 };
	struct numex_list l = { 0 };
	size_t i;

	for (i = 0; s[i] != NULL; i++) {
		tok_split(s[i], strlen(s[i]), &tl);
		numex_scan(s[i], tl.v, tl.n, &ref, &l);
		if (i == 1) {
			/* The day is out of range: 31 is only a number. */
			CHECK(l.n >= 1 && l.v[0].type != ENT_DATE);
		} else
			CHECK_EQ_LONG(l.n, 0);
	}
	tok_list_free(&tl);
	numex_list_free(&l);
}

static void
dates(void)
{
	struct numex_date d;
	long z;

	CHECK_EQ_LONG(numex_days(1970, 1, 1), 0);
	CHECK_EQ_LONG(numex_days(2000, 3, 1), 11017);
	for (z = -800000; z < 800000; z += 997) {
		numex_civil(z, &d);
		CHECK_EQ_LONG(numex_days(d.y, d.m, d.d), z);
	}
	CHECK_EQ_LONG(numex_date_parse("2025-06-30T09:00:00Z", 20, &d), 0);
	CHECK(d.y == 2025 && d.m == 6 && d.d == 30);
	CHECK_EQ_LONG(numex_date_parse("WASHINGTON, June 30, 2025 (Wire) -",
	    34, &d), 0);
	CHECK(d.y == 2025 && d.m == 6 && d.d == 30);
	CHECK_EQ_LONG(numex_date_parse("Posted 1 March 2024", 19, &d), 0);
	CHECK(d.y == 2024 && d.m == 3 && d.d == 1);
	CHECK_EQ_LONG(numex_date_parse("June 30 (Wire) -", 16, &d), -1);
	CHECK_EQ_LONG(numex_date_parse("2025-02-30", 10, &d), -1);
	CHECK_EQ_LONG(numex_date_parse("", 0, &d), -1);
}

int
main(void)
{
	struct numex_date ref = { 2025, 6, 30 }, unknown = { 0, 0, 0 };

	run(with_ref, &ref);
	run(without_ref, &unknown);
	run(without_ref, NULL);
	none();
	dates();
	UNIT_END();
}
