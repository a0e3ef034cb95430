/*
 * test_summ_clean.c: common/summ_clean.c: datelines and connectives cut,
 * the stand-alone test, word counts.
 */
#include <stdio.h>
#include <string.h>

#include "summ_clean.h"
#include "unit.h"

static void
test_clean(void)
{
	static const struct {
		const char *in, *want;
	} t[] = {
		{ "But the plan failed.", "The plan failed." },
		{ "However, costs rose.", "Costs rose." },
		{ "And then it rained.", "Then it rained." },
		{ "Butter prices rose.", "Butter prices rose." },
		{ "WASHINGTON (AP) _ The vote passed.", "The vote passed." },
		{ "NEW YORK, March 3 (Wire) -- Shares rose.", "Shares rose." },
		{ "PARIS \xe2\x80\x94 But talks stalled.", "Talks stalled." },
		{ "US officials - not all - agreed.",
		    "US officials - not all - agreed." },
		{ "But", "But" },
		{ "", "" },
	};
	char buf[128], first;
	size_t i, off, len;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		len = strlen(t[i].in);
		off = summ_clean(t[i].in, len, &first);
		memcpy(buf, t[i].in + off, len - off);
		if (len > off)
			buf[0] = first;
		CHECK_EQ_MEM(buf, len - off, t[i].want);
	}
}

static void
test_standalone(void)
{
	static const struct {
		const char *s;
		int want;
	} t[] = {
		{ "The bridge reopened on Monday.", 1 },
		{ "The bridge reopened on Monday", 0 },		/* headline */
		{ "He said the work finished early.", 0 },
		{ "It was the third closure.", 0 },
		{ "``We are done,'' he said.", 0 },
		{ "\"We are done,\" the mayor said.", 1 },
		{ "Their union agreed.", 0 },
		{ "the rest of the sentence.", 0 },		/* fragment */
		{ "Did the council vote?", 1 },
		{ "The plan, she added, was late.", 0 },	/* who? */
		{ "\"They lied,\" the mayor said.", 1 },
		{ "(It rained.)", 0 },
		{ "\"We will not stop the strike until the end.", 0 },
		{ "``We will not stop,'' the union said.", 1 },
		{ "``We will not stop until the end.", 0 },
		{ "\xe2\x80\x9cWe will not stop,\xe2\x80\x9d the union said.", 1 },
		{ "\xe2\x80\x9cWe will not stop until the end.", 0 },
		{ "Officials said, he told them, that it works.", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (summ_standalone(t[i].s, strlen(t[i].s)) != t[i].want) {
			CHECK(!"summ_standalone");
			fprintf(stderr, "  case: %s\n", t[i].s);
		}
}

static void
test_words(void)
{
	CHECK_EQ_LONG(summ_words("", 0), 0);
	CHECK_EQ_LONG(summ_words("  one ", 6), 1);
	CHECK_EQ_LONG(summ_words("a b\tc\nd", 7), 4);
}

int
main(void)
{
	test_clean();
	test_standalone();
	test_words();
	CHECK(summ_ends_sentence("Done.\"", 6));
	CHECK(!summ_ends_sentence("A headline", 10));
	UNIT_END();
}
