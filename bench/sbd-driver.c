/*
 * sbd-driver.c: a stand-in for split-sentences while the engine is built,
 * and a timer for the engine alone.
 *
 *	sbd-driver [-p auto|blank|line] docs.tsv
 *		reads a documents TSV (header "doc<TAB>text", text with the
 *		\t \n \r \\ escapes) and writes "doc para sent start end"
 *		rows, byte offsets into the unescaped text, like
 *		split-sentences (without the text column).
 *	sbd-driver -b [-p mode] [-n rounds] file
 *		splits the whole file as one article n times and prints the
 *		engine's speed in MB/s (read time excluded).
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../common/sbd.h"

/* Unescape a TSV field in place; returns its new length. */
static size_t
unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && strchr("tnr\\", s[i + 1])) {
			i++;
			s[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : '\\';
		} else
			s[o++] = s[i];
	}
	return o;
}

static void
run_tsv(FILE *fp, const struct sbd_opts *o)
{
	struct sbd_spans sp = { NULL, 0, 0 };
	char *line = NULL, *tab;
	size_t cap = 0, i, n;
	ssize_t len;

	if (getline(&line, &cap, fp) < 0)
		errx(1, "empty input");
	printf("doc\tpara\tsent\tstart\tend\n");
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			errx(1, "no text column");
		*tab++ = '\0';
		n = unescape(tab, (size_t)len - (size_t)(tab - line));
		sbd_split(tab, n, o, &sp);
		for (i = 0; i < sp.n; i++)
			printf("%s\t%zu\t%zu\t%zu\t%zu\n", line, sp.v[i].para,
			    i + 1, sp.v[i].start, sp.v[i].end);
	}
	free(line);
	sbd_spans_free(&sp);
}

static void
run_bench(FILE *fp, const struct sbd_opts *o, int rounds)
{
	struct sbd_spans sp = { NULL, 0, 0 };
	struct timespec t0, t1;
	char *buf = NULL;
	size_t len = 0, cap = 0, got, nsent = 0;
	double sec;
	int k;

	for (;;) {
		if (cap - len < 65536)
			if ((buf = realloc(buf, cap = cap * 2 + 65536)) == NULL)
				err(1, NULL);
		if ((got = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += got;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (k = 0; k < rounds; k++)
		nsent += sbd_split(buf, len, o, &sp);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sec = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%zu bytes x %d, %zu sentences/round, %.3f s, %.1f MB/s\n",
	    len, rounds, nsent / rounds, sec, len * (double)rounds / sec / 1e6);
	free(buf);
	sbd_spans_free(&sp);
}

int
main(int argc, char *argv[])
{
	struct sbd_opts o = { SBD_PARA_AUTO };
	FILE *fp;
	int ch, bench = 0, rounds = 5;

	while ((ch = getopt(argc, argv, "bn:p:")) != -1) {
		switch (ch) {
		case 'b':
			bench = 1;
			break;
		case 'n':
			rounds = (int)strtol(optarg, NULL, 10);
			if (rounds < 1 || rounds > 1000)
				errx(2, "rounds must be 1 to 1000");
			break;
		case 'p':
			o.para = optarg[0] == 'l' ? SBD_PARA_LINE :
			    optarg[0] == 'b' ? SBD_PARA_BLANK : SBD_PARA_AUTO;
			break;
		default:
			fprintf(stderr, "usage: sbd-driver [-b] [-n rounds] "
			    "[-p auto|blank|line] file\n");
			return 2;
		}
	}
	if (optind != argc - 1)
		errx(2, "one file expected");
	if ((fp = fopen(argv[optind], "r")) == NULL)
		err(1, "%s", argv[optind]);
	if (bench)
		run_bench(fp, &o, rounds);
	else
		run_tsv(fp, &o);
	fclose(fp);
	return 0;
}
