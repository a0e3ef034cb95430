/*
 * test_input.c: unit tests of common/input: in_open on plain and gzip files
 * (the same bytes through getline, empty files, concatenated gzip members,
 * standard input as "-"), truncated and corrupt gzip data (what was decoded,
 * then ferror and in_error's reason), a directory and a missing file,
 * in_slurp appending after *len, in_basename_id, in_close(NULL).
 * Scratch files are made with mkstemp in $TMPDIR (or /tmp) and removed.
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
#include "unit.h"

#define NTMP	16

/* Scratch paths, removed at the end. */
struct scratch {
	char		 dir[256];
	char		 path[NTMP][300];
	int		 n;
};

static void
die(const char *what)
{
	perror(what);
	exit(2);
}

static const char *
tmpdir(void)
{
	const char *d = getenv("TMPDIR");

	return d != NULL && d[0] != '\0' ? d : "/tmp";
}

/* A new empty file; returns its path. */
static const char *
scratch_file(struct scratch *sc)
{
	char *p;
	int fd;

	if (sc->n == NTMP)
		die("too many scratch files");
	p = sc->path[sc->n];
	snprintf(p, sizeof(sc->path[0]), "%s/test_input.XXXXXX", tmpdir());
	if ((fd = mkstemp(p)) == -1)
		die(p);
	close(fd);
	sc->n++;
	return p;
}

static void
scratch_free(struct scratch *sc)
{
	int i;

	for (i = 0; i < sc->n; i++)
		unlink(sc->path[i]);
	if (sc->dir[0] != '\0')
		rmdir(sc->dir);
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *fp;

	if ((fp = fopen(path, "wb")) == NULL)
		die(path);
	if (fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		die(path);
}

/* Write data gzipped with zlib's own writer. */
static void
write_gz(const char *path, const char *data, size_t len, const char *mode)
{
	gzFile gz;

	if ((gz = gzopen(path, mode)) == NULL)
		die(path);
	if (len > 0 && gzwrite(gz, data, (unsigned)len) != (int)len)
		die("gzwrite");
	if (gzclose(gz) != Z_OK)
		die("gzclose");
}

/* The whole file, raw; the caller frees it. */
static char *
read_file(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL || fstat(fileno(fp), &st) != 0)
		die(path);
	*len = (size_t)st.st_size;
	buf = malloc(*len + 1);
	if (buf == NULL || fread(buf, 1, *len, fp) != *len)
		die(path);
	fclose(fp);
	return buf;
}

/*
 * Read in through getline(3), as the tools do, into a new buffer (the
 * caller frees it); *err is ferror after the loop.
 */
static char *
read_lines(struct in *in, size_t *len, int *err)
{
	char *line = NULL, *all = NULL;
	size_t cap = 0, n = 0;
	ssize_t got;

	while ((got = getline(&line, &cap, in->fp)) > 0) {
		all = realloc(all, n + (size_t)got + 1);
		if (all == NULL)
			die("realloc");
		memcpy(all + n, line, (size_t)got);
		n += (size_t)got;
	}
	*err = ferror(in->fp) != 0;
	free(line);
	*len = n;
	return all;
}

/*
 * Test text: numbered lines, some UTF-8, a CRLF and a NUL, no final LF,
 * and enough of it (about 400 KB) to take several of zlib's 128 KiB reads.
 * The lines vary so that it does not compress to almost nothing.
 */
static char *
make_text(size_t *len)
{
	size_t cap = 512 * 1024, n = 0, i;
	char *s = malloc(cap);

	if (s == NULL)
		die("malloc");
	for (i = 0; n < 400 * 1024; i++)
		n += (size_t)snprintf(s + n, cap - n,
		    "%zu\tcaf\xc3\xa9 %zx line %zu%s\n", i, i * 2654435761u,
		    i % 97, i % 10 == 0 ? "\r" : "");
	s[n++] = '\0';
	n += (size_t)snprintf(s + n, cap - n, "last line without LF");
	*len = n;
	return s;
}

/* Plain and gzip read the same bytes, by getline and by in_slurp. */
static void
test_plain_gzip(struct scratch *sc, const char *text, size_t tlen)
{
	static const char *const mode[] = { "plain", "wb", "wb1", "wb9" };
	const char *path;
	struct in *in;
	size_t i, len, cap;
	char *got;
	int err;

	for (i = 0; i < sizeof(mode) / sizeof(mode[0]); i++) {
		path = scratch_file(sc);
		if (i == 0)
			write_file(path, text, tlen);
		else
			write_gz(path, text, tlen, mode[i]);
		in = in_open(path);
		CHECK(in != NULL);
		if (in == NULL)
			continue;
		CHECK(in->name == path);
		got = read_lines(in, &len, &err);
		CHECK_EQ_LONG(err, 0);
		CHECK_EQ_LONG(len, tlen);
		CHECK(len == tlen && memcmp(got, text, tlen) == 0);
		CHECK_EQ_STR(in->err, "");
		CHECK_EQ_LONG(in_close(in), 0);
		free(got);

		in = in_open(path);
		got = NULL;
		len = cap = 0;
		CHECK_EQ_LONG(in_slurp(in, &got, &len, &cap), 0);
		CHECK_EQ_LONG(len, tlen);
		CHECK(len == tlen && memcmp(got, text, tlen) == 0);
		CHECK(cap > len && got[len] == '\0');
		CHECK_EQ_LONG(in_close(in), 0);
		free(got);
	}
}

/* Empty files, plain and gzip (a gzip header and trailer, no data). */
static void
test_empty(struct scratch *sc)
{
	const char *path;
	struct in *in;
	size_t len;
	char *got;
	int i, err;

	for (i = 0; i < 2; i++) {
		path = scratch_file(sc);
		if (i == 1)
			write_gz(path, "", 0, "wb");
		in = in_open(path);
		CHECK(in != NULL);
		got = read_lines(in, &len, &err);
		CHECK_EQ_LONG(len, 0);
		CHECK_EQ_LONG(err, 0);
		CHECK(feof(in->fp));
		CHECK_EQ_LONG(in_close(in), 0);
		free(got);
	}
}

/* gzip(1) allows members back to back; `cat a.gz b.gz` reads as a + b. */
static void
test_members(struct scratch *sc)
{
	const char *a, *b;
	char *abuf, *bbuf, *cat, *got;
	size_t alen, blen, len;
	struct in *in;
	int err;

	a = scratch_file(sc);
	b = scratch_file(sc);
	write_gz(a, "first\n", 6, "wb");
	write_gz(b, "second\n", 7, "wb");
	abuf = read_file(a, &alen);
	bbuf = read_file(b, &blen);
	cat = malloc(alen + blen);
	memcpy(cat, abuf, alen);
	memcpy(cat + alen, bbuf, blen);
	write_file(a, cat, alen + blen);
	in = in_open(a);
	got = read_lines(in, &len, &err);
	CHECK_EQ_LONG(err, 0);
	CHECK_EQ_MEM(got, len, "first\nsecond\n");
	CHECK_EQ_LONG(in_close(in), 0);
	free(got);
	free(cat);
	free(abuf);
	free(bbuf);
}

/* "-" is standard input, gzip or not. */
static void
test_stdin(struct scratch *sc)
{
	const char *path;
	struct in *in;
	size_t len;
	char *got;
	int fd, saved, err;

	path = scratch_file(sc);
	write_gz(path, "from\nstdin\n", 11, "wb");
	if ((saved = dup(STDIN_FILENO)) == -1 ||
	    (fd = open(path, O_RDONLY)) == -1 ||
	    dup2(fd, STDIN_FILENO) == -1)
		die("stdin");
	close(fd);
	in = in_open("-");
	CHECK(in != NULL);
	CHECK_EQ_STR(in->name, "-");
	got = read_lines(in, &len, &err);
	CHECK_EQ_LONG(err, 0);
	CHECK_EQ_MEM(got, len, "from\nstdin\n");
	CHECK_EQ_LONG(in_close(in), 0);
	/* in_close closed a duplicate: descriptor 0 is still open. */
	CHECK(fcntl(STDIN_FILENO, F_GETFD) != -1);
	free(got);
	if (dup2(saved, STDIN_FILENO) == -1)
		die("stdin");
	close(saved);
}

/*
 * Damaged gzip files: each case edits a good one (of text) and says how
 * much of text must come out before the error, and what in_error says.
 */
static void
test_damaged(struct scratch *sc, const char *text, size_t tlen)
{
	enum { CUT, OR, XOR };
	static const struct {
		const char	*what;
		int		 op;
		long		 at;	/* byte offset; < 0 from the end */
		int		 arg;	/* new length, or the bits */
		int		 all;	/* 1: all of text, 0: none, -1: some */
		const char	*reason;
	} t[] = {
		/* Cut in the header, in the data, in the trailer. */
		{ "header only", CUT, 10, 0, 0, "truncated gzip data" },
		{ "half", CUT, -1, 2, -1, "truncated gzip data" },
		{ "no length", CUT, -4, 0, 1, "truncated gzip data" },
		/* BTYPE 11 in the first block header: reserved. */
		{ "block type", OR, 10, 0x06, 0, "corrupt gzip data" },
		/*
		 * Good data, bad check values: zlib withholds the output
		 * of the inflate call that met the check (up to twice its
		 * 128 KiB buffer), so only some of the text comes out.
		 */
		{ "crc", XOR, -8, 0xff, -1, "corrupt gzip data" },
		{ "length", XOR, -1, 0x01, -1, "corrupt gzip data" },
	};
	const char *path, *good;
	char *gz, *bad, *got;
	size_t gzlen, badlen, len, i, at, cap;
	struct in *in;
	int err;

	good = scratch_file(sc);
	path = scratch_file(sc);
	write_gz(good, text, tlen, "wb");
	gz = read_file(good, &gzlen);
	bad = malloc(gzlen);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memcpy(bad, gz, gzlen);
		badlen = gzlen;
		at = t[i].at >= 0 ? (size_t)t[i].at :
		    gzlen - (size_t)-t[i].at;
		if (t[i].op == CUT)
			badlen = t[i].arg != 0 ? gzlen / (size_t)t[i].arg : at;
		else if (t[i].op == OR)
			bad[at] |= (char)t[i].arg;
		else
			bad[at] ^= (char)t[i].arg;
		write_file(path, bad, badlen);

		in = in_open(path);
		CHECK(in != NULL);
		got = read_lines(in, &len, &err);
		CHECK_EQ_LONG(err, 1);
		if (t[i].all == 1)
			CHECK_EQ_LONG(len, tlen);
		else if (t[i].all == 0)
			CHECK_EQ_LONG(len, 0);
		else
			CHECK(len > 0 && len < tlen);
		/* What came out is the start of the text. */
		CHECK(len <= tlen && (len == 0 || memcmp(got, text, len) == 0));
		if (strstr(in_error(in), t[i].reason) == NULL)
			fprintf(stderr, "%s: in_error: %s\n", t[i].what,
			    in_error(in));
		CHECK(strstr(in_error(in), t[i].reason) != NULL);
		/* zlib's "<fd:N>: " prefix is gone. */
		CHECK(strstr(in_error(in), "<fd:") == NULL);
		in_close(in);
		free(got);

		/* in_slurp keeps what it read and reports the failure. */
		in = in_open(path);
		got = NULL;
		len = cap = 0;
		CHECK_EQ_LONG(in_slurp(in, &got, &len, &cap), -1);
		CHECK(len <= tlen && (len == 0 || memcmp(got, text, len) == 0));
		CHECK(got[len] == '\0');
		in_close(in);
		free(got);
	}
	free(bad);
	free(gz);
}

static void
test_open_errors(struct scratch *sc)
{
	char missing[300];

	snprintf(sc->dir, sizeof(sc->dir), "%s/test_input.XXXXXX", tmpdir());
	if (mkdtemp(sc->dir) == NULL)
		die(sc->dir);
	errno = 0;
	CHECK(in_open(sc->dir) == NULL);
	CHECK_EQ_LONG(errno, EISDIR);

	snprintf(missing, sizeof(missing), "%s/missing.txt.gz", sc->dir);
	errno = 0;
	CHECK(in_open(missing) == NULL);
	CHECK_EQ_LONG(errno, ENOENT);

	CHECK_EQ_LONG(in_close(NULL), 0);
}

/* in_slurp appends after the *len bytes already there. */
static void
test_slurp(struct scratch *sc)
{
	static const struct {
		const char	*data;
		int		 gz;
		size_t		 cap;	/* of the buffer given */
	} t[] = {
		{ "", 0, 8 },
		{ "", 1, 8 },
		{ "abc\ndef", 0, 8 },
		{ "abc\ndef", 1, 7 },
		{ "abc\ndef", 0, 1000000 },
	};
	const char *path;
	struct in *in;
	size_t i, len, cap, dlen;
	char *buf;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		path = scratch_file(sc);
		dlen = strlen(t[i].data);
		if (t[i].gz)
			write_gz(path, t[i].data, dlen, "wb");
		else
			write_file(path, t[i].data, dlen);
		cap = t[i].cap;
		buf = malloc(cap);
		memcpy(buf, "prefix#", 7);
		len = 6;
		in = in_open(path);
		CHECK_EQ_LONG(in_slurp(in, &buf, &len, &cap), 0);
		CHECK_EQ_LONG(len, 6 + dlen);
		CHECK(cap > len);
		CHECK(memcmp(buf, "prefix", 6) == 0);
		CHECK_EQ_MEM(buf + 6, len - 6, t[i].data);
		CHECK(buf[len] == '\0');
		/* At end of input a second call adds nothing. */
		CHECK_EQ_LONG(in_slurp(in, &buf, &len, &cap), 0);
		CHECK_EQ_LONG(len, 6 + dlen);
		CHECK(buf[len] == '\0');
		in_close(in);
		free(buf);
		unlink(path);
		sc->n--;
	}
}

static void
test_basename_id(void)
{
	static const struct {
		const char	*path;
		const char	*want;
	} t[] = {
		{ "dir/a.txt.gz", "a" },
		{ "a.gz", "a" },
		{ "a.txt", "a" },
		{ "a.tsv", "a.tsv" },
		{ "a.tsv.gz", "a.tsv" },
		{ "a", "a" },
		{ "-", "-" },
		{ "/abs/path/doc-17.txt", "doc-17" },
		{ "a/b/c.d.txt.gz", "c.d" },
		/* Only the last .gz, then only the last .txt. */
		{ "a.txt.txt", "a.txt" },
		{ "a.gz.gz", "a.gz" },
		{ "a.gz.txt", "a.gz" },
		{ "a.txt.gz.txt", "a.txt.gz" },
		/* Case matters; the dot is required. */
		{ "a.TXT", "a.TXT" },
		{ "a.GZ", "a.GZ" },
		{ "atxt", "atxt" },
		{ "agz", "agz" },
		/* A suffix that is the whole name stays. */
		{ ".txt", ".txt" },
		{ ".gz", ".gz" },
		{ ".txt.gz", ".txt" },
		{ "dir/.txt", ".txt" },
		{ "dir/.gz", ".gz" },
		{ "x.txt", "x" },
		{ "x.gz", "x" },
		/* Directory-like paths: nothing after the last slash. */
		{ "dir/", "dir/" },
		{ "a/b/", "a/b/" },
		{ "/", "/" },
		{ "", "" },
		{ "./a.txt", "a" },
		{ "../a.txt.gz", "a" },
	};
	size_t i;
	char *out;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		/* Exactly the room promised, so ASan sees an overrun. */
		out = malloc(strlen(t[i].path) + 1);
		CHECK(in_basename_id(t[i].path, out) == out);
		CHECK_EQ_STR(out, t[i].want);
		free(out);
	}
}

int
main(void)
{
	struct scratch sc;
	size_t tlen;
	char *text;

	memset(&sc, 0, sizeof(sc));
	text = make_text(&tlen);
	test_plain_gzip(&sc, text, tlen);
	test_empty(&sc);
	test_members(&sc);
	test_stdin(&sc);
	test_damaged(&sc, text, tlen);
	test_open_errors(&sc);
	test_slurp(&sc);
	test_basename_id();
	scratch_free(&sc);
	free(text);
	UNIT_END();
}
