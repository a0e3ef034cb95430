/*
 * xalloc.c: malloc and friends that exit 1 on exhaustion instead of
 * returning NULL.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void *
check(void *p)
{
	if (p == NULL)
		errx(1, "out of memory");
	return p;
}

void *
xmalloc(size_t size)
{
	return check(malloc(size == 0 ? 1 : size));
}

void *
xcalloc(size_t n, size_t size)
{
	return check(calloc(n == 0 ? 1 : n, size == 0 ? 1 : size));
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		errx(1, "out of memory");
	return check(realloc(p, n * size == 0 ? 1 : n * size));
}

char *
xstrdup(const char *s)
{
	return check(strdup(s));
}

char *
xstrndup(const char *s, size_t n)
{
	return check(strndup(s, n));
}

void
xgrow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c;

	if (need <= *cap)
		return;
	c = *cap < 16 ? 16 : *cap;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			errx(1, "out of memory");
		c *= 2;
	}
	*p = xreallocarray(*p, c, size);
	*cap = c;
}
