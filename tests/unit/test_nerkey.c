/*
 * test_nerkey.c: unit tests of common/nerkey (mention forms: "the",
 * titles, possessives, ministries, gazetteer aliases, line breaks; links:
 * surnames to the most frequent full name, capitals to the usual
 * spelling, acronyms to their organisation, types kept apart) and of
 * common/nergaz (longest matches, case, keys, prefixes).  The gazetteer
 * is a small one written here.
 */
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "nergaz.h"
#include "nerkey.h"
#include "unit.h"

static const char gaztext[] =
    "COUNTRY\tUnited States\t\n"
    "COUNTRY\tU.S.\tUnited States\n"
    "COUNTRY\tAmerica\tUnited States\n"
    "NORP\tGerman\tGermany\n"
    "TITLE\tPresident\n"
    "TITLE\tMr.\n"
    "CITY\tNew York\n"
    "CITY\tNew York City\n"
    "REGION\tNew York\n"
    "bogus line without a type\n";

static void
forms(const struct nergaz *g)
{
	static const struct {
		int		 type;
		const char	*s, *want;
	} c[] = {
		{ ENT_ORG, "the Commerce Ministry", "Ministry of Commerce" },
		{ ENT_ORG, "U.S. Labor Department",
		    "U.S. Department of Labor" },
		{ ENT_ORG, "Ministry of Commerce", "Ministry of Commerce" },
		{ ENT_PERSON, "President Donald Trump", "Donald Trump" },
		{ ENT_PERSON, "Mr. Trump", "Trump" },
		{ ENT_PERSON, "Trump's", "Trump" },
		{ ENT_GPE, "U.S.", "United States" },
		{ ENT_GPE, "AMERICA", "United States" },
		{ ENT_GPE, "the United States", "United States" },
		{ ENT_NORP, "German", "Germany" },
		{ ENT_ORG, "Washington\nPost", "Washington Post" },
		{ ENT_ORG, "America", "America" },
		{ 0, NULL, NULL }
	};
	char *f;
	size_t i;

	for (i = 0; c[i].s != NULL; i++) {
		f = nerkey_form(g, c[i].type, c[i].s, strlen(c[i].s));
		CHECK_EQ_STR(f, c[i].want);
		free(f);
	}
}

static void
links(const struct nergaz *g)
{
	static const struct {
		int		 type;
		const char	*s, *want;
	} c[] = {
		{ ENT_PERSON, "Donald Trump", "Donald Trump" },
		{ ENT_PERSON, "Trump", "Donald Trump" },
		{ ENT_PERSON, "Melania Trump", "Melania Trump" },
		{ ENT_PERSON, "President Donald Trump", "Donald Trump" },
		{ ENT_PERSON, "DONALD TRUMP", "Donald Trump" },
		{ ENT_ORG, "Trump", "Trump" },
		{ ENT_ORG, "WTO", "World Trade Organization" },
		{ ENT_ORG, "World Trade Organization",
		    "World Trade Organization" },
		{ ENT_PERSON, "Scholz", "Scholz" },
		{ ENT_PERSON, "Donald J. Trump", "Donald Trump" },
		{ ENT_PERSON, "Xi Jinping", "Xi Jinping" },
		{ ENT_PERSON, "Xi", "Xi Jinping" },
		{ ENT_PERSON, "Donald", "Donald Trump" },
		{ ENT_GPE, "U.S.", "United States" },
		{ 0, NULL, NULL }
	};
	struct nerkey_item v[24];
	size_t i, n;

	for (n = 0; c[n].s != NULL; n++) {
		v[n].s = c[n].s;
		v[n].len = strlen(c[n].s);
		v[n].type = c[n].type;
		v[n].key = NULL;
	}
	nerkey_link(g, v, n);
	for (i = 0; i < n; i++)
		CHECK_EQ_STR(v[i].key, c[i].want);
	nerkey_items_free(v, n);
	nerkey_link(g, v, 0);
}

static void
gazetteer(const struct nergaz *g)
{
	uint64_t w[5];
	uint8_t b[5], in[5];
	const char *key;
	const char *words[] = { "in", "new", "YORK", "city", "today" };
	size_t i;

	for (i = 0; i < 5; i++)
		w[i] = nergaz_word(words[i], strlen(words[i]));
	nergaz_mark(g, w, 5, b, in);
	CHECK_EQ_LONG(b[0], 0);
	CHECK_EQ_LONG(b[1], NERGAZ_CITY);
	CHECK_EQ_LONG(in[2], NERGAZ_CITY);
	CHECK_EQ_LONG(in[3], NERGAZ_CITY);
	CHECK_EQ_LONG(b[4] | in[4], 0);
	CHECK_EQ_LONG(nergaz_lookup(g, w + 1, 2, &key),
	    NERGAZ_CITY | NERGAZ_REGION);
	CHECK_EQ_STR(key, "New York");
	CHECK_EQ_LONG(nergaz_lookup(g, w + 1, 1, NULL), 0);
	CHECK_EQ_LONG(nergaz_lookup(g, w, 0, NULL), 0);
	CHECK_EQ_LONG(nergaz_type_parse("NORP", 4), NERGAZ_NORP);
	CHECK_EQ_STR(nergaz_type_name(NERGAZ_TITLE), "TITLE");
}

int
main(void)
{
	struct nergaz *g = nergaz_from_text(gaztext, sizeof(gaztext) - 1);
	char err[128];

	forms(g);
	links(g);
	gazetteer(g);
	nergaz_free(g);
	CHECK(nergaz_load("/nonexistent/gaz.tsv", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "/nonexistent/gaz.tsv") != NULL);
	nergaz_free(NULL);
	UNIT_END();
}
