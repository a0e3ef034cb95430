/*
 * tag-entities: add the named entities, dates and amounts of each sentence
 * row, with keys that link mentions of one thing across a story.
 *
 * Reads crossread-tsv(5) sentence rows (a `text` column; `doc`, `date` and
 * `story` when present) and writes them back with an `entities` column
 * (ent.h encoding), or with --mentions one row per mention.  Rows are
 * gathered one story at a time (story.h): by `story` when the input has
 * it, else by `doc`, so keys link within a story, or within an article
 * when there is no `story` column.  The work is nertag_story()'s.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "ent.h"
#include "input.h"
#include "ner.h"
#include "nergaz.h"
#include "nertag.h"
#include "output.h"
#include "progress.h"
#include "story.h"
#include "tsv.h"
#include "utf8.h"
#include "xalloc.h"

struct opts {
	int		 mentions;
	const char	*model;		/* NULL: data_find("ner.model") */
	const char	*gazetteer;	/* NULL: data_find("gazetteer.tsv") */
	int		 progress;
};

/* Columns of the input, -1 when absent. */
struct cols {
	int		 text, doc, sent, date;
};

/* What one run holds. */
struct run {
	const struct opts *o;
	struct ner_model *model;
	struct nergaz	*gaz;
	struct nertag	*tagger;
	struct tsv_writer w;
	struct story	 story;
	struct progress	 prog;
	struct nertag_sent *sents;
	size_t		 sentcap;
	char		*buf;		/* unescaped fields of the story */
	size_t		 buflen, bufcap;
	struct nertag_out out;
	struct ent_list	 ents;
	char		*field;
	size_t		 fieldcap;
	int		 headed;	/* the output header is written */
	int		 usage;		/* a usage error: stop, exit 2 */
	int		 rval;
};

/* Columns --mentions writes first; input columns by these names go. */
static const char *const mention_cols[] = {
	"doc", "sent", "start", "end", "type", "key", "text", NULL
};

enum { OPT_PROGRESS = 256 };

static void
usage_line(FILE *fp)
{
	fprintf(fp, "usage: %s [-hmV] [-g gazetteer] [-M model] [--progress] "
	    "[file ...]\n",
	    getprogname());
}

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	usage_line(fp);
	if (code != 0)
		exit(code);
	fputs("Add the named entities, dates and amounts of each sentence\n"
	    "row as an entities column (start:end:TYPE:key|...).\n\n"
	    "  -g, --gazetteer FILE  gazetteer (default: gazetteer.tsv in\n"
	    "                        the data directory)\n"
	    "  -M, --model FILE      tagger model (default: ner.model in the\n"
	    "                        data directory)\n"
	    "  -m, --mentions        one row per mention: doc, sent, start,\n"
	    "                        end, type, key, text, then carried\n"
	    "                        columns\n"
	    "      --progress        articles, MB and rates on stderr, each\n"
	    "                        second\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  Files\n"
	    "ending in .gz are decompressed.  See tag-entities(1).\n", fp);
	exit(0);
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "model",	required_argument, NULL, 'M' },
		{ "version",	no_argument,	   NULL, 'V' },
		{ "gazetteer",	required_argument, NULL, 'g' },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "mentions",	no_argument,	   NULL, 'm' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ NULL,		0,		   NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "M:Vg:hm", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'M':
			o->model = optarg;
			break;
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'g':
			o->gazetteer = optarg;
			break;
		case 'h':
			usage(0);
			break;
		case 'm':
			o->mentions = 1;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		default:
			usage(2);
		}
	}
}

/* Load the model and the gazetteer; exit 1 when either is missing. */
static void
load(struct run *run)
{
	char *path, e[512];

	if ((path = run->o->model != NULL ? xstrdup(run->o->model) :
	    data_find("ner.model")) == NULL)
		errx(1, "ner.model not found (set CROSSREAD_DATA)");
	if ((run->model = ner_model_load(path, e, sizeof(e))) == NULL)
		errx(1, "%s", e);
	free(path);
	if ((path = run->o->gazetteer != NULL ? xstrdup(run->o->gazetteer) :
	    data_find("gazetteer.tsv")) == NULL)
		errx(1, "gazetteer.tsv not found (set CROSSREAD_DATA)");
	if ((run->gaz = nergaz_load(path, e, sizeof(e))) == NULL)
		errx(1, "%s", e);
	free(path);
	run->tagger = nertag_new(run->model, run->gaz);
}

static int
is_mention_col(const char *name)
{
	size_t i;

	for (i = 0; mention_cols[i] != NULL; i++)
		if (strcmp(name, mention_cols[i]) == 0)
			return 1;
	return 0;
}

static void
put_header(struct run *run, const struct tsv_reader *r)
{
	size_t i;

	if (run->o->mentions)
		for (i = 0; mention_cols[i] != NULL; i++)
			tsv_field_str(&run->w, mention_cols[i]);
	for (i = 0; i < r->ncol; i++)
		if (!run->o->mentions || !is_mention_col(r->col[i].p))
			tsv_field(&run->w, r->col[i].p, r->col[i].len);
	if (!run->o->mentions)
		tsv_field_str(&run->w, "entities");
	tsv_end(&run->w);
}

/* A copy of raw field f, unescaped, in run->buf: off[0] and len off[1]. */
static void
keep(struct run *run, const struct tsv_field *f, size_t *off)
{
	off[0] = run->buflen;
	xgrow((void **)&run->buf, &run->bufcap, run->buflen + f->len + 1, 1);
	off[1] = tsv_unescape(run->buf + off[0], f->p, f->len);
	run->buflen += off[1];
	run->buf[run->buflen++] = '\0';
}

/* The sentences of the story, unescaped; warn of invalid UTF-8. */
static void
gather(struct run *run, const struct tsv_reader *r, const struct cols *c)
{
	struct nertag_sent *s;
	size_t i, *off = xcalloc(6 * run->story.n + 1, sizeof(*off)), bad;
	const int col[3] = { c->text, c->doc, c->date };
	int k;

	run->buflen = 0;
	xgrow((void **)&run->sents, &run->sentcap, run->story.n + 1,
	    sizeof(*run->sents));
	for (i = 0; i < run->story.n; i++)
		for (k = 0; k < 3; k++)
			if (col[k] >= 0)
				keep(run, &run->story.rows[i].f[col[k]],
				    off + 6 * i + 2 * k);
	for (i = 0; i < run->story.n; i++) {
		s = &run->sents[i];
		s->text = run->buf + off[6 * i];
		s->len = off[6 * i + 1];
		s->doc = run->buf + off[6 * i + 2];
		s->doclen = off[6 * i + 3];
		s->date = c->date >= 0 ? run->buf + off[6 * i + 4] : NULL;
		s->datelen = off[6 * i + 5];
		if ((bad = utf8_invalid(s->text, s->len)) < s->len) {
			warnx("%s:%lu: invalid UTF-8 at byte %zu of text",
			    r->name, run->story.rows[i].lineno, bad);
			run->rval = 1;
		}
	}
	free(off);
}

/* Write row i with its mentions [*m, ...) as an entities field. */
static void
put_row(struct run *run, size_t ncol, size_t i, size_t *m)
{
	const struct story_row *row = &run->story.rows[i];
	const struct nertag_mention *v;
	size_t k, len;

	ent_clear(&run->ents);
	for (; *m < run->out.n && run->out.v[*m].sent == i; (*m)++) {
		v = &run->out.v[*m];
		ent_add(&run->ents, v->start, v->end, v->type, v->key,
		    strlen(v->key));
	}
	for (k = 0; k < ncol; k++)
		tsv_field_raw(&run->w, row->f[k].p, row->f[k].len);
	len = ent_format(&run->ents, &run->field, &run->fieldcap);
	tsv_field(&run->w, run->field, len);
	tsv_end(&run->w);
}

/* Write one row per mention of the story. */
static void
put_mentions(struct run *run, const struct tsv_reader *r,
    const struct cols *c)
{
	const struct nertag_mention *v;
	const struct story_row *row;
	size_t m, k;

	for (m = 0; m < run->out.n; m++) {
		v = &run->out.v[m];
		row = &run->story.rows[v->sent];
		if (c->doc >= 0)
			tsv_field_raw(&run->w, row->f[c->doc].p,
			    row->f[c->doc].len);
		else
			tsv_field_raw(&run->w, "", 0);
		if (c->sent >= 0)
			tsv_field_raw(&run->w, row->f[c->sent].p,
			    row->f[c->sent].len);
		else
			tsv_field_uint(&run->w, v->sent + 1);
		tsv_field_uint(&run->w, v->start);
		tsv_field_uint(&run->w, v->end);
		tsv_field_str(&run->w, ent_type_name(v->type));
		tsv_field_str(&run->w, v->key);
		tsv_field(&run->w, run->sents[v->sent].text + v->start,
		    v->end - v->start);
		for (k = 0; k < r->ncol; k++)
			if (!is_mention_col(r->col[k].p))
				tsv_field_raw(&run->w, row->f[k].p,
				    row->f[k].len);
		tsv_end(&run->w);
	}
}

static void
warn_story(void *arg, const char *msg)
{
	(void)arg;
	warnx("%s", msg);
}

/*
 * Find the columns of r; a missing text column, or an entities column
 * already there, is a usage error (-1, said on stderr).
 */
static int
find_cols(struct run *run, const struct tsv_reader *r, struct cols *c)
{
	c->text = tsv_col(r, "text");
	c->doc = tsv_col(r, "doc");
	c->sent = tsv_col(r, "sent");
	c->date = tsv_col(r, "date");
	if (c->text < 0) {
		warnx("%s: no text column", r->name);
		usage_line(stderr);
		return -1;
	}
	if (!run->o->mentions && tsv_col(r, "entities") >= 0) {
		warnx("%s: already has an entities column", r->name);
		usage_line(stderr);
		return -1;
	}
	return 0;
}

/*
 * Tag one input; returns -1 when reading it failed, -2 on a usage error
 * (then run->usage is set and nothing more is read).
 */
static int
tag_input(struct run *run, struct tsv_reader *r)
{
	struct story_reader *sr;
	struct cols c;
	size_t i, m;
	int got;

	if (find_cols(run, r, &c) == -1) {
		run->usage = 1;
		return -2;
	}
	if (!run->headed) {
		put_header(run, r);
		run->headed = 1;
	}
	sr = story_reader_new(r, tsv_col(r, "story") >= 0 ? "story" :
	    c.doc >= 0 ? "doc" : NULL, warn_story, NULL);
	while (run->w.err == 0 && (got = story_next(sr, &run->story)) == 1) {
		gather(run, r, &c);
		nertag_story(run->tagger, run->sents, run->story.n, &run->out);
		if (run->o->mentions)
			put_mentions(run, r, &c);
		else
			for (i = 0, m = 0; i < run->story.n; i++)
				put_row(run, r->ncol, i, &m);
		progress_add(&run->prog, story_docs(&run->story, c.doc),
		    story_bytes(&run->story));
	}
	story_reader_free(sr);
	if (got == -1) {
		warnx("%s:%lu: %s", r->name, r->lineno, r->err);
		return -1;
	}
	return 0;
}

/* Open and tag one operand. */
static void
tag_file(struct run *run, const char *path)
{
	struct tsv_reader r;
	struct in *in;

	if ((in = in_open(path)) == NULL) {
		warn("%s", path);
		run->rval = 1;
		return;
	}
	if (tsv_reader_open(&r, in->fp, path) == -1) {
		if (ferror(in->fp)) {
			warnx("%s: %s", path, in_error(in));
			run->rval = 1;
		}
		/* An empty input has no rows: nothing to tag. */
	} else if (tag_input(run, &r) == -1 || ferror(in->fp))
		run->rval = 1;
	tsv_reader_free(&r);
	in_close(in);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct run run;
	char *dash[] = { "-", NULL };
	int bad, saved, i;

	parse_opts(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argv = dash;
		argc = 1;
	}
	memset(&run, 0, sizeof(run));
	run.o = &o;
	load(&run);
	out_init();
	tsv_writer_init(&run.w, stdout);
	progress_init(&run.prog, o.progress);
	for (i = 0; i < argc && run.w.err == 0 && !run.usage; i++)
		tag_file(&run, argv[i]);
	if (!run.usage)
		progress_end(&run.prog);
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	story_free(&run.story);
	nertag_out_free(&run.out);
	nertag_free(run.tagger);
	ner_model_free(run.model);
	nergaz_free(run.gaz);
	ent_list_free(&run.ents);
	free(run.sents);
	free(run.buf);
	free(run.field);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return run.usage ? 2 : run.rval;
}
