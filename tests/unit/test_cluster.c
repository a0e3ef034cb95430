/*
 * test_cluster.c: common/cluster, online story detection.  Dates; an
 * article joins the story it shares words with and not another; the
 * threshold; entity keys; the time window and idleness retire stories;
 * the background frequencies written and read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "unit.h"

static const struct cluster_opts defaults = {
	.threshold = 0.17, .window = 0, .idle = 0, .lookup = 20,
	.ent_weight = 2, .name_weight = 1.5
};

/* Put one article (text, entities or NULL, day) into a story. */
static const char *
put(struct cluster *c, const char *id, const char *text, const char *ents,
    long day, int *isnew)
{
	const char *err;

	cluster_doc_begin(c);
	cluster_doc_text(c, text, strlen(text));
	if (ents != NULL)
		CHECK_EQ_LONG(cluster_doc_entities(c, ents, strlen(ents),
		    &err), 0);
	return cluster_doc_end(c, id, day, isnew, NULL);
}

static void
test_days(void)
{
	static const struct {
		const char	*s;
		long		 day;
	} cases[] = {
		{ "1970-01-01", 0 },
		{ "1970-01-02T10:00:00Z", 1 },
		{ "19700201", 31 },
		{ "2000-03-01", 11017 },
		{ "2024-02-29 08:00", 19782 },
		{ "2023-02-29", CLUSTER_NODAY },
		{ "2024-13-01", CLUSTER_NODAY },
		{ "2024-1-01", CLUSTER_NODAY },
		{ "yesterday", CLUSTER_NODAY },
		{ "2024-01-01x", CLUSTER_NODAY },
		{ "", CLUSTER_NODAY },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_EQ_LONG(cluster_parse_day(cases[i].s,
		    strlen(cases[i].s)), cases[i].day);
}

static void
test_join_and_split(void)
{
	struct cluster *c = cluster_new(&defaults);
	struct cluster_stats st;
	const char *got;
	int isnew;

	CHECK(c != NULL);
	got = put(c, "a", "Floods swept the Ember valley; the Ember "
	    "river burst its banks.", NULL, CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "a");
	CHECK_EQ_LONG(isnew, 1);
	got = put(c, "b", "A chess final in Osterby went to a "
	    "grandmaster after a knight sacrifice.", NULL, CLUSTER_NODAY,
	    &isnew);
	CHECK_EQ_STR(got, "b");
	CHECK_EQ_LONG(isnew, 1);
	got = put(c, "c", "The Ember river floods receded from the "
	    "valley farms.", NULL, CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "a");
	CHECK_EQ_LONG(isnew, 0);
	got = put(c, "d", "The grandmaster defended the knight "
	    "sacrifice of the chess final.", NULL, CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "b");
	/* Nothing but stop words: a story of its own. */
	got = put(c, "e", "It was said that they would.", NULL,
	    CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "e");
	cluster_get_stats(c, &st);
	CHECK_EQ_LONG(st.articles, 5);
	CHECK_EQ_LONG(st.stories, 3);
	CHECK_EQ_LONG(st.live, 3);
	CHECK_EQ_LONG(st.rejoined, 0);
	/* Rows of a come back, about chess: they go to a's story. */
	got = put(c, "a", "The grandmaster's knight sacrifice in the chess "
	    "final.", NULL, CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "a");
	CHECK_EQ_LONG(isnew, 0);
	cluster_get_stats(c, &st);
	CHECK_EQ_LONG(st.rejoined, 1);
	cluster_free(c);
	cluster_free(NULL);
}

static void
test_entities_and_threshold(void)
{
	struct cluster_opts o = defaults;
	struct cluster *c;
	const char *err, *got;
	int isnew;

	/* Only an entity key in common: joins when keys weigh enough. */
	o.ent_weight = 20;
	c = cluster_new(&o);
	put(c, "a", "Harbour cranes stood idle.", "0:7:GPE:zorbin",
	    CLUSTER_NODAY, &isnew);
	got = put(c, "b", "Bakers marched at dawn.", "0:6:GPE:zorbin",
	    CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "a");
	/* A DATE key is not a name: no pull. */
	got = put(c, "c", "Tulips bloomed early.",
	    "0:7:DATE:2031-04-01", CLUSTER_NODAY, &isnew);
	CHECK_EQ_STR(got, "c");
	cluster_doc_begin(c);
	CHECK_EQ_LONG(cluster_doc_entities(c, "x", 1, &err), -1);
	cluster_free(c);

	/* Threshold 1: nothing joins, even the same words. */
	o = defaults;
	o.threshold = 1.0001;
	c = cluster_new(&o);
	put(c, "a", "Ember river floods.", NULL, CLUSTER_NODAY, &isnew);
	got = put(c, "b", "Ember river floods.", NULL, CLUSTER_NODAY,
	    &isnew);
	CHECK_EQ_STR(got, "b");
	cluster_free(c);
}

static void
test_retirement(void)
{
	struct cluster_opts o = defaults;
	struct cluster *c;
	struct cluster_stats st;
	const char *got;
	int isnew, i;
	char id[16];

	/* The window: more than 7 days after a story's newest article. */
	o.window = 7;
	c = cluster_new(&o);
	put(c, "a", "Ember river floods.", NULL, 100, &isnew);
	got = put(c, "b", "Ember river floods again.", NULL, 105,
	    &isnew);
	CHECK_EQ_STR(got, "a");
	got = put(c, "c", "Ember river floods once more.", NULL, 112,
	    &isnew);
	CHECK_EQ_STR(got, "a");
	got = put(c, "d", "Ember river floods yet again.", NULL, 120,
	    &isnew);
	CHECK_EQ_STR(got, "d");
	/* No date: the window does not apply; a is a candidate again. */
	got = put(c, "e", "Ember river floods, undated.", NULL,
	    CLUSTER_NODAY, &isnew);
	CHECK_EQ_LONG(isnew, 0);
	cluster_free(c);

	/* Idleness: the story is forgotten, and its slot reused. */
	o = defaults;
	o.idle = 3;
	c = cluster_new(&o);
	put(c, "a", "Ember river floods.", NULL, CLUSTER_NODAY, &isnew);
	for (i = 0; i < 600; i++) {
		snprintf(id, sizeof(id), "x%d", i);
		put(c, id, "Pharos satellite orbit launch.", NULL,
		    CLUSTER_NODAY, &isnew);
	}
	got = put(c, "z", "Ember river floods.", NULL, CLUSTER_NODAY,
	    &isnew);
	CHECK_EQ_STR(got, "z");
	cluster_get_stats(c, &st);
	CHECK_EQ_LONG(st.stories, 3);
	CHECK(st.live <= 2);
	cluster_free(c);
}

static void
test_df_round_trip(void)
{
	struct cluster *c = cluster_new(&defaults), *d;
	char buf[4096];
	const char *err;
	unsigned long line;
	FILE *fp;
	size_t n;
	int isnew;

	put(c, "a", "Ember river floods.", NULL, CLUSTER_NODAY, &isnew);
	put(c, "b", "Ember river dries.", NULL, CLUSTER_NODAY, &isnew);
	fp = tmpfile();
	CHECK_EQ_LONG(cluster_save_df(c, fp, 1), 0);
	rewind(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	CHECK_EQ_STR(buf, "docs\t2\ndri\t1\nember\t2\nflood\t1\nriver\t2\n");
	rewind(fp);
	d = cluster_new(&defaults);
	CHECK_EQ_LONG(cluster_load_df(d, fp, &err, &line), 0);
	fclose(fp);
	/* Saved again with min_df 2, after one more article. */
	put(d, "c", "Ember floods.", NULL, CLUSTER_NODAY, &isnew);
	fp = tmpfile();
	CHECK_EQ_LONG(cluster_save_df(d, fp, 2), 0);
	rewind(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	CHECK_EQ_STR(buf, "docs\t3\nember\t3\nflood\t2\nriver\t2\n");
	fclose(fp);
	cluster_free(d);

	/* Bad tables. */
	d = cluster_new(&defaults);
	fp = tmpfile();
	fputs("docs\t2\nember\t5\n", fp);
	rewind(fp);
	CHECK_EQ_LONG(cluster_load_df(d, fp, &err, &line), -1);
	CHECK_EQ_LONG(line, 2);
	fclose(fp);
	fp = tmpfile();
	fputs("docs\t2\nember 1\n", fp);
	rewind(fp);
	CHECK_EQ_LONG(cluster_load_df(d, fp, &err, &line), -1);
	CHECK_EQ_STR(err, "expected term<TAB>count");
	fclose(fp);
	cluster_free(d);
	cluster_free(c);
}

/* A word of letters from v, between 'q' and 'z'. */
static size_t
letters(size_t v, char *out)
{
	size_t m = 0;

	out[m++] = 'q';
	do {
		out[m++] = (char)('a' + v % 26);
		v /= 26;
	} while (v > 0);
	out[m++] = 'z';
	out[m++] = ' ';
	out[m] = '\0';
	return m;
}

/*
 * The vocabulary stays under its bound while stories come and go (40
 * articles each, on 6 words of their own) and every article brings 3
 * words never seen before; the stories are those found unbounded.
 */
static void
test_bounded_vocabulary(void)
{
	struct cluster_opts o = defaults;
	struct cluster *c[2];
	struct cluster_stats st;
	char text[512], id[32];
	const char *a, *b;
	size_t k, j, n, most = 0;
	int isnew;

	o.idle = 30;
	c[0] = cluster_new(&o);
	o.max_terms = 1000;
	c[1] = cluster_new(&o);
	CHECK(c[0] != NULL && c[1] != NULL);
	if (c[0] == NULL || c[1] == NULL)
		return;
	for (k = 0; k < 2000; k++) {
		for (j = n = 0; j < 6; j++)
			n += letters(1000000 + (k / 40) * 6 + j, text + n);
		for (j = 0; j < 3; j++)
			n += letters(k * 3 + j, text + n);
		snprintf(id, sizeof(id), "d%zu", k);
		a = put(c[0], id, text, NULL, CLUSTER_NODAY, &isnew);
		b = put(c[1], id, text, NULL, CLUSTER_NODAY, &isnew);
		CHECK_EQ_STR(b, a);
		cluster_get_stats(c[1], &st);
		if (st.terms > most)
			most = st.terms;
	}
	CHECK(most <= 1000);
	CHECK(most >= 500);
	cluster_get_stats(c[0], &st);
	CHECK(st.terms > 6000);		/* the unbounded one kept them all */
	CHECK(st.stories >= 50 && st.stories < 200);
	cluster_free(c[0]);
	cluster_free(c[1]);
}

int
main(void)
{
	test_days();
	test_join_and_split();
	test_entities_and_threshold();
	test_retirement();
	test_df_round_trip();
	test_bounded_vocabulary();
	UNIT_END();
}
