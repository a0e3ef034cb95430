/* test_stem.c: the stemmer lower-cases then stems; the stop list. */
#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "unit.h"

static const struct {
	const char *in, *want;
} cases[] = {
	{ "running", "run" },
	{ "Announced", "announc" },
	{ "announcement", "announc" },
	{ "STRIKES", "strike" },
	{ "ministries", "ministri" },
	{ "U.S.", "u.s." },
	{ "", "" },
	{ "Zürich", "zürich" },
};

static const char *const stops[] = { "the", "a", "and", "of", "they're",
    "yourselves", "won't" };
static const char *const nonstops[] = { "strike", "port", "The", "",
    "thee", "zz" };

int
main(void)
{
	struct stem *st = stem_new();
	size_t i, n;
	const char *s;

	CHECK(st != NULL);
	if (st == NULL)
		UNIT_END();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = stem_word(st, cases[i].in, strlen(cases[i].in), &n);
		CHECK_EQ_MEM(s, n, cases[i].want);
	}
	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		CHECK(stem_stopword(stops[i], strlen(stops[i])));
	for (i = 0; i < sizeof(nonstops) / sizeof(nonstops[0]); i++)
		CHECK(!stem_stopword(nonstops[i], strlen(nonstops[i])));
	stem_free(st);
	stem_free(NULL);
	UNIT_END();
}
