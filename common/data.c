/*
 * data.c: find a data file: $CROSSREAD_DATA alone when set, else the
 * installed DATADIR, else the source tree's data/ (SRCDATA, set by the
 * Makefile to the checkout the program was built from).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "data.h"
#include "xalloc.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/crossread"
#endif
#ifndef SRCDATA
#define SRCDATA "data"
#endif

static char *
join(const char *dir, const char *name)
{
	size_t n = snprintf(NULL, 0, "%s/%s", dir, name) + 1;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

char *
data_find(const char *name)
{
	const char *env = getenv("CROSSREAD_DATA");
	const char *dirs[] = { DATADIR, SRCDATA };
	char *p;
	size_t i;

	if (env != NULL && *env != '\0') {
		p = join(env, name);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
		return NULL;
	}
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		p = join(dirs[i], name);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}
