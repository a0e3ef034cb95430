/*
 * summ_fmt.h: a story's summary written for people, as plain text or
 * Markdown (summarize -f text, -f markdown).
 */
#ifndef SUMM_FMT_H
#define SUMM_FMT_H

#include <stddef.h>
#include <stdio.h>

/* One sentence of a summary, in reading order.  Nothing is owned. */
struct summ_line {
	const char	*text;		/* the sentence, unescaped */
	size_t		 len;
	unsigned	 support;
	const char	*sources;	/* comma-separated list */
	const char	*conflict;	/* what sources disagree on, or "" */
};

enum summ_fmt {
	SUMM_FMT_TEXT,
	SUMM_FMT_MARKDOWN
};

/*
 * Write the summary l[0..n) of story (NULL: the input has no stories) to
 * fp: a heading, numbered sentences each followed by its support and
 * sources, then "sources disagree" notes, one per distinct conflict and
 * "; "-separated part of it ("kind: a (x) / b (y)" becomes "sources
 * disagree on the kind: a (x) / b (y)", as align-claims(1) writes it).  A
 * blank line goes before every story but the first.  Line breaks inside a
 * text become spaces; in Markdown, characters that would format are
 * escaped.  Returns 0, or -1 when writing failed (ferror).
 */
int	summ_fmt_write(FILE *fp, enum summ_fmt fmt, const char *story,
	    int first, const struct summ_line *l, size_t n);

#endif
