/*
 * docs.h: the articles named by a program's operands, one at a time.
 *
 * An operand is a plain or gzip file holding one article, or a documents
 * file: a crossread-tsv(5) file with the columns `doc` and `text`, one
 * article per record.  A documents file's other columns are carried: the
 * reader learns them from every documents file named on the command line
 * and from standard input before the first article (so that a program can
 * write its header first), and hands each article their raw fields in that
 * order.  Only one article is held at a time.
 *
 * How an operand is read (DOCS_AUTO): a name ending in .tsv or .tsv.gz, or
 * a first line that is a header with `doc` and `text`, makes a documents
 * file; anything else is one article.  DOCS_TEXT and DOCS_TSV force either.
 * The document id of a plain article is its file name without directory,
 * ".gz" and then ".txt" (or the operand as given, with fullpath); standard
 * input ("-") is "-" or stdin_id.
 *
 * Problems are reported, never printed: docs_next() returns -1 with a
 * one-line message in d->err ("file: reason" or "file:line: reason"), and
 * the caller prints it and calls docs_next() again to go on.  A file whose
 * gzip stream breaks gives the article decoded so far first, then the
 * error.
 */
#ifndef DOCS_H
#define DOCS_H

#include <stddef.h>

#include "input.h"
#include "tsv.h"

enum docs_fmt {
	DOCS_AUTO,
	DOCS_TEXT,
	DOCS_TSV
};

struct docs_opts {
	enum docs_fmt	 fmt;
	const char	*stdin_id;	/* id of standard input, or NULL */
	int		 fullpath;	/* id of a plain file: the operand */
	const char *const *reserved;	/* column names that may not be
					   carried, NULL-terminated */
};

/* One article, valid until the next docs_next() or docs_close(). */
struct doc {
	const char	*id;		/* NUL-terminated */
	const char	*text;		/* the article, NUL after len */
	size_t		 len;
	const char	*file;		/* the operand it came from */
	unsigned long	 line;		/* its record's line; 0 if plain */
	const struct tsv_field *carry;	/* docs->ncarry raw fields, in the
					   order of docs->carry; empty
					   when the file lacks the column */
};

struct docs {
	struct docs_opts o;
	char		**argv;		/* the operands */
	int		  argc;
	int		  next;		/* index of the next operand */
	char		**carry;	/* carried column names */
	size_t		  ncarry;
	size_t		  carrycap;
	char		  err[320];	/* the last problem */

	/* The operand being read. */
	struct in	 *in;
	const char	 *file;
	int		  intsv;	/* a documents file, reader open */
	struct tsv_reader r;
	int		  docc, textc;	/* its doc and text columns */
	size_t		 *map;		/* carried slot -> its column */
	size_t		  mapcap;
	int		  pending;	/* an error to report after the article */

	/* Standard input, opened by docs_open with its first line read. */
	struct in	 *stdin_in;
	char		 *stdin_line;
	size_t		  stdin_cap;
	long		  stdin_len;

	char		 *line;		/* first line of an operand */
	size_t		  linecap;
	char		 *text;		/* the current article */
	size_t		  textlen;
	size_t		  textcap;
	char		 *id;
	size_t		  idcap;
	struct tsv_field *cf;		/* the current carried fields */
	size_t		  cfcap;
};

/*
 * Start reading the operands argv[0..argc) (argv is kept, not copied).
 * Reads the headers of the documents files to learn the carried columns.
 * Returns 0, or -1 with d->err set for a usage error: a documents file
 * without `doc` or `text`, or a column named in o->reserved.  Files that
 * cannot be opened here are reported by docs_next() in their turn.  Free
 * with docs_close() either way.
 */
int	docs_open(struct docs *d, const struct docs_opts *o, char **argv,
	    int argc);

/*
 * The next article into *doc.  Returns 1 for an article, 0 when every
 * operand has been read, -1 for a problem (d->err): an operand that cannot
 * be opened or read, or a malformed documents file (reading it stops).
 */
int	docs_next(struct docs *d, struct doc *doc);

/* Close what is open and free everything; the struct may be reused. */
void	docs_close(struct docs *d);

#endif
