/*
 * progress.h: a progress line on standard error, at most once a second,
 * for --progress: how many articles and megabytes a program has read, and
 * the rates since it started.
 *
 *	split-sentences: 1520 articles, 48.2 MB, 11.9 MB/s, 375 articles/s
 *
 * Wiring it into a program takes two lines and a field of struct opts:
 *
 *	progress_init(&run->prog, o->progress);	   once, before the loop
 *	progress_add(&run->prog, 1, doc->len);	   per article (or row)
 *	progress_end(&run->prog);		   after the loop
 *
 * When off, the calls cost a test of p->on.  On a terminal the line is
 * rewritten in place (CR), else each report is a line of its own (a log).
 * The clock is CLOCK_MONOTONIC; no state outside the struct.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdio.h>
#include <time.h>

struct progress {
	int		 on;
	int		 tty;		/* stderr is a terminal */
	FILE		*fp;		/* stderr, or a test's stream */
	struct timespec	 start;
	struct timespec	 last;		/* time of the last report */
	unsigned long long articles;
	unsigned long long bytes;
	unsigned	 calls;		/* since the clock was last read */
	unsigned long long mark;	/* bytes when it was last read */
};

/* Start counting; on = 0 makes every call a no-op.  Reports go to stderr. */
void	progress_init(struct progress *p, int on);

/* Count articles and bytes more; report when a second has passed. */
void	progress_add(struct progress *p, unsigned long long articles,
	    unsigned long long bytes);

/* The final report (always, when on) with the totals. */
void	progress_end(struct progress *p);

/* Write one report now (for progress_add, progress_end and the tests). */
void	progress_report(struct progress *p, const struct timespec *now,
	    int final);

#endif
