/* test_story.c: stories handed out whole, in order; interleaving gathered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "tsv.h"
#include "unit.h"

static int warned;

static void
onwarn(void *arg, const char *msg)
{
	(void)arg;
	warned++;
	CHECK(strstr(msg, "not contiguous") != NULL);
}

/* Run the reader over text; write "name/part:n:firstfield ..." to out. */
static void
run(const char *text, const char *col, char *out, size_t cap)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct tsv_reader r;
	struct story_reader *sr;
	struct story s = { 0 };
	size_t o = 0;
	int rc;

	out[0] = '\0';
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "in"), 0);
	sr = story_reader_new(&r, col, onwarn, NULL);
	while ((rc = story_next(sr, &s)) > 0) {
		size_t i;
		o += snprintf(out + o, cap - o, "%s%s/%u:", o ? " " : "",
		    s.name, s.part);
		for (i = 0; i < s.n; i++)
			o += snprintf(out + o, cap - o, "%.*s",
			    (int)s.rows[i].f[0].len, s.rows[i].f[0].p);
	}
	CHECK_EQ_LONG(rc, 0);
	story_free(&s);
	story_reader_free(sr);
	tsv_reader_free(&r);
	fclose(fp);
}

/* story_docs and story_bytes on the one story of text (no story column). */
static void
counts(const char *text, int col, unsigned long docs,
    unsigned long long bytes)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct tsv_reader r;
	struct story_reader *sr;
	struct story s = { 0 };

	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "in"), 0);
	sr = story_reader_new(&r, NULL, NULL, NULL);
	if (story_next(sr, &s) != 1)
		story_clear(&s);
	CHECK_EQ_LONG(story_docs(&s, col), docs);
	CHECK_EQ_LONG(story_bytes(&s), bytes);
	story_free(&s);
	story_reader_free(sr);
	tsv_reader_free(&r);
	fclose(fp);
}

int
main(void)
{
	char out[256];

	run("id\tstory\na\tx\nb\tx\nc\ty\nd\tz\ne\tz\n", "story", out,
	    sizeof(out));
	CHECK_EQ_STR(out, "x/1:ab y/1:c z/1:de");
	CHECK_EQ_LONG(warned, 0);
	/* No story column: one story. */
	run("id\tother\na\tx\nb\ty\n", "story", out, sizeof(out));
	CHECK_EQ_STR(out, "/1:ab");
	/* Header only: no story. */
	run("id\tstory\n", "story", out, sizeof(out));
	CHECK_EQ_STR(out, "");
	/* Escaped names are unescaped. */
	run("id\tstory\na\tp\\tq\n", "story", out, sizeof(out));
	CHECK_EQ_STR(out, "p\tq/1:a");
	/* x comes back after y: warn once, gather the rest by story. */
	run("id\tstory\na\tx\nb\ty\nc\tx\nd\tz\ne\ty\nf\tx\n", "story", out,
	    sizeof(out));
	CHECK_EQ_STR(out, "x/1:a y/1:be x/2:cf z/1:d");
	CHECK_EQ_LONG(warned, 1);
	/* Runs of one doc are the articles; a doc that comes back counts
	 * again; no doc column, one. */
	counts("doc\ttext\na\tx\na\tyy\nb\tz\na\tw\n", 0, 3, 17);
	counts("doc\ttext\na\tx\na\tyy\n", -1, 1, 9);
	counts("doc\ttext\n", 0, 0, 0);
	/*
	 * 140,000 stories of one row each, then two names again: s0 is
	 * forgotten (two generations of 65,536 names have passed) and starts
	 * again as part 1; s139999, recent, is noticed.
	 */
	{
		size_t n = 140000, i, o = 0, cap = n * 16 + 64;
		char *text = malloc(cap);
		FILE *fp;
		struct tsv_reader r;
		struct story_reader *sr;
		struct story s = { 0 };
		unsigned lastpart = 0, parts2 = 0;
		int rc;

		o += snprintf(text + o, cap - o, "id\tstory\n");
		for (i = 0; i < n; i++)
			o += snprintf(text + o, cap - o, "r\ts%zu\n", i);
		o += snprintf(text + o, cap - o, "r\ts0\nr\ts139999\n");
		fp = fmemopen(text, o, "r");
		warned = 0;
		CHECK_EQ_LONG(tsv_reader_open(&r, fp, "big"), 0);
		sr = story_reader_new(&r, "story", onwarn, NULL);
		while ((rc = story_next(sr, &s)) > 0) {
			if (strcmp(s.name, "s0") == 0)
				lastpart = s.part;
			if (s.part > 1)
				parts2++;
		}
		CHECK_EQ_LONG(rc, 0);
		CHECK_EQ_LONG(lastpart, 1);
		CHECK_EQ_LONG(parts2, 1);
		CHECK_EQ_LONG(warned, 1);
		story_free(&s);
		story_reader_free(sr);
		tsv_reader_free(&r);
		fclose(fp);
		free(text);
	}
	UNIT_END();
}
