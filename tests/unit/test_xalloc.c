/*
 * test_xalloc.c: unit tests of common/xalloc: xgrow's capacities (at least
 * 16, at least doubling, untouched when big enough), the copies made by
 * xstrdup/xstrndup/xreallocarray, zero sizes, and the exit on a size that
 * overflows ("out of memory", status 1), checked in a child process.
 * The overflow is caught before malloc is called, so no sanitizer or
 * valgrind allocation limit is involved.
 */
#include <sys/wait.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"
#include "unit.h"

static void
test_grow(void)
{
	static const struct {
		size_t		 cap;	/* before */
		size_t		 need;
		size_t		 want;	/* after */
	} t[] = {
		{ 0, 0, 0 },
		{ 0, 1, 16 },
		{ 0, 16, 16 },
		{ 0, 17, 32 },
		{ 0, 100, 128 },
		{ 16, 16, 16 },
		{ 16, 17, 32 },
		{ 16, 1000, 1024 },
		{ 20, 21, 40 },
		{ 20, 5, 20 },
		{ 3, 4, 16 },
	};
	size_t i, cap;
	char *p, *before;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cap = t[i].cap;
		p = cap > 0 ? xmalloc(cap) : NULL;
		if (cap > 0)
			memset(p, 'x', cap);
		before = p;
		xgrow((void **)&p, &cap, t[i].need, 1);
		CHECK_EQ_LONG(cap, t[i].want);
		if (t[i].want == t[i].cap)
			CHECK(p == before);
		else
			/* Old contents kept; the new end is writable. */
			CHECK(p != NULL && (t[i].cap == 0 || p[0] == 'x') &&
			    (p[cap - 1] = 'y') == 'y');
		free(p);
	}

	/* Element size counts: 10 ints need 16 * sizeof(int) bytes. */
	{
		int *v = NULL;

		cap = 0;
		xgrow((void **)&v, &cap, 10, sizeof(*v));
		CHECK_EQ_LONG(cap, 16);
		v[15] = 15;
		CHECK_EQ_LONG(v[15], 15);
		free(v);
	}
}

static void
test_copies(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
		const char	*want;
	} t[] = {
		{ "hello", 3, "hel" },
		{ "hello", 5, "hello" },
		{ "hello", 100, "hello" },
		{ "hello", 0, "" },
		{ "", 4, "" },
		{ "a\0b", 3, "a" },
	};
	size_t i;
	char *p, *q;
	int *v, *z;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = xstrndup(t[i].s, t[i].n);
		CHECK_EQ_STR(p, t[i].want);
		CHECK(p != t[i].s);
		free(p);
	}
	p = xstrdup("caf\xc3\xa9");
	CHECK_EQ_STR(p, "caf\xc3\xa9");
	free(p);

	/* Zero sizes still give a pointer to free. */
	p = xmalloc(0);
	CHECK(p != NULL);
	free(p);
	z = xcalloc(0, sizeof(int));
	CHECK(z != NULL);
	free(z);
	p = xreallocarray(NULL, 0, 8);
	CHECK(p != NULL);
	free(p);

	z = xcalloc(100, sizeof(int));
	for (i = 0; i < 100 && z[i] == 0; i++)
		;
	CHECK_EQ_LONG(i, 100);
	free(z);

	v = xreallocarray(NULL, 4, sizeof(*v));
	for (i = 0; i < 4; i++)
		v[i] = (int)i * 7;
	v = xreallocarray(v, 1000, sizeof(*v));
	CHECK(v[0] == 0 && v[1] == 7 && v[2] == 14 && v[3] == 21);
	v[999] = 1;
	free(v);

	q = xmalloc(3);
	memcpy(q, "ab", 3);
	CHECK_EQ_STR(q, "ab");
	free(q);
}

/* Run fn in a child; its exit status and the start of its stderr. */
static int
in_child(void (*fn)(void), char *msg, size_t msgsize)
{
	int fd[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fd) == -1 || (pid = fork()) == -1) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDERR_FILENO);
		fn();
		_exit(99);		/* fn should not return */
	}
	close(fd[1]);
	/* err(3) writes its message in pieces: read to the end. */
	while (len < msgsize - 1 &&
	    (n = read(fd[0], msg + len, msgsize - 1 - len)) > 0)
		len += (size_t)n;
	msg[len] = '\0';
	close(fd[0]);
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void
overflow_array(void)
{
	free(xreallocarray(NULL, SIZE_MAX / 2 + 1, 2));
}

static void
overflow_grow(void)
{
	char *p = NULL;
	size_t cap = 0;

	xgrow((void **)&p, &cap, SIZE_MAX, 1);
	free(p);
}

static void
test_oom(void)
{
	static void (*const fn[])(void) = { overflow_array, overflow_grow };
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof(fn) / sizeof(fn[0]); i++) {
		CHECK_EQ_LONG(in_child(fn[i], msg, sizeof(msg)), 1);
		CHECK(strstr(msg, ": out of memory") != NULL);
	}
}

int
main(void)
{
	test_grow();
	test_copies();
	test_oom();
	UNIT_END();
}
