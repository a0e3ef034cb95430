/*
 * utf8.h: the UTF-8 questions the tools ask, answered by utf8proc.  ASCII is
 * answered inline without a call; everything else goes to utf8proc's tables,
 * so the classes follow the Unicode version Debian's libutf8proc ships.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the character at s[0..len) into *cp and return its length in bytes
 * (1 to 4).  A byte that does not start a valid, shortest-form sequence
 * gives *cp = -1 and length 1, so a caller can always step past it.
 * len must be at least 1.
 */
size_t	utf8_decode(const char *s, size_t len, int32_t *cp);

/*
 * Decode the character that ends just before s[pos] (scanning back at most
 * 4 bytes, never before s[0]) into *cp; return its length, 0 when pos is 0.
 * Invalid bytes decode as in utf8_decode.
 */
size_t	utf8_decode_back(const char *s, size_t pos, int32_t *cp);

/*
 * Offset of the first byte of s[0..len) that is not part of valid UTF-8,
 * or len when all of it is valid.
 */
size_t	utf8_invalid(const char *s, size_t len);

/* Unicode classes; all are false for -1 (an invalid byte). */
int	utf8_isupper(int32_t cp);	/* Lu, Lt */
int	utf8_islower(int32_t cp);	/* Ll */
int	utf8_isalpha(int32_t cp);	/* L* */
int	utf8_isdigit(int32_t cp);	/* Nd */
int	utf8_isalnum(int32_t cp);	/* L*, N* */
int	utf8_isspace(int32_t cp);	/* White_Space, plus U+FEFF */
int	utf8_ispunct(int32_t cp);	/* P* */

/*
 * Encode cp into out (room for 4 bytes) and return the length, or 0 when cp
 * is not a Unicode scalar value.
 */
size_t	utf8_encode(int32_t cp, char *out);

#endif
