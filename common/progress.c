/*
 * progress.c: the --progress line.  The clock is read every 64 calls of
 * progress_add() or every MiB counted, whichever comes first, and the line
 * is written when a second has passed since the last one, so a program
 * that counts per row pays little and one that counts big articles is
 * still on time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

/* Read the clock every this many calls of progress_add(). */
#define PROGRESS_EVERY	64

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void
progress_init(struct progress *p, int on)
{
	p->on = on;
	p->fp = stderr;
	p->tty = on && isatty(STDERR_FILENO);
	p->articles = p->bytes = 0;
	p->calls = 0;
	p->mark = 0;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
}

void
progress_report(struct progress *p, const struct timespec *now, int final)
{
	double t = seconds(&p->start, now), mb = (double)p->bytes / 1e6;

	if (t <= 0)
		t = 1e-9;
	fprintf(p->fp, "%s: %llu article%s, %.1f MB, %.1f MB/s, %.0f "
	    "articles/s%s", getprogname(), p->articles,
	    p->articles == 1 ? "" : "s", mb, mb / t,
	    (double)p->articles / t, p->tty && !final ? "\r" : "\n");
	fflush(p->fp);
	p->last = *now;
}

void
progress_add(struct progress *p, unsigned long long articles,
    unsigned long long bytes)
{
	struct timespec now;

	if (!p->on)
		return;
	p->articles += articles;
	p->bytes += bytes;
	if (++p->calls < PROGRESS_EVERY && p->bytes - p->mark < (1 << 20))
		return;
	p->calls = 0;
	p->mark = p->bytes;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (seconds(&p->last, &now) >= 1.0)
		progress_report(p, &now, 0);
}

void
progress_end(struct progress *p)
{
	struct timespec now;

	if (!p->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	progress_report(p, &now, 1);
}
