/* test_tok.c: the tokeniser on the cases tok.h promises, and its spans. */
#include <stdlib.h>
#include <string.h>

#include "tok.h"
#include "utf8.h"
#include "unit.h"

/* Tokens of s joined by single spaces, into out. */
static void
toks(const char *s, char *out, size_t cap)
{
	struct tok_list l = { 0 };
	size_t i, o = 0;

	tok_split(s, strlen(s), &l);
	for (i = 0; i < l.n; i++) {
		size_t n = l.v[i].end - l.v[i].start;
		if (o + n + 2 > cap)
			break;
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, s + l.v[i].start, n);
		o += n;
	}
	out[o] = '\0';
	tok_list_free(&l);
}

/* Whether s[a..b) is white space only. */
static int
gap(const char *s, size_t a, size_t b)
{
	int32_t cp;

	while (a < b) {
		a += utf8_decode(s + a, b - a, &cp);
		if (!utf8_isspace(cp))
			return 0;
	}
	return 1;
}

static const struct {
	const char *in, *want;
} cases[] = {
	{ "", "" },
	{ "   \t\n ", "" },
	{ "Hello, world.", "Hello , world ." },
	{ "Trump's plan", "Trump 's plan" },
	{ "They don't know and can't say.", "They do n't know and ca n't say ." },
	{ "I'm sure we'll go; they've said they'd come.",
	    "I 'm sure we 'll go ; they 've said they 'd come ." },
	{ "O'Brien met the German-born CEO.", "O'Brien met the German-born CEO ." },
	{ "The U.S. economy", "The U.S. economy" },
	{ "He lives in the U.S.", "He lives in the U.S." },
	{ "Mr. Smith and Dr. Jones", "Mr. Smith and Dr. Jones" },
	{ "John F. Kennedy", "John F. Kennedy" },
	{ "It cost $1.5 billion, or 125%.", "It cost $ 1.5 billion , or 125 % ." },
	{ "1,500 people at 12:30 on 6/26", "1,500 people at 12:30 on 6/26" },
	{ "on 2025-06-26 in mid-May", "on 2025-06-26 in mid-May" },
	{ "AT&T and R&D", "AT&T and R&D" },
	{ "Wait... what -- really?", "Wait ... what -- really ?" },
	{ "(Reuters) -", "( Reuters ) -" },
	{ "\xe2\x80\x9cQuoted\xe2\x80\x9d", "\xe2\x80\x9c Quoted \xe2\x80\x9d" },
	{ "Trump\xe2\x80\x99s", "Trump \xe2\x80\x99s" },
	{ "Z\xc3\xbcrich caf\xc3\xa9s", "Z\xc3\xbcrich caf\xc3\xa9s" },
	{ "in 2024.", "in 2024 ." },
	{ "at 3 p.m. today", "at 3 p.m. today" },
	{ "bad\xff" "byte", "bad \xff byte" },
	{ "the '90s", "the ' 90s" },
	{ "end.", "end ." },
};

int
main(void)
{
	char out[512];
	size_t i;
	struct tok_list l = { 0 };
	const char *s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		toks(cases[i].in, out, sizeof(out));
		CHECK_EQ_STR(out, cases[i].want);
	}

	/* Kinds and flags. */
	s = "NATO said 42 U.S. troops, Zürich.";
	tok_split(s, strlen(s), &l);
	CHECK_EQ_LONG(l.n, 8);
	CHECK_EQ_LONG(l.v[0].kind, TOK_WORD);
	CHECK(l.v[0].flags & TOK_ALLCAP);
	CHECK(l.v[0].flags & TOK_CAP);
	CHECK(!(l.v[1].flags & TOK_CAP));
	CHECK_EQ_LONG(l.v[2].kind, TOK_NUM);
	CHECK(l.v[2].flags & TOK_DIGIT);
	CHECK(l.v[3].flags & TOK_PERIOD);
	CHECK(l.v[3].flags & TOK_ALLCAP);
	CHECK_EQ_LONG(l.v[5].kind, TOK_PUNCT);
	CHECK(l.v[6].flags & TOK_CAP);

	/* Spans cover every non-space byte exactly once, in order. */
	{
		static const char alpha[] = "aZ9.,'-$& \xc3\xa9\xe2\x80\x99\xff";
		unsigned seed = 7;
		int r;
		for (r = 0; r < 20000; r++) {
			char buf[40];
			size_t n = seed % 39, k, prev = 0;
			int ok = 1;
			for (k = 0; k < n; k++) {
				seed = seed * 1103515245u + 12345u;
				buf[k] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
			}
			tok_split(buf, n, &l);
			for (k = 0; k < l.n; k++) {
				if (l.v[k].start < prev ||
				    l.v[k].end <= l.v[k].start || l.v[k].end > n)
					ok = 0;
				if (!gap(buf, prev, l.v[k].start))
					ok = 0;
				prev = l.v[k].end;
			}
			if (!gap(buf, prev, n))
				ok = 0;
			if (!ok)
				fprintf(stderr, "case: \"%.*s\"\n", (int)n, buf);
			CHECK(ok);
			seed = seed * 1103515245u + 12345u;
		}
	}
	tok_list_free(&l);

	/* Lower case. */
	{
		char lo[64];
		size_t n = tok_lower("ÉCOLE U.S. Ab", 14, lo);
		CHECK_EQ_MEM(lo, n, "école u.s. ab");
		n = tok_lower("\xff" "A", 2, lo);
		CHECK_EQ_MEM(lo, n, "\xff" "a");
	}
	UNIT_END();
}
