/*
 * test_ner.c: unit tests of common/ner: label names, spans from labels
 * (conlleval's reading of a stray I-), feature extraction (bounded,
 * deterministic, case shared through the lower-case form, gazetteer marks
 * as features, document features from first-pass labels), decoding with
 * a hand-set weight table (never an I- that does not continue), and the
 * model file's round trip and refusals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner.h"
#include "nergaz.h"
#include "unit.h"

#define BITS	12

struct got {
	size_t	b[8], e[8];
	int	t[8];
	size_t	n;
};

static void
collect(void *arg, size_t b, size_t e, int type)
{
	struct got *g = arg;

	g->b[g->n] = b;
	g->e[g->n] = e;
	g->t[g->n++] = type;
}

static void
labels_and_spans(void)
{
	const uint8_t lab[] = { 0, NER_B(NER_PER), NER_I(NER_PER),
	    NER_B(NER_PER), 0, NER_I(NER_ORG), NER_I(NER_LOC) };
	struct got g = { .n = 0 };
	int i;

	for (i = 0; i < NER_NLABEL; i++)
		CHECK_EQ_LONG(ner_label_parse(ner_label_name(i),
		    strlen(ner_label_name(i))), i);
	CHECK_EQ_LONG(ner_label_parse("B-FOO", 5), -1);
	CHECK_EQ_STR(ner_type_name(NER_MISC), "MISC");
	ner_spans(lab, sizeof(lab), collect, &g);
	CHECK_EQ_LONG(g.n, 4);
	CHECK(g.b[0] == 1 && g.e[0] == 3 && g.t[0] == NER_PER);
	CHECK(g.b[1] == 3 && g.e[1] == 4 && g.t[1] == NER_PER);
	CHECK(g.b[2] == 5 && g.e[2] == 6 && g.t[2] == NER_ORG);
	CHECK(g.b[3] == 6 && g.e[3] == 7 && g.t[3] == NER_LOC);
}

/* A document of one sentence made of the words of s (space-separated). */
static void
doc_of(struct ner_doc *d, const char *s)
{
	const char *p = s, *sp;

	ner_doc_clear(d);
	ner_doc_sentence(d);
	while (*p != '\0') {
		if ((sp = strchr(p, ' ')) == NULL)
			sp = p + strlen(p);
		ner_doc_token(d, p, sp - p);
		p = *sp == ' ' ? sp + 1 : sp;
	}
}

static int
has(const uint64_t *f, size_t n, uint64_t h)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i] == h)
			return 1;
	return 0;
}

static void
features(const struct nergaz *g)
{
	struct ner_doc d = { 0 }, e = { 0 };
	uint64_t dyn1[NER_MAXF], dyn2[NER_MAXF], doc[NER_MAXF];
	size_t i, n1, n2, shared = 0;

	doc_of(&d, "Talks in Paris ended , Paris said");
	ner_prepare(g, &d);
	for (i = 0; i < d.n; i++)
		CHECK(d.nfeat[i] > 10 && d.nfeat[i] <= NER_MAXF);
	/* The gazetteer mark adds features to Paris, not to "in". */
	CHECK(d.t[2].gazb == NERGAZ_CITY && d.t[1].gazb == 0);
	/* Same word, same case: the word and lower-case features match. */
	CHECK(has(d.feat + 5 * NER_MAXF, d.nfeat[5], d.feat[2 * NER_MAXF + 1]));
	doc_of(&e, "Talks in PARIS ended");
	ner_prepare(g, &e);
	for (i = 0; i < e.nfeat[2]; i++)
		shared += has(d.feat + 2 * NER_MAXF, d.nfeat[2],
		    e.feat[2 * NER_MAXF + i]);
	CHECK(shared > 3 && shared < e.nfeat[2]);
	CHECK(!has(d.feat + 2 * NER_MAXF, d.nfeat[2], e.feat[2 * NER_MAXF + 1]));
	CHECK(has(d.feat + 2 * NER_MAXF, d.nfeat[2], e.feat[2 * NER_MAXF + 2]));
	/* Previous labels change the dynamic features. */
	n1 = ner_dynamic(&d, 2, 0, 0, dyn1);
	n2 = ner_dynamic(&d, 2, NER_B(NER_LOC), 0, dyn2);
	CHECK(n1 == n2 && n1 > 0 && dyn1[0] != dyn2[0]);
	/* Document features follow the first pass's labels. */
	memset(d.lab1, 0, d.n);
	ner_docstats(&d, d.lab1);
	n1 = ner_docfeats(&d, 2, doc);
	memcpy(dyn1, doc, n1 * sizeof(*doc));
	d.lab1[5] = NER_B(NER_LOC);
	ner_docstats(&d, d.lab1);
	n2 = ner_docfeats(&d, 2, doc);
	CHECK(n2 > 0 && (n1 != n2 || memcmp(dyn1, doc, n1 * 8) != 0));
	ner_doc_free(&d);
	ner_doc_free(&e);
}

/* Weights: O by default; the word feature of token 2 votes I-LOC (never
 * allowed after O), then B-LOC. */
static void
decoding(const struct nergaz *g)
{
	size_t nb = (size_t)1 << BITS, row;
	float *w = calloc(nb * NER_NLABEL, sizeof(*w));
	struct ner_doc d = { 0 };
	struct ner_model *m, *m2;
	char path[] = "/tmp/test_ner.XXXXXX", err[256];
	int fd;

	doc_of(&d, "Talks in Paris ended");
	ner_prepare(g, &d);
	w[(d.feat[0] >> (64 - BITS)) * NER_NLABEL + 0] = 1;	/* bias */
	row = (d.feat[2 * NER_MAXF + 1] >> (64 - BITS)) * NER_NLABEL;
	w[row + NER_I(NER_LOC)] = 9;
	w[row + NER_B(NER_LOC)] = 5;
	m = ner_model_new(BITS, w, w);
	ner_tag(m, g, &d);
	CHECK_EQ_LONG(d.lab[0], 0);
	CHECK_EQ_LONG(d.lab[2], NER_B(NER_LOC));
	CHECK_EQ_LONG(d.lab1[2], NER_B(NER_LOC));
	CHECK_EQ_LONG(d.lab[3], 0);
	/* The file round trip gives the same tags. */
	fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ_LONG(ner_model_save(m, path, err, sizeof(err)), 0);
	m2 = ner_model_load(path, err, sizeof(err));
	CHECK(m2 != NULL);
	memset(d.lab, 0, d.n);
	if (m2 != NULL)
		ner_tag(m2, g, &d);
	CHECK_EQ_LONG(d.lab[2], NER_B(NER_LOC));
	/* Not a model; a model cut short. */
	CHECK(ner_model_load("/nonexistent/x", err, sizeof(err)) == NULL);
	CHECK_EQ_LONG(truncate(path, 100), 0);
	CHECK(ner_model_load(path, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "cut short") != NULL ||
	    strstr(err, "not a crossread-ner model") != NULL);
	unlink(path);
	ner_model_free(m);
	ner_model_free(m2);
	ner_model_free(NULL);
	ner_doc_free(&d);
	free(w);
}

int
main(void)
{
	static const char gaztext[] = "CITY\tParis\n";
	struct nergaz *g = nergaz_from_text(gaztext, sizeof(gaztext) - 1);

	labels_and_spans();
	features(g);
	decoding(g);
	nergaz_free(g);
	UNIT_END();
}
