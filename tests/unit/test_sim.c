/*
 * test_sim.c: unit tests of common/sim: the values found without
 * entities (amounts, percentages, dates, times, counts, with their spans),
 * values and names from an entities list, the features (identical and
 * disjoint sentences, every feature symmetric, values left out), the
 * candidate lists (never the same group, only later sentences, rare keys),
 * the synonym table, and the model file written and read back.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent.h"
#include "sim.h"
#include "stem.h"
#include "unit.h"

/* A scratch file holding s; the caller unlinks and frees the name. */
static char *
scratch(const char *s)
{
	const char *dir = getenv("TMPDIR");
	char *p;
	FILE *fp;
	int fd;

	if ((p = malloc(4096)) == NULL)
		exit(2);
	snprintf(p, 4096, "%s/test_sim.XXXXXX", dir ? dir : "/tmp");
	if ((fd = mkstemp(p)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		perror("scratch");
		exit(2);
	}
	fputs(s, fp);
	fclose(fp);
	return p;
}

/* Values of sentence i as "kind=key@text" joined by spaces. */
static void
values(const struct sim_index *x, const char *text, size_t i, char *out,
    size_t cap)
{
	const struct sim_value *v;
	const char *k;
	size_t n, kl, j, o = 0;

	out[0] = '\0';
	v = sim_values(x, i, &n);
	for (j = 0; j < n; j++) {
		k = sim_vocab(x, v[j].key, &kl);
		o += snprintf(out + o, cap - o, "%s%d=%.*s@%.*s",
		    j ? " " : "", v[j].kind, (int)kl, k,
		    (int)(v[j].end - v[j].start), text + v[j].start);
	}
}

static const struct {
	const char	*text;
	const char	*want;
} cues[] = {
	{ "Shares fell 4.4% to $21.51 on Tuesday.",
	    "3=4.4%@4.4% 2=$21.51@$21.51 0=tuesday@Tuesday" },
	{ "The firm paid $2.5 billion in 1998.",
	    "2=$2.5b@$2.5 billion 0=1998@1998" },
	{ "Three people died on June 10 at 12:30.",
	    "4=3@Three 0=month6-10@June 10 1=12:30@12:30" },
	{ "Sales rose 5 percent to 1,500 units.",
	    "3=5%@5 percent 4=1500@1,500" },
	/* "May" alone may be the verb: only with a day after it. */
	{ "It may rain in May.", "" },
	{ "Talks resume in March.", "0=month3@March" },
	{ "Nothing to see here.", "" },
};

static void
test_cues(struct stem *st)
{
	struct sim_index *x = sim_index_new(st, NULL);
	char got[512];
	size_t i;

	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++)
		sim_index_add(x, cues[i].text, strlen(cues[i].text), NULL,
		    (uint32_t)i);
	sim_index_finish(x);
	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		values(x, cues[i].text, i, got, sizeof(got));
		CHECK_EQ_STR(got, cues[i].want);
	}
	sim_index_free(x);
}

static void
test_entities(struct stem *st)
{
	struct sim_index *x = sim_index_new(st, NULL);
	struct ent_list el = { 0 };
	const char *t = "Ann Reyes met Bo Li in Paris on Monday.";
	const char *why, *e = "0:9:PERSON:ann reyes|14:19:PERSON:bo li|"
	    "23:28:GPE:france|32:38:DATE:2026-03-02";
	char got[512];
	double f[SIM_NFEAT];

	CHECK_EQ_LONG(ent_parse(e, strlen(e), &el, &why), 0);
	sim_index_add(x, t, strlen(t), &el, 0);
	sim_index_add(x, t, strlen(t), &el, 1);
	sim_index_finish(x);
	values(x, t, 0, got, sizeof(got));
	CHECK_EQ_STR(got, "6=E:ann reyes@Ann Reyes 6=E:bo li@Bo Li "
	    "0=E:2026-03-02@Monday");
	sim_features(x, 0, 1, f);
	CHECK(f[27] == 1);	/* name_dice: all names shared */
	CHECK(f[21] == 1);	/* num_same */
	ent_list_free(&el);
	sim_index_free(x);
}

static void
test_features(struct stem *st)
{
	static const char *const s[] = {
		"The Calloway bridge reopened on Monday after repairs.",
		"The Calloway bridge reopened on Monday after repairs.",
		"Orchestras tour distant islands every summer.",
		"After repairs, the bridge at Calloway reopened Monday.",
		"The Calloway bridge reopened on Friday after repairs.",
		"The Calloway bridge did not reopen on Monday after repairs.",
	};
	struct sim_index *x = sim_index_new(st, NULL);
	double f[SIM_NFEAT], g[SIM_NFEAT];
	size_t i, j, k, n = sizeof(s) / sizeof(s[0]);

	for (i = 0; i < n; i++)
		sim_index_add(x, s[i], strlen(s[i]), NULL, (uint32_t)i);
	sim_index_finish(x);
	sim_features(x, 0, 1, f);
	CHECK(f[0] == 1 && f[3] == 1 && f[14] == 1 && f[16] == 0);
	CHECK(f[21] == 1 && f[29] == 0);
	sim_features(x, 0, 2, f);
	CHECK(f[0] == 0 && f[3] == 0 && f[6] == 0);
	sim_features(x, 0, 5, f);
	CHECK(f[29] == 1);	/* negation in one only */
	/* Every feature is symmetric. */
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			sim_features(x, i, j, f);
			sim_features(x, j, i, g);
			for (k = 0; k < SIM_NFEAT; k++)
				if (fabs(f[k] - g[k]) > 1e-12) {
					fprintf(stderr, "feature %s of %zu %zu "
					    "not symmetric\n",
					    sim_feature_name(k), i, j);
					CHECK(0);
				}
		}
	/* Monday and Friday differ; without the values they agree. */
	sim_features(x, 0, 4, f);
	CHECK(f[24] == 1 && f[0] < 1);
	sim_features_novalues(x, 0, 4, f);
	CHECK(f[0] == 1 && f[20] == 1 && f[14] == 1);
	CHECK(sim_shared(x, 0, 4) == 4);
	CHECK(sim_containment(x, 0, 3) == 1);
	sim_index_free(x);
}

static void
test_candidates(struct stem *st)
{
	static const char *const s[] = {
		"Rescuers pulled two hikers from the flooded canyon.",
		"Two hikers were pulled from the flooded canyon.",
		"Rescuers pulled two hikers from the flooded canyon.",
		"The zoo welcomed a baby giraffe.",
		"The flooded canyon stayed closed.",
	};
	struct sim_index *x = sim_index_new(st, NULL);
	uint32_t *c = NULL;
	size_t cap = 0, n;
	static const uint32_t group[] = { 0, 1, 0, 2, 3 };
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		sim_index_add(x, s[i], strlen(s[i]), NULL, group[i]);
	sim_index_finish(x);
	n = sim_candidates(x, 0, 10, &c, &cap);
	/* 1 shares most; 2 is the same document; 3 shares nothing. */
	CHECK_EQ_LONG(n, 2);
	CHECK_EQ_LONG(c[0], 1);
	CHECK_EQ_LONG(c[1], 4);
	CHECK_EQ_LONG(sim_candidates(x, 0, 1, &c, &cap), 1);
	CHECK_EQ_LONG(sim_candidates(x, 3, 10, &c, &cap), 0);
	CHECK_EQ_LONG(sim_candidates(x, 4, 10, &c, &cap), 0);
	free(c);
	sim_index_free(x);
}

static void
test_lex(struct stem *st)
{
	char *p = scratch("big larg\nquick fast rapid\n\nbig huge\n");
	char err[256];
	struct sim_lex *lex = sim_lex_load(p, err, sizeof(err));
	struct sim_index *x;
	double f[SIM_NFEAT];
	const char *a = "The big dog ran.", *b = "The large dog ran.";

	CHECK(lex != NULL);
	CHECK(sim_lex_syn(lex, "big", 3, "larg", 4));
	CHECK(sim_lex_syn(lex, "huge", 4, "big", 3));
	CHECK(!sim_lex_syn(lex, "huge", 4, "larg", 4));
	CHECK(sim_lex_syn(lex, "fast", 4, "rapid", 5));
	CHECK(!sim_lex_syn(lex, "fast", 4, "nope", 4));
	x = sim_index_new(st, lex);
	sim_index_add(x, a, strlen(a), NULL, 0);
	sim_index_add(x, b, strlen(b), NULL, 1);
	sim_index_finish(x);
	sim_features(x, 0, 1, f);
	CHECK(f[0] < 1 && f[6] == 1);	/* synonyms match, stems do not */
	sim_index_free(x);
	sim_lex_free(lex);
	unlink(p);
	free(p);
	CHECK(sim_lex_load("/nonexistent/lex", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "/nonexistent/lex") != NULL);
}

static void
test_model(void)
{
	struct sim_model m, r;
	char err[256], *p, *bad;
	double f[SIM_NFEAT] = { 0 };
	size_t k;
	FILE *fp;

	memset(&m, 0, sizeof(m));
	for (k = 0; k < SIM_NWEIGHT; k++)
		m.w[k] = (double)k / 1000 - 0.5;
	m.bias = -1.25;
	m.threshold = 0.6;
	m.partial = 0.3;
	m.latent = 1;
	p = scratch("");
	fp = fopen(p, "w");
	CHECK(sim_model_write(&m, fp) == 0);
	fclose(fp);
	CHECK_EQ_LONG(sim_model_load(&r, p, err, sizeof(err)), 0);
	for (k = 0; k < SIM_NWEIGHT; k++)
		CHECK(fabs(r.w[k] - m.w[k]) < 1e-9);
	CHECK(r.bias == -1.25 && r.threshold == 0.6 && r.partial == 0.3);
	CHECK(r.latent == 1);
	CHECK(fabs(sim_model_score(&r, f) - 1 / (1 + exp(1.25))) < 1e-9);
	/* Only the latent feature k counts: its weight, nothing squared. */
	f[SIM_NBASE + 3] = 1;
	CHECK(fabs(sim_model_score(&r, f) - 1 / (1 + exp(1.25 -
	    m.w[SIM_NBASE + 3]))) < 1e-9);
	f[SIM_NBASE + 3] = 0;
	unlink(p);
	free(p);
	/* A lexical-only model: no latent weights, m.latent 0. */
	m.latent = 0;
	p = scratch("");
	fp = fopen(p, "w");
	CHECK(sim_model_write(&m, fp) == 0);
	fclose(fp);
	CHECK_EQ_LONG(sim_model_load(&r, p, err, sizeof(err)), 0);
	CHECK(r.latent == 0);
	for (k = 0; k < SIM_NWEIGHT; k++)
		CHECK(fabs(r.w[k] - (k >= SIM_NBASE && k < SIM_NFEAT ? 0 :
		    m.w[k])) < 1e-9);
	unlink(p);
	free(p);
	/* Some latent weights but not all: an error. */
	bad = scratch("lat_sum_0 1\nlat_cos 2\n");
	CHECK_EQ_LONG(sim_model_load(&r, bad, err, sizeof(err)), -1);
	CHECK(strstr(err, "no weight") != NULL);
	unlink(bad);
	free(bad);
	bad = scratch("lat_sum_100 1\n");
	CHECK_EQ_LONG(sim_model_load(&r, bad, err, sizeof(err)), -1);
	CHECK(strstr(err, ":1: not a model line") != NULL);
	unlink(bad);
	free(bad);
	bad = scratch("# comment\nthreshold 0.5\nstem_dice 1\nbogus 2\n");
	CHECK_EQ_LONG(sim_model_load(&r, bad, err, sizeof(err)), -1);
	CHECK(strstr(err, ":4: not a model line") != NULL);
	unlink(bad);
	free(bad);
	bad = scratch("threshold 0.5\nstem_dice 1\n");
	CHECK_EQ_LONG(sim_model_load(&r, bad, err, sizeof(err)), -1);
	CHECK(strstr(err, "no weight") != NULL);
	unlink(bad);
	free(bad);
	CHECK_EQ_STR(sim_feature_name(0), "stem_dice");
	CHECK_EQ_STR(sim_feature_name(SIM_NBASE), "lat_sum");
	CHECK_EQ_STR(sim_feature_name(SIM_NBASE + TFKLD_DIM), "lat_diff");
	CHECK_EQ_STR(sim_feature_name(SIM_NFEAT - 1), "lat_cos");
	CHECK(sim_feature_name(SIM_NFEAT) == NULL);
}

/*
 * The latent features inside an index: keys kept for training, a tiny
 * model over them (two axes: the bridge sentence's own keys, the
 * orchestra's), then the vectors folded in at sim_index_add.
 */
static void
test_latent(struct stem *st)
{
	static const char *const s[] = {
		"The Calloway bridge reopened on Monday.",
		"The Calloway bridge reopened on Friday.",
		"Orchestras tour distant islands.",
	};
	struct sim_index *x = sim_index_new(st, NULL);
	uint64_t key[64];
	double w[64], v[128], f[SIM_NFEAT];
	const uint64_t *k;
	struct tfkld *t;
	size_t i, n, m = 0, nb;

	for (i = 0; i < 3; i++)
		sim_index_add(x, s[i], strlen(s[i]), NULL, (uint32_t)i);
	k = sim_keys(x, 0, &n);
	CHECK(k == NULL && n == 0);		/* not kept */
	sim_index_clear(x);
	sim_index_keep_keys(x);
	for (i = 0; i < 3; i++)
		sim_index_add(x, s[i], strlen(s[i]), NULL, (uint32_t)i);
	k = sim_keys(x, 0, &nb);
	CHECK_EQ_LONG(nb, 6 + 5);		/* 6 words: 6 + 5 bigrams */
	for (i = 0; i < nb; i++, m++) {
		key[m] = k[i];
		w[m] = 1;
		v[2 * m] = 1;
		v[2 * m + 1] = 0;
	}
	k = sim_keys(x, 2, &n);
	CHECK_EQ_LONG(n, 4 + 3);
	for (i = 0; i < n; i++, m++) {
		key[m] = k[i];
		w[m] = 1;
		v[2 * m] = 0;
		v[2 * m + 1] = 1;
	}
	t = tfkld_from(key, w, v, m, 2);
	sim_index_free(x);
	x = sim_index_new(st, NULL);
	sim_index_latent(x, t);
	for (i = 0; i < 3; i++)
		sim_index_add(x, s[i], strlen(s[i]), NULL, (uint32_t)i);
	sim_index_finish(x);
	sim_features(x, 0, 2, f);
	CHECK(fabs(f[SIM_NFEAT - 1]) < 1e-4);		/* cosine 0 */
	CHECK(fabs(f[SIM_NBASE] - 1) < 1e-4);		/* sum (1, 1) */
	CHECK(fabs(f[SIM_NBASE + 1] - 1) < 1e-4);
	CHECK(fabs(f[SIM_NBASE + TFKLD_DIM] - 1) < 1e-4);	/* |diff| */
	sim_features(x, 0, 1, f);
	CHECK(f[SIM_NFEAT - 1] > 0.99);	/* only the bridge axis */
	/* Without the date, the two are the same: difference 0. */
	sim_features_novalues(x, 0, 1, f);
	CHECK(fabs(f[SIM_NFEAT - 1] - 1) < 1e-4);
	CHECK(fabs(f[SIM_NBASE + TFKLD_DIM]) < 1e-4);
	sim_index_free(x);
	tfkld_free(t);
}

int
main(void)
{
	struct stem *st = stem_new();

	CHECK(st != NULL);
	test_cues(st);
	test_entities(st);
	test_features(st);
	test_candidates(st);
	test_lex(st);
	test_model();
	test_latent(st);
	stem_free(st);
	UNIT_END();
}
