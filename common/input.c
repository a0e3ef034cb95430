/*
 * input.c: every operand is read through zlib, wrapped as a stdio stream.
 * The cookie is the struct in itself so the read function can leave zlib's
 * reason for a failure where in_error() finds it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "xalloc.h"

/* zlib's own buffer; larger than the default 8 KiB for fewer read calls. */
#define IN_GZBUF	(128 * 1024)

static int
in_readfn(void *cookie, char *buf, int n)
{
	struct in *in = cookie;
	const char *msg;
	int got, zerr;

	got = gzread(in->gz, buf, (unsigned)n);
	if (got > 0)
		return got;
	msg = gzerror(in->gz, &zerr);
	if (got == 0 && zerr == Z_OK)
		return 0;
	if (zerr == Z_ERRNO)
		snprintf(in->err, sizeof(in->err), "%s", strerror(errno));
	else {
		/* zlib prefixes its message with "<fd:N>: ": drop that. */
		if (msg[0] == '<' && strstr(msg, ">: ") != NULL)
			msg = strstr(msg, ">: ") + 3;
		snprintf(in->err, sizeof(in->err), "%s gzip data: %s",
		    zerr == Z_BUF_ERROR ? "truncated" : "corrupt", msg);
		errno = EIO;
	}
	return -1;
}

static int
in_closefn(void *cookie)
{
	struct in *in = cookie;

	return gzclose_r(in->gz) == Z_OK ? 0 : -1;
}

struct in *
in_open(const char *path)
{
	struct in *in;
	struct stat st;
	int fd, saved;

	if (strcmp(path, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->name = path;
	if ((in->gz = gzdopen(fd, "rb")) == NULL) {
		saved = errno;
		close(fd);
		free(in);
		errno = saved != 0 ? saved : ENOMEM;
		return NULL;
	}
	gzbuffer(in->gz, IN_GZBUF);
	in->fp = funopen(in, in_readfn, NULL, NULL, in_closefn);
	if (in->fp == NULL) {
		saved = errno;
		gzclose_r(in->gz);
		free(in);
		errno = saved;
		return NULL;
	}
	return in;
}

int
in_close(struct in *in)
{
	int r;

	if (in == NULL)
		return 0;
	r = fclose(in->fp);
	free(in);
	return r == 0 ? 0 : -1;
}

const char *
in_error(const struct in *in)
{
	return in->err[0] != '\0' ? in->err : "read error";
}

int
in_slurp(struct in *in, char **buf, size_t *len, size_t *cap)
{
	size_t got;

	for (;;) {
		xgrow((void **)buf, cap, *len + IN_GZBUF + 1, 1);
		got = fread(*buf + *len, 1, *cap - *len - 1, in->fp);
		*len += got;
		if (got == 0)
			break;
	}
	(*buf)[*len] = '\0';
	return ferror(in->fp) ? -1 : 0;
}

char *
in_basename_id(const char *path, char *out)
{
	const char *slash;
	size_t n;

	slash = strrchr(path, '/');
	if (slash != NULL && slash[1] != '\0')
		path = slash + 1;
	n = strlen(path);
	if (n > 3 && strcmp(path + n - 3, ".gz") == 0)
		n -= 3;
	if (n > 4 && strncmp(path + n - 4, ".txt", 4) == 0)
		n -= 4;
	memcpy(out, path, n);
	out[n] = '\0';
	return out;
}
