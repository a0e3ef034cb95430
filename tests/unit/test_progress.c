/*
 * test_progress.c: common/progress, the --progress line.  Off means
 * silent; a report gives the counts and rates from the start time; the
 * final report ends with a newline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "unit.h"

/* What p wrote to its stream since the last call; empties the stream. */
static const char *
written(struct progress *p)
{
	static char buf[256];
	size_t n;

	rewind(p->fp);
	n = fread(buf, 1, sizeof(buf) - 1, p->fp);
	buf[n] = '\0';
	rewind(p->fp);
	if (ftruncate(fileno(p->fp), 0) == -1)
		perror("ftruncate");
	return buf;
}

int
main(void)
{
	struct progress p;
	struct timespec t;
	const char *got;
	FILE *fp;
	int i;

	if ((fp = tmpfile()) == NULL) {
		perror("tmpfile");
		return 2;
	}
	setprogname("prog");

	/* Off: counts nothing, writes nothing. */
	progress_init(&p, 0);
	p.fp = fp;
	for (i = 0; i < 1000; i++)
		progress_add(&p, 1, 1 << 20);
	progress_end(&p);
	CHECK_EQ_LONG(p.articles, 0);
	got = written(&p);
	CHECK_EQ_STR(got, "");

	/* On: 3 articles, 5 MB over two seconds from the start. */
	progress_init(&p, 1);
	p.fp = fp;
	p.tty = 0;
	progress_add(&p, 2, 4000000);
	progress_add(&p, 1, 1000000);
	CHECK_EQ_LONG(p.articles, 3);
	CHECK_EQ_LONG(p.bytes, 5000000);
	t = p.start;
	t.tv_sec += 2;
	progress_report(&p, &t, 0);
	got = written(&p);
	CHECK_EQ_STR(got, "prog: 3 articles, 5.0 MB, 2.5 MB/s, 2 articles/s\n");
	CHECK(p.last.tv_sec == t.tv_sec);

	/* On a terminal the line is rewritten in place until the end. */
	p.tty = 1;
	progress_report(&p, &t, 0);
	CHECK(strchr(written(&p), '\r') != NULL);
	progress_report(&p, &t, 1);
	CHECK(strchr(written(&p), '\n') != NULL);

	/* A MiB counted makes the clock be read; no report within 1 s. */
	progress_init(&p, 1);
	p.fp = fp;
	progress_add(&p, 1, 2 << 20);
	CHECK_EQ_LONG(p.mark, 2 << 20);
	got = written(&p);
	CHECK_EQ_STR(got, "");
	fclose(fp);
	UNIT_END();
}
