/*
 * split-sentences: cut news articles into sentences, one TSV row each.
 *
 * Operands are articles (plain or gzip, one per file) or documents TSV files
 * (a header with `doc` and `text`, one article per record, other columns
 * carried onto every sentence row).  Each article is read whole, cut by
 * sbd_split(), and written as rows `doc para sent start end text` followed
 * by the carried columns; start and end are byte offsets into the article as
 * read, so the text can always be found again.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "output.h"
#include "sbd.h"
#include "tsv.h"
#include "utf8.h"
#include "xalloc.h"

enum fmt { FMT_AUTO, FMT_TEXT, FMT_TSV };

struct opts {
	enum fmt	 fmt;
	struct sbd_opts	 sbd;
	const char	*id;		/* document id for standard input */
	int		 fullpath;	/* document id is the operand as given */
};

/* The columns carried from documents TSV inputs: the union, in order. */
struct carry {
	char		**name;
	size_t		  n;
	size_t		  cap;
};

/* What one run holds across articles. */
struct run {
	const struct opts *o;
	struct carry	   carry;
	struct tsv_writer  w;
	struct sbd_spans   spans;
	char		  *art;		/* the article being cut */
	size_t		   artlen;
	size_t		   artcap;
	char		  *id;		/* its document id */
	size_t		   idcap;
	size_t		  *map;		/* carried slot -> input column, or -1 */
	size_t		   mapcap;
	struct in	  *stdin_in;	/* standard input, opened by the scan */
	char		  *stdin_line;	/* and its first line */
	ssize_t		   stdin_len;
	int		   rval;
};

/* Output columns; a carried column may not reuse these names. */
static const char *const out_cols[] = {
	"doc", "para", "sent", "start", "end", "text"
};

#define NOCOL	((size_t)-1)
#define NOUT	(sizeof(out_cols) / sizeof(out_cols[0]))

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hPV] [-F auto|text|tsv] [-i id] "
	    "[-p auto|blank|line] [file ...]\n", getprogname());
	if (code != 0)
		exit(code);
	fputs("Cut articles into sentences; write one TSV row per sentence:\n"
	    "doc, para, sent, start, end, text, then carried columns.\n\n"
	    "  -F, --format FMT      input format: auto (default), text or tsv\n"
	    "  -i, --id ID           document id for standard input (-)\n"
	    "  -P, --full-path       document id is the operand as given\n"
	    "  -p, --paragraphs MODE auto (default), blank (blank lines end\n"
	    "                        paragraphs, single newlines wrap) or line\n"
	    "                        (every line is a paragraph)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  Files\n"
	    "ending in .gz are decompressed.  See split-sentences(1).\n", fp);
	exit(0);
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Is this first line a documents TSV header (fields `doc` and `text`)? */
static int
is_doc_header(const char *line, size_t len)
{
	struct tsv_field *f = NULL;
	size_t cap = 0, n, i;
	int doc = 0, text = 0;
	char *copy;

	if (memchr(line, '\t', len) == NULL)
		return 0;
	copy = xstrndup(line, len);
	n = tsv_split(copy, strlen(copy), &f, &cap);
	for (i = 0; i < n; i++) {
		if (f[i].len == 3 && memcmp(f[i].p, "doc", 3) == 0)
			doc = 1;
		if (f[i].len == 4 && memcmp(f[i].p, "text", 4) == 0)
			text = 1;
	}
	free(f);
	free(copy);
	return doc && text;
}

static size_t
carry_find(const struct carry *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return i;
	return NOCOL;
}

/*
 * Check a documents TSV header and add its columns to the carried set.
 * Returns NULL, or a message (in buf) for a usage error: a missing doc or
 * text column, or a column that clashes with an output column.
 */
static const char *
carry_add(struct carry *c, const struct tsv_reader *r, char *buf,
    size_t bufsize)
{
	size_t i, k;
	const char *name;

	if (tsv_col(r, "doc") < 0 || tsv_col(r, "text") < 0) {
		snprintf(buf, bufsize, "missing column '%s'",
		    tsv_col(r, "doc") < 0 ? "doc" : "text");
		return buf;
	}
	for (i = 0; i < r->ncol; i++) {
		name = r->col[i].p;
		if (strcmp(name, "doc") == 0 || strcmp(name, "text") == 0)
			continue;
		for (k = 0; k < NOUT; k++) {
			if (strcmp(name, out_cols[k]) == 0) {
				snprintf(buf, bufsize, "column '%s' clashes "
				    "with an output column", name);
				return buf;
			}
		}
		if (carry_find(c, name) != NOCOL)
			continue;
		xgrow((void **)&c->name, &c->cap, c->n + 1, sizeof(*c->name));
		c->name[c->n++] = xstrdup(name);
	}
	return NULL;
}

static void
carry_free(struct carry *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->name[i]);
	free(c->name);
}

/* Free what the run holds (the writer is flushed by the caller). */
static void
run_free(struct run *run)
{
	carry_free(&run->carry);
	sbd_spans_free(&run->spans);
	free(run->art);
	free(run->id);
	free(run->map);
	free(run->w.buf);
	free(run->stdin_line);
	in_close(run->stdin_in);
}

/* Does this operand read as a documents TSV without looking inside? */
static int
named_tsv(const struct opts *o, const char *path)
{
	return o->fmt == FMT_TSV || (o->fmt == FMT_AUTO &&
	    (has_suffix(path, ".tsv") || has_suffix(path, ".tsv.gz")));
}

/* Decide from the name, or the first line, whether input is a docs TSV. */
static int
is_docs(const struct opts *o, const char *path, const char *line, ssize_t n)
{
	if (n <= 0 || o->fmt == FMT_TEXT)
		return 0;
	return named_tsv(o, path) || is_doc_header(line, (size_t)n);
}

/*
 * Before any output: read the headers of the documents TSV inputs to learn
 * the carried columns.  Files are opened again when their turn comes;
 * standard input can be read once only, so it stays open with its first
 * line kept.  Plain files are not looked at here; one that turns out to be
 * a documents TSV must not bring new columns (see map_columns).
 */
static void
scan_headers(struct run *run, char **argv, int argc)
{
	struct tsv_reader r;
	struct in *in;
	const char *bad = NULL;
	char *line = NULL, msg[160];
	size_t cap = 0;
	ssize_t n;
	int i, isstdin;

	for (i = 0; i < argc && bad == NULL; i++) {
		isstdin = strcmp(argv[i], "-") == 0;
		if (isstdin ? run->stdin_in != NULL || run->o->fmt == FMT_TEXT :
		    !named_tsv(run->o, argv[i]))
			continue;
		if ((in = in_open(argv[i])) == NULL)
			continue;	/* reported when its turn comes */
		n = getline(&line, &cap, in->fp);
		if (is_docs(run->o, argv[i], line, n)) {
			tsv_reader_open_header(&r, in->fp, argv[i], line,
			    (size_t)n);
			bad = carry_add(&run->carry, &r, msg, sizeof(msg));
			tsv_reader_free(&r);
		}
		if (isstdin && bad == NULL) {
			run->stdin_in = in;
			run->stdin_line = line;
			run->stdin_len = n;
			line = NULL;
			cap = 0;
		} else
			in_close(in);
	}
	free(line);
	if (bad != NULL) {
		run_free(run);
		errx(2, "%s: %s", argv[i - 1], bad);
	}
}

static void
put_header(struct run *run)
{
	size_t i;

	for (i = 0; i < NOUT; i++)
		tsv_field_str(&run->w, out_cols[i]);
	for (i = 0; i < run->carry.n; i++)
		tsv_field_str(&run->w, run->carry.name[i]);
	tsv_end(&run->w);
}

/*
 * Cut the article in run->art and write its rows.  row holds the raw
 * fields of a documents TSV record (NULL for a plain article).
 */
static void
emit_article(struct run *run, const char *name, unsigned long line,
    const struct tsv_field *row)
{
	const struct sbd_span *s;
	const char *nul;
	size_t i, k, bad;
	char where[32] = "";

	if (line > 0)
		snprintf(where, sizeof(where), ":%lu", line);
	if ((nul = memchr(run->art, '\0', run->artlen)) != NULL) {
		warnx("%s%s: NUL byte at offset %zu: not text, skipped", name,
		    where, (size_t)(nul - run->art));
		run->rval = 1;
		return;
	}
	if ((bad = utf8_invalid(run->art, run->artlen)) < run->artlen) {
		warnx("%s%s: invalid UTF-8 at offset %zu: bytes kept as read",
		    name, where, bad);
		run->rval = 1;
	}
	sbd_split(run->art, run->artlen, &run->o->sbd, &run->spans);
	for (i = 0; i < run->spans.n; i++) {
		s = &run->spans.v[i];
		tsv_field_str(&run->w, run->id);
		tsv_field_uint(&run->w, s->para);
		tsv_field_uint(&run->w, i + 1);
		tsv_field_uint(&run->w, s->start);
		tsv_field_uint(&run->w, s->end);
		tsv_field(&run->w, run->art + s->start, s->end - s->start);
		for (k = 0; k < run->carry.n; k++) {
			if (row != NULL && run->map[k] != NOCOL)
				tsv_field_raw(&run->w, row[run->map[k]].p,
				    row[run->map[k]].len);
			else
				tsv_field_raw(&run->w, "", 0);
		}
		tsv_end(&run->w);
	}
}

/* Map each carried column to this input's column; refuse unknown ones. */
static int
map_columns(struct run *run, const struct tsv_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncol; i++) {
		if (strcmp(r->col[i].p, "doc") == 0 ||
		    strcmp(r->col[i].p, "text") == 0)
			continue;
		if (carry_find(&run->carry, r->col[i].p) == NOCOL) {
			/* Only a file not scanned before any output. */
			warnx("%s: column '%s' is not in the output header "
			    "(give .tsv files their name, or -F tsv): skipped",
			    name, r->col[i].p);
			return -1;
		}
	}
	xgrow((void **)&run->map, &run->mapcap, run->carry.n + 1,
	    sizeof(*run->map));
	for (i = 0; i < run->carry.n; i++) {
		int c = tsv_col(r, run->carry.name[i]);

		run->map[i] = c < 0 ? NOCOL : (size_t)c;
	}
	return 0;
}

/* Read a documents TSV whose header line is already in hand. */
static void
read_docs(struct run *run, struct in *in, const char *head, size_t headlen)
{
	struct tsv_reader r;
	const struct tsv_field *f;
	int docc, textc, got = 0;

	tsv_reader_open_header(&r, in->fp, in->name, head, headlen);
	docc = tsv_col(&r, "doc");
	textc = tsv_col(&r, "text");
	if (docc < 0 || textc < 0 || map_columns(run, &r, in->name) == -1) {
		run->rval = 1;
		tsv_reader_free(&r);
		return;
	}
	/* A failed write stops the run: there is no point in cutting more. */
	while (run->w.err == 0 && (got = tsv_read(&r)) == 1) {
		f = r.f;
		xgrow((void **)&run->art, &run->artcap, f[textc].len + 1, 1);
		run->artlen = tsv_unescape(run->art, f[textc].p, f[textc].len);
		xgrow((void **)&run->id, &run->idcap, f[docc].len + 1, 1);
		run->id[tsv_unescape(run->id, f[docc].p, f[docc].len)] = '\0';
		emit_article(run, in->name, r.lineno, r.f);
	}
	if (got == -1) {
		if (ferror(in->fp))
			warnx("%s: %s", in->name, in_error(in));
		else
			warnx("%s:%lu: %s", in->name, r.lineno, r.err);
		run->rval = 1;
	}
	tsv_reader_free(&r);
}

/* Set run->id for a plain article read from path. */
static void
set_id(struct run *run, const char *path)
{
	const char *id = path;

	if (strcmp(path, "-") == 0 && run->o->id != NULL)
		id = run->o->id;
	xgrow((void **)&run->id, &run->idcap, strlen(id) + 1, 1);
	if (run->o->fullpath || strcmp(path, "-") == 0)
		strcpy(run->id, id);
	else
		in_basename_id(id, run->id);
}

/* Read a plain article whose first line is in hand, and cut it. */
static void
read_article(struct run *run, struct in *in, const char *line, ssize_t n)
{
	int bad;

	if (n < 0)
		n = 0;
	xgrow((void **)&run->art, &run->artcap, (size_t)n + 1, 1);
	memcpy(run->art, line, (size_t)n);
	run->artlen = (size_t)n;
	bad = ferror(in->fp) ||
	    in_slurp(in, &run->art, &run->artlen, &run->artcap) == -1;
	set_id(run, in->name);
	emit_article(run, in->name, 0, NULL);
	if (bad) {
		warnx("%s: %s", in->name, in_error(in));
		run->rval = 1;
	}
}

static void
do_file(struct run *run, const char *path)
{
	struct in *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (strcmp(path, "-") == 0 && run->stdin_in != NULL) {
		/* Opened by scan_headers, first line read. */
		in = run->stdin_in;
		line = run->stdin_line;
		n = run->stdin_len;
		run->stdin_in = NULL;
		run->stdin_line = NULL;
	} else if ((in = in_open(path)) == NULL) {
		warn("%s", path);
		run->rval = 1;
		return;
	} else
		n = getline(&line, &cap, in->fp);
	if (is_docs(run->o, path, line, n))
		read_docs(run, in, line, (size_t)n);
	else
		read_article(run, in, line, n);
	free(line);
	in_close(in);
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "format",	required_argument, NULL, 'F' },
		{ "full-path",	no_argument,	   NULL, 'P' },
		{ "version",	no_argument,	   NULL, 'V' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "id",		required_argument, NULL, 'i' },
		{ "paragraphs",	required_argument, NULL, 'p' },
		{ NULL,		0,		   NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "F:PVhi:p:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'F':
			if (strcmp(optarg, "auto") == 0)
				o->fmt = FMT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				o->fmt = FMT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				o->fmt = FMT_TSV;
			else {
				warnx("-F: unknown format '%s'", optarg);
				usage(2);
			}
			break;
		case 'P':
			o->fullpath = 1;
			break;
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'h':
			usage(0);
			break;
		case 'i':
			o->id = optarg;
			break;
		case 'p':
			if (strcmp(optarg, "auto") == 0)
				o->sbd.para = SBD_PARA_AUTO;
			else if (strcmp(optarg, "blank") == 0)
				o->sbd.para = SBD_PARA_BLANK;
			else if (strcmp(optarg, "line") == 0)
				o->sbd.para = SBD_PARA_LINE;
			else {
				warnx("-p: unknown paragraph mode '%s'", optarg);
				usage(2);
			}
			break;
		default:
			usage(2);
		}
	}
}

int
main(int argc, char *argv[])
{
	struct opts o = { .fmt = FMT_AUTO, .sbd = { .para = SBD_PARA_AUTO } };
	struct run run;
	char *dash[] = { "-", NULL };
	int i, bad, saved;

	parse_opts(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argv = dash;
		argc = 1;
	}
	memset(&run, 0, sizeof(run));
	run.o = &o;
	out_init();
	tsv_writer_init(&run.w, stdout);
	scan_headers(&run, argv, argc);
	put_header(&run);
	for (i = 0; i < argc && run.w.err == 0; i++)
		do_file(&run, argv[i]);
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	run_free(&run);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return run.rval;
}
