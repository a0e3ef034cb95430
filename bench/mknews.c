/*
 * mknews: write JSON Lines of invented news articles about many
 * invented stories, in date order, for the pipeline benchmark.
 *
 *	mknews [-s seed] MB > news.jsonl
 *
 * Writes at least MB * 10^6 bytes.  Each story has its own people and
 * topic words, made from syllables, and NFACT facts: FACTW words of the
 * rarer part of a vocabulary of VOCAB words and a number.  It runs for 5 to
 * 30 days, and about 40 stories run at any time.  An article picks a
 * running story and writes 8 to 24 sentences, in paragraphs: a fact of the
 * story retold (its words in another order with a name and common words,
 * now and then one word left out or another number: a conflict) a third
 * of the time, otherwise filler of common words, words drawn from the
 * vocabulary by a Zipf law (s = 1, so a few are frequent and most are
 * rare, as in news text) and the story's own words.  So each fact is told
 * by several outlets, and the per-story stages see candidate lists like
 * those of real coverage.  A fixed-seed xorshift64* generator makes the
 * output the same for the same arguments.  Nothing is taken from any
 * corpus.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define NSTORY	4096	/* stories in a cycle; ids go on growing */
#define NTOPIC	10	/* topic words a story has */
#define NNAME	5	/* names a story has */
#define NFACT	30	/* facts a story has */
#define FACTW	6	/* words of a fact */
#define VOCAB	50000	/* the Zipf vocabulary */

/* Common English words, the filler of every sentence. */
static const char *const common[] = {
	"the", "a", "of", "to", "and", "in", "on", "for", "with", "at",
	"by", "from", "after", "before", "over", "about", "officials",
	"said", "on Monday", "on Tuesday", "late on Friday", "this week",
	"residents", "the city", "the government", "the plan", "a report",
	"the council", "local", "new", "more than", "hundreds of", "several",
	"early", "later", "expected", "announced", "confirmed", "described",
	"called", "began", "continued", "warned", "agreed", "rejected",
	"reported", "the area", "the region", "the first", "the last",
	"people", "workers", "families", "a statement", "a spokesman",
	"the agency", "a meeting", "questions", "the decision", "support",
	"concerns", "the cost", "the project", "the case", "the talks",
	"a long", "a brief", "the public", "the morning", "the evening",
	"they", "it", "was", "were", "has", "had", "will", "would", "is",
	"not", "also", "but", "while", "as", "that", "which", "who",
};
#define NCOMMON	(sizeof(common) / sizeof(common[0]))

static const char *const syl[] = {
	"var", "nol", "ke", "dra", "mi", "sor", "tal", "ven", "qui", "bor",
	"len", "ast", "ri", "mon", "pel", "zan", "tho", "gri", "el", "ud",
	"fen", "ka", "lor", "shi", "ban", "cor", "dim", "est", "hal", "jun",
};
#define NSYL	(sizeof(syl) / sizeof(syl[0]))

struct story {
	char	 topic[NTOPIC][16];
	char	 name[NNAME][40];
	unsigned fact[NFACT][FACTW];
	unsigned num[NFACT];
	long	 id;
	int	 start, end;	/* days */
};

static unsigned
pick(uint64_t *s, unsigned n)
{
	return (unsigned)(gen_next(s) % n);
}

/* A word of 2 or 3 syllables, capitalised when cap. */
static void
word(uint64_t *s, char *out, size_t cap, int capital)
{
	int i, n = 2 + (int)pick(s, 2);

	out[0] = '\0';
	for (i = 0; i < n; i++)
		strncat(out, syl[pick(s, NSYL)], cap - strlen(out) - 1);
	if (capital)
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* The vocabulary's word of rank k (1-based), from k's digits base NSYL. */
static size_t
vword(unsigned k, char *out)
{
	unsigned v = k * 2654435761u % 810000u + 30;
	size_t n = 0, l;

	do {
		l = strlen(syl[v % NSYL]);
		memcpy(out + n, syl[v % NSYL], l);
		n += l;
		v /= NSYL;
	} while (v > 0);
	return n;
}

static void
new_story(uint64_t *s, struct story *st, long id, int day)
{
	char a[16], b[16];
	int i, j;

	st->id = id;
	st->start = day;
	st->end = day + 5 + (int)pick(s, 26);
	for (i = 0; i < NTOPIC; i++)
		word(s, st->topic[i], sizeof(st->topic[i]), 0);
	for (i = 0; i < NNAME; i++) {
		word(s, a, sizeof(a), 1);
		word(s, b, sizeof(b), 1);
		if (i < 3)
			snprintf(st->name[i], sizeof(st->name[i]), "%s %s",
			    a, b);
		else
			snprintf(st->name[i], sizeof(st->name[i]), "%s", a);
	}
	/* Facts use the rarer part of the vocabulary: what a story is about. */
	for (i = 0; i < NFACT; i++) {
		for (j = 0; j < FACTW; j++)
			st->fact[i][j] = VOCAB / 50 +
			    pick(s, VOCAB - VOCAB / 50);
		st->num[i] = 2 + pick(s, 900);
	}
}

/* Append w to buf at n, a space first unless at the start. */
static size_t
put(char *buf, size_t n, const char *w, size_t len)
{
	if (n > 0)
		buf[n++] = ' ';
	memcpy(buf + n, w, len);
	return n + len;
}

/* A fact of the story retold: its words shuffled, a name, a number. */
static size_t
fact(uint64_t *s, const struct story *st, char *buf)
{
	unsigned order[FACTW], j, t, k = pick(s, NFACT), drop;
	size_t n = 0;
	char w[64];

	for (j = 0; j < FACTW; j++)
		order[j] = j;
	for (j = FACTW - 1; j > 0; j--) {
		t = pick(s, j + 1);
		drop = order[j], order[j] = order[t], order[t] = drop;
	}
	drop = pick(s, 3) == 0 ? FACTW - 1 : FACTW;
	n = put(buf, n, st->name[k % NNAME], strlen(st->name[k % NNAME]));
	for (j = 0; j < drop; j++) {
		if (j == 2 || j == 4) {
			const char *c = common[pick(s, NCOMMON)];

			n = put(buf, n, c, strlen(c));
		}
		n = put(buf, n, w, vword(st->fact[k][order[j]], w));
	}
	n = put(buf, n, w, (size_t)snprintf(w, sizeof(w), "%u",
	    st->num[k] + (pick(s, 8) == 0)));
	return n;
}

/* Append a sentence of the story to buf (JSON-escaped: no quotes). */
static size_t
sentence(uint64_t *s, const struct story *st, const double *cum, char *buf)
{
	size_t n = 0;
	int i, len = 8 + (int)pick(s, 13);
	unsigned r;
	const char *w;
	char v[64];

	if (pick(s, 3) == 0)
		n = fact(s, st, buf);
	else
		for (i = 0; i < len; i++) {
			r = pick(s, 100);
			if (r < 55)
				w = common[pick(s, NCOMMON)];
			else if (r < 85) {
				v[vword(gen_zipf(cum, VOCAB, s), v)] = '\0';
				w = v;
			} else if (r < 95)
				w = st->topic[pick(s, NTOPIC)];
			else
				w = st->name[pick(s, NNAME)];
			n = put(buf, n, w, strlen(w));
		}
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	buf[n++] = '.';
	return n;
}

/* Civil date of a day counted from 2031-01-01, into out (32 bytes). */
static void
date(int day, char *out)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y = 2031, m = 0, ylen;

	for (;;) {
		ylen = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 :
		    365;
		if (day < ylen)
			break;
		day -= ylen;
		y++;
	}
	while (day >= md[m] + (m == 1 && ylen == 366)) {
		day -= md[m] + (m == 1 && ylen == 366);
		m++;
	}
	snprintf(out, 32, "%04d-%02d-%02d", y, m + 1, day + 1);
}

int
main(int argc, char *argv[])
{
	static struct story st[NSTORY];
	static double cum[VOCAB];
	static char text[64 * 1024];
	uint64_t seed = 0x9E3779B97F4A7C15ULL, total = 0, want;
	long nextid = 0, art = 0;
	int i, k, day = 0, nsent, live = 0;
	size_t n;
	char d[32];

	if (argc == 4 && strcmp(argv[1], "-s") == 0) {
		seed ^= strtoull(argv[2], NULL, 10);
		argv += 2;
		argc -= 2;
	}
	if (argc != 2 || (want = strtoull(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: mknews [-s seed] MB\n");
		return 2;
	}
	want *= 1000000;
	gen_zipf_table(cum, VOCAB);
	while (total < want) {
		day = (int)(art / 400);		/* 400 articles a day */
		/* Keep about 40 stories running. */
		for (i = 0, live = 0; i < NSTORY && live < 40; i++) {
			if (st[i].end == 0 || st[i].end < day)
				new_story(&seed, &st[i], ++nextid, day);
			live++;
		}
		k = (int)pick(&seed, (unsigned)live);
		date(day, d);
		n = 0;
		nsent = 8 + (int)pick(&seed, 17);
		for (i = 0; i < nsent; i++) {
			n += sentence(&seed, &st[k], cum, text + n);
			if (i == 0 || (i > 1 && pick(&seed, 3) == 0)) {
				memcpy(text + n, "\\n\\n", 4);
				n += 4;
			} else
				text[n++] = ' ';
		}
		total += (uint64_t)printf("{\"id\":\"a%08ld\",\"date\":\"%s\","
		    "\"source\":\"Outlet %u\",\"topic\":\"t%ld\",\"text\":"
		    "\"%.*s\"}\n", art, d, pick(&seed, 50), st[k].id, (int)n,
		    text);
		art++;
	}
	return ferror(stdout) || fflush(stdout) != 0;
}
