/*
 * sbd.h: sentence boundary detection over one article held in memory.
 *
 * sbd_split() cuts an article into paragraphs and sentences and reports each
 * sentence as a byte span [start, end) into the buffer it was given, with the
 * number of its paragraph.  Spans are in order, never overlap, never start or
 * end with white space, and together cover every byte that is not white
 * space: nothing of the article is dropped.  White space is what
 * utf8_isspace() says: ASCII space, TAB, LF, VT, FF, CR, NEL and the Unicode
 * characters of categories Zs, Zl and Zp (NO-BREAK SPACE, EM SPACE,
 * IDEOGRAPHIC SPACE, ...) plus U+FEFF (a byte-order mark is not text).
 * Bytes that are not valid UTF-8 are not white space: they land inside a
 * sentence unchanged.
 *
 * The function never allocates except to grow the caller's span array
 * (through xreallocarray), never reads past len, and does not need the
 * buffer to be NUL-terminated.
 *
 * Lines and paragraphs.  A line ends at LF (a CR before it is white
 * space; U+2028 and U+2029 are white space, not line ends).  A blank line
 * holds only white space.
 *  - SBD_PARA_LINE: every line is a paragraph, blank lines included, so a
 *    sentence's paragraph number is its line number; a sentence never
 *    crosses a line end.
 *  - SBD_PARA_BLANK: paragraphs are runs of non-blank lines, numbered 1,
 *    2, ... in order.  A paragraph is wrapped when it has two lines or
 *    more, at least half of its line ends fall mid-sentence (the line has
 *    no final punctuation . ! ? : ; ) " ' ” ’ … 。！？． and the next line
 *    starts in lower case, or both lines are 40 bytes or longer and the
 *    first at most 100), and its last line is at most half again as long
 *    as the others plus 16 bytes.  In a wrapped paragraph an LF is a space,
 *    except before a line that starts with a list marker, and after a line
 *    shorter than half the paragraph's longest that has no final
 *    punctuation and is followed by a capital (a heading or byline).  In a
 *    paragraph that is not wrapped every line end ends a sentence.
 *  - SBD_PARA_AUTO: blank mode when the lines of the article's wrapped
 *    paragraphs are at least as many as those of its other multi-line
 *    paragraphs, and, for an article without blank lines, every line end
 *    falls mid-sentence and, for two lines, the second starts in lower
 *    case; line mode otherwise.  A line ending in a title or another abbreviation that
 *    never ends a sentence ("Mr.", "e.g.") has no final punctuation here.
 * So in either mode a line with no final punctuation followed by a newline
 * (headline, byline, dateline, caption, list item) is a sentence of its
 * own, except inside a wrapped paragraph.
 *
 * Sentences within a line or wrapped paragraph.  A sentence ends after a
 * mark (. ! ? … ‼ ⁇ ⁈ ⁉, runs of them such as "?!" or "...", and the
 * closing quotes and brackets right after it) that is followed by white
 * space and then by a word that can open a sentence:
 *  - after ! and ?: anything but a lower-case letter or , ; : ) ] } % &
 *    ! ?; a bracket ("(Reporting by ...)"), an ellipsis, a web address,
 *    and dashes followed by a space or a capital ("-- Tom") do open one;
 *    a lower-case word too when no quote closes the mark and
 *    the word before is not capitalised ("really? or not", but "Why?"
 *    he asked" and "Yahoo! in" run on; "Yahoo!" before a capital ends only
 *    before a typical sentence opener);
 *  - after a period, by the word before it: titles (Mr. Dr. Gov. Sen. Gen.
 *    Lt. St. ...) and e.g. i.e. vs. never end; No. p. Fig. and kin not
 *    before a digit; abbreviations that can end a sentence (Inc. Corp. Co.
 *    Ltd. Jr. etc., months, days, states) and initialisms (J.R.R., Ph.D.)
 *    end only before a typical sentence opener (a pronoun, determiner,
 *    conjunction, "Mr." ...: see sbd_abbr.c) or a quote and a capital;
 *    U.S. U.K. U.N. E.U. D.C. end before any capital but a word that
 *    continues a name (Senate, Navy, Security ...), a title or an acronym,
 *    and not when they open the sentence; a.m. and p.m. end before an
 *    opener unless the sentence had fewer than three words before them
 *    ("At 5 a.m. Mr. Smith left"); a single capital is an initial, ending
 *    only before an opener, or "I" after a lower-case word before any
 *    capital; St. Ave. Rd. after a house number and a name end before
 *    any capital; a number or single letter opening the sentence is a
 *    list marker; any other word ends the sentence like ! and ?, and
 *    before lower case too when it is a plain lower-case word of three
 *    letters or more and no quote follows the period;
 *  - an ellipsis ("...", "…", four or more periods) ends before a capital
 *    or digit; ". . ." spaced out and "[...]" never end, ". . . ." may;
 *  - the full-width marks 。．！？｡ end a sentence with or without a
 *    space after them, except 」 followed by と.
 * A period with no space after it never ends a sentence, so URLs, e-mail
 * addresses, file and domain names, handles, decimals, versions and
 * initialisms are never cut inside; "x.com. Next" is cut after the last
 * period.  Inside parentheses that the sentence opened and that close
 * later on the line, nothing ends.  A face after a mark (":)", "^_^")
 * stays with the sentence before it; a face standing alone after a word
 * (":(", ":-)", ":D") ends a sentence before a capital.  Besides marks,
 * a sentence also ends
 * before the next item of a list the line opened ("1. The first item
 * 2. The second item", "a) ... b) ...", "• ... • ..."), before a list
 * item after a colon ("as follows: 1. Check"), before a web address
 * that follows another, and after the time of an e-mail header's date
 * ("09/16/99 08:55 AM Have you ...").
 */
#ifndef SBD_H
#define SBD_H

#include <stddef.h>

enum sbd_para {
	SBD_PARA_AUTO,	/* decide per article from its line structure */
	SBD_PARA_BLANK,	/* blank lines end paragraphs; single LF is a wrap */
	SBD_PARA_LINE	/* every line is a paragraph of its own */
};

struct sbd_opts {
	enum sbd_para	para;
};

struct sbd_span {
	size_t		start;	/* first byte of the sentence */
	size_t		end;	/* one past its last byte */
	size_t		para;	/* paragraph number, from 1 */
};

/* A growable array of spans: the caller zeroes it, sbd_split refills it. */
struct sbd_spans {
	struct sbd_span	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Split buf[0..len) into sentences.  Sets spans->n to the number found
 * (0 for an article of only white space) and returns it.  The array is
 * reused across calls; free it with sbd_spans_free().
 */
size_t	sbd_split(const char *buf, size_t len, const struct sbd_opts *opts,
	    struct sbd_spans *spans);

/* Free the span array; the struct itself belongs to the caller. */
void	sbd_spans_free(struct sbd_spans *spans);

/*
 * Length in bytes of the white-space character at s[0..len) (as defined
 * above), or 0 when s does not start with one.
 */
size_t	sbd_space_len(const char *s, size_t len);

#endif
