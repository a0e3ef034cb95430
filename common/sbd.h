/*
 * sbd.h: sentence boundary detection over one article held in memory.
 *
 * sbd_split() cuts an article into paragraphs and sentences and reports each
 * sentence as a byte span [start, end) into the buffer it was given, with the
 * number of its paragraph.  Spans are in order, never overlap, never start or
 * end with white space, and together cover every byte that is not white
 * space: nothing of the article is dropped.  White space is what
 * utf8_isspace() says: ASCII space, TAB, LF, VT, FF, CR, NEL and the Unicode
 * characters of categories Zs, Zl and Zp (NO-BREAK SPACE, EM SPACE,
 * IDEOGRAPHIC SPACE, ...) plus U+FEFF (a byte-order mark is not text).
 * Bytes that are not valid UTF-8 are not white space: they land inside a
 * sentence unchanged.
 *
 * The function never allocates except to grow the caller's span array
 * (through xreallocarray), never reads past len, and does not need the
 * buffer to be NUL-terminated.
 */
#ifndef SBD_H
#define SBD_H

#include <stddef.h>

enum sbd_para {
	SBD_PARA_AUTO,	/* decide per article from its line structure */
	SBD_PARA_BLANK,	/* blank lines end paragraphs; single LF is a wrap */
	SBD_PARA_LINE	/* every line is a paragraph of its own */
};

struct sbd_opts {
	enum sbd_para	para;
};

struct sbd_span {
	size_t		start;	/* first byte of the sentence */
	size_t		end;	/* one past its last byte */
	size_t		para;	/* paragraph number, from 1 */
};

/* A growable array of spans: the caller zeroes it, sbd_split refills it. */
struct sbd_spans {
	struct sbd_span	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Split buf[0..len) into sentences.  Sets spans->n to the number found
 * (0 for an article of only white space) and returns it.  The array is
 * reused across calls; free it with sbd_spans_free().
 */
size_t	sbd_split(const char *buf, size_t len, const struct sbd_opts *opts,
	    struct sbd_spans *spans);

/* Free the span array; the struct itself belongs to the caller. */
void	sbd_spans_free(struct sbd_spans *spans);

/*
 * Length in bytes of the white-space character at s[0..len) (as defined
 * above), or 0 when s does not start with one.
 */
size_t	sbd_space_len(const char *s, size_t len);

#endif
