/*
 * align-gen: a synthetic story of n sentences for benchmarking
 * align-claims, deterministic for the same arguments.
 *
 *	align-gen [-s seed] n
 *
 * Writes a crossread-tsv(5) stream "doc sent text" to standard output:
 * documents of 20 sentences, doc ids d000001, d000002, ...  Words are made
 * of syllables from a vocabulary of 50,000 drawn with a Zipf law (s = 1),
 * so a few are very common and most are rare, as in news text.  The story
 * has n / 10 facts, each a fixed set of 6 content words and a number; a
 * sentence restates a random fact (its words in another order, one left
 * out, now and then another number: a conflict) half the time, and is
 * filler of 8 to 24 random words otherwise.  So each fact is stated by
 * about five documents and the candidate lists stay realistic at every n.
 *
 * A benchmark helper; not installed.
 */
#include <err.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"

#define VOCAB	50000
#define FACTW	6

static const char *const syl[] = {
	"ka", "lo", "mer", "tan", "vi", "sul", "dor", "pe", "ran", "zo",
	"bel", "quin", "ta", "mos", "ri", "gan", "fel", "nu", "hal", "cor",
	"de", "won", "pi", "strat", "le", "mun", "sa", "tor", "vel", "ba",
	"gri", "ot"
};

/* The word of rank k (1-based): its syllables from k's digits base 32. */
static void
word(unsigned k, FILE *fp)
{
	unsigned v = k * 2654435761u % 1000003u + 1024;

	do {
		fputs(syl[v % 32], fp);
		v /= 32;
	} while (v > 0);
}

int
main(int argc, char *argv[])
{
	double *cum;
	unsigned *facts, *num, order[FACTW], f, k, j, t, nw;
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	long long n, i;
	const char *errstr;
	int ch;

	while ((ch = getopt(argc, argv, "s:")) != -1) {
		switch (ch) {
		case 's':
			s += (uint64_t)strtonum(optarg, 0, 1000000, &errstr);
			if (errstr != NULL)
				errx(2, "-s %s: %s", optarg, errstr);
			break;
		default:
			fprintf(stderr, "usage: align-gen [-s seed] n\n");
			return 2;
		}
	}
	if (argc - optind != 1)
		errx(2, "usage: align-gen [-s seed] n");
	n = strtonum(argv[optind], 1, 100000000, &errstr);
	if (errstr != NULL)
		errx(2, "n %s: %s", argv[optind], errstr);
	if ((cum = calloc(VOCAB, sizeof(*cum))) == NULL)
		err(1, NULL);
	gen_zipf_table(cum, VOCAB);
	f = (unsigned)(n / 10 > 0 ? n / 10 : 1);
	facts = calloc((size_t)f * FACTW, sizeof(*facts));
	num = calloc(f, sizeof(*num));
	if (facts == NULL || num == NULL)
		err(1, NULL);
	/* Facts use the rarer half of the vocabulary: what a story is about. */
	for (k = 0; k < f * FACTW; k++)
		facts[k] = VOCAB / 50 + (unsigned)(gen_next(&s) % (VOCAB -
		    VOCAB / 50));
	for (k = 0; k < f; k++)
		num[k] = 2 + (unsigned)(gen_next(&s) % 900);
	printf("doc\tsent\ttext\n");
	for (i = 0; i < n; i++) {
		printf("d%06lld\t%lld\t", i / 20 + 1, i % 20 + 1);
		if (gen_next(&s) % 2 == 0) {
			k = (unsigned)(gen_next(&s) % f);
			for (j = 0; j < FACTW; j++)
				order[j] = j;
			for (j = FACTW - 1; j > 0; j--) {
				t = (unsigned)(gen_next(&s) % (j + 1));
				nw = order[j], order[j] = order[t], order[t] = nw;
			}
			fputs("The ", stdout);
			for (j = 0; j < FACTW - (gen_next(&s) % 3 == 0); j++) {
				word(facts[k * FACTW + order[j]], stdout);
				fputs(j == 2 ? " said " : " ", stdout);
			}
			printf("%u.\n", gen_next(&s) % 8 == 0 ? num[k] + 1 :
			    num[k]);
		} else {
			nw = 8 + (unsigned)(gen_next(&s) % 17);
			for (j = 0; j < nw; j++) {
				word(gen_zipf(cum, VOCAB, &s), stdout);
				fputs(j + 1 < nw ? " " : ".\n", stdout);
			}
		}
	}
	free(cum);
	free(facts);
	free(num);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
	return 0;
}
