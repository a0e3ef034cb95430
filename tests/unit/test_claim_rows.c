/*
 * test_claim_rows.c: unit tests of common/claim_rows: a story read with
 * the story reader becomes an index and claim_sent array (text and source
 * unescaped, the doc column as the source when there is no source column,
 * documents told apart), and a malformed entities field is reported with
 * the input's name and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim_rows.h"
#include "sim.h"
#include "stem.h"
#include "story.h"
#include "tsv.h"
#include "unit.h"

/* Read text's first story into s; the reader and stream stay open. */
static int
one_story(const char *text, struct tsv_reader *r, struct story *s,
    FILE **fp)
{
	struct story_reader *sr;
	int rc;

	*fp = fmemopen((void *)text, strlen(text), "r");
	CHECK_EQ_LONG(tsv_reader_open(r, *fp, "in.tsv"), 0);
	sr = story_reader_new(r, "story", NULL, NULL);
	rc = story_next(sr, s);
	story_reader_free(sr);
	return rc;
}

int
main(void)
{
	struct stem *st = stem_new();
	struct sim_index *x = sim_index_new(st, NULL);
	struct claim_rows cr;
	struct tsv_reader r;
	struct story s = { 0 };
	char err[256] = "";
	FILE *fp;

	/* Source from the doc column; an escaped newline in the text. */
	CHECK_EQ_LONG(one_story("doc\ttext\nd1\tOne\\ntwo.\nd2\tThree.\n"
	    "d1\tFour.\n", &r, &s, &fp), 1);
	memset(&cr, 0, sizeof(cr));
	cr.text = tsv_col(&r, "text");
	cr.doc = tsv_col(&r, "doc");
	cr.source = cr.ents = -1;
	CHECK_EQ_LONG(claim_rows_index(&cr, "in.tsv", &s, x, err,
	    sizeof(err)), 0);
	CHECK_EQ_LONG(sim_count(x), 3);
	CHECK_EQ_STR(cr.cl[0].text, "One\ntwo.");
	CHECK_EQ_LONG(cr.cl[0].len, 8);
	CHECK_EQ_STR(cr.cl[0].source, "d1");
	CHECK_EQ_STR(cr.cl[1].source, "d2");
	CHECK_EQ_LONG(sim_group(x, 0), sim_group(x, 2));
	CHECK(sim_group(x, 0) != sim_group(x, 1));
	tsv_reader_free(&r);
	fclose(fp);

	/* A source column, entities; then a bad entities field. */
	CHECK_EQ_LONG(one_story("doc\ttext\tsource\tentities\n"
	    "d1\tAnn met Bo.\tWire\t0:3:PERSON:ann\n"
	    "d2\tBo met Ann.\tPost\t0:2:PERSON:bo|7:10:PERSON:ann\n"
	    "d3\tNo one.\tPost\t5:1:PERSON:x\n", &r, &s, &fp), 1);
	cr.text = tsv_col(&r, "text");
	cr.doc = tsv_col(&r, "doc");
	cr.source = tsv_col(&r, "source");
	cr.ents = tsv_col(&r, "entities");
	CHECK_EQ_LONG(claim_rows_index(&cr, "in.tsv", &s, x, err,
	    sizeof(err)), -1);
	CHECK(strncmp(err, "in.tsv:4: entities: ", 20) == 0);
	s.n = 2;	/* without the bad row (given back below) */
	CHECK_EQ_LONG(claim_rows_index(&cr, "in.tsv", &s, x, err,
	    sizeof(err)), 0);
	CHECK_EQ_STR(cr.cl[1].source, "Post");
	CHECK_EQ_LONG(sim_count(x), 2);
	s.n = 3;
	tsv_reader_free(&r);
	fclose(fp);

	story_free(&s);
	claim_rows_free(&cr);
	claim_rows_free(&cr);
	sim_index_free(x);
	stem_free(st);
	UNIT_END();
}
