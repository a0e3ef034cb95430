/*
 * nertag.h: the mentions of a story's sentences, as tag-entities writes
 * them: people, organisations, places and the rest from the trained model
 * (ner.h), one document at a time; dates, amounts and numbers from the
 * rules (numex.h), dates resolved against each document's publication
 * date; then keys linked over the whole story (nerkey.h).
 *
 * A document is a run of consecutive sentences with one `doc` value.  Its
 * publication date is the `date` value of its first sentence when that
 * parses (numex_date_parse), else the first full date in its first three
 * sentences (a dateline), else unknown.
 *
 * CoNLL types map to OntoNotes ones: PER is PERSON, ORG is ORG, LOC is GPE
 * when the gazetteer knows the words as a country, region or city, else
 * LOC; MISC is NORP when the gazetteer knows them as a nationality,
 * religion or party, else a name of two words or more ending in "Act",
 * "Treaty", "Accord", ... is a LAW, one ending in "War", "Olympics",
 * "Cup", "Summit", ... an EVENT, else MISC.  A rule's expression that
 * overlaps a model's mention is dropped.
 *
 * Corrections to the model: titles are cut off a person's span, and
 * two or more capitalised words after a title inside another span are a
 * person ("Treasury Secretary Scott Bessent", "Secretary of Commerce
 * Howard Lutnick"); a one-word ORG, LOC or MISC that ends a person's name
 * elsewhere in the story is that person; in a title-case headline (no
 * final full stop, seven in ten words capitalised) a
 * mention is kept only when it is a GPE or NORP (the gazetteer knows it)
 * or the document names it so outside headlines, else cut to its first
 * words when they are a place or nationality the gazetteer knows.
 */
#ifndef NERTAG_H
#define NERTAG_H

#include <stddef.h>
#include <stdint.h>

#include "ner.h"
#include "nergaz.h"

/* One sentence given to nertag_story(); text is not copied. */
struct nertag_sent {
	const char	*text;		/* unescaped */
	size_t		 len;
	const char	*doc;		/* document id, compared as bytes */
	size_t		 doclen;
	const char	*date;		/* publication date or NULL */
	size_t		 datelen;
};

struct nertag_mention {
	size_t		 sent;		/* index into the story's sentences */
	uint32_t	 start, end;	/* bytes of its text */
	int		 type;		/* enum ent_type */
	char		*key;		/* owned */
};

/* Mentions of a story, in order of sentence, start, end. */
struct nertag_out {
	struct nertag_mention *v;
	size_t		 n, cap;
};

struct nertag;

/* A tagger over a loaded model and gazetteer (not owned). */
struct nertag	*nertag_new(const struct ner_model *m, const struct nergaz *g);
void		 nertag_free(struct nertag *t);

/* Replace out with the mentions of the sentences s[0..n) of one story. */
void		 nertag_story(struct nertag *t, const struct nertag_sent *s,
		    size_t n, struct nertag_out *out);
void		 nertag_out_free(struct nertag_out *out);

#endif
