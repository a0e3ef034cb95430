/*
 * sbd_abbr.c: abbreviation and sentence-starter tables for the splitter,
 * compiled in as sorted static const arrays and searched with bsearch(3).
 *
 * Sources of the facts: the titles, month, day and U.S. state forms are
 * the abbreviations prescribed by the AP Stylebook ("Abbreviations and
 * acronyms", "state names", "months", "titles") as they appear in
 * American news copy; company and reference forms (Inc., Corp., No., p.,
 * Fig., vs., e.g.) are the common English ones listed in any style guide;
 * the day forms and a few others (Ft., P.S.) were added after counting
 * which words precede a period in the EWT training split without ending a
 * sentence there.  The starters are ordinary English function words.
 */
#include <stdlib.h>
#include <string.h>

#include "sbd_abbr.h"

struct abbr {
	const char	*word;	/* lower case, without the final period */
	unsigned char	 kind;	/* enum sbd_abbr */
	unsigned char	 cap;	/* only when written with a capital */
};

/* Sorted by strcmp for bsearch. */
static const struct abbr abbrs[] = {
	{ "a.m",	SBD_ABBR_TIME, 0 },
	{ "adm",	SBD_ABBR_TITLE, 1 },
	{ "al",	SBD_ABBR_POST, 0 },
	{ "ala",	SBD_ABBR_POST, 1 },
	{ "approx",	SBD_ABBR_POST, 0 },
	{ "apr",	SBD_ABBR_POST, 1 },
	{ "ariz",	SBD_ABBR_POST, 1 },
	{ "ark",	SBD_ABBR_POST, 1 },
	{ "art",	SBD_ABBR_NUM, 0 },
	{ "assn",	SBD_ABBR_POST, 0 },
	{ "attn",	SBD_ABBR_NEVER, 0 },
	{ "aug",	SBD_ABBR_POST, 1 },
	{ "ave",	SBD_ABBR_POST, 0 },
	{ "blvd",	SBD_ABBR_POST, 0 },
	{ "brig",	SBD_ABBR_TITLE, 1 },
	{ "bros",	SBD_ABBR_POST, 0 },
	{ "calif",	SBD_ABBR_POST, 1 },
	{ "capt",	SBD_ABBR_TITLE, 1 },
	{ "cf",	SBD_ABBR_NEVER, 0 },
	{ "ch",	SBD_ABBR_NUM, 0 },
	{ "cmdr",	SBD_ABBR_TITLE, 1 },
	{ "co",	SBD_ABBR_POST, 0 },
	{ "col",	SBD_ABBR_TITLE, 1 },
	{ "colo",	SBD_ABBR_POST, 1 },
	{ "conn",	SBD_ABBR_POST, 1 },
	{ "corp",	SBD_ABBR_POST, 0 },
	{ "cos",	SBD_ABBR_POST, 0 },
	{ "cpl",	SBD_ABBR_TITLE, 1 },
	{ "d.c",	SBD_ABBR_PLACE, 0 },
	{ "dec",	SBD_ABBR_POST, 1 },
	{ "del",	SBD_ABBR_POST, 1 },
	{ "dept",	SBD_ABBR_POST, 0 },
	{ "det",	SBD_ABBR_TITLE, 1 },
	{ "dr",	SBD_ABBR_TITLE, 1 },
	{ "e.g",	SBD_ABBR_NEVER, 0 },
	{ "e.u",	SBD_ABBR_PLACE, 0 },
	{ "eg",	SBD_ABBR_NEVER, 0 },
	{ "esp",	SBD_ABBR_NEVER, 0 },
	{ "esq",	SBD_ABBR_POST, 0 },
	{ "est",	SBD_ABBR_POST, 0 },
	{ "etc",	SBD_ABBR_POST, 0 },
	{ "excl",	SBD_ABBR_POST, 0 },
	{ "ext",	SBD_ABBR_NUM, 0 },
	{ "fax",	SBD_ABBR_NUM, 0 },
	{ "feb",	SBD_ABBR_POST, 1 },
	{ "fig",	SBD_ABBR_NUM, 0 },
	{ "figs",	SBD_ABBR_NUM, 0 },
	{ "fla",	SBD_ABBR_POST, 1 },
	{ "fr",	SBD_ABBR_TITLE, 1 },
	{ "fri",	SBD_ABBR_POST, 1 },
	{ "ft",	SBD_ABBR_TITLE, 1 },
	{ "ga",	SBD_ABBR_POST, 1 },
	{ "gen",	SBD_ABBR_TITLE, 1 },
	{ "gov",	SBD_ABBR_TITLE, 1 },
	{ "govt",	SBD_ABBR_POST, 0 },
	{ "hon",	SBD_ABBR_TITLE, 1 },
	{ "hrs",	SBD_ABBR_POST, 0 },
	{ "hwy",	SBD_ABBR_POST, 0 },
	{ "i.e",	SBD_ABBR_NEVER, 0 },
	{ "ie",	SBD_ABBR_NEVER, 0 },
	{ "ill",	SBD_ABBR_POST, 1 },
	{ "inc",	SBD_ABBR_POST, 0 },
	{ "incl",	SBD_ABBR_POST, 0 },
	{ "ind",	SBD_ABBR_POST, 1 },
	{ "insp",	SBD_ABBR_TITLE, 1 },
	{ "intl",	SBD_ABBR_POST, 0 },
	{ "jan",	SBD_ABBR_POST, 1 },
	{ "jr",	SBD_ABBR_POST, 0 },
	{ "jul",	SBD_ABBR_POST, 1 },
	{ "jun",	SBD_ABBR_POST, 1 },
	{ "kan",	SBD_ABBR_POST, 1 },
	{ "kans",	SBD_ABBR_POST, 1 },
	{ "ky",	SBD_ABBR_POST, 1 },
	{ "la",	SBD_ABBR_POST, 1 },
	{ "lbs",	SBD_ABBR_POST, 0 },
	{ "llc",	SBD_ABBR_POST, 0 },
	{ "lt",	SBD_ABBR_TITLE, 1 },
	{ "ltd",	SBD_ABBR_POST, 0 },
	{ "maj",	SBD_ABBR_TITLE, 1 },
	{ "mar",	SBD_ABBR_POST, 1 },
	{ "mass",	SBD_ABBR_POST, 1 },
	{ "max",	SBD_ABBR_POST, 0 },
	{ "md",	SBD_ABBR_POST, 1 },
	{ "messrs",	SBD_ABBR_TITLE, 1 },
	{ "mfg",	SBD_ABBR_POST, 0 },
	{ "mich",	SBD_ABBR_POST, 1 },
	{ "min",	SBD_ABBR_POST, 0 },
	{ "minn",	SBD_ABBR_POST, 1 },
	{ "mins",	SBD_ABBR_POST, 0 },
	{ "misc",	SBD_ABBR_POST, 0 },
	{ "miss",	SBD_ABBR_POST, 1 },
	{ "mlle",	SBD_ABBR_TITLE, 1 },
	{ "mme",	SBD_ABBR_TITLE, 1 },
	{ "mo",	SBD_ABBR_POST, 1 },
	{ "mob",	SBD_ABBR_NUM, 0 },
	{ "mon",	SBD_ABBR_POST, 1 },
	{ "mont",	SBD_ABBR_POST, 1 },
	{ "mos",	SBD_ABBR_POST, 0 },
	{ "mr",	SBD_ABBR_TITLE, 1 },
	{ "mrs",	SBD_ABBR_TITLE, 1 },
	{ "ms",	SBD_ABBR_TITLE, 1 },
	{ "msgr",	SBD_ABBR_TITLE, 1 },
	{ "mt",	SBD_ABBR_TITLE, 1 },
	{ "neb",	SBD_ABBR_POST, 1 },
	{ "nev",	SBD_ABBR_POST, 1 },
	{ "no",	SBD_ABBR_NUM, 0 },
	{ "nos",	SBD_ABBR_NUM, 0 },
	{ "nov",	SBD_ABBR_POST, 1 },
	{ "nr",	SBD_ABBR_NUM, 0 },
	{ "oct",	SBD_ABBR_POST, 1 },
	{ "okla",	SBD_ABBR_POST, 1 },
	{ "op",	SBD_ABBR_NUM, 0 },
	{ "ore",	SBD_ABBR_POST, 1 },
	{ "ozs",	SBD_ABBR_POST, 0 },
	{ "p",	SBD_ABBR_NUM, 0 },
	{ "p.m",	SBD_ABBR_TIME, 0 },
	{ "p.s",	SBD_ABBR_NEVER, 0 },
	{ "pa",	SBD_ABBR_POST, 1 },
	{ "para",	SBD_ABBR_NUM, 0 },
	{ "penn",	SBD_ABBR_POST, 1 },
	{ "ph",	SBD_ABBR_NUM, 0 },
	{ "pkg",	SBD_ABBR_POST, 0 },
	{ "plc",	SBD_ABBR_POST, 0 },
	{ "pp",	SBD_ABBR_NUM, 0 },
	{ "pres",	SBD_ABBR_TITLE, 1 },
	{ "prof",	SBD_ABBR_TITLE, 1 },
	{ "pts",	SBD_ABBR_POST, 0 },
	{ "rd",	SBD_ABBR_POST, 0 },
	{ "ref",	SBD_ABBR_POST, 0 },
	{ "rep",	SBD_ABBR_TITLE, 1 },
	{ "reps",	SBD_ABBR_TITLE, 1 },
	{ "rev",	SBD_ABBR_TITLE, 1 },
	{ "sat",	SBD_ABBR_POST, 1 },
	{ "sec",	SBD_ABBR_NUM, 0 },
	{ "sen",	SBD_ABBR_TITLE, 1 },
	{ "sens",	SBD_ABBR_TITLE, 1 },
	{ "sep",	SBD_ABBR_POST, 1 },
	{ "sept",	SBD_ABBR_POST, 1 },
	{ "sgt",	SBD_ABBR_TITLE, 1 },
	{ "sq",	SBD_ABBR_POST, 0 },
	{ "sr",	SBD_ABBR_POST, 0 },
	{ "st",	SBD_ABBR_TITLE, 1 },
	{ "sun",	SBD_ABBR_POST, 1 },
	{ "supt",	SBD_ABBR_TITLE, 1 },
	{ "tbsp",	SBD_ABBR_POST, 0 },
	{ "tel",	SBD_ABBR_NUM, 0 },
	{ "tenn",	SBD_ABBR_POST, 1 },
	{ "tex",	SBD_ABBR_POST, 1 },
	{ "thu",	SBD_ABBR_POST, 1 },
	{ "thur",	SBD_ABBR_POST, 1 },
	{ "thurs",	SBD_ABBR_POST, 1 },
	{ "tsp",	SBD_ABBR_POST, 0 },
	{ "tue",	SBD_ABBR_POST, 1 },
	{ "tues",	SBD_ABBR_POST, 1 },
	{ "u.k",	SBD_ABBR_PLACE, 0 },
	{ "u.n",	SBD_ABBR_PLACE, 0 },
	{ "u.s",	SBD_ABBR_PLACE, 0 },
	{ "u.s.a",	SBD_ABBR_PLACE, 0 },
	{ "univ",	SBD_ABBR_POST, 0 },
	{ "v",	SBD_ABBR_NEVER, 0 },
	{ "va",	SBD_ABBR_POST, 1 },
	{ "viz",	SBD_ABBR_NEVER, 0 },
	{ "vol",	SBD_ABBR_NUM, 0 },
	{ "vols",	SBD_ABBR_NUM, 0 },
	{ "vs",	SBD_ABBR_NEVER, 0 },
	{ "vt",	SBD_ABBR_POST, 1 },
	{ "wash",	SBD_ABBR_POST, 1 },
	{ "wed",	SBD_ABBR_POST, 1 },
	{ "wis",	SBD_ABBR_POST, 1 },
	{ "wks",	SBD_ABBR_POST, 0 },
	{ "wyo",	SBD_ABBR_POST, 1 },
	{ "yds",	SBD_ABBR_POST, 0 },
	{ "yrs",	SBD_ABBR_POST, 0 },
};

/* Sorted by strcmp for bsearch.  Compared with case. */
static const char *const starters[] = {
	"A", "About", "According", "After", "Again", "Also", "Although",
	"Among", "An", "And", "Another", "Any", "Anyone", "Are", "As", "At",
	"Because", "Before", "Both", "But", "By", "Can", "Could", "Did", "Do",
	"Does", "Dr.", "During", "Each", "Earlier", "Either", "Even", "Every",
	"Everyone", "Everything", "Few", "For", "From", "Had", "Has", "Have",
	"He", "Her", "Here", "His", "How", "However", "I", "If", "In",
	"Instead", "Is", "It", "Its", "Just", "Last", "Later", "Let", "Many",
	"Meanwhile", "More", "Most", "Mr.", "Mrs.", "Ms.", "Much", "My",
	"Neither", "No", "Nobody", "None", "Not", "Nothing", "Now",
	"Officials", "Once", "One", "Only", "Or", "Other", "Our", "Please",
	"Police", "Several", "She", "Since", "So", "Some", "Someone",
	"Something", "Still", "Such", "That", "The", "Their", "Then", "There",
	"These", "They", "This", "Those", "Though", "Thus", "To", "Today",
	"Too", "Two", "Was", "We", "Were", "What", "When", "Where", "Whether",
	"Which", "While", "Who", "Why", "Will", "With", "Would", "Yes",
	"Yesterday", "Yet", "You", "Your",
};

/*
 * Sorted by strcmp.  Capitalised words that follow U.S., U.K., U.N., E.U.
 * as part of a name ("the U.S. Senate", "the U.N. Security Council"),
 * where a capital after them does not start a sentence.
 */
static const char *const institutions[] = {
	"Adm", "Agency", "Air", "Ambassador", "Army", "Assembly", "Attorney",
	"Bancorp", "Bank", "Border", "Capitol", "Census", "Central", "Chamber",
	"Chief", "Circuit", "Coast", "Commerce", "Commission", "Congress",
	"Consulate", "Council", "Court", "Customs", "Defence", "Defense",
	"Department", "Development", "District", "Dollar", "Embassy", "Energy",
	"Envoy", "Federal", "Food", "Forces", "Foreign", "Forest", "Gen",
	"General", "Geological", "Government", "High", "House", "Human",
	"Immigration", "Institute", "Intelligence", "Interior", "Justice",
	"Labor", "Marine", "Marines", "Military", "Minister", "Mint",
	"Mission", "National", "Naval", "Navy", "Office", "Olympic", "Open",
	"Parliament", "Patent", "Peacekeeping", "Postal", "President", "Prime",
	"Rep", "Representative", "Route", "Secretary", "Security", "Sen",
	"Senate", "Senator", "Soccer", "Space", "Special", "State", "Steel",
	"Supreme", "Trade", "Treasury", "Women",
};

/* The key handed to bsearch: a slice, compared with a C string. */
struct key {
	const char	*s;
	size_t		 n;
};

static int
cmp_slice(const struct key *k, const char *w)
{
	size_t wn;
	int c;

	/* Most probes differ at the first byte: no strlen for those. */
	if (k->n == 0 || k->s[0] != w[0])
		return (k->n == 0 ? 0 : (unsigned char)k->s[0]) -
		    (unsigned char)w[0];
	wn = strlen(w);
	c = memcmp(k->s, w, k->n < wn ? k->n : wn);
	if (c != 0)
		return c;
	return (k->n > wn) - (k->n < wn);
}

static int
cmp_abbr(const void *k, const void *e)
{
	return cmp_slice(k, ((const struct abbr *)e)->word);
}

static int
cmp_starter(const void *k, const void *e)
{
	return cmp_slice(k, *(const char *const *)e);
}

enum sbd_abbr
sbd_abbr_kind(const char *s, size_t n)
{
	char low[8];
	struct key k;
	const struct abbr *a;
	size_t i;

	if (n == 0 || n > sizeof(low))
		return SBD_ABBR_NONE;
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			low[i] = s[i] - 'A' + 'a';
		else
			low[i] = s[i];
	}
	k.s = low;
	k.n = n;
	a = bsearch(&k, abbrs, sizeof(abbrs) / sizeof(abbrs[0]),
	    sizeof(abbrs[0]), cmp_abbr);
	if (a == NULL)
		return SBD_ABBR_NONE;
	/* "ill." and "gen." in lower case are the ordinary words. */
	if (a->cap && !(s[0] >= 'A' && s[0] <= 'Z'))
		return SBD_ABBR_NONE;
	return a->kind;
}

int
sbd_institution(const char *s, size_t n)
{
	struct key k;

	k.s = s;
	k.n = n;
	return bsearch(&k, institutions, sizeof(institutions) /
	    sizeof(institutions[0]), sizeof(institutions[0]),
	    cmp_starter) != NULL;
}

int
sbd_starter(const char *s, size_t n)
{
	struct key k;

	k.s = s;
	k.n = n;
	return bsearch(&k, starters, sizeof(starters) / sizeof(starters[0]),
	    sizeof(starters[0]), cmp_starter) != NULL;
}
