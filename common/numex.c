/*
 * numex.c: the rules of numex.h.  At each token the rules are tried in
 * turn (money after a currency sign; a number and what follows it; a
 * number word or ordinal; a month; a weekday; a relative date; a time
 * word) and the first that matches takes its tokens.  Words are compared
 * without regard to ASCII case; month and weekday names must be
 * capitalised ("May" the month, not "may" the verb).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ent.h"
#include "numex.h"
#include "xalloc.h"

struct word {
	const char	*w;
	int		 v;
};

/* Month names and the usual abbreviations (AP style). */
static const struct word months[] = {
	{ "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 },
	{ "march", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 },
	{ "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
	{ "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
	{ "sept", 9 }, { "sep", 9 }, { "october", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nov", 11 }, { "december", 12 },
	{ "dec", 12 }, { NULL, 0 }
};

/* ISO weekday numbers: Monday 1 ... Sunday 7. */
static const struct word weekdays[] = {
	{ "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 },
	{ "thursday", 4 }, { "friday", 5 }, { "saturday", 6 },
	{ "sunday", 7 }, { NULL, 0 }
};

static const struct word numwords[] = {
	{ "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 },
	{ "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
	{ "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
	{ "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
	{ "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
	{ "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 },
	{ "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
	{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
	{ "dozen", 12 }, { NULL, 0 }
};

static const struct word ordwords[] = {
	{ "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 },
	{ "fifth", 5 }, { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 },
	{ "ninth", 9 }, { "tenth", 10 }, { "eleventh", 11 },
	{ "twelfth", 12 }, { "thirteenth", 13 }, { "fifteenth", 15 },
	{ "twentieth", 20 }, { "thirtieth", 30 }, { "fiftieth", 50 },
	{ "hundredth", 100 }, { NULL, 0 }
};

/* Scale words: the power of ten. */
static const struct word scales[] = {
	{ "hundred", 2 }, { "thousand", 3 }, { "million", 6 }, { "mln", 6 },
	{ "billion", 9 }, { "bln", 9 }, { "bn", 9 }, { "trillion", 12 },
	{ NULL, 0 }
};

/* Currency words and signs, value an index into currency_codes. */
static const char *const currency_codes[] = {
	"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "RUB"
};
static const struct word currencies[] = {
	{ "dollar", 0 }, { "dollars", 0 }, { "usd", 0 }, { "euro", 1 },
	{ "euros", 1 }, { "eur", 1 }, { "pound", 2 }, { "pounds", 2 },
	{ "sterling", 2 }, { "gbp", 2 }, { "yen", 3 }, { "jpy", 3 },
	{ "yuan", 4 }, { "renminbi", 4 }, { "cny", 4 }, { "rupee", 5 },
	{ "rupees", 5 }, { "inr", 5 }, { "franc", 6 }, { "francs", 6 },
	{ "chf", 6 }, { "cad", 7 }, { "aud", 8 }, { "rouble", 9 },
	{ "roubles", 9 }, { "ruble", 9 }, { "rubles", 9 }, { NULL, 0 }
};

/* Duration units: the ISO 8601 designator in v (with 'T' for hours). */
static const struct word durations[] = {
	{ "day", 'D' }, { "days", 'D' }, { "week", 'W' }, { "weeks", 'W' },
	{ "month", 'M' }, { "months", 'M' }, { "year", 'Y' },
	{ "years", 'Y' }, { "hour", 'H' }, { "hours", 'H' },
	{ "minute", 'm' }, { "minutes", 'm' }, { NULL, 0 }
};

/* Units of measure, key the written unit normalised (v indexes units). */
static const char *const unit_keys[] = {
	"km", "mi", "m", "kg", "t", "lb", "bbl", "l", "gal", "ha", "acre",
	"ft", "MW", "GW", "TEU", "bpd", "C", "F"
};
static const struct word units[] = {
	{ "km", 0 }, { "kilometers", 0 }, { "kilometres", 0 },
	{ "miles", 1 }, { "mile", 1 }, { "meters", 2 }, { "metres", 2 },
	{ "kg", 3 }, { "kilograms", 3 }, { "tons", 4 }, { "tonnes", 4 },
	{ "ton", 4 }, { "tonne", 4 }, { "lbs", 5 }, { "barrels", 6 },
	{ "barrel", 6 }, { "liters", 7 }, { "litres", 7 }, { "gallons", 8 },
	{ "hectares", 9 }, { "acres", 10 }, { "feet", 11 }, { "ft", 11 },
	{ "megawatts", 12 }, { "mw", 12 }, { "gigawatts", 13 },
	{ "gw", 13 }, { "teu", 14 }, { "bpd", 15 }, { "degrees", 16 },
	{ NULL, 0 }
};

struct scan {
	const char		*s;
	const struct tok	*t;
	size_t			 n;
	const struct numex_date	*ref;
	struct numex_list	*l;
};

#define TS(sc, i)	((sc)->s + (sc)->t[(i)].start)
#define TL(sc, i)	((size_t)((sc)->t[(i)].end - (sc)->t[(i)].start))

/* Value of word s[0..n) in table w (a final period ignored), or -1. */
static int
lookup(const struct word *w, const char *s, size_t n)
{
	if (n > 1 && s[n - 1] == '.')
		n--;
	for (; w->w != NULL; w++)
		if (strlen(w->w) == n && strncasecmp(w->w, s, n) == 0)
			return w->v;
	return -1;
}

static int
tok_is(const struct scan *sc, size_t i, const char *w)
{
	return i < sc->n && TL(sc, i) == strlen(w) &&
	    strncasecmp(TS(sc, i), w, TL(sc, i)) == 0;
}

static int
tok_in(const struct scan *sc, size_t i, const struct word *w)
{
	return i < sc->n ? lookup(w, TS(sc, i), TL(sc, i)) : -1;
}

/* A capitalised month or weekday name at token i, or -1. */
static int
capword(const struct scan *sc, size_t i, const struct word *w)
{
	if (i >= sc->n || !isupper((unsigned char)*TS(sc, i)))
		return -1;
	return tok_in(sc, i, w);
}

/* The number written in digits s[0..n) ("1,500", "3.5"), or -1. */
static double
digits(const char *s, size_t n)
{
	char buf[64];
	size_t i, k = 0;
	int dot = 0;

	if (n == 0 || n >= sizeof(buf) || !isdigit((unsigned char)s[0]))
		return -1;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			buf[k++] = s[i];
		else if (s[i] == ',' && !dot)
			continue;
		else if (s[i] == '.' && !dot && i + 1 < n) {
			dot = 1;
			buf[k++] = '.';
		} else
			return -1;
	}
	buf[k] = '\0';
	return strtod(buf, NULL);
}

/*
 * A number phrase at token i: digits or number words, then scale words
 * ("1.5 billion", "two hundred", "a dozen" not).  Returns its length in
 * tokens (0: none) and its value in *v.
 */
static size_t
number(const struct scan *sc, size_t i, double *v)
{
	size_t k = i;
	double x;
	int w, w2;

	if (i >= sc->n)
		return 0;
	if ((x = digits(TS(sc, i), TL(sc, i))) >= 0)
		k++;
	else if ((w = tok_in(sc, i, numwords)) >= 0) {
		x = w;
		k++;
		/* "twenty-five" is one token; "twenty five" two. */
		if (w >= 20 && w % 10 == 0 &&
		    (w2 = tok_in(sc, k, numwords)) > 0 && w2 < 10) {
			x += w2;
			k++;
		}
	} else
		return 0;
	while ((w = tok_in(sc, k, scales)) > 0) {
		x *= pow(10, w);
		k++;
	}
	*v = x;
	return k - i;
}

static void
fmtnum(char *out, size_t size, double v)
{
	snprintf(out, size, "%.15g", v);
}

static struct numex_hit *
hit(struct scan *sc, size_t b, size_t e, int type)
{
	struct numex_hit *h;

	xgrow((void **)&sc->l->v, &sc->l->cap, sc->l->n + 1,
	    sizeof(*sc->l->v));
	h = &sc->l->v[sc->l->n++];
	h->b = b;
	h->e = e;
	h->type = type;
	h->key[0] = '\0';
	return h;
}

long
numex_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
numex_civil(long z, struct numex_date *out)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

static int
valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= mdays(y, m);
}

static void
key_days(char *key, size_t size, long days)
{
	struct numex_date d;

	numex_civil(days, &d);
	snprintf(key, size, "%04d-%02d-%02d", d.y, d.m, d.d);
}

static int
known(const struct scan *sc)
{
	return sc->ref != NULL && sc->ref->y != 0;
}

/* A year token (1000..2999, four digits) at i, or -1. */
static int
year(const struct scan *sc, size_t i)
{
	const char *s;

	if (i >= sc->n || TL(sc, i) != 4)
		return -1;
	s = TS(sc, i);
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]) ||
	    (s[0] != '1' && s[0] != '2'))
		return -1;
	return atoi(s);
}

/* A day of the month token at i ("10", "10th"), or -1. */
static int
mday(const struct scan *sc, size_t i)
{
	const char *s;
	size_t n;
	int d = 0;

	if (i >= sc->n)
		return -1;
	s = TS(sc, i);
	n = TL(sc, i);
	if (n == 0 || n > 4 || !isdigit((unsigned char)s[0]))
		return -1;
	while (n > 0 && isdigit((unsigned char)*s)) {
		d = d * 10 + *s++ - '0';
		n--;
	}
	if (n != 0 && !(n == 2 && (strncasecmp(s, "st", 2) == 0 ||
	    strncasecmp(s, "nd", 2) == 0 || strncasecmp(s, "rd", 2) == 0 ||
	    strncasecmp(s, "th", 2) == 0)))
		return -1;
	return d >= 1 && d <= 31 ? d : -1;
}

/* Write the key of year y (0: the reference's, else unknown), m, d. */
static void
key_ymd(const struct scan *sc, char *key, size_t size, int y, int m, int d)
{
	if (y == 0 && known(sc))
		y = sc->ref->y;
	if (y == 0 && d > 0)
		snprintf(key, size, "XXXX-%02d-%02d", m, d);
	else if (y == 0)
		snprintf(key, size, "XXXX-%02d", m);
	else if (d > 0)
		snprintf(key, size, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(key, size, "%04d-%02d", y, m);
}

/* "June 10", "June 10, 2025", "June 2025", "June"; i at the month. */
static size_t
rule_month(struct scan *sc, size_t b, size_t i, int anchored)
{
	struct numex_hit *h;
	int m, d, y = 0;
	size_t e = i + 1;

	if ((m = capword(sc, i, months)) < 0)
		return 0;
	if ((d = mday(sc, e)) > 0) {
		e++;
		if (tok_is(sc, e, ",") && year(sc, e + 1) > 0)
			e++;
		if ((y = year(sc, e)) > 0)
			e++;
		else
			y = 0;
		if (y != 0 && !valid(y, m, d))
			return 0;
	} else if ((y = year(sc, e)) > 0) {
		e++;
		d = 0;
	} else {
		/* A bare "May" only after a word that calls for a date. */
		if (m == 5 && !anchored && b == i && !(i > 0 && (tok_is(sc, i - 1, "in") ||
		    tok_is(sc, i - 1, "since") || tok_is(sc, i - 1, "until") ||
		    tok_is(sc, i - 1, "by") || tok_is(sc, i - 1, "last") ||
		    tok_is(sc, i - 1, "next") || tok_is(sc, i - 1, "early") ||
		    tok_is(sc, i - 1, "late"))))
			return 0;
		y = 0;
		d = 0;
	}
	h = hit(sc, b, e, ENT_DATE);
	key_ymd(sc, h->key, sizeof(h->key), y, m, d);
	return e - b;
}

/* "mid-May", "early June", "late last month" prefixes. */
static int
part_word(const struct scan *sc, size_t i)
{
	return tok_is(sc, i, "early") || tok_is(sc, i, "mid") ||
	    tok_is(sc, i, "late") || tok_is(sc, i, "end");
}

/* "Friday", "last Friday", "next Friday", "Friday night". */
static size_t
rule_weekday(struct scan *sc, size_t i)
{
	struct numex_hit *h;
	size_t b = i, e;
	int wd, dir = 0, refwd, delta;
	long r;

	if (tok_is(sc, i, "last") || tok_is(sc, i, "next") ||
	    tok_is(sc, i, "this")) {
		dir = tok_is(sc, i, "last") ? -1 : tok_is(sc, i, "next");
		i++;
	}
	if ((wd = capword(sc, i, weekdays)) < 0)
		return 0;
	e = i + 1;
	if (tok_is(sc, e, "morning") || tok_is(sc, e, "afternoon") ||
	    tok_is(sc, e, "evening") || tok_is(sc, e, "night"))
		e++;
	h = hit(sc, b, e, ENT_DATE);
	if (!known(sc)) {
		snprintf(h->key, sizeof(h->key), "XXXX-WXX-%d", wd);
		return e - b;
	}
	r = numex_days(sc->ref->y, sc->ref->m, sc->ref->d);
	refwd = (int)(((r % 7) + 7 + 3) % 7) + 1;	/* 1970-01-01: Thu */
	delta = wd - refwd;		/* -6 .. 6 */
	if (dir < 0 || (dir == 0 && delta > 3))
		delta -= delta >= 0 ? 7 : 0;
	else if (dir > 0 || (dir == 0 && delta < -3))
		delta += delta <= 0 ? 7 : 0;
	key_days(h->key, sizeof(h->key), r + delta);
	return e - b;
}

/* A unit of a relative date: d, w, m, y; 0 for none. */
static int
rel_unit(const struct scan *sc, size_t i)
{
	if (tok_is(sc, i, "week"))
		return 'W';
	if (tok_is(sc, i, "month"))
		return 'M';
	if (tok_is(sc, i, "year"))
		return 'Y';
	return 0;
}

/* Key of the week, month or year off units from the reference. */
static void
key_rel(const struct scan *sc, char *key, size_t size, int unit, int off)
{
	struct numex_date d;
	long r;
	int y, m;

	if (!known(sc)) {
		snprintf(key, size, "REF%+d%c", off, unit);
		return;
	}
	y = sc->ref->y;
	m = sc->ref->m;
	if (unit == 'Y')
		snprintf(key, size, "%04d", y + off);
	else if (unit == 'M') {
		m += off;
		y += (m - 1 >= 0 ? (m - 1) / 12 : (m - 12) / 12);
		m = ((m - 1) % 12 + 12) % 12 + 1;
		snprintf(key, size, "%04d-%02d", y, m);
	} else {
		/* ISO week: the Thursday of the week names its year. */
		r = numex_days(sc->ref->y, sc->ref->m, sc->ref->d) + 7 * off;
		r += 3 - (((r % 7) + 7 + 3) % 7);
		numex_civil(r, &d);
		snprintf(key, size, "%04d-W%02ld", d.y,
		    (r - numex_days(d.y, 1, 1)) / 7 + 1);
	}
}

/* today, yesterday, tomorrow; this/last/next week/month/year. */
static size_t
rule_relative(struct scan *sc, size_t b, size_t i)
{
	struct numex_hit *h;
	int off, unit;

	if (tok_is(sc, i, "today") || tok_is(sc, i, "yesterday") ||
	    tok_is(sc, i, "tomorrow")) {
		off = tok_is(sc, i, "today") ? 0 :
		    tok_is(sc, i, "yesterday") ? -1 : 1;
		h = hit(sc, b, i + 1, ENT_DATE);
		if (known(sc))
			key_days(h->key, sizeof(h->key), numex_days(
			    sc->ref->y, sc->ref->m, sc->ref->d) + off);
		else
			snprintf(h->key, sizeof(h->key), "REF%+dD", off);
		return i + 1 - b;
	}
	if (!(tok_is(sc, i, "this") || tok_is(sc, i, "last") ||
	    tok_is(sc, i, "next")) || (unit = rel_unit(sc, i + 1)) == 0)
		return 0;
	off = tok_is(sc, i, "this") ? 0 : tok_is(sc, i, "last") ? -1 : 1;
	h = hit(sc, b, i + 2, ENT_DATE);
	key_rel(sc, h->key, sizeof(h->key), unit, off);
	return i + 2 - b;
}

/* Money after a currency sign: "$1.5 billion", "US$ 3", "€20". */
static size_t
rule_sign(struct scan *sc, size_t i)
{
	static const char *const signs[] = { "$", "€", "£", "¥" };
	static const int codes[] = { 0, 1, 2, 4 };
	struct numex_hit *h;
	size_t k, b = i, len;
	double v;
	int cur = -1;

	if (tok_is(sc, i, "US") && tok_is(sc, i + 1, "$"))
		i++;
	for (k = 0; k < 4; k++)
		if (tok_is(sc, i, signs[k]))
			cur = codes[k];
	if (cur < 0 || (len = number(sc, i + 1, &v)) == 0)
		return 0;
	h = hit(sc, b, i + 1 + len, ENT_MONEY);
	snprintf(h->key, sizeof(h->key), "%s ", currency_codes[cur]);
	fmtnum(h->key + 4, sizeof(h->key) - 4, v);
	return i + 1 + len - b;
}

/* "90-day", "two-year": a number, a hyphen, a duration unit. */
static size_t
rule_hyphen(struct scan *sc, size_t i)
{
	const char *s = TS(sc, i), *hy;
	size_t n = TL(sc, i);
	struct numex_hit *h;
	struct scan one;
	struct tok t[2];
	double v;
	int u;

	if ((hy = memchr(s, '-', n)) == NULL || hy == s ||
	    (u = lookup(durations, hy + 1, s + n - hy - 1)) < 0)
		return 0;
	t[0].start = 0;
	t[0].end = (uint32_t)(hy - s);
	one = *sc;
	one.s = s;
	one.t = t;
	one.n = 1;
	if (number(&one, 0, &v) != 1)
		return 0;
	h = hit(sc, i, i + 1, u == 'H' || u == 'm' ? ENT_TIME : ENT_DATE);
	snprintf(h->key, sizeof(h->key), "P%s", u == 'H' || u == 'm' ? "T" :
	    "");
	fmtnum(h->key + strlen(h->key), 24, v);
	snprintf(h->key + strlen(h->key), 2, "%c", u == 'm' ? 'M' : u);
	return 1;
}

/* A clock time "12:30" at i, "3 p.m." too; hours and minutes to *hm. */
static size_t
clock_time(const struct scan *sc, size_t i, int *hh, int *mm)
{
	const char *s = TS(sc, i);
	size_t n = TL(sc, i), k = 1;
	int h = 0, m = 0, colon = 0;

	if (!isdigit((unsigned char)*s) || n > 5)
		return 0;
	while (n > 0 && isdigit((unsigned char)*s)) {
		h = h * 10 + *s++ - '0';
		n--;
	}
	if (n == 3 && *s == ':' && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2])) {
		m = (s[1] - '0') * 10 + s[2] - '0';
		colon = 1;
	} else if (n != 0)
		return 0;
	if (tok_is(sc, i + 1, "p.m.") || tok_is(sc, i + 1, "pm")) {
		if (h < 12)
			h += 12;
		k++;
	} else if (tok_is(sc, i + 1, "a.m.") || tok_is(sc, i + 1, "am")) {
		if (h == 12)
			h = 0;
		k++;
	} else if (!colon)
		return 0;
	if (h > 23 || m > 59)
		return 0;
	*hh = h;
	*mm = m;
	return k;
}

/*
 * What follows a number at b (len tokens, value v): percent, currency,
 * duration, unit; else a year, a day and month, or a cardinal.
 * pre is where "the past" or "the next" began, else b.
 */
static size_t
rule_number(struct scan *sc, size_t pre, size_t b)
{
	struct numex_hit *h;
	size_t len, e;
	double v;
	int c, m, y;

	if ((len = number(sc, b, &v)) == 0)
		return 0;
	e = b + len;
	if (tok_is(sc, e, "%") || tok_is(sc, e, "percent") ||
	    (tok_is(sc, e, "per") && tok_is(sc, e + 1, "cent"))) {
		h = hit(sc, b, e + 1 + tok_is(sc, e, "per"), ENT_PERCENT);
		fmtnum(h->key, sizeof(h->key) - 1, v);
		strcat(h->key, "%");
	} else if ((c = tok_in(sc, e, currencies)) >= 0) {
		h = hit(sc, b, e + 1, ENT_MONEY);
		snprintf(h->key, sizeof(h->key), "%s ", currency_codes[c]);
		fmtnum(h->key + 4, sizeof(h->key) - 4, v);
	} else if ((c = tok_in(sc, e, durations)) >= 0) {
		h = hit(sc, pre, e + 1, c == 'H' || c == 'm' ? ENT_TIME :
		    ENT_DATE);
		snprintf(h->key, sizeof(h->key), "P%s",
		    c == 'H' || c == 'm' ? "T" : "");
		fmtnum(h->key + strlen(h->key), 24, v);
		snprintf(h->key + strlen(h->key), 2, "%c", c == 'm' ? 'M' : c);
		return e + 1 - pre;
	} else if ((c = tok_in(sc, e, units)) >= 0) {
		h = hit(sc, b, e + 1, ENT_QUANTITY);
		fmtnum(h->key, 24, v);
		snprintf(h->key + strlen(h->key), 24, " %s", unit_keys[c]);
	} else if (len == 1 && (m = capword(sc, e, months)) > 0 &&
	    mday(sc, b) > 0) {
		/* "10 June 2025", "10 June" */
		y = year(sc, e + 1);
		if (y > 0 && !valid(y, m, mday(sc, b)))
			return 0;
		h = hit(sc, b, e + 1 + (y > 0), ENT_DATE);
		key_ymd(sc, h->key, sizeof(h->key), y > 0 ? y : 0, m,
		    mday(sc, b));
		return h->e - b;
	} else if (len == 1 && (y = year(sc, b)) > 0 && y >= 1900 &&
	    y <= 2100) {
		h = hit(sc, b, e, ENT_DATE);
		snprintf(h->key, sizeof(h->key), "%04d", y);
	} else {
		h = hit(sc, b, e, ENT_CARDINAL);
		fmtnum(h->key, sizeof(h->key), v);
	}
	return h->e - b;
}

static int	iso(const char *, size_t, struct numex_date *);

/* An ISO date token "2025-06-26" at i. */
static size_t
rule_iso(struct scan *sc, size_t i)
{
	struct numex_date d;
	struct numex_hit *h;

	if (TL(sc, i) != 10 || iso(TS(sc, i), 10, &d) == -1)
		return 0;
	h = hit(sc, i, i + 1, ENT_DATE);
	snprintf(h->key, sizeof(h->key), "%04d-%02d-%02d", d.y, d.m, d.d);
	return 1;
}

/* Ordinals: "first", "21st". */
static size_t
rule_ordinal(struct scan *sc, size_t i)
{
	struct numex_hit *h;
	const char *s = TS(sc, i);
	size_t n = TL(sc, i);
	int v;

	if ((v = tok_in(sc, i, ordwords)) < 0) {
		if (n < 3 || !isdigit((unsigned char)*s) ||
		    (v = mday(sc, i)) < 0 || isdigit((unsigned char)s[n - 1]))
			return 0;
		v = atoi(s);
	}
	h = hit(sc, i, i + 1, ENT_ORDINAL);
	snprintf(h->key, sizeof(h->key), "%d", v);
	return 1;
}

static size_t
rule_time(struct scan *sc, size_t i)
{
	struct numex_hit *h;
	size_t k;
	int hh, mm;

	if (tok_is(sc, i, "noon") || tok_is(sc, i, "midnight")) {
		h = hit(sc, i, i + 1, ENT_TIME);
		strcpy(h->key, tok_is(sc, i, "noon") ? "T12:00" : "T00:00");
		return 1;
	}
	if ((k = clock_time(sc, i, &hh, &mm)) == 0)
		return 0;
	h = hit(sc, i, i + k, ENT_TIME);
	snprintf(h->key, sizeof(h->key), "T%02d:%02d", hh, mm);
	return k;
}

/* The rules at token i; the number of tokens taken, 0 for none. */
static size_t
at(struct scan *sc, size_t i)
{
	size_t k, j = i;
	double v;

	if ((k = rule_sign(sc, i)) || (k = rule_iso(sc, i)) ||
	    (k = rule_time(sc, i)) || (k = rule_hyphen(sc, i)))
		return k;
	/* "the past two weeks", "the next 90 days" */
	if (tok_is(sc, i, "the") && (tok_is(sc, i + 1, "past") ||
	    tok_is(sc, i + 1, "last") || tok_is(sc, i + 1, "next") ||
	    tok_is(sc, i + 1, "coming")) && (k = number(sc, i + 2, &v)) > 0 &&
	    tok_in(sc, i + 2 + k, durations) >= 0)
		return rule_number(sc, i, i + 2);
	if ((k = rule_number(sc, i, i)) || (k = rule_ordinal(sc, i)))
		return k;
	/* "mid-May", "early June", "late last month" */
	if (TL(sc, i) > 4 && strncasecmp(TS(sc, i), "mid-", 4) == 0) {
		struct tok t = sc->t[i];
		struct scan one = *sc;

		t.start += 4;
		one.t = &t;
		one.n = 1;
		one.l = sc->l;
		if ((k = rule_month(&one, 0, 0, 1)) != 0) {
			sc->l->v[sc->l->n - 1].b = i;
			sc->l->v[sc->l->n - 1].e = i + 1;
			return 1;
		}
	}
	if (part_word(sc, i))
		j = i + 1;
	if ((k = rule_month(sc, i, j, 0)) || (k = rule_relative(sc, i, j)))
		return k;
	return rule_weekday(sc, i);
}

void
numex_scan(const char *s, const struct tok *t, size_t n,
    const struct numex_date *ref, struct numex_list *l)
{
	struct scan sc = { s, t, n, ref, l };
	size_t i, k;

	l->n = 0;
	for (i = 0; i < n; i += k)
		if ((k = at(&sc, i)) == 0)
			k = 1;
}

void
numex_list_free(struct numex_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Parse "2025-06-30" at s (10 bytes). */
static int
iso(const char *s, size_t len, struct numex_date *d)
{
	int k;

	if (len < 10)
		return -1;
	for (k = 0; k < 10; k++)
		if ((k == 4 || k == 7) ? s[k] != '-' :
		    !isdigit((unsigned char)s[k]))
			return -1;
	d->y = atoi(s);
	d->m = atoi(s + 5);
	d->d = atoi(s + 8);
	return valid(d->y, d->m, d->d) ? 0 : -1;
}

int
numex_date_parse(const char *s, size_t len, struct numex_date *d)
{
	struct tok_list tl = { 0 };
	struct numex_list l = { 0 };
	struct numex_date none = { 0, 0, 0 };
	size_t i;
	int rc = -1;

	for (i = 0; i + 10 <= len; i++)
		if ((i == 0 || !isdigit((unsigned char)s[i - 1])) &&
		    iso(s + i, len - i, d) == 0)
			return 0;
	tok_split(s, len, &tl);
	numex_scan(s, tl.v, tl.n, &none, &l);
	for (i = 0; i < l.n && rc == -1; i++)
		if (l.v[i].type == ENT_DATE && iso(l.v[i].key,
		    strlen(l.v[i].key), d) == 0 && strlen(l.v[i].key) == 10)
			rc = 0;
	tok_list_free(&tl);
	numex_list_free(&l);
	return rc;
}
