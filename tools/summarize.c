/*
 * summarize: a short summary of each story that prefers what independent
 * sources agree on, says who backs each sentence and notes where sources
 * disagree.
 *
 * Reads sentence rows (align-claims output, or split-sentences output
 * straight), gathers them one story at a time (common/story.h), lets
 * common/summ.c choose, clean and order the sentences within the budget,
 * and writes rows `rank claim support sources doc sent text conflict`
 * followed by the other input columns, or the summary as text or Markdown.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "output.h"
#include "progress.h"
#include "story.h"
#include "summ_rows.h"
#include "tsv.h"
#include "xalloc.h"

enum fmt { FMT_TSV, FMT_TEXT, FMT_MARKDOWN };

struct opts {
	struct summ_opts summ;
	enum fmt	 fmt;
	int		 progress;
};

/* The columns written first, in this order. */
static const char *const out_cols[] = {
	"rank", "claim", "support", "sources", "doc", "sent", "text",
	"conflict", NULL
};

struct run {
	const struct opts *o;
	const char	*name;
	struct tsv_reader r;
	struct tsv_writer w;
	struct summ_rows rows;
	struct progress	 prog;
	int		 story;		/* has a story column */
	int		*pass;		/* input columns passed through */
	size_t		 npass;
	unsigned long	 nstory;
};

enum { OPT_PROGRESS = 256 };

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hV] [-b bytes] [-f tsv|text|markdown] "
	    "[-m auto|ilp|greedy] [-n sentences]\n"
	    "                 [-w words] [--progress] [file ...]\n",
	    getprogname());
	if (code != 0)
		exit(code);
	fputs("Summarise each story of sentence rows within a budget,\n"
	    "preferring what many sources say; write rank, claim, support,\n"
	    "sources, doc, sent, text, conflict, then the other columns.\n\n"
	    "  -b, --bytes N         at most N bytes of text (sentences\n"
	    "                        joined by one space)\n"
	    "  -f, --format FMT      tsv (default), text or markdown\n"
	    "  -m, --method M        auto (default: ilp for stories of at\n"
	    "                        most 1000 sentences, greedy above),\n"
	    "                        ilp (exact) or greedy\n"
	    "  -n, --sentences N     at most N sentences\n"
	    "  -w, --words N         at most N words (default 100 when no\n"
	    "                        budget is given)\n"
	    "      --progress        articles, MB and rates on stderr, each\n"
	    "                        second\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  Files\n"
	    "ending in .gz are decompressed.  See summarize(1).\n", fp);
	exit(0);
}

static void
put_header(struct run *run)
{
	size_t i;

	for (i = 0; out_cols[i] != NULL; i++)
		tsv_field_str(&run->w, out_cols[i]);
	for (i = 0; i < run->npass; i++)
		tsv_field(&run->w, run->r.col[run->pass[i]].p,
		    run->r.col[run->pass[i]].len);
	tsv_end(&run->w);
}

static void
emit_tsv(struct run *run, const struct story *st,
    const struct summ_pick *p, const struct summ_line *l, size_t np)
{
	const struct story_row *row;
	size_t i, k, len;
	const char *f;
	char id[32];
	int c;

	for (i = 0; i < np; i++) {
		row = &st->rows[p[i].id];
		tsv_field_uint(&run->w, i + 1);
		f = summ_rows_field(&run->rows, row,
		    run->rows.col[SUMM_COL_CLAIM], &len);
		snprintf(id, sizeof(id), "%zu", p[i].id + 1);
		tsv_field(&run->w, len > 0 ? f : id, len > 0 ? len :
		    strlen(id));
		tsv_field_uint(&run->w, l[i].support);
		tsv_field_str(&run->w, l[i].sources);
		for (k = SUMM_COL_DOC; k <= SUMM_COL_SENT; k++) {
			c = run->rows.col[k];
			tsv_field_raw(&run->w, c >= 0 ? row->f[c].p : "",
			    c >= 0 ? row->f[c].len : 0);
		}
		tsv_field(&run->w, l[i].text, l[i].len);
		tsv_field_str(&run->w, l[i].conflict);
		for (k = 0; k < run->npass; k++)
			tsv_field_raw(&run->w, row->f[run->pass[k]].p,
			    row->f[run->pass[k]].len);
		tsv_end(&run->w);
	}
}

/* Summarise story st and write it; 0, or -1 after a data error. */
static int
emit(struct run *run, const struct story *st)
{
	const struct summ_pick *p;
	struct summ_line *l;
	long np;

	if ((np = summ_rows_run(&run->rows, st, &run->o->summ, &p,
	    &l)) == -1) {
		warnx("%s:%s", run->name, run->rows.err);
		return -1;
	}
	if (run->o->fmt == FMT_TSV)
		emit_tsv(run, st, p, l, (size_t)np);
	else if (tsv_writer_flush(&run->w) == 0 &&
	    summ_fmt_write(stdout, run->o->fmt == FMT_TEXT ? SUMM_FMT_TEXT :
	    SUMM_FMT_MARKDOWN, run->story ? st->name : NULL,
	    run->nstory == 0, l, (size_t)np) == -1)
		run->w.err = errno ? errno : EIO;
	run->nstory++;
	summ_rows_lines_free(l, (size_t)np);
	return 0;
}

static void
warn_cb(void *arg, const char *msg)
{
	(void)arg;
	warnx("%s", msg);
}

/* Check the columns of the input just opened; -1 when one is missing. */
static int
columns(struct run *run, int first)
{
	size_t i, k;

	if (summ_rows_columns(&run->rows, &run->r) == -1) {
		warnx("%s: %s", run->name, run->rows.err);
		return -1;
	}
	run->story = tsv_col(&run->r, "story") >= 0;
	if (!first || run->pass != NULL)
		return 0;
	run->pass = xcalloc(run->r.ncol + 1, sizeof(*run->pass));
	for (i = 0; i < run->r.ncol; i++) {
		for (k = 0; out_cols[k] != NULL; k++)
			if (strcmp(run->r.col[i].p, out_cols[k]) == 0)
				break;
		if (out_cols[k] == NULL)
			run->pass[run->npass++] = (int)i;
	}
	return 0;
}

/* Summarise every story of one operand; 0, 1 after a data error, 2 for
 * a missing column. */
static int
do_file(struct run *run, const char *path, char **head0, int *first)
{
	struct story_reader *sr;
	struct story st = { 0 };
	struct in *in;
	int got = 0, rval = 0;

	if ((in = in_open(path)) == NULL) {
		warn("%s", path);
		return 1;
	}
	run->name = path;
	if (tsv_reader_open(&run->r, in->fp, path) == -1) {
		if ((rval = ferror(in->fp) != 0))
			warnx("%s: %s", path, in_error(in));
		tsv_reader_free(&run->r);
		in_close(in);
		return rval;
	}
	if (columns(run, *first) == -1) {
		tsv_reader_free(&run->r);
		in_close(in);
		return 2;
	}
	if (*first) {
		if ((*head0 = strdup(run->r.head)) == NULL)
			err(1, NULL);
		if (run->o->fmt == FMT_TSV)
			put_header(run);
		*first = 0;
	} else if (strcmp(*head0, run->r.head) != 0) {
		warnx("%s:1: columns differ from the first input's", path);
		tsv_reader_free(&run->r);
		in_close(in);
		return 1;
	}
	sr = story_reader_new(&run->r, "story", warn_cb, NULL);
	while (run->w.err == 0 && (got = story_next(sr, &st)) == 1) {
		if (emit(run, &st) == -1) {
			rval = 1;
			break;
		}
		progress_add(&run->prog, story_docs(&st,
		    run->rows.col[SUMM_COL_DOC]), story_bytes(&st));
	}
	if (got == -1) {
		warnx("%s", ferror(in->fp) ? in_error(in) : run->r.err);
		rval = 1;
	}
	story_free(&st);
	story_reader_free(sr);
	tsv_reader_free(&run->r);
	in_close(in);
	return rval;
}

static long
number(const char *opt, const char *arg)
{
	const char *errstr;
	long n;

	n = (long)strtonum(arg, 1, 100000000, &errstr);
	if (errstr != NULL) {
		warnx("%s %s: %s", opt, arg, errstr);
		usage(2);
	}
	return n;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "version",	no_argument,	   NULL, 'V' },
		{ "bytes",	required_argument, NULL, 'b' },
		{ "format",	required_argument, NULL, 'f' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "method",	required_argument, NULL, 'm' },
		{ "sentences",	required_argument, NULL, 'n' },
		{ "words",	required_argument, NULL, 'w' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ NULL,		0,		   NULL, 0 }
	};
	int ch, budget = 0;

	o->summ.words = 0;
	while ((ch = getopt_long(argc, argv, "Vb:f:hm:n:w:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'b':
			o->summ.bytes = number("-b", optarg);
			budget = 1;
			break;
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				o->fmt = FMT_TSV;
			else if (strcmp(optarg, "text") == 0)
				o->fmt = FMT_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				o->fmt = FMT_MARKDOWN;
			else {
				warnx("-f: unknown format '%s'", optarg);
				usage(2);
			}
			break;
		case 'h':
			usage(0);
			break;
		case 'm':
			if (strcmp(optarg, "auto") == 0)
				o->summ.method = SUMM_AUTO;
			else if (strcmp(optarg, "ilp") == 0)
				o->summ.method = SUMM_ILP;
			else if (strcmp(optarg, "greedy") == 0)
				o->summ.method = SUMM_GREEDY;
			else {
				warnx("-m: unknown method '%s'", optarg);
				usage(2);
			}
			break;
		case 'n':
			o->summ.sents = number("-n", optarg);
			budget = 1;
			break;
		case 'w':
			o->summ.words = number("-w", optarg);
			budget = 1;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		default:
			usage(2);
		}
	}
	if (!budget)
		o->summ.words = 100;
}

int
main(int argc, char *argv[])
{
	struct opts o = { .fmt = FMT_TSV };
	struct run run;
	char *dash[] = { "-", NULL }, *head0 = NULL;
	int i, first = 1, rval = 0, bad, saved;

	summ_opts_default(&o.summ);
	parse_opts(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argv = dash;
		argc = 1;
	}
	memset(&run, 0, sizeof(run));
	run.o = &o;
	if (summ_rows_init(&run.rows) == -1)
		errx(1, "libstemmer has no English stemmer");
	out_init();
	tsv_writer_init(&run.w, stdout);
	progress_init(&run.prog, o.progress);
	for (i = 0; i < argc && run.w.err == 0 && rval != 2; i++)
		if ((bad = do_file(&run, argv[i], &head0, &first)) > rval)
			rval = bad;
	if (rval != 2)
		progress_end(&run.prog);
	if (first && o.fmt == FMT_TSV && rval != 2) {	/* no header read */
		for (i = 0; out_cols[i] != NULL; i++)
			tsv_field_str(&run.w, out_cols[i]);
		tsv_end(&run.w);
	}
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	summ_rows_free(&run.rows);
	free(run.pass);
	free(head0);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return rval;
}
