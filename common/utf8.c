/*
 * utf8.c: decoding and character classes.  Decoding is written out here
 * (utf8proc_iterate would do, but it reports errors without a length and the
 * splitter calls this in its inner loop); classes come from utf8proc.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

#define HIGHBITS	0x8080808080808080ULL

size_t
utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t c, min;
	size_t n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2; c = u[0] & 0x1f; min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3; c = u[0] & 0x0f; min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	if (n > len) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return n;
}

size_t
utf8_decode_back(const char *s, size_t pos, int32_t *cp)
{
	size_t back, n;

	if (pos == 0) {
		*cp = -1;
		return 0;
	}
	for (back = 1; back <= 4 && back <= pos; back++) {
		if (((unsigned char)s[pos - back] & 0xc0) != 0x80)
			break;
	}
	if (back > 4 || back > pos)
		back = 1;
	n = utf8_decode(s + pos - back, back, cp);
	if (n != back) {
		/* Not one valid character: the last byte stands alone. */
		return utf8_decode(s + pos - 1, 1, cp);
	}
	return n;
}

size_t
utf8_invalid(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			uint64_t w;

			/* Most text is ASCII: skip it eight bytes at a time. */
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & HIGHBITS)
					break;
				i += 8;
			}
			if (i < len && (unsigned char)s[i] < 0x80)
				i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp < 0)
			return i;
		i += n;
	}
	return len;
}

static utf8proc_category_t
cat(int32_t cp)
{
	if (cp < 0 || !utf8proc_codepoint_valid(cp))
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category(cp);
}

int
utf8_isupper(int32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0 && cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = cat(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int
utf8_islower(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int
utf8_isalpha(int32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0 && cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int
utf8_isdigit(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return cp >= '0' && cp <= '9';
	return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int
utf8_isalnum(int32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0 && cp < 0x80)
		return utf8_isalpha(cp) || utf8_isdigit(cp);
	c = cat(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

int
utf8_isspace(int32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0 && cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0xfeff)
		return 1;
	c = cat(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	    c == UTF8PROC_CATEGORY_ZP;
}

int
utf8_ispunct(int32_t cp)
{
	utf8proc_category_t c;

	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

size_t
utf8_encode(int32_t cp, char *out)
{
	if (cp < 0 || !utf8proc_codepoint_valid(cp))
		return 0;
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}
