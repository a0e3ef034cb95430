/*
 * ner.h: the trained named-entity tagger of tag-entities.
 *
 * A document is a sequence of sentences of tokens.  Each token gets one of
 * nine labels, IOB2 over the four CoNLL-2003 types (O, B-PER, I-PER, B-ORG,
 * I-ORG, B-LOC, I-LOC, B-MISC, I-MISC).  The model is linear: a label's
 * score is the sum of the weights its features hit, and the features of a
 * token are hashed (hash_bytes) into one of 2^bits buckets, each holding
 * one int8 weight per label.  Decoding is greedy, left to right, with the
 * previous two labels as features; an I-X that does not continue an X is
 * never chosen.
 *
 * Two passes: the first tags with local features only (the word, its lower
 * case, shape, prefixes and suffixes, the neighbouring words and shapes,
 * capitalisation at the sentence start and in an all-caps sentence,
 * how much of the sentence is numbers and whether a number follows (tables
 * of results), gazetteer matches, previous labels).  The second adds document features
 * from the first pass's output over the whole document: the type the
 * same word (lower case) was most often given elsewhere, whether it was
 * the last or first word of a longer entity, whether it also appears in
 * lower case.  Each pass has its own weight table.
 *
 * The model file is gzip: a text line "crossread-ner 1 BITS SCALE1
 * SCALE2\n" then the two tables, 2^BITS * 9 signed bytes each; a weight
 * is byte * SCALE.
 */
#ifndef NER_H
#define NER_H

#include <stddef.h>
#include <stdint.h>

#include "nergaz.h"

#define NER_NTYPE	4	/* PER ORG LOC MISC */
#define NER_NLABEL	9
#define NER_MAXF	64	/* features of one token, at most */

enum ner_type { NER_PER, NER_ORG, NER_LOC, NER_MISC };

/* Label of B-t and I-t; the type of a label other than O (0). */
#define NER_B(t)	(1 + 2 * (t))
#define NER_I(t)	(2 + 2 * (t))
#define NER_TYPE(l)	(((l) - 1) / 2)
#define NER_ISB(l)	((l) != 0 && ((l) & 1) == 1)

struct ner_tok {
	const char	*s;		/* not owned */
	uint32_t	 len;
	uint8_t		 cap;		/* first character upper case */
	uint8_t		 lower;		/* holds a letter, none upper case */
	uint8_t		 gazb, gazi;	/* nergaz types begun / continued */
	uint64_t	 hw, hlw;	/* hashes of the word, its lower case */
	uint64_t	 hshape;
};

/*
 * A document being tagged: tokens (pointing at the caller's text, which
 * must outlive them), sentence starts, and the labels ner_tag() writes.
 * ner_doc_clear() empties it keeping its memory.
 */
struct ner_doc {
	struct ner_tok	*t;
	size_t		 n, cap;
	size_t		*sent;		/* index of each sentence's first token */
	size_t		 nsent, sentcap;
	uint8_t		*lab;		/* n labels after ner_tag() */
	uint8_t		*lab1;		/* first-pass labels */
	uint64_t	*feat;		/* static features, NER_MAXF a token */
	uint8_t		*nfeat;
	size_t		 labcap;
	char		*lbuf;		/* scratch for lower-casing */
	size_t		 lbufcap;
	struct ner_dstat *dstat;	/* document statistics (pass 2) */
	size_t		 ndstat, dstatcap;
};

void	ner_doc_clear(struct ner_doc *d);
void	ner_doc_free(struct ner_doc *d);
/* Start a new sentence; then add its tokens in order. */
void	ner_doc_sentence(struct ner_doc *d);
void	ner_doc_token(struct ner_doc *d, const char *s, size_t len);

struct ner_model;

/*
 * Load the model file at path.  Returns NULL with a reason in err (errlen
 * bytes) when it cannot be read or is not a model.  Free with
 * ner_model_free().
 */
struct ner_model *ner_model_load(const char *path, char *err, size_t errlen);
void	ner_model_free(struct ner_model *m);

/* Tag d (both passes); d->lab then holds a label per token. */
void	ner_tag(const struct ner_model *m, const struct nergaz *g,
	    struct ner_doc *d);

/*
 * Spans of entities in labels lab[0..n): calls fn(arg, first, last + 1,
 * type) for each, in order.  An I-X after a token of another type starts
 * an entity (as conlleval does).
 */
void	ner_spans(const uint8_t *lab, size_t n,
	    void (*fn)(void *arg, size_t b, size_t e, int type), void *arg);

/* "PER", "ORG", "LOC", "MISC"; "O", "B-PER", ... for labels. */
const char *ner_type_name(int type);
const char *ner_label_name(int label);
int	ner_label_parse(const char *s, size_t n);

/*
 * For training (bench/ner-train.c).  ner_prepare() fills the tokens'
 * hashes, gazetteer marks and static features; ner_dynamic() gives the
 * features that depend on the previous labels; ner_docstats() computes
 * the document statistics from labels lab1 (the first pass's), after
 * which ner_docfeats() gives a token's document features.  Each returns
 * the number of hashes written to out (room for NER_MAXF).
 */
void	ner_prepare(const struct nergaz *g, struct ner_doc *d);
size_t	ner_dynamic(const struct ner_doc *d, size_t i, int p1, int p2,
	    uint64_t *out);
void	ner_docstats(struct ner_doc *d, const uint8_t *lab1);
size_t	ner_docfeats(const struct ner_doc *d, size_t i, uint64_t *out);

/* The first pass alone: d->lab1 gets its labels. */
void	ner_tag_first(const struct ner_model *m, const struct nergaz *g,
	    struct ner_doc *d);

/*
 * A model from float tables w1, w2 (2^bits * NER_NLABEL each; w2 may be
 * NULL for a first pass alone), quantised as the file holds it; and
 * writing it.  ner_model_save() returns 0, or -1 with a reason in err.
 */
struct ner_model *ner_model_new(unsigned bits, const float *w1,
	    const float *w2);
int	ner_model_save(const struct ner_model *m, const char *path,
	    char *err, size_t errlen);

#endif
