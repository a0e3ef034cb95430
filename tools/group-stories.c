/*
 * group-stories: add a `story` column to article or sentence rows, so that
 * the per-story stages work story by story on a mixed archive.
 *
 * The rows of one document are contiguous (split-sentences writes them
 * so); they are held until the document's last row, the document is put
 * into a story by the online clusterer of common/cluster (content stems,
 * entity keys from `entities` when present, the time window from `date`
 * when present), and its rows are written with the story's name, the id
 * of the story's first document.  One document is held at a time.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "data.h"
#include "input.h"
#include "output.h"
#include "progress.h"
#include "tsv.h"
#include "xalloc.h"

struct opts {
	struct cluster_opts cl;
	const char	*df;		/* background table; NULL: default */
	int		 nodf;
	const char	*savedf;	/* write the frequencies learned */
	int		 progress;
	int		 verbose;	/* story_new and story_score columns */
};

/* The rows of the current document, raw, and what is known of it. */
struct docbuf {
	char		*id;		/* raw (escaped) doc field */
	size_t		 idlen, idcap;
	char		*rows;		/* raw lines, back to back */
	size_t		 len, cap;
	size_t		*ends;		/* end of each row in rows */
	size_t		 n, ncap;
	long		 day;
	unsigned long	 bytes;
};

struct run {
	const struct opts *o;
	struct cluster	*cl;
	struct tsv_writer w;
	struct docbuf	 doc;
	struct progress	 prog;
	char		*scratch;	/* an unescaped field */
	size_t		 scratchcap;
	char		*head;		/* the first input's header, raw */
	size_t		 headlen;
	int		 docc, textc, entc, datec;
	int		 rval;
};

enum { OPT_PROGRESS = 256, OPT_DF, OPT_NODF, OPT_SAVEDF };

/* The background document frequencies shipped in data/. */
#define DEFAULT_DF	"stories-df.tsv.gz"

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hvV] [-e weight] [-i articles] [-k terms] "
	    "[-n weight]\n       [-t threshold] [-w days] [--df file | "
	    "--no-df] [--save-df file]\n       [--progress] [file ...]\n",
	    getprogname());
	if (code != 0)
		exit(code);
	fputs("Put each document into a story; add the column story (the id\n"
	    "of the story's first document) to its rows.\n\n"
	    "  -e, --entity-weight X  weight of an entity key, in stems "
	    "(2)\n"
	    "  -i, --idle N           retire a story after N documents "
	    "without\n"
	    "                         a new one (10000; 0: never)\n"
	    "  -k, --lookup N         terms looked up for candidates (20)\n"
	    "  -t, --threshold X      cosine to join a story (0.17)\n"
	    "  -v, --verbose          add story_new and story_score columns\n"
	    "  -w, --window DAYS      time window when rows have a date "
	    "(0: none)\n"
	    "  -n, --name-weight X    weight of a capitalised word (1.5)\n"
	    "      --df FILE          background document frequencies\n"
	    "                         (default: " DEFAULT_DF " in the data "
	    "dir)\n"
	    "      --no-df            learn them from the input alone\n"
	    "      --save-df FILE     write the frequencies learned\n"
	    "      --progress         documents, MB and rates on stderr\n"
	    "  -h, --help             show this help\n"
	    "  -V, --version          show the version\n\n"
	    "Reads crossread-tsv(5) rows with doc and text (and entities, "
	    "date\nwhen present).  See group-stories(1).\n", fp);
	exit(0);
}

static double
number(const char *arg, const char *opt, double lo, double hi)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || v < lo || v > hi) {
		warnx("%s: '%s' is not a number from %g to %g", opt, arg, lo,
		    hi);
		usage(2);
	}
	return v;
}

static long long
count(const char *arg, const char *opt, long long lo, long long hi)
{
	const char *e;
	long long v;

	v = strtonum(arg, lo, hi, &e);
	if (e != NULL) {
		warnx("%s: '%s' is %s", opt, arg, e);
		usage(2);
	}
	return v;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "version",	   no_argument,	      NULL, 'V' },
		{ "entity-weight", required_argument, NULL, 'e' },
		{ "help",	   no_argument,	      NULL, 'h' },
		{ "idle",	   required_argument, NULL, 'i' },
		{ "lookup",	   required_argument, NULL, 'k' },
		{ "name-weight",   required_argument, NULL, 'n' },
		{ "threshold",	   required_argument, NULL, 't' },
		{ "verbose",	   no_argument,	      NULL, 'v' },
		{ "window",	   required_argument, NULL, 'w' },
		{ "progress",	   no_argument,	      NULL, OPT_PROGRESS },
		{ "df",		   required_argument, NULL, OPT_DF },
		{ "no-df",	   no_argument,	      NULL, OPT_NODF },
		{ "save-df",	   required_argument, NULL, OPT_SAVEDF },
		{ NULL,		   0,		      NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "Ve:hi:k:n:t:vw:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'V':
			printf("%s %s\n", getprogname(), VERSION);
			exit(0);
		case 'e':
			o->cl.ent_weight = number(optarg, "-e", 0, 100);
			break;
		case 'h':
			usage(0);
			break;
		case 'i':
			o->cl.idle = count(optarg, "-i", 0, 1000000000);
			break;
		case 'n':
			o->cl.name_weight = number(optarg, "-n", 0, 100);
			break;
		case 'k':
			o->cl.lookup = count(optarg, "-k", 1, 10000);
			break;
		case 't':
			o->cl.threshold = number(optarg, "-t", 0, 1);
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'w':
			o->cl.window = count(optarg, "-w", 0, 1000000);
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_DF:
			o->df = optarg;
			break;
		case OPT_NODF:
			o->nodf = 1;
			break;
		case OPT_SAVEDF:
			o->savedf = optarg;
			break;
		default:
			usage(2);
		}
	}
}

/*
 * Find the columns of the first input and write the output header.
 * Returns 0, or -1 after a message for a usage error.
 */
static int
start(struct run *run, const struct tsv_reader *r)
{
	run->docc = tsv_col(r, "doc");
	run->textc = tsv_col(r, "text");
	if (run->docc < 0 || run->textc < 0) {
		warnx("%s: missing column '%s'", r->name,
		    run->docc < 0 ? "doc" : "text");
		return -1;
	}
	if (tsv_col(r, "story") >= 0) {
		warnx("%s: the input has a column 'story' already", r->name);
		return -1;
	}
	run->entc = tsv_col(r, "entities");
	run->datec = tsv_col(r, "date");
	run->head = xmalloc(r->headlen + 1);
	memcpy(run->head, r->head, r->headlen);
	run->headlen = r->headlen;
	tsv_field_raw(&run->w, r->head, r->headlen);
	tsv_field_str(&run->w, "story");
	if (run->o->verbose) {
		tsv_field_str(&run->w, "story_new");
		tsv_field_str(&run->w, "story_score");
	}
	tsv_end(&run->w);
	return 0;
}

/* The unescaped field f, in run->scratch (valid until the next call). */
static const char *
field(struct run *run, const struct tsv_field *f, size_t *n)
{
	xgrow((void **)&run->scratch, &run->scratchcap, f->len + 1, 1);
	*n = tsv_unescape(run->scratch, f->p, f->len);
	run->scratch[*n] = '\0';
	return run->scratch;
}

/* Decide the held document's story and write its rows. */
static void
flush_doc(struct run *run)
{
	struct docbuf *d = &run->doc;
	const char *story;
	double score;
	size_t i, start = 0, n;
	const char *id;
	int isnew;
	char num[32];

	if (d->n == 0)
		return;
	xgrow((void **)&d->id, &d->idcap, d->idlen + 1, 1);
	id = d->id;
	/* The id unescaped, in place: it is not needed raw any more. */
	n = tsv_unescape(d->id, d->id, d->idlen);
	d->id[n] = '\0';
	story = cluster_doc_end(run->cl, id, d->day, &isnew, &score);
	for (i = 0; i < d->n; i++) {
		tsv_field_raw(&run->w, d->rows + start, d->ends[i] - start);
		tsv_field_str(&run->w, story);
		if (run->o->verbose) {
			tsv_field_uint(&run->w, isnew);
			snprintf(num, sizeof(num), "%.4f", score);
			tsv_field_str(&run->w, num);
		}
		tsv_end(&run->w);
		start = d->ends[i];
	}
	progress_add(&run->prog, 1, d->bytes);
	d->n = d->len = d->idlen = 0;
	d->bytes = 0;
	d->day = CLUSTER_NODAY;
}

/* Take one row: a new document flushes the one held. */
static void
take_row(struct run *run, const struct tsv_reader *r)
{
	struct docbuf *d = &run->doc;
	const struct tsv_field *f = r->f, *last = &r->f[r->nf - 1];
	size_t len = (size_t)(last->p + last->len - r->line), n;
	const char *s, *why;

	if (d->n > 0 && (f[run->docc].len != d->idlen ||
	    memcmp(f[run->docc].p, d->id, d->idlen) != 0))
		flush_doc(run);
	if (d->n == 0) {
		cluster_doc_begin(run->cl);
		xgrow((void **)&d->id, &d->idcap, f[run->docc].len + 1, 1);
		memcpy(d->id, f[run->docc].p, f[run->docc].len);
		d->idlen = f[run->docc].len;
	}
	xgrow((void **)&d->rows, &d->cap, d->len + len + 1, 1);
	memcpy(d->rows + d->len, r->line, len);
	d->len += len;
	xgrow((void **)&d->ends, &d->ncap, d->n + 1, sizeof(*d->ends));
	d->ends[d->n++] = d->len;
	d->bytes += len + 1;
	s = field(run, &f[run->textc], &n);
	cluster_doc_text(run->cl, s, n);
	if (run->entc >= 0 && f[run->entc].len > 0) {
		s = field(run, &f[run->entc], &n);
		if (cluster_doc_entities(run->cl, s, n, &why) == -1) {
			warnx("%s:%lu: entities: %s: ignored", r->name,
			    r->lineno, why);
			run->rval = 1;
		}
	}
	if (run->datec >= 0 && d->day == CLUSTER_NODAY &&
	    f[run->datec].len > 0) {
		s = field(run, &f[run->datec], &n);
		d->day = cluster_parse_day(s, n);
	}
}

/*
 * Read one operand through; the first one with a header gives the
 * output's, and the others must have the same.  An empty one is nothing.
 * Returns 0, or -1 for a usage error (reported).
 */
static int
read_file(struct run *run, const char *path, int first)
{
	struct tsv_reader r;
	struct in *in;
	int got, ok;

	if ((in = in_open(path)) == NULL) {
		warn("%s", path);
		run->rval = 1;
		return 0;
	}
	ok = tsv_reader_open(&r, in->fp, path) == 0;
	if (!ok && ferror(in->fp)) {
		warnx("%s: %s", path, in_error(in));
		run->rval = 1;
	} else if (ok && first && start(run, &r) == -1) {
		tsv_reader_free(&r);
		in_close(in);
		return -1;
	} else if (ok && !first && (r.headlen != run->headlen ||
	    memcmp(r.head, run->head, r.headlen) != 0)) {
		warnx("%s: header differs from the first input's: skipped",
		    path);
		run->rval = 1;
		ok = 0;
	}
	while (ok && run->w.err == 0 && (got = tsv_read(&r)) != 0) {
		if (got == -1) {
			warnx("%s:%lu: %s", path, r.lineno, ferror(in->fp) ?
			    in_error(in) : r.err);
			run->rval = 1;
			break;
		}
		take_row(run, &r);
	}
	tsv_reader_free(&r);
	in_close(in);
	return 0;
}

/*
 * Load the background frequencies: --df, else the shipped table.
 * Returns 0, or -1 after a message.
 */
static int
load_df(struct run *run)
{
	char *path, msg[512];
	int rv = 0;

	if (run->o->nodf)
		return 0;
	if (run->o->df != NULL)
		path = xstrdup(run->o->df);
	else if ((path = data_find(DEFAULT_DF)) == NULL) {
		warnx("%s not found: document frequencies from the input "
		    "alone (--no-df to say so)", DEFAULT_DF);
		return 0;
	}
	if (cluster_load_df_file(run->cl, path, msg, sizeof(msg)) == -1) {
		warnx("%s", msg);
		rv = -1;
	}
	free(path);
	return rv;
}

/* Say once if rows of documents were not contiguous. */
static void
warn_rejoined(struct run *run)
{
	struct cluster_stats st;

	cluster_get_stats(run->cl, &st);
	if (st.rejoined > 0)
		warnx("%lu documents had rows after other documents' rows "
		    "(not contiguous): they joined their earlier story",
		    st.rejoined);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .cl = { .threshold = 0.17, .window = 0,
	    .idle = 10000, .lookup = 20, .ent_weight = 2, .name_weight = 1.5 } };
	struct run run;
	char *dash[] = { "-", NULL };
	char msg[512];
	int i, bad, saved, code = 0;

	parse_opts(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argv = dash;
		argc = 1;
	}
	memset(&run, 0, sizeof(run));
	run.o = &o;
	run.doc.day = CLUSTER_NODAY;
	if ((run.cl = cluster_new(&o.cl)) == NULL)
		errx(1, "libstemmer has no English stemmer");
	out_init();
	tsv_writer_init(&run.w, stdout);
	if (load_df(&run) == -1)
		code = 1;
	progress_init(&run.prog, o.progress);
	for (i = 0; code == 0 && i < argc && run.w.err == 0; i++)
		if (read_file(&run, argv[i], run.head == NULL) == -1)
			code = 2;
	if (code == 0) {
		flush_doc(&run);
		progress_end(&run.prog);
		warn_rejoined(&run);
		if (o.savedf != NULL && cluster_save_df_file(run.cl,
		    o.savedf, 2, msg, sizeof(msg)) == -1) {
			warnx("%s", msg);
			run.rval = 1;
		}
	}
	bad = tsv_writer_flush(&run.w) == -1;
	bad = out_close() == -1 || bad;
	saved = run.w.err != 0 ? run.w.err : errno;
	tsv_writer_free(&run.w);
	cluster_free(run.cl);
	free(run.doc.id);
	free(run.doc.rows);
	free(run.doc.ends);
	free(run.scratch);
	free(run.head);
	if (bad) {
		errno = saved;
		err(1, "write error");
	}
	return code != 0 ? code : run.rval;
}
