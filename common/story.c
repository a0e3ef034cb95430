/*
 * story.c: hand out a stream's rows one story at a time.  While stories
 * come in contiguous runs, one row of look-ahead is all that is kept
 * beyond the current story.  When a finished story's name comes back, the
 * rest of the input is gathered by story (a table from name to gathered
 * story) and handed out in order of first appearance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "recent.h"
#include "story.h"
#include "xalloc.h"

/* Names of finished stories remembered, per generation (two are kept). */
#define STORY_SEEN	65536

struct story_reader {
	struct tsv_reader *r;
	int		 sc;		/* story column, or -1 */
	void		(*warn)(void *, const char *);
	void		*arg;
	struct recent	 done;		/* hash of the name of each story
					   handed out lately -> its parts */
	struct story_row pending;	/* the first row of the next story */
	int		 haspending;
	int		 eof;
	/* After stories interleaved: the rest of the input, by story. */
	int		 gathered;
	struct story	*g;
	size_t		 ng, gcap, gnext;
	struct smap	*gnames;	/* gathered story names */
	long		*gof;		/* gnames id -> index in g, or -1 */
	size_t		 gofcap;
};

struct story_reader *
story_reader_new(struct tsv_reader *r, const char *storycol,
    void (*warn)(void *, const char *), void *arg)
{
	struct story_reader *sr = xcalloc(1, sizeof(*sr));

	sr->r = r;
	sr->sc = storycol != NULL ? tsv_col(r, storycol) : -1;
	sr->warn = warn;
	sr->arg = arg;
	recent_init(&sr->done, STORY_SEEN, 1);
	return sr;
}

static void
row_free(struct story_row *row)
{
	free(row->line);
	free(row->f);
	memset(row, 0, sizeof(*row));
}

void
story_clear(struct story *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		row_free(&s->rows[i]);
	s->n = 0;
	free(s->name);
	s->name = NULL;
	s->part = 0;
}

void
story_free(struct story *s)
{
	story_clear(s);
	free(s->rows);
	s->rows = NULL;
	s->cap = 0;
}

void
story_reader_free(struct story_reader *sr)
{
	size_t i;

	if (sr == NULL)
		return;
	row_free(&sr->pending);
	for (i = 0; i < sr->ng; i++)
		story_free(&sr->g[i]);
	free(sr->g);
	free(sr->gof);
	recent_free(&sr->done);
	smap_free(sr->gnames);
	free(sr);
}

unsigned long
story_docs(const struct story *s, int col)
{
	const struct tsv_field *a, *b;
	unsigned long n;
	size_t i;

	if (s->n == 0 || col < 0)
		return s->n > 0;
	for (i = 1, n = 1; i < s->n; i++) {
		a = &s->rows[i - 1].f[col];
		b = &s->rows[i].f[col];
		if (a->len != b->len || memcmp(a->p, b->p, a->len) != 0)
			n++;
	}
	return n;
}

unsigned long long
story_bytes(const struct story *s)
{
	unsigned long long n = 0;
	size_t i;

	for (i = 0; i < s->n; i++)
		n += s->rows[i].len + 1;
	return n;
}

/* Copy the reader's current row into row. */
static void
row_copy(const struct tsv_reader *r, struct story_row *row)
{
	const char *a = r->f[0].p;
	const char *b = r->f[r->nf - 1].p + r->f[r->nf - 1].len;
	size_t cap = 0;

	row->len = (size_t)(b - a);
	row->line = xmalloc(row->len + 1);
	memcpy(row->line, a, row->len);
	row->line[row->len] = '\0';
	row->f = NULL;
	tsv_split(row->line, row->len, &row->f, &cap);
	row->lineno = r->lineno;
}

static void
append(struct story *s, struct story_row *row)
{
	xgrow((void **)&s->rows, &s->cap, s->n + 1, sizeof(*s->rows));
	s->rows[s->n++] = *row;
	memset(row, 0, sizeof(*row));
}

/* The unescaped story name of row (malloc'd). */
static char *
row_name(const struct story_reader *sr, const struct story_row *row)
{
	const struct tsv_field *f;
	char *name;
	size_t n;

	if (sr->sc < 0)
		return xstrdup("");
	f = &row->f[sr->sc];
	name = xmalloc(f->len + 1);
	n = tsv_unescape(name, f->p, f->len);
	name[n] = '\0';
	return name;
}

/* Whether a story of this name has been handed out (among the recent). */
static int
seen(struct story_reader *sr, const char *name)
{
	return recent_get(&sr->done, hash_bytes(name, strlen(name), 0)) !=
	    NULL;
}

/* Count one more part of the story name handed out; return its number. */
static unsigned
next_part(struct story_reader *sr, const char *name)
{
	return (unsigned)++*recent_put(&sr->done,
	    hash_bytes(name, strlen(name), 0), NULL);
}

/* Gathered mode: the index in g of the story name, or -1. */
static long *
gslot(struct story_reader *sr, const char *name)
{
	size_t id = smap_put(sr->gnames, name, strlen(name), NULL), k;

	if (id >= sr->gofcap) {
		size_t cap = sr->gofcap;
		xgrow((void **)&sr->gof, &cap, id + 1, sizeof(*sr->gof));
		for (k = sr->gofcap; k < cap; k++)
			sr->gof[k] = -1;
		sr->gofcap = cap;
	}
	return &sr->gof[id];
}

/* Gathered mode: put row into the story of its name. */
static void
gather(struct story_reader *sr, struct story_row *row)
{
	char *name = row_name(sr, row);
	long *slot = gslot(sr, name);
	struct story *g;

	if (*slot < 0) {
		xgrow((void **)&sr->g, &sr->gcap, sr->ng + 1, sizeof(*sr->g));
		g = &sr->g[sr->ng];
		memset(g, 0, sizeof(*g));
		g->name = name;
		name = NULL;
		*slot = (long)sr->ng++;
	}
	append(&sr->g[*slot], row);
	free(name);
}

/* Stories interleave: gather the current one, row and all the rest. */
static int
gather_rest(struct story_reader *sr, struct story *s, struct story_row *row)
{
	int rc;

	sr->gathered = 1;
	xgrow((void **)&sr->g, &sr->gcap, 1, sizeof(*sr->g));
	sr->g[0] = *s;
	memset(s, 0, sizeof(*s));
	sr->ng = 1;
	sr->gnames = smap_new();
	*gslot(sr, sr->g[0].name) = 0;
	gather(sr, row);
	while ((rc = tsv_read(sr->r)) > 0) {
		struct story_row r;
		row_copy(sr->r, &r);
		gather(sr, &r);
	}
	sr->eof = 1;
	return rc;
}

int
story_next(struct story_reader *sr, struct story *s)
{
	struct story_row row;
	int rc;

	story_clear(s);
	if (sr->gathered) {
		struct story *g;
		if (sr->gnext >= sr->ng)
			return 0;
		g = &sr->g[sr->gnext++];
		free(s->rows);
		*s = *g;
		memset(g, 0, sizeof(*g));
		s->part = next_part(sr, s->name);
		return 1;
	}
	if (sr->haspending) {
		append(s, &sr->pending);
		sr->haspending = 0;
	} else if (!sr->eof) {
		if ((rc = tsv_read(sr->r)) < 0)
			return -1;
		if (rc == 0)
			sr->eof = 1;
		else {
			row_copy(sr->r, &row);
			append(s, &row);
		}
	}
	if (s->n == 0)
		return 0;
	s->name = row_name(sr, &s->rows[0]);
	while (!sr->eof) {
		char *name;
		if ((rc = tsv_read(sr->r)) < 0)
			return -1;
		if (rc == 0) {
			sr->eof = 1;
			break;
		}
		row_copy(sr->r, &row);
		name = row_name(sr, &row);
		if (strcmp(name, s->name) == 0) {
			free(name);
			append(s, &row);
			continue;
		}
		if (!seen(sr, name)) {
			/* a new story begins: this one is complete */
			free(name);
			sr->pending = row;
			sr->haspending = 1;
			break;
		}
		if (sr->warn != NULL) {
			char msg[256];
			snprintf(msg, sizeof(msg), "%s:%lu: rows of story "
			    "\"%.60s\" are not contiguous; gathering the rest "
			    "of the input (sort on story to avoid this)",
			    sr->r->name, row.lineno, name);
			sr->warn(sr->arg, msg);
		}
		free(name);
		if (gather_rest(sr, s, &row) < 0)
			return -1;
		return story_next(sr, s);
	}
	s->part = next_part(sr, s->name);
	return 1;
}
