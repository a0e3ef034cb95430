/*
 * docs.c: articles from operands.  docs_open() looks at the headers of the
 * documents files first, so the carried columns are known before anything
 * is written; docs_next() then walks the operands, reading a plain article
 * whole or a documents file record by record.  Standard input can be read
 * only once, so the header scan keeps it open with its first line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "docs.h"
#include "xalloc.h"

#define NOCOL	((size_t)-1)

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Is the operand a documents file by its name, or by -F tsv? */
static int
named_tsv(const struct docs *d, const char *path)
{
	return d->o.fmt == DOCS_TSV || (d->o.fmt == DOCS_AUTO &&
	    (has_suffix(path, ".tsv") || has_suffix(path, ".tsv.gz")));
}

/* Is this first line a documents header (fields `doc` and `text`)? */
static int
is_doc_header(const char *line, size_t len)
{
	struct tsv_field *f = NULL;
	size_t cap = 0, n, i;
	int doc = 0, text = 0;
	char *copy;

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (memchr(line, '\t', len) == NULL)
		return 0;
	copy = xstrndup(line, len);
	n = tsv_split(copy, strlen(copy), &f, &cap);
	for (i = 0; i < n; i++) {
		doc |= f[i].len == 3 && memcmp(f[i].p, "doc", 3) == 0;
		text |= f[i].len == 4 && memcmp(f[i].p, "text", 4) == 0;
	}
	free(f);
	free(copy);
	return doc && text;
}

/* Does the operand, given its first line, read as a documents file? */
static int
is_docs(const struct docs *d, const char *path, const char *line, ssize_t n)
{
	if (n <= 0 || d->o.fmt == DOCS_TEXT)
		return 0;
	return named_tsv(d, path) || is_doc_header(line, (size_t)n);
}

static size_t
carry_find(const struct docs *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->ncarry; i++)
		if (strcmp(d->carry[i], name) == 0)
			return i;
	return NOCOL;
}

static int
reserved(const struct docs *d, const char *name)
{
	const char *const *p;

	for (p = d->o.reserved; p != NULL && *p != NULL; p++)
		if (strcmp(*p, name) == 0)
			return 1;
	return 0;
}

/* Check a documents header and add its columns to the carried set. */
static int
carry_add(struct docs *d, const struct tsv_reader *r, const char *path)
{
	const char *name;
	size_t i;

	if (tsv_col(r, "doc") < 0 || tsv_col(r, "text") < 0) {
		snprintf(d->err, sizeof(d->err), "%s: missing column '%s'",
		    path, tsv_col(r, "doc") < 0 ? "doc" : "text");
		return -1;
	}
	for (i = 0; i < r->ncol; i++) {
		name = r->col[i].p;
		if (strcmp(name, "doc") == 0 || strcmp(name, "text") == 0)
			continue;
		if (reserved(d, name)) {
			snprintf(d->err, sizeof(d->err), "%s: column '%s' "
			    "clashes with an output column", path, name);
			return -1;
		}
		if (carry_find(d, name) != NOCOL)
			continue;
		xgrow((void **)&d->carry, &d->carrycap, d->ncarry + 1,
		    sizeof(*d->carry));
		d->carry[d->ncarry++] = xstrdup(name);
	}
	return 0;
}

/* Look at one operand's header; keep standard input open. */
static int
scan_one(struct docs *d, const char *path)
{
	struct tsv_reader r;
	struct in *in;
	ssize_t n;
	int rv = 0;

	if ((in = in_open(path)) == NULL)
		return 0;	/* reported when its turn comes */
	n = getline(&d->line, &d->linecap, in->fp);
	if (is_docs(d, path, d->line, n)) {
		tsv_reader_open_header(&r, in->fp, path, d->line, (size_t)n);
		rv = carry_add(d, &r, path);
		tsv_reader_free(&r);
	}
	if (strcmp(path, "-") == 0 && rv == 0) {
		d->stdin_in = in;
		d->stdin_line = d->line;
		d->stdin_cap = d->linecap;
		d->stdin_len = (long)n;
		d->line = NULL;
		d->linecap = 0;
	} else
		in_close(in);
	return rv;
}

int
docs_open(struct docs *d, const struct docs_opts *o, char **argv, int argc)
{
	int i, isstdin;

	memset(d, 0, sizeof(*d));
	d->o = *o;
	d->argv = argv;
	d->argc = argc;
	for (i = 0; i < argc; i++) {
		isstdin = strcmp(argv[i], "-") == 0;
		if (isstdin ? d->stdin_in != NULL || o->fmt == DOCS_TEXT :
		    !named_tsv(d, argv[i]))
			continue;
		if (scan_one(d, argv[i]) == -1)
			return -1;
	}
	return 0;
}

static void
close_current(struct docs *d)
{
	if (d->intsv)
		tsv_reader_free(&d->r);
	d->intsv = 0;
	in_close(d->in);
	d->in = NULL;
}

/* Map each carried column to this file's column; refuse new ones. */
static int
map_columns(struct docs *d)
{
	size_t i;
	int c;

	for (i = 0; i < d->r.ncol; i++) {
		if ((int)i == d->docc || (int)i == d->textc ||
		    carry_find(d, d->r.col[i].p) != NOCOL)
			continue;
		/* Only a file the header scan did not look at gets here. */
		snprintf(d->err, sizeof(d->err), "%s: column '%s' is not in "
		    "the output header (give .tsv files their name, or "
		    "-F tsv): skipped", d->file, d->r.col[i].p);
		return -1;
	}
	xgrow((void **)&d->map, &d->mapcap, d->ncarry + 1, sizeof(*d->map));
	for (i = 0; i < d->ncarry; i++) {
		c = tsv_col(&d->r, d->carry[i]);
		d->map[i] = c < 0 ? NOCOL : (size_t)c;
	}
	return 0;
}

/*
 * Open the next operand and read its first line.  Returns 1 when one is
 * open, 0 when none is left, -1 when it could not be opened or its
 * columns are not the ones announced.
 */
static int
open_next(struct docs *d, ssize_t *n)
{
	const char *path;

	if (d->next >= d->argc)
		return 0;
	path = d->file = d->argv[d->next++];
	if (strcmp(path, "-") == 0 && d->stdin_in != NULL) {
		d->in = d->stdin_in;
		free(d->line);
		d->line = d->stdin_line;
		d->linecap = d->stdin_cap;
		*n = d->stdin_len;
		d->stdin_in = NULL;
		d->stdin_line = NULL;
	} else if ((d->in = in_open(path)) == NULL) {
		snprintf(d->err, sizeof(d->err), "%s: %s", path,
		    strerror(errno));
		return -1;
	} else
		*n = getline(&d->line, &d->linecap, d->in->fp);
	if (!is_docs(d, path, d->line, *n))
		return 1;
	tsv_reader_open_header(&d->r, d->in->fp, path, d->line, (size_t)*n);
	d->intsv = 1;
	d->docc = tsv_col(&d->r, "doc");
	d->textc = tsv_col(&d->r, "text");
	if (d->docc < 0 || d->textc < 0 || map_columns(d) == -1) {
		if (d->docc < 0 || d->textc < 0)
			snprintf(d->err, sizeof(d->err),
			    "%s: missing column '%s'", path,
			    d->docc < 0 ? "doc" : "text");
		close_current(d);
		return -1;
	}
	return 1;
}

/* Set d->id for a plain article read from path. */
static void
set_id(struct docs *d, const char *path)
{
	const char *id = path;
	int isstdin = strcmp(path, "-") == 0;

	if (isstdin && d->o.stdin_id != NULL)
		id = d->o.stdin_id;
	xgrow((void **)&d->id, &d->idcap, strlen(id) + 1, 1);
	if (d->o.fullpath || isstdin)
		memcpy(d->id, id, strlen(id) + 1);
	else
		in_basename_id(id, d->id);
}

/* Read the plain article whose first line (n bytes) is in d->line. */
static void
read_plain(struct docs *d, ssize_t n, struct doc *doc)
{
	int bad;

	if (n < 0)
		n = 0;
	xgrow((void **)&d->text, &d->textcap, (size_t)n + 1, 1);
	memcpy(d->text, d->line, (size_t)n);
	d->textlen = (size_t)n;
	bad = ferror(d->in->fp) ||
	    in_slurp(d->in, &d->text, &d->textlen, &d->textcap) == -1;
	d->text[d->textlen] = '\0';
	set_id(d, d->file);
	memset(doc, 0, sizeof(*doc));
	doc->id = d->id;
	doc->text = d->text;
	doc->len = d->textlen;
	doc->file = d->file;
	if (bad) {
		/* The article as decoded now, the error next time. */
		snprintf(d->err, sizeof(d->err), "%s: %s", d->file,
		    in_error(d->in));
		d->pending = 1;
	} else
		close_current(d);
}

/* The record just read from a documents file, as an article. */
static void
record(struct docs *d, struct doc *doc)
{
	const struct tsv_field *f = d->r.f;
	size_t k;

	xgrow((void **)&d->text, &d->textcap, f[d->textc].len + 1, 1);
	d->textlen = tsv_unescape(d->text, f[d->textc].p, f[d->textc].len);
	d->text[d->textlen] = '\0';
	xgrow((void **)&d->id, &d->idcap, f[d->docc].len + 1, 1);
	d->id[tsv_unescape(d->id, f[d->docc].p, f[d->docc].len)] = '\0';
	xgrow((void **)&d->cf, &d->cfcap, d->ncarry + 1, sizeof(*d->cf));
	for (k = 0; k < d->ncarry; k++) {
		if (d->map[k] == NOCOL) {
			d->cf[k].p = d->text + d->textlen;	/* "" */
			d->cf[k].len = 0;
		} else
			d->cf[k] = f[d->map[k]];
	}
	doc->id = d->id;
	doc->text = d->text;
	doc->len = d->textlen;
	doc->file = d->file;
	doc->line = d->r.lineno;
	doc->carry = d->cf;
}

int
docs_next(struct docs *d, struct doc *doc)
{
	ssize_t n;
	int got;

	for (;;) {
		if (d->pending) {
			d->pending = 0;
			close_current(d);
			return -1;
		}
		if (d->in == NULL) {
			if ((got = open_next(d, &n)) <= 0)
				return got;
			if (!d->intsv) {
				read_plain(d, n, doc);
				return 1;
			}
		}
		memset(doc, 0, sizeof(*doc));
		if ((got = tsv_read(&d->r)) == 1) {
			record(d, doc);
			return 1;
		}
		if (got == -1) {
			if (ferror(d->in->fp))
				snprintf(d->err, sizeof(d->err), "%s: %s",
				    d->file, in_error(d->in));
			else
				snprintf(d->err, sizeof(d->err), "%s:%lu: %s",
				    d->file, d->r.lineno, d->r.err);
			close_current(d);
			return -1;
		}
		close_current(d);
	}
}

void
docs_close(struct docs *d)
{
	size_t i;

	if (d == NULL)
		return;
	close_current(d);
	in_close(d->stdin_in);
	free(d->stdin_line);
	for (i = 0; i < d->ncarry; i++)
		free(d->carry[i]);
	free(d->carry);
	free(d->map);
	free(d->line);
	free(d->text);
	free(d->id);
	free(d->cf);
	memset(d, 0, sizeof(*d));
}
