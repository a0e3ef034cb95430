/*
 * test_sbd.c: unit tests for the sentence splitter.  A table of articles
 * with the sentences expected (joined by " | "), one per hard category of
 * news text, each checked in the paragraph mode it names; then the
 * coverage invariant of sbd.h on every case and on random byte strings.
 * All sentences are written for these tests; names and events are made up.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/sbd.h"
#include "../../common/utf8.h"
#include "unit.h"

struct scase {
	enum sbd_para	 para;
	const char	*in;
	const char	*want;	/* sentences joined by " | " */
};

#define L	SBD_PARA_LINE
#define B	SBD_PARA_BLANK
#define A	SBD_PARA_AUTO

static const struct scase cases[] = {
	/* plain marks */
	{ A, "The mill closed. Workers left.", "The mill closed. | Workers left." },
	{ A, "Who won? Nobody knows!  Not yet.",
	    "Who won? | Nobody knows! | Not yet." },
	/* abbreviations and titles */
	{ A, "Mr. Olsen and Dr. Pike met Gov. Ruiz and Sen. Abe on Friday.",
	    "Mr. Olsen and Dr. Pike met Gov. Ruiz and Sen. Abe on Friday." },
	{ A, "Rep. Yates, Gen. Moor and Lt. Cole walked down St. Vere Road.",
	    "Rep. Yates, Gen. Moor and Lt. Cole walked down St. Vere Road." },
	{ A, "They plan a lithium mine in the U.S. He said it was late.",
	    "They plan a lithium mine in the U.S. | He said it was late." },
	{ A, "She joined the U.S. Navy in 1990.",
	    "She joined the U.S. Navy in 1990." },
	{ A, "He has lived in the U.S. for 20 years.",
	    "He has lived in the U.S. for 20 years." },
	{ A, "The deal went to Brandt Corp. It said the price was fair.",
	    "The deal went to Brandt Corp. | It said the price was fair." },
	{ A, "Talks end at 5 p.m. on Jan. 6 in Sacramento, Calif. and Olympia.",
	    "Talks end at 5 p.m. on Jan. 6 in Sacramento, Calif. and Olympia." },
	{ A, "At 5 a.m. Mr. Kerr left home. He came back at 6 p.m. Mr. Kerr "
	    "then slept.", "At 5 a.m. Mr. Kerr left home. | He came back at "
	    "6 p.m. | Mr. Kerr then slept." },
	{ A, "The office shuts at 6 p.m. He left early.",
	    "The office shuts at 6 p.m. | He left early." },
	{ A, "Vale Ltd. and Orin Co. signed, e.g. for steel, i.e. rebar, "
	    "vs. last year.", "Vale Ltd. and Orin Co. signed, e.g. for steel, "
	    "i.e. rebar, vs. last year." },
	{ A, "Pens, pads, etc. The rest went to Sam Lowe Jr. on Sept. 3.",
	    "Pens, pads, etc. | The rest went to Sam Lowe Jr. on Sept. 3." },
	{ A, "Ask Ann and co. They should know.",
	    "Ask Ann and co. | They should know." },
	/* initials */
	{ A, "Paul J. Marten met J.R.R. Tolkien fans.",
	    "Paul J. Marten met J.R.R. Tolkien fans." },
	{ A, "It was you and I. Did you see Albert I. Jones there?",
	    "It was you and I. | Did you see Albert I. Jones there?" },
	/* numbers */
	{ A, "Output rose 1.5 percent to $2.3 billion. Costs fell 125% in "
	    "No. 1 plant.", "Output rose 1.5 percent to $2.3 billion. | "
	    "Costs fell 125% in No. 1 plant." },
	{ A, "She has $100.00. It is in her bag.",
	    "She has $100.00. | It is in her bag." },
	{ A, "Install v2.0.1 at 10:30 and see p. 55 first.",
	    "Install v2.0.1 at 10:30 and see p. 55 first." },
	/* ellipses */
	{ A, "He paused... Then he spoke.", "He paused... | Then he spoke." },
	{ A, "He paused… then he spoke.", "He paused… then he spoke." },
	{ A, "I meant . . . well, nothing.", "I meant . . . well, nothing." },
	{ A, "It ended there.... She left.", "It ended there.... | She left." },
	/* quotes and brackets */
	{ A, "\"We are done.\" The talks ended.",
	    "\"We are done.\" | The talks ended." },
	{ A, "She said, \xe2\x80\x9cWe won.\xe2\x80\x9d Then she left.",
	    "She said, \xe2\x80\x9cWe won.\xe2\x80\x9d | Then she left." },
	{ A, "\"Why?\" he asked. \"Fine,\" she said.",
	    "\"Why?\" he asked. | \"Fine,\" she said." },
	{ A, "He asked \"is it over?\" and left.",
	    "He asked \"is it over?\" and left." },
	{ A, "He taught chemistry (He had been a miner.) at the school.",
	    "He taught chemistry (He had been a miner.) at the school." },
	{ A, "The vote is near \xe2\x80\x94 Tuesday. The count follows.",
	    "The vote is near \xe2\x80\x94 Tuesday. | The count follows." },
	/* addresses */
	{ A, "Mail ana.ruiz@example.com. She reads it daily.",
	    "Mail ana.ruiz@example.com. | She reads it daily." },
	{ A, "See https://example.org/a/b.html. It has the report.pdf file.",
	    "See https://example.org/a/b.html. | It has the report.pdf file." },
	{ A, "Follow @mill.941 and example.com for news.",
	    "Follow @mill.941 and example.com for news." },
	/* double marks and names */
	{ A, "Hello!! Long time. Really?! Yes.",
	    "Hello!! | Long time. | Really?! | Yes." },
	{ A, "She works at Yahoo! in the sales department.",
	    "She works at Yahoo! in the sales department." },
	/* lists */
	{ A, "1. The first item 2. The second item",
	    "1. The first item | 2. The second item" },
	{ A, "1) Buy salt. 2) Sell pepper.", "1) Buy salt. | 2) Sell pepper." },
	{ A, "a. Red b. Green c. Blue", "a. Red | b. Green | c. Blue" },
	{ A, "\xe2\x80\xa2 One item \xe2\x80\xa2 Another item",
	    "\xe2\x80\xa2 One item | \xe2\x80\xa2 Another item" },
	/* Unicode */
	{ A, "He left.\xc2\xa0She stayed.\xe2\x80\x83",
	    "He left. | She stayed." },
	{ A, "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x80\x82\xe6\x98\x8e\xe6\x97\xa5"
	    "\xef\xbc\x81\xe5\xa5\xbd\xef\xbc\x9f",
	    "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x80\x82 | \xe6\x98\x8e\xe6\x97\xa5"
	    "\xef\xbc\x81 | \xe5\xa5\xbd\xef\xbc\x9f" },
	/* headlines, bylines, line structure */
	{ A, "Mill Closes in Dunmore\nBy Ada Finch\nThe mill closed. It was old.",
	    "Mill Closes in Dunmore | By Ada Finch | The mill closed. | "
	    "It was old." },
	{ L, "First line\n\nSecond. Third.\n", "First line | Second. | Third." },
	{ B, "This is a line that wraps\nin the middle. Next one.\n\nNew para.",
	    "This is a line that wraps\nin the middle. | Next one. | "
	    "New para." },
	/* After a finished sentence: a bracket, a dash, an ellipsis, a URL. */
	{ A, "The vote was close. (Reporting by Ana Lima.)",
	    "The vote was close. | (Reporting by Ana Lima.)" },
	{ A, "Are you happy with the draft? (b) Is it final?",
	    "Are you happy with the draft? | (b) Is it final?" },
	{ A, "That is all for now. --Liz", "That is all for now. | --Liz" },
	{ A, "It rained all week. - The Harbor Times",
	    "It rained all week. | - The Harbor Times" },
	{ A, "The fare is -5 degrees. -5 is cold.",
	    "The fare is -5 degrees. -5 is cold." },
	{ A, "The town grew until 1990. ...a drop in births followed.",
	    "The town grew until 1990. | ...a drop in births followed." },
	{ A, "Read the full report. http://example.org/r.pdf has it.",
	    "Read the full report. | http://example.org/r.pdf has it." },
	{ A, "Read the full report. it is long.",
	    "Read the full report. | it is long." },
	/* A face with no mark before it ends a sentence before a capital. */
	{ A, "I missed the answers lol :( I will look later.",
	    "I missed the answers lol :( | I will look later." },
	{ A, "I got it :) and then left.", "I got it :) and then left." },
	{ A, "Note:Done. See 10:30 now.", "Note:Done. | See 10:30 now." },
	/* Two long lines, the second capitalised: a headline, not a wrap. */
	{ A, "Harbor Pilots Return to Work After a Long Strike\n"
	    "Ships began to move again through the channel on Monday.",
	    "Harbor Pilots Return to Work After a Long Strike | "
	    "Ships began to move again through the channel on Monday." },
	/* A title at a wrap does not make the line look finished. */
	{ A, "The loudest objection came from the longest-serving member, Mr.\n"
	    "Vale, who said the plan would close two rural clinics.\n\n"
	    "The board will vote again in March after a second round of\n"
	    "hearings in each district.",
	    "The loudest objection came from the longest-serving member, Mr.\n"
	    "Vale, who said the plan would close two rural clinics. | "
	    "The board will vote again in March after a second round of\n"
	    "hearings in each district." },
	{ A, "This is a sentence\ncut off in the middle because of a pdf.",
	    "This is a sentence\ncut off in the middle because of a pdf." },
	{ B, "Headline Here\n\nThe text of the story runs on for a while and\n"
	    "then wraps onto a second line, as mail does.\n- a list item\n",
	    "Headline Here | The text of the story runs on for a while and\n"
	    "then wraps onto a second line, as mail does. | - a list item" },
	/* web text */
	{ A, "the fish died. she was sad", "the fish died. | she was sad" },
	{ A, "That was fun! :) See you soon.", "That was fun! :) | See you soon." },
};

/* Check the invariants of sbd.h for spans over buf[0..len). */
static void
check_cover(const char *buf, size_t len, const struct sbd_spans *sp)
{
	size_t i, at = 0, k, n;
	int32_t cp;

	for (i = 0; i < sp->n; i++) {
		CHECK(sp->v[i].start < sp->v[i].end);
		CHECK(sp->v[i].start >= at);
		CHECK(sp->v[i].end <= len);
		CHECK(sp->v[i].para >= 1);
		if (i > 0)
			CHECK(sp->v[i].para >= sp->v[i - 1].para);
		CHECK(sbd_space_len(buf + sp->v[i].start,
		    len - sp->v[i].start) == 0);
		utf8_decode_back(buf + sp->v[i].start,
		    sp->v[i].end - sp->v[i].start, &cp);
		CHECK(!utf8_isspace(cp));
		/* Between spans, only white space. */
		for (k = at; k < sp->v[i].start; k += n) {
			n = sbd_space_len(buf + k, sp->v[i].start - k);
			CHECK(n > 0);
			if (n == 0)
				break;
		}
		at = sp->v[i].end;
	}
	for (k = at; k < len; k += n) {
		n = sbd_space_len(buf + k, len - k);
		CHECK(n > 0);
		if (n == 0)
			break;
	}
}

static void
test_cases(void)
{
	struct sbd_spans sp = { NULL, 0, 0 };
	struct sbd_opts o;
	char got[1024];
	size_t i, k, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		o.para = cases[i].para;
		sbd_split(cases[i].in, strlen(cases[i].in), &o, &sp);
		check_cover(cases[i].in, strlen(cases[i].in), &sp);
		got[0] = '\0';
		for (k = 0, n = 0; k < sp.n && n < sizeof(got) - 600; k++)
			n += snprintf(got + n, sizeof(got) - n, "%s%.*s",
			    k > 0 ? " | " : "",
			    (int)(sp.v[k].end - sp.v[k].start),
			    cases[i].in + sp.v[k].start);
		CHECK_EQ_STR(got, cases[i].want);
	}
	sbd_spans_free(&sp);
}

/* Paragraph numbers in each mode. */
static void
test_paras(void)
{
	static const char text[] = "Title\n\nOne. Two.\nThree\n\n\nFour.";
	static const size_t line[] = { 1, 3, 3, 4, 7 };
	static const size_t blank[] = { 1, 2, 2, 2, 3 };
	struct sbd_spans sp = { NULL, 0, 0 };
	struct sbd_opts o;
	size_t i;

	o.para = SBD_PARA_LINE;
	CHECK_EQ_LONG(sbd_split(text, strlen(text), &o, &sp), 5);
	for (i = 0; i < sp.n && i < 5; i++)
		CHECK_EQ_LONG(sp.v[i].para, line[i]);
	o.para = SBD_PARA_BLANK;
	CHECK_EQ_LONG(sbd_split(text, strlen(text), &o, &sp), 5);
	for (i = 0; i < sp.n && i < 5; i++)
		CHECK_EQ_LONG(sp.v[i].para, blank[i]);
	/* Short unwrapped lines: auto picks line mode. */
	o.para = SBD_PARA_AUTO;
	CHECK_EQ_LONG(sbd_split(text, strlen(text), &o, &sp), 5);
	CHECK_EQ_LONG(sp.v[4].para, 7);
	/* White space only, and nothing at all. */
	CHECK_EQ_LONG(sbd_split(" \n\t\xc2\xa0\n", 6, &o, &sp), 0);
	CHECK_EQ_LONG(sbd_split("", 0, &o, &sp), 0);
	sbd_spans_free(&sp);
	sbd_spans_free(NULL);
}

/* Pieces the random strings are built from: the bytes that matter. */
static const char *const pieces[] = {
	"a", "Z", "word", "The", "U.S", "Mr", "p.m", "1", "42", ".", ".", "!",
	"?", "...", ". . .", " ", " ", " ", "\n", "\n\n", "\t", "\r\n", "(",
	")", "\"", "'", ":", ":)", "@", "http://x.y/", "09/16/99 08:55 AM",
	"1.", "2.", "a.", "b)", "- ", "*", "\xe2\x80\xa6", "\xe2\x80\x9d",
	"\xe2\x80\x9c", "\xe2\x80\x94", "\xe2\x80\xa2", "\xe3\x80\x82",
	"\xef\xbc\x81", "\xc2\xa0", "\xe3\x80\x80", "\xef\xbb\xbf",
	"\xe2\x80\xa8", "\xc2\x85", "\xe4\xbb\x8a", "\xc3\xa9", "\xff",
	"\xe2\x80", "\xe3", "\xef\xbc", "\xc2", "\x80", "\xf0\x9f\x98\x80",
};

static size_t
rand_text(char *buf, size_t cap, unsigned *seed)
{
	size_t n = 0, k, len;
	const char *p;

	len = (size_t)(rand_r(seed) % 120);
	for (k = 0; k < len; k++) {
		if (rand_r(seed) % 4 == 0) {
			if (n + 1 < cap)
				buf[n++] = (char)(rand_r(seed) & 0xff);
			continue;
		}
		p = pieces[rand_r(seed) % (sizeof(pieces) / sizeof(pieces[0]))];
		if (n + strlen(p) >= cap)
			break;
		memcpy(buf + n, p, strlen(p));
		n += strlen(p);
	}
	return n;
}

/* The invariants hold for any bytes, in every mode. */
static void
test_random(void)
{
	struct sbd_spans sp = { NULL, 0, 0 };
	struct sbd_opts o;
	unsigned seed = 20250601;
	char *buf;
	size_t n;
	int i, before;

	for (i = 0; i < 30000; i++) {
		n = rand_text(buf = malloc(2048), 2048, &seed);
		/* Exactly n bytes: any read past the end is an error. */
		buf = realloc(buf, n > 0 ? n : 1);
		o.para = (enum sbd_para)(i % 3);
		before = unit_fails;
		sbd_split(buf, n, &o, &sp);
		check_cover(buf, n, &sp);
		if (unit_fails != before)
			fprintf(stderr, "random case %d failed\n", i);
		free(buf);
		if (unit_fails > 20)
			break;
	}
	sbd_spans_free(&sp);
}

int
main(void)
{
	test_cases();
	test_paras();
	test_random();
	UNIT_END();
}
