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

#include "hash.h"
#include "input.h"
#include "output.h"
#include "story.h"
#include "summ.h"
#include "tsv.h"

enum fmt { FMT_TSV, FMT_TEXT, FMT_MARKDOWN };

struct opts {
	struct summ_opts summ;
	enum fmt	 fmt;
};

/* The input columns summarize reads; -1 when absent. */
enum { C_TEXT, C_DOC, C_SENT, C_STORY, C_CLAIM, C_SUPPORT, C_SOURCES,
	C_CONFLICT, C_SOURCE, NCOLS };
static const char *const col_names[NCOLS] = {
	"text", "doc", "sent", "story", "claim", "support", "sources",
	"conflict", "source"
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
	struct summ	*summ;
	int		 col[NCOLS];
	int		*pass;		/* input columns passed through */
	size_t		 npass;
	struct smap	*units, *claims;
	char		*scratch;	/* unescaped fields */
	size_t		 scap;
	unsigned long	 nstory;
};

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hV] [-b bytes] [-f tsv|text|markdown] "
	    "[-m ilp|greedy] [-n sentences]\n"
	    "                 [-w words] [file ...]\n", getprogname());
	if (code != 0)
		exit(code);
	fputs("Summarise each story of sentence rows within a budget,\n"
	    "preferring what many sources say; write rank, claim, support,\n"
	    "sources, doc, sent, text, conflict, then the other columns.\n\n"
	    "  -b, --bytes N         at most N bytes of text (sentences\n"
	    "                        joined by one space)\n"
	    "  -f, --format FMT      tsv (default), text or markdown\n"
	    "  -m, --method M        ilp (exact, default) or greedy\n"
	    "  -n, --sentences N     at most N sentences\n"
	    "  -w, --words N         at most N words (default 100 when no\n"
	    "                        budget is given)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  Files\n"
	    "ending in .gz are decompressed.  See summarize(1).\n", fp);
	exit(0);
}

/* Field k of row, unescaped into a scratch copy (NUL-terminated). */
static char *
field(struct run *run, const struct story_row *row, int k, size_t *len)
{
	static const char empty[] = "";
	size_t n;

	if (k < 0) {
		*len = 0;
		return (char *)empty;
	}
	n = row->f[k].len;
	if (n + 1 > run->scap) {
		run->scap = 2 * n + 64;
		if ((run->scratch = realloc(run->scratch, run->scap)) == NULL)
			err(1, NULL);
	}
	*len = tsv_unescape(run->scratch, row->f[k].p, n);
	run->scratch[*len] = '\0';
	return run->scratch;
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

/* Add the rows of st to the summariser; 0, or -1 after a data error. */
static int
load(struct run *run, const struct story *st)
{
	const struct story_row *row;
	size_t i, len, *npos = NULL, cap = 0, u;
	const char *errstr;
	unsigned pos, support;
	long claim;
	char *f;

	summ_clear(run->summ);
	smap_free(run->units);
	smap_free(run->claims);
	run->units = smap_new();
	run->claims = smap_new();
	for (i = 0; i < st->n; i++) {
		row = &st->rows[i];
		f = field(run, row, run->col[C_SOURCE], &len);
		if (len == 0)
			f = field(run, row, run->col[C_DOC], &len);
		u = smap_put(run->units, f, len, NULL);
		if (u >= cap) {
			cap = 2 * u + 16;
			npos = realloc(npos, cap * sizeof(*npos));
			if (npos == NULL)
				err(1, NULL);
			memset(npos + u, 0, (cap - u) * sizeof(*npos));
		}
		pos = (unsigned)++npos[u];
		f = field(run, row, run->col[C_SENT], &len);
		if (len > 0) {
			pos = (unsigned)strtonum(f, 1, 1000000000, &errstr);
			if (errstr != NULL)
				goto bad_sent;
		}
		claim = -1;
		f = field(run, row, run->col[C_CLAIM], &len);
		if (len > 0)
			claim = (long)smap_put(run->claims, f, len, NULL);
		support = 0;
		f = field(run, row, run->col[C_SUPPORT], &len);
		if (len > 0) {
			support = (unsigned)strtonum(f, 1, 1000000000, &errstr);
			if (errstr != NULL)
				goto bad_support;
		}
		f = field(run, row, run->col[C_TEXT], &len);
		summ_add(run->summ, f, len, u, pos, claim, support);
	}
	free(npos);
	return 0;
bad_sent:
	warnx("%s:%lu: sent '%s': %s", run->name, row->lineno, f, errstr);
	free(npos);
	return -1;
bad_support:
	warnx("%s:%lu: support '%s': %s", run->name, row->lineno, f, errstr);
	free(npos);
	return -1;
}

/* The sources of pick p: the input's `sources`, else the estimate. */
static void
put_sources(struct run *run, const struct summ_pick *p,
    const struct story_row *row, FILE *fp)
{
	size_t i, len;
	const char *k;

	if (run->col[C_SOURCES] >= 0) {
		k = field(run, row, run->col[C_SOURCES], &len);
		if (fp != NULL) {
			for (i = 0; i < len; i++) {
				fputc(k[i], fp);
				if (k[i] == ',' && k[i + 1] != ' ')
					fputc(' ', fp);
			}
		} else
			tsv_field(&run->w, k, len);
		return;
	}
	if (fp == NULL) {
		char *buf = NULL;
		size_t blen = 0;
		FILE *mem = open_memstream(&buf, &blen);

		if (mem == NULL)
			err(1, NULL);
		put_sources(run, p, row, mem);
		fclose(mem);
		tsv_field(&run->w, buf, blen);
		free(buf);
		return;
	}
	for (i = 0; i < p->nsrcs; i++) {
		k = smap_key(run->units, p->srcs[i], &len);
		fprintf(fp, "%s%s", i == 0 ? "" : fp == stdout ? ", " : ",",
		    k);
	}
}

/* The conflict of pick p: its row's, else another row's of its claim
 * (NUL-terminated, in the scratch buffer, valid until the next field). */
static const char *
conflict(struct run *run, const struct story *st, size_t id, size_t *len)
{
	char *mine;
	const char *f;
	size_t i, n, hit = st->n;

	f = field(run, &st->rows[id], run->col[C_CONFLICT], len);
	if (*len > 0 || run->col[C_CLAIM] < 0)
		return f;
	mine = strdup(field(run, &st->rows[id], run->col[C_CLAIM], &n));
	if (mine == NULL)
		err(1, NULL);
	for (i = 0; i < st->n && n > 0 && hit == st->n; i++) {
		if (strcmp(field(run, &st->rows[i], run->col[C_CLAIM], len),
		    mine) == 0 &&
		    (field(run, &st->rows[i], run->col[C_CONFLICT], len),
		    *len > 0))
			hit = i;
	}
	free(mine);
	if (hit == st->n) {
		*len = 0;
		return "";
	}
	return field(run, &st->rows[hit], run->col[C_CONFLICT], len);
}

static void
emit_tsv(struct run *run, const struct story *st,
    const struct summ_pick *p, size_t np)
{
	const struct story_row *row;
	size_t i, k, len;
	const char *f;

	for (i = 0; i < np; i++) {
		row = &st->rows[p[i].id];
		tsv_field_uint(&run->w, i + 1);
		f = field(run, row, run->col[C_CLAIM], &len);
		if (len > 0)
			tsv_field(&run->w, f, len);
		else {
			char id[32];

			snprintf(id, sizeof(id), "%zu", p[i].id + 1);
			tsv_field_str(&run->w, id);
		}
		tsv_field_uint(&run->w, p[i].support);
		put_sources(run, &p[i], row, NULL);
		for (k = C_DOC; k <= C_SENT; k++) {
			if (run->col[k] >= 0)
				tsv_field_raw(&run->w, row->f[run->col[k]].p,
				    row->f[run->col[k]].len);
			else
				tsv_field_raw(&run->w, "", 0);
		}
		tsv_field(&run->w, p[i].text, p[i].len);
		f = conflict(run, st, p[i].id, &len);
		tsv_field(&run->w, f, len);
		for (k = 0; k < run->npass; k++)
			tsv_field_raw(&run->w, row->f[run->pass[k]].p,
			    row->f[run->pass[k]].len);
		tsv_end(&run->w);
	}
}

/* Write s[0..len) for people: line breaks and tabs as spaces; in
 * Markdown, the characters that would format text escaped. */
static void
put_human(const char *s, size_t len, int md)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
			putchar(' ');
		else {
			if (md && strchr("\\`*_[]<>#|", s[i]) != NULL)
				putchar('\\');
			putchar(s[i]);
		}
	}
}

/* -f text and -f markdown: numbered sentences with their sources, then
 * the conflicts, each once, as notes. */
static void
emit_human(struct run *run, const struct story *st,
    const struct summ_pick *p, size_t np)
{
	int md = run->o->fmt == FMT_MARKDOWN;
	char **seen;
	size_t i, j, len, nseen = 0;
	const char *f;

	if (tsv_writer_flush(&run->w) == -1)
		return;
	if (run->nstory > 1)
		putchar('\n');
	if (run->col[C_STORY] >= 0) {
		fputs(md ? "## " : "Story: ", stdout);
		put_human(st->name, strlen(st->name), md);
		fputs(md ? "\n\n" : "\n", stdout);
	}
	if (np == 0)
		puts(md ? "*No sentence fits the budget.*" :
		    "(no sentence fits the budget)");
	for (i = 0; i < np; i++) {
		printf("%zu. ", i + 1);
		put_human(p[i].text, p[i].len, md);
		printf(md ? " *(%u source%s: " : " [%u source%s: ",
		    p[i].support, p[i].support == 1 ? "" : "s");
		put_sources(run, &p[i], &st->rows[p[i].id], stdout);
		puts(md ? ")*" : "]");
	}
	if ((seen = calloc(np + 1, sizeof(*seen))) == NULL)
		err(1, NULL);
	for (i = 0; i < np; i++) {
		f = conflict(run, st, p[i].id, &len);
		for (j = 0; j < nseen && len > 0; j++)
			if (strcmp(seen[j], f) == 0)
				break;
		if (len == 0 || j < nseen)
			continue;
		if ((seen[nseen++] = strdup(f)) == NULL)
			err(1, NULL);
		fputs(md ? "\n> **Sources disagree:** " :
		    "Note: sources disagree: ", stdout);
		put_human(f, len, md);
		putchar('\n');
	}
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
}

static void
warn_cb(void *arg, const char *msg)
{
	(void)arg;
	warnx("%s", msg);
}

/* Check the columns of the input just opened; exit 2 on a missing one. */
static void
columns(struct run *run, int first)
{
	size_t i, k;

	for (i = 0; i < NCOLS; i++)
		run->col[i] = tsv_col(&run->r, col_names[i]);
	if (run->col[C_TEXT] < 0 || run->col[C_DOC] < 0)
		errx(2, "%s: missing column '%s'", run->name,
		    run->col[C_TEXT] < 0 ? "text" : "doc");
	if (!first)
		return;
	run->pass = calloc(run->r.ncol + 1, sizeof(*run->pass));
	if (run->pass == NULL)
		err(1, NULL);
	for (i = 0; i < run->r.ncol; i++) {
		for (k = 0; out_cols[k] != NULL; k++)
			if (strcmp(run->r.col[i].p, out_cols[k]) == 0)
				break;
		if (out_cols[k] == NULL)
			run->pass[run->npass++] = (int)i;
	}
}

/* Summarise every story of one operand; 0, or 1 after a data error. */
static int
do_file(struct run *run, const char *path, char **head0, int *first)
{
	struct story_reader *sr;
	struct story st = { 0 };
	const struct summ_pick *p;
	struct in *in;
	size_t np;
	int got, rval = 0;

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
	columns(run, *first);
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
		if (load(run, &st) == -1) {
			rval = 1;
			break;
		}
		np = summ_run(run->summ, &run->o->summ, &p);
		run->nstory++;
		if (run->o->fmt == FMT_TSV)
			emit_tsv(run, &st, p, np);
		else
			emit_human(run, &st, p, np);
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
			if (strcmp(optarg, "ilp") == 0)
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
	if ((run.summ = summ_new()) == NULL)
		errx(1, "libstemmer has no English stemmer");
	out_init();
	tsv_writer_init(&run.w, stdout);
	for (i = 0; i < argc && run.w.err == 0; i++)
		rval |= do_file(&run, argv[i], &head0, &first);
	if (first && o.fmt == FMT_TSV) {	/* no input had a header */
		for (i = 0; out_cols[i] != NULL; i++)
			tsv_field_str(&run.w, out_cols[i]);
		tsv_end(&run.w);
	}
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	summ_free(run.summ);
	smap_free(run.units);
	smap_free(run.claims);
	free(run.scratch);
	free(run.pass);
	free(head0);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return rval;
}
