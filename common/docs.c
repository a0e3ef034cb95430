/*
 * docs.c: articles from operands.  docs_open() looks at the headers of the
 * documents and JSON Lines files first, so the carried columns are known
 * before anything is written; docs_next() then walks the operands, reading
 * a plain article whole, a documents file record by record, a JSON Lines
 * file object by object (jansson) and an archive member by member
 * (libarchive, fed from the same zlib stream so a .tar.gz is gunzipped
 * once and standard input works too).  Standard input can be read only
 * once, so the header scan keeps it open with its first line, and every
 * format is told from that first line (for an archive, libarchive is
 * handed that line again before the rest of the stream).
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "docs.h"
#include "hash.h"
#include "xalloc.h"

#define NOCOL	((size_t)-1)

/* libarchive's read size. */
#define DOCS_ABUF	(128 * 1024)

static const char *const role_names[DOCS_NROLE] = {
	"id", "text", "title", "source", "date", "url"
};

/* Names that say what an operand is (the .gz forms are gunzipped first). */
static const char *const archive_suffixes[] = {
	".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz",
	".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.Z", ".zip", ".cpio",
	".cpio.gz", ".7z", NULL
};
static const char *const jsonl_suffixes[] = {
	".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", NULL
};
static const char *const tsv_suffixes[] = { ".tsv", ".tsv.gz", NULL };

/* Magic numbers of what libarchive reads, at offset 0 (after gunzip). */
static const struct {
	const char	*magic;
	size_t		 len;
} archive_magics[] = {
	{ "PK\003\004", 4 },			/* zip */
	{ "BZh", 3 },				/* bzip2 */
	{ "\3757zXZ\0", 6 },			/* xz */
	{ "\050\265\057\375", 4 },		/* zstd */
	{ "7z\274\257\047\034", 6 },		/* 7-Zip */
	{ "070707", 6 }, { "070701", 6 },	/* cpio */
	{ "\037\213", 2 },			/* gzip inside gzip */
};

const char *
docs_role_name(enum docs_role r)
{
	return r < DOCS_NROLE ? role_names[r] : "";
}

int
docs_parse_fields(struct docs_opts *o, char *spec, const char **errmsg)
{
	char *item, *eq, *comma;
	int r;

	for (item = spec; item != NULL; item = comma) {
		if ((comma = strchr(item, ',')) != NULL)
			*comma++ = '\0';
		if ((eq = strchr(item, '=')) == NULL) {
			*errmsg = "expected role=member";
			return -1;
		}
		*eq = '\0';
		for (r = 0; r < DOCS_NROLE; r++)
			if (strcmp(item, role_names[r]) == 0)
				break;
		if (r == DOCS_NROLE) {
			*errmsg = "unknown role (id, text, title, source, "
			    "date, url)";
			return -1;
		}
		if (r == DOCS_R_TEXT && eq[1] == '\0') {
			*errmsg = "the text member cannot be left out";
			return -1;
		}
		o->jfield[r] = eq + 1;
	}
	return 0;
}

/* The JSON member read for role r; "" when it is not read. */
static const char *
jname(const struct docs *d, enum docs_role r)
{
	return d->o.jfield[r] != NULL ? d->o.jfield[r] : role_names[r];
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int
has_any_suffix(const char *s, const char *const *suf)
{
	for (; *suf != NULL; suf++)
		if (has_suffix(s, *suf))
			return 1;
	return 0;
}

/* The format the name (or -F) gives; DOCS_AUTO when it says nothing. */
static enum docs_fmt
fmt_by_name(const struct docs *d, const char *path)
{
	if (d->o.fmt != DOCS_AUTO)
		return d->o.fmt;
	if (has_any_suffix(path, tsv_suffixes))
		return DOCS_TSV;
	if (has_any_suffix(path, jsonl_suffixes))
		return DOCS_JSONL;
	if (has_any_suffix(path, archive_suffixes))
		return DOCS_ARCHIVE;
	return DOCS_AUTO;
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

/* Does the first line start like an archive libarchive reads? */
static int
is_archive(const char *line, size_t n)
{
	size_t i;

	if (n >= 262 && memcmp(line + 257, "ustar", 5) == 0)
		return 1;
	for (i = 0; i < sizeof(archive_magics) / sizeof(archive_magics[0]);
	    i++)
		if (n >= archive_magics[i].len && memcmp(line,
		    archive_magics[i].magic, archive_magics[i].len) == 0)
			return 1;
	return 0;
}

/* Is the first line one JSON object? */
static int
is_json_object(const char *line, size_t n)
{
	json_t *j;
	int yes;

	if (n == 0 || line[0] != '{')
		return 0;
	j = json_loadb(line, n, 0, NULL);
	yes = json_is_object(j);
	json_decref(j);
	return yes;
}

/* What the operand is, given its name and first line (n bytes, or -1). */
static enum docs_fmt
classify(const struct docs *d, const char *path, const char *line,
    ssize_t n)
{
	enum docs_fmt f = fmt_by_name(d, path);

	if (f == DOCS_TSV && n <= 0)
		return DOCS_TEXT;	/* an empty file: no header */
	if (f != DOCS_AUTO)
		return f;
	if (n <= 0)
		return DOCS_TEXT;
	if (is_archive(line, (size_t)n))
		return DOCS_ARCHIVE;
	if (is_doc_header(line, (size_t)n))
		return DOCS_TSV;
	if (is_json_object(line, (size_t)n))
		return DOCS_JSONL;
	return DOCS_TEXT;
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

/* Carry the column name, unless it is carried already. */
static void
carry_one(struct docs *d, const char *name)
{
	if (carry_find(d, name) != NOCOL)
		return;
	xgrow((void **)&d->carry, &d->carrycap, d->ncarry + 1,
	    sizeof(*d->carry));
	d->carry[d->ncarry++] = xstrdup(name);
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
		carry_one(d, name);
	}
	return 0;
}

/* Add the carried JSON Lines roles to the carried set. */
static int
json_carry_add(struct docs *d, const char *path)
{
	const char *name;
	int r;

	for (r = DOCS_R_TITLE; r < DOCS_NROLE; r++) {
		if (jname(d, r)[0] == '\0')
			continue;
		name = role_names[r];
		if (reserved(d, name)) {
			snprintf(d->err, sizeof(d->err), "%s: column '%s' "
			    "clashes with an output column (-J %s=)", path,
			    name, name);
			return -1;
		}
		carry_one(d, name);
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
	switch (classify(d, path, d->line, n)) {
	case DOCS_TSV:
		tsv_reader_open_header(&r, in->fp, path, d->line, (size_t)n);
		rv = carry_add(d, &r, path);
		tsv_reader_free(&r);
		break;
	case DOCS_JSONL:
		rv = json_carry_add(d, path);
		break;
	default:
		break;
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
	recent_init(&d->seen, DOCS_SEEN, 0);
	d->o = *o;
	d->argv = argv;
	d->argc = argc;
	for (i = 0; i < argc; i++) {
		isstdin = strcmp(argv[i], "-") == 0;
		if (isstdin ? d->stdin_in != NULL || o->fmt == DOCS_TEXT ||
		    o->fmt == DOCS_ARCHIVE :
		    fmt_by_name(d, argv[i]) != DOCS_TSV &&
		    fmt_by_name(d, argv[i]) != DOCS_JSONL)
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
	if (d->ar != NULL)
		archive_read_free(d->ar);
	d->ar = NULL;
	d->injson = 0;
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
 * libarchive's read callback: the first line read to tell the format,
 * then the rest of the (gunzipped) stream.
 */
static la_ssize_t
archive_feed(struct archive *a, void *arg, const void **buf)
{
	struct docs *d = arg;
	size_t got;

	if (d->peekoff < d->peeklen) {
		*buf = d->line + d->peekoff;
		got = d->peeklen - d->peekoff;
		d->peekoff = d->peeklen;
		return (la_ssize_t)got;
	}
	got = fread(d->abuf, 1, DOCS_ABUF, d->in->fp);
	if (got == 0 && ferror(d->in->fp)) {
		archive_set_error(a, EIO, "%s", in_error(d->in));
		return -1;
	}
	*buf = d->abuf;
	return (la_ssize_t)got;
}

/* Start reading the open operand as an archive; its first n bytes read. */
static int
archive_begin(struct docs *d, ssize_t n)
{
	d->peekoff = 0;
	d->peeklen = n > 0 ? (size_t)n : 0;
	if (d->abuf == NULL)
		d->abuf = xmalloc(DOCS_ABUF);
	d->ar = archive_read_new();
	if (d->ar == NULL) {
		snprintf(d->err, sizeof(d->err), "%s: out of memory",
		    d->file);
		close_current(d);
		return -1;
	}
	archive_read_support_filter_all(d->ar);
	archive_read_support_format_all(d->ar);
	if (archive_read_open(d->ar, d, NULL, archive_feed, NULL) !=
	    ARCHIVE_OK) {
		snprintf(d->err, sizeof(d->err), "%s: %s", d->file,
		    archive_error_string(d->ar));
		close_current(d);
		return -1;
	}
	return 1;
}

/* Keep the member's path, without leading "./", as d->member. */
static void
set_member(struct docs *d, const char *path)
{
	size_t n;

	if (path == NULL)
		path = "";
	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	n = strlen(path);
	xgrow((void **)&d->member, &d->membercap, n + 1, 1);
	memcpy(d->member, path, n + 1);
}

/*
 * Read the current member's data into d->text.  Returns 0, or -1 with
 * d->err set (the archive is closed when it cannot go on).
 */
static int
archive_data(struct docs *d)
{
	la_ssize_t got;
	const char *nul;

	d->textlen = 0;
	for (;;) {
		xgrow((void **)&d->text, &d->textcap,
		    d->textlen + DOCS_ABUF + 1, 1);
		got = archive_read_data(d->ar, d->text + d->textlen,
		    DOCS_ABUF);
		if (got == 0)
			break;
		if (got < 0) {
			snprintf(d->err, sizeof(d->err), "%s: %s: %s: "
			    "skipped", d->file, d->member,
			    archive_error_string(d->ar));
			if (got == ARCHIVE_FATAL)
				close_current(d);
			return -1;
		}
		d->textlen += (size_t)got;
	}
	d->text[d->textlen] = '\0';
	if ((nul = memchr(d->text, '\0', d->textlen)) != NULL) {
		snprintf(d->err, sizeof(d->err), "%s: %s: NUL byte at offset "
		    "%zu: not text, skipped", d->file, d->member,
		    (size_t)(nul - d->text));
		return -1;
	}
	return 0;
}

/*
 * At the archive's end: read the stream to its end too, so that zlib
 * checks the gzip trailer (a damaged .tar.gz may decode to a well-formed
 * tar with wrong bytes, caught only by the CRC).  Returns 0, or -1 with
 * d->err (the archive is closed).
 */
static int
archive_drain(struct docs *d)
{
	while (fread(d->abuf, 1, DOCS_ABUF, d->in->fp) > 0)
		;
	if (!ferror(d->in->fp))
		return 0;
	snprintf(d->err, sizeof(d->err), "%s: %s (the articles read from it "
	    "may be damaged)", d->file, in_error(d->in));
	close_current(d);
	return -1;
}

/*
 * The next regular file of the archive into *doc.  Returns 1, 0 at the
 * end of the archive, -1 with d->err for a bad member or a broken archive.
 */
static int
archive_next(struct docs *d, struct doc *doc)
{
	struct archive_entry *e;
	int r;

	for (;;) {
		r = archive_read_next_header(d->ar, &e);
		if (r == ARCHIVE_EOF)
			return archive_drain(d);
		if (r < ARCHIVE_WARN) {
			snprintf(d->err, sizeof(d->err), "%s: %s", d->file,
			    archive_error_string(d->ar));
			close_current(d);
			return -1;
		}
		if (archive_entry_filetype(e) == AE_IFREG)
			break;
	}
	set_member(d, archive_entry_pathname(e));
	if (archive_data(d) == -1)
		return -1;
	xgrow((void **)&d->id, &d->idcap, strlen(d->member) + 1, 1);
	memcpy(d->id, d->member, strlen(d->member) + 1);
	memset(doc, 0, sizeof(*doc));
	doc->id = d->id;
	doc->text = d->text;
	doc->len = d->textlen;
	doc->file = d->file;
	doc->member = d->member;
	return 1;
}

/* Start reading the open operand as JSON Lines; its first line read. */
static int
json_begin(struct docs *d, ssize_t n)
{
	int r;

	for (r = 0; r < DOCS_NROLE; r++) {
		d->jslot[r] = NOCOL;
		if (r < DOCS_R_TITLE || jname(d, r)[0] == '\0')
			continue;
		if ((d->jslot[r] = carry_find(d, role_names[r])) != NOCOL)
			continue;
		/* Only a file the header scan did not look at gets here. */
		snprintf(d->err, sizeof(d->err), "%s: JSON Lines whose "
		    "column '%s' is not in the output header (give .jsonl "
		    "files their name, or -F jsonl): skipped", d->file,
		    role_names[r]);
		close_current(d);
		return -1;
	}
	d->injson = 1;
	d->jline = 0;
	d->peeklen = n > 0 ? (size_t)n : 0;
	return 1;
}

/* A JSON scalar or structure as text, into the carried-field writer. */
static void
json_put(struct tsv_writer *w, const json_t *v)
{
	char *s;

	if (json_is_string(v))
		tsv_field(w, json_string_value(v), json_string_length(v));
	else if (v == NULL || json_is_null(v))
		tsv_field(w, "", 0);
	else {
		s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		tsv_field_str(w, s != NULL ? s : "");
		free(s);
	}
}

/* The carried fields of object o, escaped, as d->cf. */
static void
json_carry(struct docs *d, const json_t *o)
{
	size_t k, off[DOCS_NROLE];
	int r;

	xgrow((void **)&d->cf, &d->cfcap, d->ncarry + 1, sizeof(*d->cf));
	for (k = 0; k < d->ncarry; k++) {
		d->cf[k].p = d->text + d->textlen;	/* "" */
		d->cf[k].len = 0;
	}
	d->cw.len = 0;
	d->cw.nfield = 0;
	for (r = DOCS_R_TITLE; r < DOCS_NROLE; r++) {
		if (d->jslot[r] == NOCOL)
			continue;
		off[r] = d->cw.len + (d->cw.nfield > 0);
		json_put(&d->cw, json_object_get(o, jname(d, r)));
		d->cf[d->jslot[r]].len = d->cw.len - off[r];
	}
	/* The buffer may have moved while growing: point into it now. */
	for (r = DOCS_R_TITLE; r < DOCS_NROLE; r++)
		if (d->jslot[r] != NOCOL)
			d->cf[d->jslot[r]].p = d->cw.buf + off[r];
}

/* Set d->id from the object's id member, or file:line.  -1 if not one. */
static int
json_id(struct docs *d, const json_t *o)
{
	const json_t *v = NULL;
	char num[32], *tmp;
	const char *id;
	size_t n;

	if (jname(d, DOCS_R_ID)[0] != '\0')
		v = json_object_get(o, jname(d, DOCS_R_ID));
	if (json_is_string(v) && json_string_length(v) > 0) {
		id = json_string_value(v);
		n = json_string_length(v);
	} else if (json_is_integer(v)) {
		n = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		id = num;
	} else if (v == NULL || json_is_null(v) || json_is_string(v)) {
		/* No id: the file's id and the line. */
		tmp = xmalloc(strlen(d->file) + 1);
		in_basename_id(d->file, tmp);
		n = strlen(tmp) + 24;
		xgrow((void **)&d->id, &d->idcap, n, 1);
		snprintf(d->id, n, "%s:%lu", tmp, d->jline);
		free(tmp);
		return 0;
	} else
		return -1;
	if (memchr(id, '\0', n) != NULL)
		return -1;
	xgrow((void **)&d->id, &d->idcap, n + 1, 1);
	memcpy(d->id, id, n);
	d->id[n] = '\0';
	return 0;
}

/* Fill *doc from the object o of line d->jline.  -1 with d->err if bad. */
static int
json_record(struct docs *d, const json_t *o, struct doc *doc)
{
	const json_t *t;

	if (!json_is_object(o)) {
		snprintf(d->err, sizeof(d->err), "%s:%lu: not a JSON object: "
		    "skipped", d->file, d->jline);
		return -1;
	}
	t = json_object_get(o, jname(d, DOCS_R_TEXT));
	if (!json_is_string(t)) {
		snprintf(d->err, sizeof(d->err), "%s:%lu: no string member "
		    "'%s': skipped", d->file, d->jline, jname(d, DOCS_R_TEXT));
		return -1;
	}
	if (json_id(d, o) == -1) {
		snprintf(d->err, sizeof(d->err), "%s:%lu: member '%s' is not "
		    "a string or an integer: skipped", d->file, d->jline,
		    jname(d, DOCS_R_ID));
		return -1;
	}
	d->textlen = json_string_length(t);
	xgrow((void **)&d->text, &d->textcap, d->textlen + 1, 1);
	memcpy(d->text, json_string_value(t), d->textlen);
	d->text[d->textlen] = '\0';
	json_carry(d, o);
	memset(doc, 0, sizeof(*doc));
	doc->id = d->id;
	doc->text = d->text;
	doc->len = d->textlen;
	doc->file = d->file;
	doc->line = d->jline;
	doc->carry = d->cf;
	return 0;
}

/* Is s[0..n) only white space? */
static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

/*
 * The next object of the JSON Lines file into *doc.  Returns 1, 0 at its
 * end, -1 with d->err for a bad line (skipped) or a read error (the file
 * is closed).  Blank lines are passed over.
 */
static int
json_next(struct docs *d, struct doc *doc)
{
	json_error_t je;
	json_t *o;
	ssize_t n;
	int rv;

	do {
		if (d->jline++ == 0)
			n = (ssize_t)d->peeklen;
		else if ((n = getline(&d->line, &d->linecap,
		    d->in->fp)) < 0) {
			if (!ferror(d->in->fp))
				return 0;
			snprintf(d->err, sizeof(d->err), "%s: %s", d->file,
			    in_error(d->in));
			close_current(d);
			return -1;
		}
	} while (blank(d->line, (size_t)n));
	if ((o = json_loadb(d->line, (size_t)n, 0, &je)) == NULL) {
		snprintf(d->err, sizeof(d->err), "%s:%lu: malformed JSON "
		    "(%s, column %d): skipped", d->file, d->jline, je.text,
		    je.column);
		return -1;
	}
	rv = json_record(d, o, doc) == -1 ? -1 : 1;
	json_decref(o);
	return rv;
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
	switch (classify(d, path, d->line, *n)) {
	case DOCS_ARCHIVE:
		return archive_begin(d, *n);
	case DOCS_JSONL:
		return json_begin(d, *n);
	case DOCS_TSV:
		break;
	default:
		return 1;
	}
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

/* Add h to the ids met lately (d->seen); 0 when it was there already. */
static int
seen_add(struct docs *d, uint64_t h)
{
	int added;

	recent_put(&d->seen, h, &added);
	return added;
}

/*
 * Hand out the article in *doc, unless it comes from an archive or JSON
 * Lines and its id was met before: then rename it id~2 (~3, ...), keep it
 * for the next call and return the warning.
 */
static int
finish(struct docs *d, struct doc *doc)
{
	char *orig, where[64];
	size_t n;
	unsigned long k;

	n = strlen(doc->id);
	/* Plain and documents files keep their ids (cat a.tsv a.tsv). */
	if (seen_add(d, hash_bytes(doc->id, n, 0)) ||
	    (doc->member == NULL && !d->injson))
		return 1;
	orig = xstrdup(doc->id);
	xgrow((void **)&d->id, &d->idcap, n + 24, 1);
	for (k = 2;; k++) {
		snprintf(d->id, n + 24, "%s~%lu", orig, k);
		if (seen_add(d, hash_bytes(d->id, strlen(d->id), 0)))
			break;
	}
	if (doc->member != NULL)
		snprintf(where, sizeof(where), ": %.60s", doc->member);
	else if (doc->line > 0)
		snprintf(where, sizeof(where), ":%lu", doc->line);
	else
		where[0] = '\0';
	snprintf(d->err, sizeof(d->err), "%s%s: duplicate document id "
	    "'%.80s': renamed '%.90s'", doc->file, where, orig, d->id);
	free(orig);
	doc->id = d->id;
	d->held = *doc;
	d->hold = 1;
	return -1;
}

int
docs_next(struct docs *d, struct doc *doc)
{
	ssize_t n;
	int got;

	for (;;) {
		if (d->hold) {
			d->hold = 0;
			*doc = d->held;
			return 1;
		}
		if (d->pending) {
			d->pending = 0;
			close_current(d);
			return -1;
		}
		if (d->in == NULL) {
			if ((got = open_next(d, &n)) <= 0)
				return got;
			if (!d->intsv && d->ar == NULL && !d->injson) {
				read_plain(d, n, doc);
				return finish(d, doc);
			}
		}
		memset(doc, 0, sizeof(*doc));
		if (d->ar != NULL)
			got = archive_next(d, doc);
		else if (d->injson)
			got = json_next(d, doc);
		else if ((got = tsv_read(&d->r)) == 1)
			record(d, doc);
		else if (got == -1) {
			if (ferror(d->in->fp))
				snprintf(d->err, sizeof(d->err), "%s: %s",
				    d->file, in_error(d->in));
			else
				snprintf(d->err, sizeof(d->err), "%s:%lu: %s",
				    d->file, d->r.lineno, d->r.err);
			close_current(d);
		}
		if (got == 1)
			return finish(d, doc);
		if (got == -1)
			return -1;
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
	free(d->abuf);
	free(d->member);
	free(d->cw.buf);
	recent_free(&d->seen);
	memset(d, 0, sizeof(*d));
}
