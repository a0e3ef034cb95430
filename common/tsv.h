/*
 * tsv.h: crossread-tsv(5), the format every stage reads and writes.
 *
 * UTF-8 text, LF-terminated records (a CR before the LF is dropped), TAB
 * between fields, a header line naming the columns.  In a field, "\t", "\n",
 * "\r" and "\\" stand for TAB, LF, CR and backslash; any other backslash is
 * kept as it is.  A line identical to the header met again later is skipped
 * (concatenated files); a later line that starts with the header's first
 * column name but differs from it is an error (a concatenated file with
 * other columns).
 *
 * The reader splits a line into fields without copying or unescaping: each
 * field is a (p, len) slice of the line buffer, raw, so that columns a tool
 * does not know pass through byte for byte.  tsv_unescape() decodes the
 * fields a tool reads.  Slices live until the next tsv_read().
 */
#ifndef TSV_H
#define TSV_H

#include <stddef.h>
#include <stdio.h>

struct tsv_field {
	char		*p;
	size_t		 len;
};

struct tsv_reader {
	FILE		*fp;
	const char	*name;		/* for messages */
	unsigned long	 lineno;	/* of the line last read */
	char		*line;		/* reused line buffer */
	size_t		 linecap;
	char		*head;		/* the header line, raw, owned */
	size_t		 headlen;
	struct tsv_field *col;		/* column names (unescaped copies) */
	size_t		 ncol;
	struct tsv_field *f;		/* fields of the current row */
	size_t		 nf;
	size_t		 fcap;
	char		 err[160];	/* why the last call failed */
};

/*
 * Start reading fp (not owned; the caller closes it) under name, and read
 * the header.  Returns 0; -1 with r->err set when the input is empty or a
 * read failed (the caller tells those apart with ferror(fp)).  The reader
 * must be freed with tsv_reader_free() in either case.
 */
int	tsv_reader_open(struct tsv_reader *r, FILE *fp, const char *name);

/*
 * The same, for a caller that has read the first line itself (to decide
 * what the input is): head[0..len) is that line, with or without its line
 * end; it is copied.
 */
void	tsv_reader_open_header(struct tsv_reader *r, FILE *fp,
	    const char *name, const char *head, size_t len);

/*
 * Read the next data row into r->f / r->nf (exactly r->ncol fields).
 * Returns 1 for a row, 0 at end of input, -1 with r->err set on a read error
 * (ferror), a wrong number of fields, or a differing header.
 */
int	tsv_read(struct tsv_reader *r);

/* Free what the reader holds; the FILE is left open. */
void	tsv_reader_free(struct tsv_reader *r);

/* Index of the column named name, or -1. */
int	tsv_col(const struct tsv_reader *r, const char *name);

/*
 * Decode the escapes of src[0..len) into dst, which may be src itself, and
 * return the decoded length (never more than len).
 */
size_t	tsv_unescape(char *dst, const char *src, size_t len);

/*
 * Split s[0..len) at TABs into fields, growing *f (capacity *cap).  Returns
 * the number of fields (at least 1).  The slices point into s.
 */
size_t	tsv_split(char *s, size_t len, struct tsv_field **f, size_t *cap);

/*
 * A buffered row writer.  Fields are added left to right (the TAB between
 * them is written for the caller) and tsv_end() ends the row; the buffer
 * goes to fp whenever it passes TSV_WFLUSH bytes, so a row costs no stdio
 * call per field.  Errors are sticky: check tsv_writer_flush() (and, for
 * an early stop, w->err after each row).
 */
struct tsv_writer {
	FILE		*fp;
	char		*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 nfield;	/* fields in the current row */
	int		 err;		/* errno of the first failed write */
};

#define TSV_WFLUSH	(64 * 1024)

void	tsv_writer_init(struct tsv_writer *w, FILE *fp);
/* Flush what is buffered: 0, or -1 with errno (and w->err) set. */
int	tsv_writer_flush(struct tsv_writer *w);
/* Flush and free the buffer (not fp); returns as tsv_writer_flush. */
int	tsv_writer_free(struct tsv_writer *w);
/* Add a field, escaping s[0..len). */
void	tsv_field(struct tsv_writer *w, const char *s, size_t len);
/* Add a NUL-terminated field, escaped. */
void	tsv_field_str(struct tsv_writer *w, const char *s);
/* Add a field written as is: a raw slice of an input row, passed through. */
void	tsv_field_raw(struct tsv_writer *w, const char *s, size_t len);
/* Add a field holding an unsigned decimal number. */
void	tsv_field_uint(struct tsv_writer *w, unsigned long long v);
/* End the row. */
void	tsv_end(struct tsv_writer *w);

#endif
