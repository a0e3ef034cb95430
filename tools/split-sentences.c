/*
 * split-sentences: cut news articles into sentences, one TSV row each.
 *
 * The articles come from docs_next() (plain or gzip files, one article
 * each; documents TSV files, one per record with carried columns; JSON
 * Lines, one per object; archives, one per regular file).  Each
 * is cut by sbd_split() and written as rows `doc para sent start end text`
 * followed by the carried columns; start and end are byte offsets into the
 * article as read, so the text can always be found again.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "output.h"
#include "progress.h"
#include "sbd.h"
#include "tsv.h"
#include "utf8.h"

struct opts {
	struct docs_opts docs;
	struct sbd_opts	 sbd;
	int		 progress;
};

/* What one run holds across articles. */
struct run {
	const struct opts *o;
	struct docs	   docs;
	struct tsv_writer  w;
	struct sbd_spans   spans;
	struct progress	   prog;
	int		   rval;
};

/* Long options without a short form. */
enum { OPT_PROGRESS = 256 };

/* The output columns; a carried column may not reuse these names. */
static const char *const out_cols[] = {
	"doc", "para", "sent", "start", "end", "text", NULL
};

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hPV] [-F format] [-i id] [-J role=member,...]"
	    "\n       [-p auto|blank|line] [--progress] [file ...]\n",
	    getprogname());
	if (code != 0)
		exit(code);
	fputs("Cut articles into sentences; write one TSV row per sentence:\n"
	    "doc, para, sent, start, end, text, then carried columns.\n\n"
	    "  -F, --format FMT      input format: auto (default), text, tsv,\n"
	    "                        jsonl or archive (tar, zip, ...)\n"
	    "  -i, --id ID           document id for standard input (-)\n"
	    "  -J, --json-fields MAP JSON Lines members per role, e.g.\n"
	    "                        id=uid,text=body,url= (roles: id, text,\n"
	    "                        title, source, date, url; empty: unread)\n"
	    "  -P, --full-path       document id is the operand as given\n"
	    "  -p, --paragraphs MODE auto (default), blank (blank lines end\n"
	    "                        paragraphs, single newlines wrap) or line\n"
	    "                        (every line is a paragraph)\n"
	    "      --progress        articles, MB and rates on stderr, each second\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  Files\n"
	    "ending in .gz are decompressed.  See split-sentences(1) and\n"
	    "crossread-input(5).\n", fp);
	exit(0);
}

static void
put_header(struct run *run)
{
	size_t i;

	for (i = 0; out_cols[i] != NULL; i++)
		tsv_field_str(&run->w, out_cols[i]);
	for (i = 0; i < run->docs.ncarry; i++)
		tsv_field_str(&run->w, run->docs.carry[i]);
	tsv_end(&run->w);
}

/*
 * Refuse an article that is not text (a NUL byte); warn of invalid UTF-8,
 * which is written as read so the offsets hold.  Returns 0 to go on.
 */
static int
check_text(struct run *run, const struct doc *doc)
{
	const char *nul;
	char where[320] = "";
	size_t bad;

	if (doc->member != NULL)
		snprintf(where, sizeof(where), ": %s", doc->member);
	else if (doc->line > 0)
		snprintf(where, sizeof(where), ":%lu", doc->line);
	if ((nul = memchr(doc->text, '\0', doc->len)) != NULL) {
		warnx("%s%s: NUL byte at offset %zu: not text, skipped",
		    doc->file, where, (size_t)(nul - doc->text));
		run->rval = 1;
		return -1;
	}
	if ((bad = utf8_invalid(doc->text, doc->len)) < doc->len) {
		warnx("%s%s: invalid UTF-8 at offset %zu: bytes kept as read",
		    doc->file, where, bad);
		run->rval = 1;
	}
	return 0;
}

/* Cut one article and write its rows. */
static void
emit_article(struct run *run, const struct doc *doc)
{
	const struct sbd_span *s;
	size_t i, k;

	if (check_text(run, doc) == -1)
		return;
	sbd_split(doc->text, doc->len, &run->o->sbd, &run->spans);
	for (i = 0; i < run->spans.n; i++) {
		s = &run->spans.v[i];
		tsv_field_str(&run->w, doc->id);
		tsv_field_uint(&run->w, s->para);
		tsv_field_uint(&run->w, i + 1);
		tsv_field_uint(&run->w, s->start);
		tsv_field_uint(&run->w, s->end);
		tsv_field(&run->w, doc->text + s->start, s->end - s->start);
		for (k = 0; k < run->docs.ncarry; k++) {
			if (doc->carry != NULL)
				tsv_field_raw(&run->w, doc->carry[k].p,
				    doc->carry[k].len);
			else
				tsv_field_raw(&run->w, "", 0);
		}
		tsv_end(&run->w);
	}
}

static enum docs_fmt
parse_format(const char *arg)
{
	if (strcmp(arg, "auto") == 0)
		return DOCS_AUTO;
	if (strcmp(arg, "text") == 0)
		return DOCS_TEXT;
	if (strcmp(arg, "tsv") == 0)
		return DOCS_TSV;
	if (strcmp(arg, "jsonl") == 0)
		return DOCS_JSONL;
	if (strcmp(arg, "archive") == 0 || strcmp(arg, "tar") == 0)
		return DOCS_ARCHIVE;
	warnx("-F: unknown format '%s'", arg);
	usage(2);
	return DOCS_AUTO;
}

static enum sbd_para
parse_para(const char *arg)
{
	if (strcmp(arg, "auto") == 0)
		return SBD_PARA_AUTO;
	if (strcmp(arg, "blank") == 0)
		return SBD_PARA_BLANK;
	if (strcmp(arg, "line") == 0)
		return SBD_PARA_LINE;
	warnx("-p: unknown paragraph mode '%s'", arg);
	usage(2);
	return SBD_PARA_AUTO;
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
		{ "json-fields", required_argument, NULL, 'J' },
		{ "paragraphs",	required_argument, NULL, 'p' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ NULL,		0,		   NULL, 0 }
	};
	const char *msg;
	int ch;

	while ((ch = getopt_long(argc, argv, "F:J:PVhi:p:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'F':
			o->docs.fmt = parse_format(optarg);
			break;
		case 'J':
			if (docs_parse_fields(&o->docs, optarg, &msg) == -1) {
				warnx("-J: %s", msg);
				usage(2);
			}
			break;
		case 'P':
			o->docs.fullpath = 1;
			break;
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'h':
			usage(0);
			break;
		case 'i':
			o->docs.stdin_id = optarg;
			break;
		case 'p':
			o->sbd.para = parse_para(optarg);
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		default:
			usage(2);
		}
	}
}

/* Cut every article; stop early only when the output fails. */
static void
run_all(struct run *run)
{
	struct doc doc;
	int got;

	progress_init(&run->prog, run->o->progress);
	while (run->w.err == 0 && (got = docs_next(&run->docs, &doc)) != 0) {
		if (got == -1) {
			warnx("%s", run->docs.err);
			run->rval = 1;
		} else {
			emit_article(run, &doc);
			progress_add(&run->prog, 1, doc.len);
		}
	}
	progress_end(&run->prog);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .docs = { .fmt = DOCS_AUTO, .reserved = out_cols },
	    .sbd = { .para = SBD_PARA_AUTO } };
	struct run run;
	char *dash[] = { "-", NULL };
	int bad, saved;

	parse_opts(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argv = dash;
		argc = 1;
	}
	memset(&run, 0, sizeof(run));
	run.o = &o;
	if (docs_open(&run.docs, &o.docs, argv, argc) == -1) {
		warnx("%s", run.docs.err);
		docs_close(&run.docs);
		return 2;
	}
	out_init();
	tsv_writer_init(&run.w, stdout);
	put_header(&run);
	run_all(&run);
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	docs_close(&run.docs);
	sbd_spans_free(&run.spans);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return run.rval;
}
