/*
 * claim_rows.c: a story's rows into a sim_index and claim_sent array
 * (claim_rows.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim_rows.h"
#include "hash.h"
#include "xalloc.h"

size_t
claim_rows_keep(struct claim_rows *cr, const struct tsv_field *f)
{
	size_t off = cr->len;

	if (cr->len + f->len + 1 > cr->cap)
		xgrow((void **)&cr->buf, &cr->cap, cr->len + f->len + 1, 1);
	cr->len += tsv_unescape(cr->buf + off, f->p, f->len);
	cr->buf[cr->len++] = '\0';
	return off;
}

/* The parsed entities of row (NULL without the column); -1 when bad. */
static int
row_ents(struct claim_rows *cr, const char *name,
    const struct story_row *row, const struct ent_list **el, char *err,
    size_t errlen)
{
	const char *why;
	size_t off;

	*el = NULL;
	if (cr->ents < 0)
		return 0;
	off = claim_rows_keep(cr, &row->f[cr->ents]);
	if (ent_parse(cr->buf + off, strlen(cr->buf + off), &cr->el,
	    &why) == -1) {
		snprintf(err, errlen, "%s:%lu: entities: %s", name,
		    row->lineno, why);
		return -1;
	}
	cr->len = off;
	*el = &cr->el;
	return 0;
}

int
claim_rows_index(struct claim_rows *cr, const char *name,
    const struct story *s, struct sim_index *x, char *err, size_t errlen)
{
	const struct ent_list *el;
	const struct story_row *row;
	struct smap *docs = smap_new();
	size_t i, t, src, g;

	cr->len = 0;
	sim_index_clear(x);
	if (2 * s->n > cr->offcap)
		xgrow((void **)&cr->off, &cr->offcap, 2 * s->n,
		    sizeof(*cr->off));
	for (i = 0; i < s->n; i++) {
		row = &s->rows[i];
		g = smap_put(docs, row->f[cr->doc].p, row->f[cr->doc].len,
		    NULL);
		t = claim_rows_keep(cr, &row->f[cr->text]);
		src = claim_rows_keep(cr, &row->f[cr->source >= 0 ?
		    cr->source : cr->doc]);
		cr->off[2 * i] = t;
		cr->off[2 * i + 1] = src;
		if (row_ents(cr, name, row, &el, err, errlen) == -1) {
			smap_free(docs);
			return -1;
		}
		sim_index_add(x, cr->buf + t, src - t - 1, el, (uint32_t)g);
	}
	smap_free(docs);
	sim_index_finish(x);
	if (s->n > cr->clcap)
		xgrow((void **)&cr->cl, &cr->clcap, s->n, sizeof(*cr->cl));
	for (i = 0; i < s->n; i++) {
		cr->cl[i].text = cr->buf + cr->off[2 * i];
		cr->cl[i].len = cr->off[2 * i + 1] - cr->off[2 * i] - 1;
		cr->cl[i].source = cr->buf + cr->off[2 * i + 1];
	}
	return 0;
}

void
claim_rows_free(struct claim_rows *cr)
{
	if (cr == NULL)
		return;
	free(cr->buf);
	free(cr->off);
	free(cr->cl);
	ent_list_free(&cr->el);
	memset(cr, 0, sizeof(*cr));
}
