/*
 * test_summ_rows.c: common/summ_rows.c: columns, loading a story's rows,
 * sources and conflicts of the picks, malformed numbers.
 */
#include <stdio.h>
#include <string.h>

#include "story.h"
#include "summ_rows.h"
#include "unit.h"

/* Summarise the one story in tsv; returns the number of picks or -1. */
static long
run(struct summ_rows *sr, const char *tsv, struct summ_line **l,
    int *colerr)
{
	struct tsv_reader r;
	struct story_reader *rd;
	struct story st = { 0 };
	const struct summ_pick *p;
	struct summ_opts o;
	FILE *fp = fmemopen((void *)tsv, strlen(tsv), "r");
	long n = -1;

	*l = NULL;
	CHECK(fp != NULL);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "t"), 0);
	*colerr = summ_rows_columns(sr, &r);
	if (*colerr == 0) {
		rd = story_reader_new(&r, "story", NULL, NULL);
		CHECK_EQ_LONG(story_next(rd, &st), 1);
		summ_opts_default(&o);
		n = summ_rows_run(sr, &st, &o, &p, l);
		story_free(&st);
		story_reader_free(rd);
	}
	tsv_reader_free(&r);
	fclose(fp);
	return n;
}

int
main(void)
{
	struct summ_rows sr;
	struct summ_line *l;
	int colerr;
	long n;

	CHECK_EQ_LONG(summ_rows_init(&sr), 0);
	/* No claim column: sources estimated from the documents. */
	n = run(&sr, "doc\ttext\n"
	    "x\tThe old mill on the river burned down on Friday night.\n"
	    "y\tThe old mill on the river burned down late on Friday.\n"
	    "z\tFirefighters said the old mill on the river burned down.\n",
	    &l, &colerr);
	CHECK_EQ_LONG(n, 1);
	if (n == 1) {
		CHECK_EQ_LONG(l[0].support, 3);
		CHECK(strncmp(l[0].sources, "x,", 2) == 0 ||
		    strncmp(l[0].sources, "y,", 2) == 0 ||
		    strncmp(l[0].sources, "z,", 2) == 0);
		CHECK_EQ_STR(l[0].conflict, "");
	}
	summ_rows_lines_free(l, n > 0 ? (size_t)n : 0);
	/* Given claims: the conflict comes from another row of the claim. */
	n = run(&sr, "doc\ttext\tclaim\tsupport\tsources\tconflict\n"
	    "x\tThe old mill on the river burned down on Friday night.\tc1\t2\tx,y\t\n"
	    "y\tThe old mill on the river burned down on Saturday.\tc1\t2\tx,y\tday: Friday (x) / Saturday (y)\n",
	    &l, &colerr);
	CHECK_EQ_LONG(n, 1);
	if (n == 1) {
		CHECK_EQ_LONG(l[0].support, 2);
		CHECK_EQ_STR(l[0].sources, "x,y");
		CHECK_EQ_STR(l[0].conflict, "day: Friday (x) / Saturday (y)");
	}
	summ_rows_lines_free(l, n > 0 ? (size_t)n : 0);
	/* Errors. */
	n = run(&sr, "doc\tsent\ttext\nx\tone\tA mill burned.\n", &l, &colerr);
	CHECK_EQ_LONG(n, -1);
	CHECK_EQ_STR(sr.err, "2: sent 'one': invalid");
	n = run(&sr, "doc\tsentence\nx\tA mill burned.\n", &l, &colerr);
	CHECK_EQ_LONG(colerr, -1);
	CHECK_EQ_STR(sr.err, "missing column 'text'");
	summ_rows_free(&sr);
	UNIT_END();
}
