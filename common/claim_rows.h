/*
 * claim_rows.h: the sentence rows of one story (common/story.h) made into
 * a sim_index and the claim_sent array claim_align() takes: text, document
 * and source read by column, the entities column parsed.  The unescaped
 * fields live in the claim_rows until the next story.
 */
#ifndef CLAIM_ROWS_H
#define CLAIM_ROWS_H

#include <stddef.h>

#include "claim.h"
#include "ent.h"
#include "sim.h"
#include "story.h"
#include "tsv.h"

struct claim_rows {
	int		 text, doc;	/* column indices (required) */
	int		 source, ents;	/* -1 when absent */
	char		*buf;		/* unescaped fields, NUL-terminated */
	size_t		 len, cap;
	size_t		*off;		/* per sentence: text, source */
	size_t		 offcap;
	struct claim_sent *cl;		/* per sentence, into buf */
	size_t		 clcap;
	struct ent_list	 el;
};

/*
 * Unescape field f into cr->buf after what it holds, NUL-terminated;
 * returns its offset (valid until the next story).
 */
size_t	claim_rows_keep(struct claim_rows *cr, const struct tsv_field *f);

/*
 * Empty x and add the sentences of s (their document: the doc column,
 * interned per story), then finish it; cr->cl then describes them.
 * Returns 0, or -1 with "name:line: entities: reason" in err when an
 * entities field is malformed.
 */
int	claim_rows_index(struct claim_rows *cr, const char *name,
	    const struct story *s, struct sim_index *x, char *err,
	    size_t errlen);

/* Free what cr holds (not cr). */
void	claim_rows_free(struct claim_rows *cr);

#endif
