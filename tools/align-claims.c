/*
 * align-claims: group the sentences of different articles that state the
 * same claim; count the sources behind each claim and flag where they
 * disagree.
 *
 * Reads sentence rows (split-sentences, perhaps tag-entities) one story
 * at a time (common/story.h), analyses each story's sentences into a
 * sim_index (common/sim.h), aligns them into claims (common/claim.h) and
 * writes every row back with `claim support sources conflict` added; or,
 * with --pairs, the aligned pairs.  --score-pairs scores the pairs of a
 * TSV with columns `a` and `b` instead, to evaluate the similarity.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "claim_rows.h"
#include "input.h"
#include "output.h"
#include "progress.h"
#include "sim.h"
#include "stem.h"
#include "story.h"
#include "tsv.h"

enum mode { ALIGN, PAIRS, SCORE };

struct opts {
	enum mode	 mode;
	const char	*model;		/* -m, else data_find() */
	double		 threshold;	/* -t; < 0: the model's */
	size_t		 maxcand;	/* -k */
	int		 progress;
};

/* Column indices, -1 when absent. */
struct cols {
	int		 text, doc, sent, ents, source, story, a, b;
};

struct run {
	const struct opts *o;
	struct in	  *in;
	struct tsv_reader  r;
	struct tsv_writer  w;
	struct cols	   c;
	struct stem	  *st;
	struct sim_lex	  *lex;
	struct sim_model   m;
	struct tfkld	  *lat;
	struct claim_opts  co;
	struct sim_index  *x;
	struct claim_set   cs;
	struct claim_rows  rows;
	struct progress	   prog;
	unsigned long	   claims;	/* claims numbered so far, in all */
	char		   fail[512];	/* why reading stopped, or "" */
};

enum { OPT_PROGRESS = 256 };

static const char *const out_cols[] = {
	"claim", "support", "sources", "conflict", NULL
};

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hpsV] [-k count] [-m model] [-t threshold]\n"
	    "                    [--progress] [file]\n", getprogname());
	if (code != 0)
		exit(code);
	fputs("Group sentences of different articles that state the same\n"
	    "claim; add claim, support, sources and conflict to each row.\n\n"
	    "  -k, --candidates N    pairs scored per sentence (default 50)\n"
	    "  -m, --model FILE      the pair model (default: align-pair.model"
	    "\n                        in the data directory)\n"
	    "  -p, --pairs           write the aligned pairs instead\n"
	    "  -s, --score-pairs     score the pairs of columns a and b\n"
	    "  -t, --threshold X     decision threshold, 0 to 1 (default: "
	    "the\n                        model's)\n"
	    "      --progress        articles, MB and rates on stderr, each\n"
	    "                        second\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "With no file, or when file is -, read standard input.  See\n"
	    "align-claims(1).\n", fp);
	exit(0);
}

/*
 * Close the input before an early exit: its stream's state lives where a
 * leak checker cannot see it.
 */
static void
stop(struct run *run)
{
	in_close(run->in);
	run->in = NULL;
}

static double
parse_threshold(const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno != 0 || !(v >= 0 && v <= 1)) {
		warnx("-t: '%s' is not a number from 0 to 1", arg);
		usage(2);
	}
	return v;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "version",	 no_argument,	    NULL, 'V' },
		{ "help",	 no_argument,	    NULL, 'h' },
		{ "candidates",	 required_argument, NULL, 'k' },
		{ "model",	 required_argument, NULL, 'm' },
		{ "pairs",	 no_argument,	    NULL, 'p' },
		{ "score-pairs", no_argument,	    NULL, 's' },
		{ "threshold",	 required_argument, NULL, 't' },
		{ "progress",	 no_argument,	    NULL, OPT_PROGRESS },
		{ NULL,		 0,		    NULL, 0 }
	};
	const char *errstr;
	int ch;

	while ((ch = getopt_long(argc, argv, "Vhk:m:pst:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'h':
			usage(0);
			break;
		case 'k':
			o->maxcand = strtonum(optarg, 1, 100000, &errstr);
			if (errstr != NULL) {
				warnx("-k %s: %s", optarg, errstr);
				usage(2);
			}
			break;
		case 'm':
			o->model = optarg;
			break;
		case 'p':
			o->mode = PAIRS;
			break;
		case 's':
			o->mode = SCORE;
			break;
		case 't':
			o->threshold = parse_threshold(optarg);
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		default:
			usage(2);
		}
	}
}

/* The stemmer, the synonyms and the model; exit 1 when one is missing. */
static void
load_data(struct run *run)
{
	char msg[512];

	if (sim_data_load(run->o->model, &run->st, &run->lex, &run->m,
	    &run->lat, msg, sizeof(msg)) == -1) {
		stop(run);
		errx(1, "%s", msg);
	}
	if (run->o->threshold >= 0)
		run->m.threshold = run->o->threshold;
	if (run->m.partial > run->m.threshold)
		run->m.partial = run->m.threshold;
	run->co.threshold = run->m.threshold;
	run->co.partial = run->m.partial;
	run->co.maxcand = run->o->maxcand;
	run->x = sim_index_new(run->st, run->lex);
	sim_index_latent(run->x, run->lat);
}

static int
need_col(struct run *run, const char *name)
{
	int c;

	if ((c = tsv_col(&run->r, name)) < 0) {
		warnx("%s: no column '%s'", run->r.name, name);
		stop(run);
		usage(2);
	}
	return c;
}

/* Find the columns the mode reads; refuse inputs holding ours. */
static void
find_cols(struct run *run)
{
	struct cols *c = &run->c;
	size_t i;

	memset(c, -1, sizeof(*c));
	if (run->o->mode == SCORE) {
		c->a = need_col(run, "a");
		c->b = need_col(run, "b");
		return;
	}
	c->text = run->rows.text = need_col(run, "text");
	c->doc = run->rows.doc = need_col(run, "doc");
	if (run->o->mode == PAIRS)
		c->sent = need_col(run, "sent");
	c->ents = run->rows.ents = tsv_col(&run->r, "entities");
	c->source = run->rows.source = tsv_col(&run->r, "source");
	c->story = tsv_col(&run->r, "story");
	for (i = 0; run->o->mode == ALIGN && out_cols[i] != NULL; i++)
		if (tsv_col(&run->r, out_cols[i]) >= 0) {
			warnx("%s: input has a column '%s' already",
			    run->r.name, out_cols[i]);
			stop(run);
			usage(2);
		}
}

static void
put_header(struct run *run)
{
	static const char *const pair_cols[] = {
		"doc_a", "sent_a", "doc_b", "sent_b", "score", "relation",
		"conflict", NULL
	};
	size_t i;

	if (run->o->mode == PAIRS) {
		if (run->c.story >= 0)
			tsv_field_str(&run->w, "story");
		for (i = 0; pair_cols[i] != NULL; i++)
			tsv_field_str(&run->w, pair_cols[i]);
	} else {
		for (i = 0; i < run->r.ncol; i++)
			tsv_field(&run->w, run->r.col[i].p,
			    run->r.col[i].len);
		if (run->o->mode == SCORE) {
			tsv_field_str(&run->w, "score");
			tsv_field_str(&run->w, "decision");
		}
		for (i = 0; run->o->mode == ALIGN && out_cols[i] != NULL; i++)
			tsv_field_str(&run->w, out_cols[i]);
	}
	tsv_end(&run->w);
}

static void
emit_rows(struct run *run, const struct story *s)
{
	const struct story_row *row;
	size_t i, k, c;
	/* From 1 in each story, so that any cut of the input by story gives
	 * the same numbers; a returning part goes above all numbers so far. */
	unsigned long base = s->part > 1 ? run->claims : 0;

	for (i = 0; i < s->n; i++) {
		row = &s->rows[i];
		c = run->cs.of[i];
		for (k = 0; k < run->r.ncol; k++)
			tsv_field_raw(&run->w, row->f[k].p, row->f[k].len);
		tsv_field_uint(&run->w, base + c + 1);
		tsv_field_uint(&run->w, run->cs.support[c]);
		tsv_field_str(&run->w, claim_sources(&run->cs, c));
		tsv_field_str(&run->w, claim_conflict(&run->cs, c));
		tsv_end(&run->w);
	}
	run->claims += run->cs.n;
}

static void
emit_pairs(struct run *run, const struct story *s)
{
	const struct claim_pair *p;
	const struct tsv_field *fa, *fb;
	char score[32];
	size_t i;

	for (i = 0; i < run->cs.npairs; i++) {
		p = &run->cs.pairs[i];
		fa = s->rows[p->a].f;
		fb = s->rows[p->b].f;
		if (run->c.story >= 0)
			tsv_field_raw(&run->w, fa[run->c.story].p,
			    fa[run->c.story].len);
		tsv_field_raw(&run->w, fa[run->c.doc].p, fa[run->c.doc].len);
		tsv_field_raw(&run->w, fa[run->c.sent].p, fa[run->c.sent].len);
		tsv_field_raw(&run->w, fb[run->c.doc].p, fb[run->c.doc].len);
		tsv_field_raw(&run->w, fb[run->c.sent].p, fb[run->c.sent].len);
		snprintf(score, sizeof(score), "%.4f", p->score);
		tsv_field_str(&run->w, score);
		tsv_field_str(&run->w, claim_rel_name(p->rel));
		tsv_field_str(&run->w, p->rel == CLAIM_CONFLICT ?
		    claim_conflict(&run->cs, run->cs.of[p->a]) : "");
		tsv_end(&run->w);
	}
}

static void
warn_story(void *arg, const char *msg)
{
	(void)arg;
	warnx("%s", msg);
}

/* Align story by story. */
static void
align_all(struct run *run)
{
	struct story_reader *sr;
	struct story s = { 0 };
	int got = 0;

	sr = story_reader_new(&run->r, "story", warn_story, NULL);
	while (run->w.err == 0 && (got = story_next(sr, &s)) == 1) {
		if (claim_rows_index(&run->rows, run->r.name, &s, run->x,
		    run->fail, sizeof(run->fail)) == -1)
			break;
		claim_align(run->x, &run->m, &run->co, run->rows.cl,
		    &run->cs);
		if (run->o->mode == PAIRS)
			emit_pairs(run, &s);
		else
			emit_rows(run, &s);
		progress_add(&run->prog, story_docs(&s, run->c.doc),
		    story_bytes(&s));
	}
	if (got == -1)
		snprintf(run->fail, sizeof(run->fail), "%s:%lu: %s",
		    run->r.name, run->r.lineno, run->r.err);
	story_free(&s);
	story_reader_free(sr);
}

/* --score-pairs: every sentence of the input is one document for IDF. */
static void
score_all(struct run *run)
{
	struct story_reader *sr;
	struct story s = { 0 };
	double f[SIM_NFEAT], p;
	char score[32];
	size_t i, k, a, b;
	int got;

	sr = story_reader_new(&run->r, NULL, NULL, NULL);
	while ((got = story_next(sr, &s)) == 1) {
		run->rows.len = 0;
		sim_index_clear(run->x);
		for (i = 0; i < s.n; i++) {
			a = claim_rows_keep(&run->rows, &s.rows[i].f[run->c.a]);
			b = claim_rows_keep(&run->rows, &s.rows[i].f[run->c.b]);
			sim_index_add(run->x, run->rows.buf + a, b - a - 1,
			    NULL, (uint32_t)(2 * i));
			sim_index_add(run->x, run->rows.buf + b,
			    strlen(run->rows.buf + b), NULL,
			    (uint32_t)(2 * i + 1));
		}
		sim_index_finish(run->x);
		for (i = 0; i < s.n && run->w.err == 0; i++) {
			sim_features(run->x, 2 * i, 2 * i + 1, f);
			p = sim_model_score(&run->m, f);
			for (k = 0; k < run->r.ncol; k++)
				tsv_field_raw(&run->w, s.rows[i].f[k].p,
				    s.rows[i].f[k].len);
			snprintf(score, sizeof(score), "%.4f", p);
			tsv_field_str(&run->w, score);
			tsv_field_uint(&run->w, p >= run->m.threshold);
			tsv_end(&run->w);
		}
		/* A pair of sentences is what counts as an article here. */
		progress_add(&run->prog, s.n, story_bytes(&s));
	}
	if (got == -1)
		snprintf(run->fail, sizeof(run->fail), "%s:%lu: %s",
		    run->r.name, run->r.lineno, run->r.err);
	story_free(&s);
	story_reader_free(sr);
}

static void
free_run(struct run *run)
{
	claim_set_free(&run->cs);
	sim_index_free(run->x);
	sim_lex_free(run->lex);
	tfkld_free(run->lat);
	stem_free(run->st);
	claim_rows_free(&run->rows);
	tsv_reader_free(&run->r);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .mode = ALIGN, .threshold = -1, .maxcand = 50 };
	struct run run;
	struct in *in;
	const char *path;
	int bad, saved;

	parse_opts(argc, argv, &o);
	if (argc - optind > 1) {
		warnx("one input at most (cat several files into it)");
		usage(2);
	}
	path = argc > optind ? argv[optind] : "-";
	memset(&run, 0, sizeof(run));
	run.o = &o;
	if ((in = in_open(path)) == NULL)
		err(1, "%s", path);
	run.in = in;
	if (tsv_reader_open(&run.r, in->fp, path) == -1) {
		if (ferror(in->fp))
			snprintf(run.r.err, sizeof(run.r.err), "%s",
			    in_error(in));
		stop(&run);
		errx(1, "%s: %s", path, run.r.err);
	}
	find_cols(&run);
	load_data(&run);
	out_init();
	tsv_writer_init(&run.w, stdout);
	put_header(&run);
	progress_init(&run.prog, o.progress);
	if (o.mode == SCORE)
		score_all(&run);
	else
		align_all(&run);
	progress_end(&run.prog);
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	free_run(&run);
	stop(&run);
	if (run.fail[0] != '\0')
		errx(1, "%s", run.fail);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return 0;
}
