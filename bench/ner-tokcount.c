/*
 * ner-tokcount: the number of tokens (tok_split) in the text column of a
 * crossread-tsv(5) stream, for tokens-per-second figures (bench-tag.sh).
 * A benchmark helper, not a crossread tool.
 *
 *	ner-tokcount file.tsv
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>

#include "input.h"
#include "tok.h"
#include "tsv.h"

int
main(int argc, char *argv[])
{
	struct tsv_reader r;
	struct tok_list tl = { 0 };
	struct in *in;
	unsigned long long ntok = 0, nrow = 0;
	size_t len;
	int col, got;

	if (argc != 2)
		errx(2, "usage: ner-tokcount file.tsv");
	if ((in = in_open(argv[1])) == NULL)
		err(1, "%s", argv[1]);
	if (tsv_reader_open(&r, in->fp, argv[1]) == -1)
		errx(1, "%s: %s", argv[1], r.err);
	if ((col = tsv_col(&r, "text")) < 0)
		errx(2, "%s: no text column", argv[1]);
	while ((got = tsv_read(&r)) == 1) {
		len = tsv_unescape(r.f[col].p, r.f[col].p, r.f[col].len);
		tok_split(r.f[col].p, len, &tl);
		ntok += tl.n;
		nrow++;
	}
	if (got == -1)
		errx(1, "%s:%lu: %s", argv[1], r.lineno, r.err);
	printf("%llu %llu\n", ntok, nrow);
	tok_list_free(&tl);
	tsv_reader_free(&r);
	in_close(in);
	return 0;
}
