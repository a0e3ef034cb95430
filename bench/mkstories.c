/*
 * mkstories: write a synthetic story of N articles as sentence rows
 * (`doc sent text story`), deterministic, for timing summarize(1).
 *
 *     mkstories ARTICLES [SENTENCES-PER-ARTICLE [SEED]]
 *
 * Words are made-up syllable strings.  The story has a pool of "facts"
 * (word sequences); each sentence retells one fact, drawn with a skewed
 * distribution so that some facts are widely reported, with a few words
 * changed, around filler words.  Nothing is taken from any real text.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFACT	200
#define FACTLEN	12
#define NVOCAB	5000

static unsigned long long state;

static unsigned
rnd(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

/* Word i of the vocabulary, as syllables; written to w. */
static void
word(unsigned i, char *w)
{
	static const char *const syl[] = {
		"ka", "lo", "mi", "ren", "to", "sa", "vel", "du", "ni", "por",
		"ta", "gen", "ri", "mo", "bas", "ul"
	};
	size_t n = 0;

	do {
		strcpy(w + n, syl[i % 16]);
		n += strlen(syl[i % 16]);
		i /= 16;
	} while (i > 0);
}

int
main(int argc, char *argv[])
{
	unsigned fact[NFACT][FACTLEN], a, s, k, f, narts, nsent = 20;
	const char *errstr;
	char w[64];

	if (argc < 2 || argc > 4)
		errx(2, "usage: mkstories articles [sentences [seed]]");
	narts = (unsigned)strtonum(argv[1], 1, 1000000, &errstr);
	if (errstr != NULL)
		errx(2, "articles %s: %s", argv[1], errstr);
	if (argc > 2 && (nsent = (unsigned)strtonum(argv[2], 1, 1000,
	    &errstr), errstr != NULL))
		errx(2, "sentences %s: %s", argv[2], errstr);
	state = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
	for (f = 0; f < NFACT; f++)
		for (k = 0; k < FACTLEN; k++)
			fact[f][k] = rnd(NVOCAB);
	printf("doc\tsent\ttext\tstory\n");
	for (a = 0; a < narts; a++)
		for (s = 0; s < nsent; s++) {
			/* Skewed: min of two draws favours low facts. */
			f = rnd(NFACT);
			k = rnd(NFACT);
			f = f < k ? f : k;
			printf("a%05u\t%u\t", a + 1, s + 1);
			word(rnd(NVOCAB), w);
			w[0] -= 'a' - 'A';
			printf("%s", w);
			for (k = 0; k < FACTLEN; k++) {
				word(rnd(8) == 0 ? rnd(NVOCAB) :
				    fact[f][k], w);
				printf(" %s", w);
				if (rnd(4) == 0) {
					word(rnd(50), w);	/* filler */
					printf(" %s", w);
				}
			}
			printf(".\tstory%u\n", narts);
		}
	if (fflush(stdout) != 0)
		err(1, "stdout");
	return 0;
}
