/*
 * story.h: rows of a crossread-tsv(5) stream gathered one story at a time,
 * for the per-story stages (align-claims, summarize).
 *
 * A story is the run of rows with one value of the `story` column; without
 * that column the whole input is one story (name "").  Rows of a story are
 * expected to be contiguous (sorted on `story`, or a Hadoop/Spark reduce):
 * then only one story is held at a time.  When a story's name comes back
 * after another story began, the reader warns once (through the callback)
 * and gathers the rest of the input by story, in order of first
 * appearance, before handing it out; a story that had already been handed
 * out comes back as a second part (part > 1).  The names of the last
 * 65,536 to 131,072 stories handed out are remembered for this, as 64-bit
 * hashes (common/recent.h), so memory stays flat over a stream of
 * millions of stories (tag-entities gathers by doc); a story that comes
 * back after more than that is not noticed and starts again at part 1.
 */
#ifndef STORY_H
#define STORY_H

#include <stddef.h>

#include "tsv.h"

/* One row: a private copy of the input line, split into raw fields. */
struct story_row {
	char		*line;
	size_t		 len;
	struct tsv_field *f;		/* r->ncol raw (escaped) fields */
	unsigned long	 lineno;	/* in the input, for messages */
};

struct story {
	char		*name;		/* the story value, unescaped; "" */
	unsigned	 part;		/* 1, or later parts (see above) */
	struct story_row *rows;
	size_t		 n, cap;
};

struct story_reader;

/*
 * Gather the rows of r (header read; not owned) by the column storycol
 * (usually "story"; absent means one story).  warn, when not NULL, is
 * called once with a one-line message when stories interleave.
 */
struct story_reader *story_reader_new(struct tsv_reader *r,
		    const char *storycol,
		    void (*warn)(void *arg, const char *msg), void *arg);
void		 story_reader_free(struct story_reader *sr);

/*
 * The next story into *s (emptied first; rows are owned by s).  Returns 1
 * for a story, 0 at end of input, -1 when reading failed (r->err tells
 * why; rows read so far are not handed out).
 */
int		 story_next(struct story_reader *sr, struct story *s);

/*
 * What s holds, for --progress: story_docs() counts the runs of one value
 * of column col (the articles, whose rows are contiguous), or 1 for a
 * story with rows when col < 0; story_bytes() the bytes of its rows, a
 * newline each.
 */
unsigned long	 story_docs(const struct story *s, int col);
unsigned long long story_bytes(const struct story *s);

/* Empty s, keeping its allocations; free them. */
void		 story_clear(struct story *s);
void		 story_free(struct story *s);

#endif
