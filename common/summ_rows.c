/*
 * summ_rows.c: story rows in, summary lines out.  See summ_rows.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "hash.h"
#include "summ_rows.h"
#include "xalloc.h"

static const char *const col_names[SUMM_NCOL] = {
	"text", "doc", "sent", "claim", "support", "sources", "conflict",
	"source", "entities"
};

int
summ_rows_init(struct summ_rows *sr)
{
	memset(sr, 0, sizeof(*sr));
	if ((sr->summ = summ_new()) == NULL)
		return -1;
	sr->units = smap_new();
	sr->claims = smap_new();
	return 0;
}

void
summ_rows_free(struct summ_rows *sr)
{
	summ_free(sr->summ);
	ent_list_free(&sr->ents);
	smap_free(sr->units);
	smap_free(sr->claims);
	free(sr->scratch);
	memset(sr, 0, sizeof(*sr));
}

int
summ_rows_columns(struct summ_rows *sr, const struct tsv_reader *r)
{
	size_t i;

	for (i = 0; i < SUMM_NCOL; i++)
		sr->col[i] = tsv_col(r, col_names[i]);
	for (i = SUMM_COL_TEXT; i <= SUMM_COL_DOC; i++)
		if (sr->col[i] < 0) {
			snprintf(sr->err, sizeof(sr->err),
			    "missing column '%s'", col_names[i]);
			return -1;
		}
	return 0;
}

const char *
summ_rows_field(struct summ_rows *sr, const struct story_row *row, int col,
    size_t *len)
{
	size_t n;

	if (col < 0) {
		*len = 0;
		return "";
	}
	n = row->f[col].len;
	if (n + 1 > sr->scap) {
		sr->scap = 2 * n + 64;
		sr->scratch = xreallocarray(sr->scratch, sr->scap, 1);
	}
	*len = tsv_unescape(sr->scratch, row->f[col].p, n);
	sr->scratch[*len] = '\0';
	return sr->scratch;
}

/* A positive number from column c of row into *v; 0 when the field is
 * empty or good, -1 with sr->err set. */
static int
number(struct summ_rows *sr, const struct story_row *row, enum summ_col c,
    unsigned *v)
{
	const char *f, *errstr;
	size_t len;
	unsigned n;

	f = summ_rows_field(sr, row, sr->col[c], &len);
	if (len == 0)
		return 0;
	n = (unsigned)strtonum(f, 1, 1000000000, &errstr);
	if (errstr != NULL) {
		snprintf(sr->err, sizeof(sr->err), "%lu: %s '%.40s': %s",
		    row->lineno, col_names[c], f, errstr);
		return -1;
	}
	*v = n;
	return 0;
}

/* The entity keys of row as concepts of the sentence added last; 0, or
 * -1 with sr->err set when the field is malformed. */
static int
add_entities(struct summ_rows *sr, const struct story_row *row)
{
	const char *f, *why;
	char key[256];
	size_t i, len;
	int n;

	f = summ_rows_field(sr, row, sr->col[SUMM_COL_ENTITIES], &len);
	if (len == 0)
		return 0;
	if (ent_parse(f, len, &sr->ents, &why) == -1) {
		snprintf(sr->err, sizeof(sr->err), "%lu: entities: %s",
		    row->lineno, why);
		return -1;
	}
	for (i = 0; i < sr->ents.n; i++) {
		n = snprintf(key, sizeof(key), "%s:%s",
		    ent_type_name(sr->ents.v[i].type), ent_key(&sr->ents, i));
		if (n > 0)
			summ_add_concept(sr->summ, key, (size_t)n <
			    sizeof(key) ? (size_t)n : sizeof(key) - 1);
	}
	return 0;
}

/* Add the rows of st to the summariser; 0, or -1 with sr->err set. */
static int
load(struct summ_rows *sr, const struct story *st)
{
	const struct story_row *row;
	size_t i, len, *npos = NULL, cap = 0, u;
	unsigned pos, support;
	long claim;
	const char *f;

	summ_clear(sr->summ);
	smap_free(sr->units);
	smap_free(sr->claims);
	sr->units = smap_new();
	sr->claims = smap_new();
	for (i = 0; i < st->n; i++) {
		row = &st->rows[i];
		f = summ_rows_field(sr, row, sr->col[SUMM_COL_SOURCE], &len);
		if (len == 0)
			f = summ_rows_field(sr, row, sr->col[SUMM_COL_DOC],
			    &len);
		u = smap_put(sr->units, f, len, NULL);
		if (u >= cap) {
			cap = 2 * u + 16;
			npos = xreallocarray(npos, cap, sizeof(*npos));
			memset(npos + u, 0, (cap - u) * sizeof(*npos));
		}
		pos = (unsigned)++npos[u];
		support = 0;
		if (number(sr, row, SUMM_COL_SENT, &pos) == -1 ||
		    number(sr, row, SUMM_COL_SUPPORT, &support) == -1) {
			free(npos);
			return -1;
		}
		claim = -1;
		f = summ_rows_field(sr, row, sr->col[SUMM_COL_CLAIM], &len);
		if (len > 0)
			claim = (long)smap_put(sr->claims, f, len, NULL);
		f = summ_rows_field(sr, row, sr->col[SUMM_COL_TEXT], &len);
		summ_add(sr->summ, f, len, u, pos, claim, support);
		if (add_entities(sr, row) == -1) {
			free(npos);
			return -1;
		}
	}
	free(npos);
	return 0;
}

/* The sources of pick p, malloc'd: the input's, else (absent or empty)
 * the estimate. */
static char *
sources(struct summ_rows *sr, const struct summ_pick *p,
    const struct story_row *row)
{
	char *buf = NULL;
	size_t i, len, blen = 0, cap = 0;
	const char *k;

	k = summ_rows_field(sr, row, sr->col[SUMM_COL_SOURCES], &len);
	if (len > 0)
		return xstrdup(k);
	for (i = 0; i < p->nsrcs; i++) {
		k = smap_key(sr->units, p->srcs[i], &len);
		xgrow((void **)&buf, &cap, blen + len + 2, 1);
		if (i > 0)
			buf[blen++] = ',';
		memcpy(buf + blen, k, len);
		blen += len;
	}
	xgrow((void **)&buf, &cap, blen + 1, 1);
	buf[blen] = '\0';
	return buf;
}

/* The conflict of row id, malloc'd: its own, else the first one of
 * another row of its claim, else "". */
static char *
conflict(struct summ_rows *sr, const struct story *st, size_t id)
{
	char *mine;
	const char *f;
	size_t i, n, len;

	f = summ_rows_field(sr, &st->rows[id], sr->col[SUMM_COL_CONFLICT],
	    &len);
	if (len > 0 || sr->col[SUMM_COL_CLAIM] < 0)
		return xstrdup(f);
	mine = xstrdup(summ_rows_field(sr, &st->rows[id],
	    sr->col[SUMM_COL_CLAIM], &n));
	for (i = 0; i < st->n && n > 0; i++) {
		f = summ_rows_field(sr, &st->rows[i], sr->col[SUMM_COL_CLAIM],
		    &len);
		if (strcmp(f, mine) != 0)
			continue;
		f = summ_rows_field(sr, &st->rows[i],
		    sr->col[SUMM_COL_CONFLICT], &len);
		if (len > 0) {
			free(mine);
			return xstrdup(f);
		}
	}
	free(mine);
	return xstrdup("");
}

long
summ_rows_run(struct summ_rows *sr, const struct story *st,
    const struct summ_opts *o, const struct summ_pick **picks,
    struct summ_line **lines)
{
	const struct summ_pick *p;
	struct summ_line *l;
	size_t i, np;

	*lines = NULL;
	if (load(sr, st) == -1)
		return -1;
	np = summ_run(sr->summ, o, &p);
	l = xcalloc(np + 1, sizeof(*l));
	for (i = 0; i < np; i++) {
		l[i].text = p[i].text;
		l[i].len = p[i].len;
		l[i].support = p[i].support;
		l[i].sources = sources(sr, &p[i], &st->rows[p[i].id]);
		l[i].conflict = conflict(sr, st, p[i].id);
	}
	*picks = p;
	*lines = l;
	return (long)np;
}

void
summ_rows_lines_free(struct summ_line *l, size_t n)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((char *)l[i].sources);
		free((char *)l[i].conflict);
	}
	free(l);
}
