/*
 * unit.h: the smallest test harness that does the job.  Each test binary
 * includes this, calls CHECK/CHECK_EQ_* in table-driven loops and ends main
 * with UNIT_END(), which prints a summary and makes the exit status nonzero
 * when any check failed.  A failing check prints file:line and both values.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_fails;
static int unit_checks;

#define CHECK(cond) do {						\
	unit_checks++;							\
	if (!(cond)) {							\
		unit_fails++;						\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_EQ_LONG(got, want) do {					\
	long long unit_g_ = (long long)(got), unit_w_ = (long long)(want); \
	unit_checks++;							\
	if (unit_g_ != unit_w_) {					\
		unit_fails++;						\
		fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n",	\
		    __FILE__, __LINE__, #got, unit_g_, unit_w_);	\
	}								\
} while (0)

/* Compare a (ptr, len) slice with a NUL-terminated expected string. */
#define CHECK_EQ_MEM(got, glen, want) do {				\
	const char *unit_w_ = (want);					\
	size_t unit_l_ = (size_t)(glen);				\
	unit_checks++;							\
	if (unit_l_ != strlen(unit_w_) ||				\
	    memcmp((got), unit_w_, unit_l_) != 0) {			\
		unit_fails++;						\
		fprintf(stderr, "%s:%d: %s: got \"%.*s\", want \"%s\"\n", \
		    __FILE__, __LINE__, #got, (int)unit_l_,		\
		    (const char *)(got), unit_w_);			\
	}								\
} while (0)

#define CHECK_EQ_STR(got, want) CHECK_EQ_MEM((got), strlen(got), (want))

#define UNIT_END() do {							\
	printf("%s: %d checks, %d failed\n", __FILE__,			\
	    unit_checks, unit_fails);					\
	return unit_fails != 0;						\
} while (0)

#endif
