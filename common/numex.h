/*
 * numex.h: dates, times, amounts, percentages, quantities, cardinals and
 * ordinals found by rules over the tokens of a sentence (tok.h), each with
 * a normalised key:
 *
 *	DATE      ISO 8601 when the reference (publication) date allows:
 *	          "2025-06-27", "2025-06", "2025", "2025-W26"; else the
 *	          unresolved form with X for what is unknown ("XXXX-06-10",
 *	          "XXXX-06", "XXXX-WXX-5" for a bare weekday) or an offset
 *	          from the reference ("REF-1D" yesterday, "REF-1M" last
 *	          month, "REF+1W" next week); durations as ISO 8601
 *	          durations ("P90D", "P2W", "P1Y")
 *	TIME      "T15:00", "T12:30"; "PT3H" for a span of hours
 *	MONEY     ISO 4217 code and amount: "USD 1500000000"
 *	PERCENT   "125%"
 *	QUANTITY  amount and unit: "90 km", "2 tonnes"
 *	CARDINAL  the number: "3", "1500"
 *	ORDINAL   the rank: "1", "21"
 *
 * A day, month or year that is out of range is no date.  Numbers are
 * written with up to 15 significant digits, without exponent for values
 * below 10^15.
 */
#ifndef NUMEX_H
#define NUMEX_H

#include <stddef.h>
#include <stdint.h>

#include "tok.h"

/* A calendar date; y == 0 means unknown (then m and d are unused). */
struct numex_date {
	int		y, m, d;
};

struct numex_hit {
	size_t		b, e;		/* tokens [b, e) of the sentence */
	int		type;		/* enum ent_type */
	char		key[48];
};

struct numex_list {
	struct numex_hit *v;
	size_t		 n, cap;
};

/*
 * Replace l with the expressions among the tokens t[0..n) of text s,
 * resolving dates against ref (NULL or y == 0: unknown).  Expressions do
 * not overlap and come in order.
 */
void	numex_scan(const char *s, const struct tok *t, size_t n,
	    const struct numex_date *ref, struct numex_list *l);
void	numex_list_free(struct numex_list *l);

/*
 * Find a full date (year, month and day) in s[0..len): an ISO 8601
 * "2025-06-30" (optionally followed by a time), "June 30, 2025",
 * "30 June 2025", "Jun. 30 2025".  Meant for a `date` column and for an
 * article's dateline.  Returns 0 and fills *d, or -1.
 */
int	numex_date_parse(const char *s, size_t len, struct numex_date *d);

/* Days since 1970-01-01 of a valid date; and back. */
long	numex_days(int y, int m, int d);
void	numex_civil(long days, struct numex_date *out);

#endif
