/*
 * test_utf8.c: unit tests of common/utf8: utf8_decode and utf8_decode_back
 * on valid characters of each length and on every kind of bad sequence
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation), the
 * two agreeing on random byte strings, utf8_invalid offsets, the character
 * classes on ASCII and beyond, and utf8_encode over every code point.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "unit.h"

/* A string literal with its length, NULs included. */
#define S(lit)	lit, sizeof(lit) - 1

/* s[0..len) decodes to cp in n bytes; cp -1 means invalid, n then 1. */
static const struct {
	const char	*s;
	size_t		 len;
	int32_t		 cp;
	size_t		 n;
} dec[] = {
	/* ASCII, NUL included. */
	{ S("A"), 0x41, 1 },
	{ S("\0"), 0, 1 },
	{ S("\x7f"), 0x7f, 1 },
	{ S("Az"), 0x41, 1 },
	/* Two bytes. */
	{ S("\xc2\x80"), 0x80, 2 },
	{ S("\xc3\xa9"), 0xe9, 2 },
	{ S("\xce\xa3"), 0x3a3, 2 },
	{ S("\xdf\xbf"), 0x7ff, 2 },
	{ S("\xc3\xa9z"), 0xe9, 2 },
	/* Three bytes, around the surrogates too. */
	{ S("\xe0\xa0\x80"), 0x800, 3 },
	{ S("\xe2\x82\xac"), 0x20ac, 3 },
	{ S("\xe3\x80\x82"), 0x3002, 3 },
	{ S("\xed\x9f\xbf"), 0xd7ff, 3 },
	{ S("\xee\x80\x80"), 0xe000, 3 },
	{ S("\xef\xbb\xbf"), 0xfeff, 3 },
	{ S("\xef\xbf\xbf"), 0xffff, 3 },
	/* Four bytes. */
	{ S("\xf0\x90\x80\x80"), 0x10000, 4 },
	{ S("\xf0\x9f\x98\x80"), 0x1f600, 4 },
	{ S("\xf4\x8f\xbf\xbf"), 0x10ffff, 4 },
	/* Overlong forms. */
	{ S("\xc0\x80"), -1, 1 },
	{ S("\xc0\xaf"), -1, 1 },
	{ S("\xc1\xbf"), -1, 1 },
	{ S("\xe0\x80\x80"), -1, 1 },
	{ S("\xe0\x80\xaf"), -1, 1 },
	{ S("\xe0\x9f\xbf"), -1, 1 },
	{ S("\xf0\x80\x80\x80"), -1, 1 },
	{ S("\xf0\x8f\xbf\xbf"), -1, 1 },
	/* Surrogates. */
	{ S("\xed\xa0\x80"), -1, 1 },
	{ S("\xed\xad\xbf"), -1, 1 },
	{ S("\xed\xb0\x80"), -1, 1 },
	{ S("\xed\xbf\xbf"), -1, 1 },
	/* Above U+10FFFF, and bytes that never start anything. */
	{ S("\xf4\x90\x80\x80"), -1, 1 },
	{ S("\xf7\xbf\xbf\xbf"), -1, 1 },
	{ S("\xf5\x80\x80\x80"), -1, 1 },
	{ S("\xf8\x88\x80\x80\x80"), -1, 1 },
	{ S("\xfe"), -1, 1 },
	{ S("\xff"), -1, 1 },
	/* Stray continuation bytes. */
	{ S("\x80"), -1, 1 },
	{ S("\xbf"), -1, 1 },
	{ S("\x80\x80"), -1, 1 },
	/* Truncated: by the end of the input, or by len. */
	{ S("\xc3"), -1, 1 },
	{ S("\xe2\x82"), -1, 1 },
	{ S("\xf0\x9f\x98"), -1, 1 },
	{ "\xc3\xa9", 1, -1, 1 },
	{ "\xe2\x82\xac", 2, -1, 1 },
	{ "\xf0\x9f\x98\x80", 3, -1, 1 },
	/* Cut by a byte that is not a continuation. */
	{ S("\xc3\x41"), -1, 1 },
	{ S("\xc3\xc3\xa9"), -1, 1 },
	{ S("\xe2\x28\xa1"), -1, 1 },
	{ S("\xe2\x82\x28"), -1, 1 },
	{ S("\xf0\x9f\x98\x41"), -1, 1 },
	{ S("\xf0\x28\x8c\xbc"), -1, 1 },
};

static void
test_decode(void)
{
	size_t i, n;
	int32_t cp;

	for (i = 0; i < sizeof(dec) / sizeof(dec[0]); i++) {
		cp = -2;
		n = utf8_decode(dec[i].s, dec[i].len, &cp);
		if (cp != dec[i].cp || n != dec[i].n)
			fprintf(stderr, "decode case %zu\n", i);
		CHECK_EQ_LONG(cp, dec[i].cp);
		CHECK_EQ_LONG(n, dec[i].n);
	}
}

/*
 * Decoding back from the end of each dec[] string whose first character
 * is all of it gives the same; the other cases are in this table.
 */
static void
test_decode_back(void)
{
	static const struct {
		const char	*s;
		size_t		 pos;
		int32_t		 cp;
		size_t		 n;
	} t[] = {
		{ "", 0, -1, 0 },
		{ "abc", 0, -1, 0 },
		{ "a", 1, 'a', 1 },
		{ "abc", 2, 'b', 1 },
		{ "a\xc3\xa9", 3, 0xe9, 2 },
		{ "x\xe2\x82\xac", 4, 0x20ac, 3 },
		{ "x\xf0\x9f\x98\x80", 5, 0x1f600, 4 },
		{ "\x80\xc3\xa9", 3, 0xe9, 2 },
		{ "\xc3\xa9\xc3\xa9", 2, 0xe9, 2 },
		/* Ending inside a character: the last byte alone. */
		{ "\xc3\xa9", 1, -1, 1 },
		{ "\xe2\x82\xac", 2, -1, 1 },
		{ "\xe2\x82\xac", 1, -1, 1 },
		{ "\xf0\x9f\x98\x80", 3, -1, 1 },
		/* Stray continuations, more than a character can hold. */
		{ "a\x80", 2, -1, 1 },
		{ "\x80", 1, -1, 1 },
		{ "\x80\x80\x80\x80", 4, -1, 1 },
		{ "\x80\x80\x80\x80\x80", 5, -1, 1 },
		{ "\xf0\x9f\x98\x80\x80", 5, -1, 1 },
		{ "\xc3\xa9\x80", 3, -1, 1 },
		/* A lead byte at the end. */
		{ "a\xc3", 2, -1, 1 },
		{ "\xf0", 1, -1, 1 },
	};
	size_t i, n;
	int32_t cp;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cp = -2;
		n = utf8_decode_back(t[i].s, t[i].pos, &cp);
		if (cp != t[i].cp || n != t[i].n)
			fprintf(stderr, "decode_back case %zu\n", i);
		CHECK_EQ_LONG(cp, t[i].cp);
		CHECK_EQ_LONG(n, t[i].n);
	}
	for (i = 0; i < sizeof(dec) / sizeof(dec[0]); i++) {
		if (dec[i].n != dec[i].len)
			continue;
		cp = -2;
		n = utf8_decode_back(dec[i].s, dec[i].len, &cp);
		CHECK_EQ_LONG(cp, dec[i].cp);
		CHECK_EQ_LONG(n, dec[i].n);
	}
}

/* xorshift64: the same bytes on every run. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * Random strings of pieces of UTF-8, good and bad: stepping forward with
 * utf8_decode and back with utf8_decode_back must meet the same characters
 * at the same offsets, and utf8_invalid must stop at the first bad one.
 */
static void
test_walk(void)
{
	enum { MAXCH = 64 };
	static const char *const piece[] = {
		"a", " ", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
		"\x80", "\xbf", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\xe0\xa0\x80",
	};
	char s[MAXCH * 4];
	size_t off[MAXCH * 4], len, i, k, n, nch, pos, firstbad;
	int32_t cps[MAXCH * 4], cp;
	uint64_t seed = 7;
	long bad = -1, iter;

	for (iter = 0; iter < 20000 && bad < 0; iter++) {
		len = 0;
		k = rnd(&seed) % MAXCH;
		for (i = 0; i < k; i++) {
			const char *p = piece[rnd(&seed) %
			    (sizeof(piece) / sizeof(piece[0]))];
			memcpy(s + len, p, strlen(p));
			len += strlen(p);
		}
		nch = 0;
		firstbad = len;
		for (pos = 0; pos < len; pos += n) {
			n = utf8_decode(s + pos, len - pos, &cp);
			if (cp < 0 && firstbad == len)
				firstbad = pos;
			if (n < 1 || n > 4 || (cp < 0 && n != 1))
				bad = iter;
			off[nch] = pos;
			cps[nch++] = cp;
		}
		if (pos != len || utf8_invalid(s, len) != firstbad)
			bad = iter;
		for (pos = len; pos > 0 && bad < 0; pos -= n) {
			n = utf8_decode_back(s, pos, &cp);
			if (nch == 0 || off[nch - 1] != pos - n ||
			    cps[nch - 1] != cp)
				bad = iter;
			nch--;
		}
		if (nch != 0)
			bad = iter;
	}
	CHECK_EQ_LONG(bad, -1);
}

static void
test_invalid(void)
{
	static const struct {
		const char	*s;
		size_t		 len;
		size_t		 want;
	} t[] = {
		{ S(""), 0 },
		{ S("abc"), 3 },
		{ S("a\0b"), 3 },
		{ S("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80"), 15 },
		{ S("\x80"), 0 },
		{ S("ab\x80"), 2 },
		{ S("\xc3"), 0 },
		{ S("abc\xe2\x82"), 3 },
		{ "\xc3\xa9", 1, 0 },
		{ S("a\xc3\xa9\xed\xa0\x80z"), 3 },
		{ S("\xc0\x80"), 0 },
		{ S("\xf0\x9f\x98\x80\xff"), 4 },
		{ S("\xf0\x9f\x98\x80\xf4\x90\x80\x80"), 4 },
		{ S("ok\xe2\x28\xa1"), 2 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		CHECK_EQ_LONG(utf8_invalid(t[i].s, t[i].len), t[i].want);
}

static void
test_classes(void)
{
	/* Columns: upper, lower, alpha, digit, alnum, space, punct. */
	static const struct {
		int32_t		 cp;
		char		 c[8];
	} t[] = {
		{ 'A',		"UlAdNsp" },
		{ 'Z',		"UlAdNsp" },
		{ 'a',		"uLAdNsp" },
		{ 'z',		"uLAdNsp" },
		{ '0',		"ulaDNsp" },
		{ '9',		"ulaDNsp" },
		{ '@',		"uladnsP" },
		{ '[',		"uladnsP" },
		{ '`',		"uladnsp" },	/* Sk */
		{ '{',		"uladnsP" },
		{ ' ',		"uladnSp" },
		{ '\t',		"uladnSp" },
		{ '\n',		"uladnSp" },
		{ '\v',		"uladnSp" },
		{ '\f',		"uladnSp" },
		{ '\r',		"uladnSp" },
		{ 0x1c,		"uladnsp" },	/* not White_Space */
		{ 0,		"uladnsp" },
		{ 0x7f,		"uladnsp" },
		{ '.',		"uladnsP" },
		{ ',',		"uladnsP" },
		{ '!',		"uladnsP" },
		{ '"',		"uladnsP" },
		{ '-',		"uladnsP" },
		{ '_',		"uladnsP" },	/* Pc */
		{ '$',		"uladnsp" },	/* Sc */
		{ '+',		"uladnsp" },	/* Sm */
		{ 0xc9,		"UlAdNsp" },	/* É */
		{ 0xe9,		"uLAdNsp" },	/* é */
		{ 0xdf,		"uLAdNsp" },	/* ß */
		{ 0x391,	"UlAdNsp" },	/* Α */
		{ 0x3a3,	"UlAdNsp" },	/* Σ */
		{ 0x3c3,	"uLAdNsp" },	/* σ */
		{ 0x416,	"UlAdNsp" },	/* Ж */
		{ 0x1c5,	"UlAdNsp" },	/* ǅ, Lt */
		{ 0x2b0,	"ulAdNsp" },	/* ʰ, Lm */
		{ 0x5d0,	"ulAdNsp" },	/* א, Lo */
		{ 0x4e2d,	"ulAdNsp" },	/* 中 */
		{ 0x1d400,	"UlAdNsp" },	/* 𝐀 */
		{ 0x660,	"ulaDNsp" },	/* Arabic-Indic 0 */
		{ 0x669,	"ulaDNsp" },	/* Arabic-Indic 9 */
		{ 0x6f4,	"ulaDNsp" },	/* extended Arabic-Indic 4 */
		{ 0x966,	"ulaDNsp" },	/* Devanagari 0 */
		{ 0xff10,	"ulaDNsp" },	/* fullwidth 0 */
		{ 0xb2,		"uladNsp" },	/* ², No */
		{ 0xbd,		"uladNsp" },	/* ½, No */
		{ 0x2167,	"uladNsp" },	/* Ⅷ, Nl */
		{ 0xa0,		"uladnSp" },
		{ 0x85,		"uladnSp" },
		{ 0x1680,	"uladnSp" },
		{ 0x2000,	"uladnSp" },
		{ 0x2003,	"uladnSp" },
		{ 0x200a,	"uladnSp" },
		{ 0x2028,	"uladnSp" },
		{ 0x2029,	"uladnSp" },
		{ 0x202f,	"uladnSp" },
		{ 0x205f,	"uladnSp" },
		{ 0x3000,	"uladnSp" },
		{ 0xfeff,	"uladnSp" },	/* BOM, counted as space */
		{ 0x200b,	"uladnsp" },	/* zero width space, Cf */
		{ 0x180e,	"uladnsp" },	/* no longer Zs */
		{ 0x201c,	"uladnsP" },	/* “ */
		{ 0x201d,	"uladnsP" },	/* ” */
		{ 0xab,		"uladnsP" },	/* « */
		{ 0xbf,		"uladnsP" },	/* ¿ */
		{ 0x2014,	"uladnsP" },	/* — */
		{ 0x2026,	"uladnsP" },	/* … */
		{ 0x3002,	"uladnsP" },	/* 。 */
		{ 0x60c,	"uladnsP" },	/* Arabic comma */
		{ 0x964,	"uladnsP" },	/* Devanagari danda */
		{ 0x20ac,	"uladnsp" },	/* €, Sc */
		{ 0x301,	"uladnsp" },	/* combining acute, Mn */
		{ 0x1f600,	"uladnsp" },	/* So */
		{ 0xe000,	"uladnsp" },	/* private use */
		{ 0x378,	"uladnsp" },	/* unassigned */
		{ 0xd800,	"uladnsp" },	/* surrogate */
		{ 0xdfff,	"uladnsp" },
		{ 0x110000,	"uladnsp" },
		{ INT32_MAX,	"uladnsp" },
		{ -1,		"uladnsp" },
		{ -2,		"uladnsp" },
	};
	static int (*const fn[7])(int32_t) = {
		utf8_isupper, utf8_islower, utf8_isalpha, utf8_isdigit,
		utf8_isalnum, utf8_isspace, utf8_ispunct,
	};
	static const char name[] = "ULADNSP";
	size_t i, k;
	int got, want;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		for (k = 0; k < 7; k++) {
			want = t[i].c[k] == name[k];
			got = fn[k](t[i].cp) != 0;
			if (got != want)
				fprintf(stderr, "U+%04lX class %c\n",
				    (unsigned long)t[i].cp, name[k]);
			CHECK_EQ_LONG(got, want);
		}
	}
}

static void
test_encode(void)
{
	static const struct {
		int32_t		 cp;
		const char	*want;
		size_t		 n;
	} t[] = {
		{ 0, S("\0") },
		{ 'A', S("A") },
		{ 0x7f, S("\x7f") },
		{ 0x80, S("\xc2\x80") },
		{ 0xe9, S("\xc3\xa9") },
		{ 0x7ff, S("\xdf\xbf") },
		{ 0x800, S("\xe0\xa0\x80") },
		{ 0x20ac, S("\xe2\x82\xac") },
		{ 0xd7ff, S("\xed\x9f\xbf") },
		{ 0xe000, S("\xee\x80\x80") },
		{ 0xffff, S("\xef\xbf\xbf") },
		{ 0x10000, S("\xf0\x90\x80\x80") },
		{ 0x1f600, S("\xf0\x9f\x98\x80") },
		{ 0x10ffff, S("\xf4\x8f\xbf\xbf") },
		/* Not scalar values. */
		{ 0xd800, "", 0 },
		{ 0xdbff, "", 0 },
		{ 0xdc00, "", 0 },
		{ 0xdfff, "", 0 },
		{ 0x110000, "", 0 },
		{ INT32_MAX, "", 0 },
		{ -1, "", 0 },
		{ INT32_MIN, "", 0 },
	};
	char out[4];
	size_t i, n, want;
	int32_t cp, back;
	long bad = -1;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = utf8_encode(t[i].cp, out);
		CHECK_EQ_LONG(n, t[i].n);
		CHECK(n == t[i].n && memcmp(out, t[i].want, n) == 0);
	}

	/* Every scalar value encodes to the shortest form and back. */
	for (cp = 0; cp <= 0x10ffff && bad < 0; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff) {
			if (utf8_encode(cp, out) != 0)
				bad = cp;
			continue;
		}
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = utf8_encode(cp, out);
		if (n != want || utf8_decode(out, n, &back) != n ||
		    back != cp || utf8_invalid(out, n) != n)
			bad = cp;
	}
	CHECK_EQ_LONG(bad, -1);
}

int
main(void)
{
	test_decode();
	test_decode_back();
	test_walk();
	test_invalid();
	test_classes();
	test_encode();
	UNIT_END();
}
