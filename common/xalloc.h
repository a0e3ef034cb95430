/*
 * xalloc.h: allocation that cannot fail.  On exhaustion these print
 * "PROG: out of memory" and exit 1: the one place common/ may exit, since no
 * caller can do anything better (sbase libutil/ealloc.c does the same).
 */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(3). */
void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);

/*
 * Grow *p, an array of *cap elements of size bytes, to hold at least need
 * elements, at least doubling; *cap is updated.  For the n/cap arrays used
 * throughout: xgrow((void **)&a->v, &a->cap, a->n + 1, sizeof(*a->v)).
 */
void	 xgrow(void **p, size_t *cap, size_t need, size_t size);

#endif
