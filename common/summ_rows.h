/*
 * summ_rows.h: a story's crossread-tsv(5) rows (story.h) as input to the
 * summariser (summ.h), and its picks as summary lines (summ_fmt.h) with
 * their sources and conflicts: the part of summarize(1) that knows the
 * columns.
 *
 * Columns read: text and doc (required), sent, claim, support, sources,
 * conflict, source, entities (their keys are concepts too).  The unit that counts as one voice is the `source`
 * when the row has one, else the `doc`.
 */
#ifndef SUMM_ROWS_H
#define SUMM_ROWS_H

#include <stddef.h>

#include "ent.h"
#include "story.h"
#include "summ.h"
#include "summ_fmt.h"
#include "tsv.h"

enum summ_col {
	SUMM_COL_TEXT, SUMM_COL_DOC, SUMM_COL_SENT, SUMM_COL_CLAIM,
	SUMM_COL_SUPPORT, SUMM_COL_SOURCES, SUMM_COL_CONFLICT,
	SUMM_COL_SOURCE, SUMM_COL_ENTITIES, SUMM_NCOL
};

struct summ_rows {
	int		 col[SUMM_NCOL];	/* input column, or -1 */
	struct summ	*summ;
	struct smap	*units;		/* source or doc name -> unit */
	struct smap	*claims;	/* claim value -> dense id */
	struct ent_list	 ents;		/* entities of the row being read */
	char		*scratch;	/* the last field unescaped */
	size_t		 scap;
	char		 err[200];	/* why the last load failed */
};

/* Initialise; -1 when libstemmer has no English stemmer. */
int		 summ_rows_init(struct summ_rows *sr);
void		 summ_rows_free(struct summ_rows *sr);

/*
 * Find the columns of r.  Returns 0, or -1 with sr->err naming the first
 * missing required column.
 */
int		 summ_rows_columns(struct summ_rows *sr,
		    const struct tsv_reader *r);

/*
 * Field col (an input column index, or -1 for none: "") of row,
 * unescaped and NUL-terminated; valid until the next call.
 */
const char	*summ_rows_field(struct summ_rows *sr,
		    const struct story_row *row, int col, size_t *len);

/*
 * Summarise story st: returns the number of picks, *picks as summ_run
 * gives them and *lines (malloc'd, free with summ_rows_lines_free) with
 * sources (the input's, else the estimate's units) and conflicts (the
 * row's, else the first of another row of its claim).  Returns -1 with
 * sr->err ("LINE: sent 'x': invalid") when a number is malformed.
 */
long		 summ_rows_run(struct summ_rows *sr, const struct story *st,
		    const struct summ_opts *o, const struct summ_pick **picks,
		    struct summ_line **lines);
void		 summ_rows_lines_free(struct summ_line *l, size_t n);

#endif
