/*
 * align-wnsyn: the synonym table of align-claims, from WordNet's index
 * files (Debian package wordnet-base, /usr/share/wordnet).
 *
 *	align-wnsyn [-k senses] wordnet-dir
 *
 * For each one-word lemma of index.noun, index.verb, index.adj and
 * index.adv, its first k senses (WordNet lists them most frequent first;
 * default 2) are synsets it belongs to.  Writes one line "POS OFFSET STEM"
 * per lemma and sense, the stem being the lemma's Snowball stem
 * (common/stem.h, the stems align-claims compares).  The make rule sorts
 * these, joins the stems of each synset on one line and keeps the lines
 * of two or more different stems: data/align-synonyms.txt.gz.
 *
 * A benchmark/data helper linked with libcrossread; not installed.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stem.h"

static const char *const parts[] = { "noun", "verb", "adj", "adv", NULL };

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-k senses] wordnet-dir\n", getprogname());
	exit(2);
}

/* One index line: the lemma's first k synsets with its stem. */
static void
index_line(struct stem *st, const char *part, char *line, long k)
{
	char *f[1024], *p, *save = NULL;
	const char *s;
	size_t n = 0, len;
	long nsyn, i;

	for (p = strtok_r(line, " \n", &save); p != NULL && n < 1024;
	    p = strtok_r(NULL, " \n", &save))
		f[n++] = p;
	if (n < 6 || strchr(f[0], '_') != NULL || strchr(f[0], '-') != NULL)
		return;
	nsyn = strtol(f[2], NULL, 10);
	if (nsyn < 1 || (size_t)nsyn > n - 4)
		return;
	s = stem_word(st, f[0], strlen(f[0]), &len);
	for (i = 0; i < nsyn && i < k; i++)
		printf("%s %s %.*s\n", part, f[n - nsyn + i], (int)len, s);
}

int
main(int argc, char *argv[])
{
	struct stem *st;
	char path[4096], *line = NULL;
	const char *errstr;
	size_t cap = 0, i;
	long k = 2;
	int ch;
	FILE *fp;

	while ((ch = getopt(argc, argv, "k:")) != -1) {
		switch (ch) {
		case 'k':
			k = strtonum(optarg, 1, 100, &errstr);
			if (errstr != NULL)
				errx(2, "-k %s: %s", optarg, errstr);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1)
		usage();
	if ((st = stem_new()) == NULL)
		errx(1, "libstemmer has no English stemmer");
	for (i = 0; parts[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s/index.%s", argv[optind],
		    parts[i]);
		if ((fp = fopen(path, "r")) == NULL)
			err(1, "%s", path);
		while (getline(&line, &cap, fp) > 0)
			if (line[0] != ' ')
				index_line(st, parts[i], line, k);
		if (ferror(fp))
			err(1, "%s", path);
		fclose(fp);
	}
	free(line);
	stem_free(st);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
	return 0;
}
