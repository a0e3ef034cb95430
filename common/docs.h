/*
 * docs.h: the articles named by a program's operands, one at a time.
 *
 * An operand is one of (crossread-input(5)):
 * - a plain or gzip file holding one article;
 * - a documents file: a crossread-tsv(5) file with the columns `doc` and
 *   `text`, one article per record;
 * - an archive that libarchive reads (tar, compressed tar, zip, cpio...),
 *   each regular file one article, its path inside the archive (without a
 *   leading "./") the document id; it is read as a stream, never unpacked;
 * - JSON Lines: one JSON object per line, an article per object, with the
 *   members named by o->jfield (id, text, and the carried title, source,
 *   date, url), parsed with jansson.
 * The columns a documents file has besides doc and text are carried, and
 * so are the JSON Lines roles title, source, date and url (those whose
 * member name is not ""): the reader learns them from every documents or
 * JSON Lines file named as such and from standard input before the first
 * article (so that a program can write its header first), and hands each
 * article their raw (TSV-escaped) fields in that order.  Only one article
 * is held at a time.
 *
 * How an operand is read (DOCS_AUTO): by its name first (.tsv, .jsonl,
 * .ndjson, each maybe .gz; .tar, .tgz, .tar.gz, .tar.bz2, .tar.xz,
 * .tar.zst, .zip), then by its first bytes after gunzip: a tar header
 * ("ustar" at offset 257) or the magic of a compressor or archive
 * libarchive reads makes an archive; a header line with `doc` and `text`
 * a documents file; a first line that is a JSON object JSON Lines;
 * anything else is one article.  DOCS_TEXT, DOCS_TSV, DOCS_ARCHIVE and
 * DOCS_JSONL force a format.  The document id of a plain article is its
 * file name without directory, ".gz" and then ".txt" (or the operand as
 * given, with fullpath); standard input ("-") is "-" or stdin_id.
 *
 * An archive member or JSON Lines object whose id was met before in the
 * run (from any operand) is renamed "id~2" (then ~3, ...), with a warning;
 * plain and documents files keep their ids, so that `cat a.tsv a.tsv`
 * reads as before.  The reader remembers a 64-bit hash of the last ids
 * for this: at least the last DOCS_SEEN (65,536), in at most 3 MiB, so
 * memory stays flat however long the input; a duplicate further back is
 * not seen.
 *
 * Problems are reported, never printed: docs_next() returns -1 with a
 * one-line message in d->err ("file: reason", "file:line: reason" or
 * "file: member: reason"), and the caller prints it and calls docs_next()
 * again to go on.  A bad record (malformed JSON, an object without text,
 * a binary archive member) is one such problem, and reading goes on with
 * the next record; a broken archive stops that archive after the members
 * read whole.  A file whose gzip stream breaks gives the article decoded
 * so far first, then the error.  A renamed duplicate gives the warning
 * first, then the article.
 */
#ifndef DOCS_H
#define DOCS_H

#include <stddef.h>
#include <stdint.h>

#include "input.h"
#include "recent.h"
#include "tsv.h"

enum docs_fmt {
	DOCS_AUTO,
	DOCS_TEXT,
	DOCS_TSV,
	DOCS_ARCHIVE,
	DOCS_JSONL
};

/* The JSON Lines members a reader looks at, by role. */
enum docs_role {
	DOCS_R_ID,
	DOCS_R_TEXT,
	DOCS_R_TITLE,	/* the roles from here on are carried columns */
	DOCS_R_SOURCE,
	DOCS_R_DATE,
	DOCS_R_URL,
	DOCS_NROLE
};

struct docs_opts {
	enum docs_fmt	 fmt;
	const char	*stdin_id;	/* id of standard input, or NULL */
	int		 fullpath;	/* id of a plain file: the operand */
	const char *const *reserved;	/* column names that may not be
					   carried, NULL-terminated */
	const char	*jfield[DOCS_NROLE];	/* JSON member of each role;
					   NULL: the role's own name; "":
					   not read (carried roles only) */
};

/* One article, valid until the next docs_next() or docs_close(). */
struct doc {
	const char	*id;		/* NUL-terminated */
	const char	*text;		/* the article, NUL after len */
	size_t		 len;
	const char	*file;		/* the operand it came from */
	unsigned long	 line;		/* its record's line; 0 if plain */
	const char	*member;	/* its path in an archive, or NULL */
	const struct tsv_field *carry;	/* docs->ncarry raw fields, in the
					   order of docs->carry; empty
					   when the file lacks the column */
};

struct archive;

/* Ids remembered at least, for duplicates (half a table of 2^17). */
#define DOCS_SEEN	(1UL << 16)

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

	/* An archive being read: libarchive reads the first line again. */
	struct archive	 *ar;
	size_t		  peekoff, peeklen;
	char		 *abuf;		/* libarchive's read buffer */
	char		 *member;	/* path of the current member */
	size_t		  membercap;

	/* JSON Lines being read. */
	int		  injson;
	unsigned long	  jline;	/* line of d->line */
	size_t		  jslot[DOCS_NROLE];	/* role -> carried slot */
	struct tsv_writer cw;		/* escaped carried fields; its fp
					   is NULL: never flushed, ended */

	struct recent	  seen;		/* hashes of the ids met lately */
	int		  hold;		/* give d->held at the next call */
	struct doc	  held;
};

/* The name of a role (its default member and its column): "id", ... */
const char *docs_role_name(enum docs_role r);

/*
 * Set o->jfield from a list "role=member,..." (as -J takes it), e.g.
 * "id=uid,text=body,url=".  spec is modified and must outlive o.
 * Returns 0, or -1 with *errmsg pointing to a static reason.
 */
int	docs_parse_fields(struct docs_opts *o, char *spec,
	    const char **errmsg);

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
