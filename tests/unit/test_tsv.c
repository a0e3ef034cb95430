/*
 * test_tsv.c: unit tests of common/tsv: tsv_unescape (each escape, unknown
 * escapes and a trailing backslash kept, in place), tsv_split (empty fields,
 * leading and trailing TABs), the row writer (escaping, raw and numeric
 * fields, TAB placement, buffering, sticky write errors, an escape/unescape
 * round trip over random bytes) and the reader (header and tsv_col, CRLF,
 * a last line without LF, repeated and differing headers, field counts,
 * empty input, read errors, a 1 MB line, tsv_reader_open_header).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "unit.h"

/* Compare two byte strings that may hold NULs. */
#define CHECK_EQ_BYTES(got, glen, want, wlen) do {			\
	CHECK_EQ_LONG((glen), (wlen));					\
	CHECK((size_t)(glen) == (size_t)(wlen) &&			\
	    memcmp((got), (want), (wlen)) == 0);			\
} while (0)

/* A string literal with its length, NULs included. */
#define S(lit)	lit, sizeof(lit) - 1

/* A stream holding s[0..len): tmpfile(3), since fmemopen may refuse 0. */
static FILE *
input(const char *s, size_t len)
{
	FILE *fp;

	if ((fp = tmpfile()) == NULL) {
		perror("tmpfile");
		exit(2);
	}
	if (fwrite(s, 1, len, fp) != len || fflush(fp) != 0) {
		perror("tmpfile");
		exit(2);
	}
	rewind(fp);
	return fp;
}

static void
test_unescape(void)
{
	static const struct {
		const char	*src;
		size_t		 srclen;
		const char	*want;
		size_t		 wantlen;
	} t[] = {
		{ S(""), S("") },
		{ S("abc"), S("abc") },
		{ S("\\t"), S("\t") },
		{ S("\\n"), S("\n") },
		{ S("\\r"), S("\r") },
		{ S("\\\\"), S("\\") },
		{ S("\\t\\n\\r\\\\"), S("\t\n\r\\") },
		{ S("a\\tb\\nc"), S("a\tb\nc") },
		/* Unknown escapes are kept, backslash and all. */
		{ S("\\x"), S("\\x") },
		{ S("\\T"), S("\\T") },
		{ S("\\0"), S("\\0") },
		{ S("\\\"q"), S("\\\"q") },
		/* A trailing lone backslash is kept. */
		{ S("\\"), S("\\") },
		{ S("a\\"), S("a\\") },
		/* "\\" then t is a backslash and a t, not a TAB. */
		{ S("\\\\t"), S("\\t") },
		{ S("\\\\\\"), S("\\\\") },
		{ S("\\\\\\t"), S("\\\t") },
		{ S("x\0y\\n"), S("x\0y\n") },
		{ S("caf\xc3\xa9\\t"), S("caf\xc3\xa9\t") },
	};
	char buf[64], out[64];
	size_t i, n;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		/* Into another buffer. */
		memset(out, '#', sizeof(out));
		n = tsv_unescape(out, t[i].src, t[i].srclen);
		CHECK_EQ_BYTES(out, n, t[i].want, t[i].wantlen);
		/* In place. */
		memcpy(buf, t[i].src, t[i].srclen);
		n = tsv_unescape(buf, buf, t[i].srclen);
		CHECK_EQ_BYTES(buf, n, t[i].want, t[i].wantlen);
	}

	/* len bounds the input: an escape cut by it is a lone backslash. */
	n = tsv_unescape(out, "a\\t", 2);
	CHECK_EQ_BYTES(out, n, "a\\", 2);
}

static void
test_split(void)
{
	static const struct {
		const char	*s;
		const char	*want;	/* fields joined by '|' */
		size_t		 n;
	} t[] = {
		{ "", "", 1 },
		{ "abc", "abc", 1 },
		{ "a\tb", "a|b", 2 },
		{ "a\tb\tc", "a|b|c", 3 },
		{ "\t", "|", 2 },
		{ "\ta", "|a", 2 },
		{ "a\t", "a|", 2 },
		{ "a\t\tb", "a||b", 3 },
		{ "\t\t", "||", 3 },
		{ "x\\ty\tz", "x\\ty|z", 2 },	/* raw: escapes untouched */
		{ "0\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16"
		    "\t17\t18\t19", "0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16"
		    "|17|18|19", 20 },
	};
	struct tsv_field *f = NULL;
	size_t cap = 0, i, j, n, o;
	char s[128], joined[128];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		strcpy(s, t[i].s);
		n = tsv_split(s, strlen(s), &f, &cap);
		CHECK_EQ_LONG(n, t[i].n);
		CHECK(cap >= n);
		o = 0;
		for (j = 0; j < n; j++) {
			/* Slices point into s, in order. */
			CHECK(f[j].p >= s && f[j].p + f[j].len <= s + strlen(s));
			if (j > 0)
				joined[o++] = '|';
			memcpy(joined + o, f[j].p, f[j].len);
			o += f[j].len;
		}
		joined[o] = '\0';
		CHECK_EQ_STR(joined, t[i].want);
		CHECK(f[0].p == s);
	}

	/* len bounds the line: a TAB past it is not seen. */
	strcpy(s, "ab\tc");
	n = tsv_split(s, 1, &f, &cap);
	CHECK_EQ_LONG(n, 1);
	CHECK_EQ_MEM(f[0].p, f[0].len, "a");
	free(f);
}

/*
 * A writer over an open_memstream(3) stream; writer_done() frees the
 * writer, closes the stream and hands back the bytes (caller frees).
 */
struct wtest {
	FILE		*fp;
	char		*buf;
	size_t		 len;
	struct tsv_writer w;
};

static void
writer_start(struct wtest *t)
{
	t->buf = NULL;
	t->len = 0;
	if ((t->fp = open_memstream(&t->buf, &t->len)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	tsv_writer_init(&t->w, t->fp);
}

static int
writer_done(struct wtest *t)
{
	int r;

	r = tsv_writer_free(&t->w);
	if (fclose(t->fp) != 0)
		r = -1;
	return r;
}

static void
test_writer_escape(void)
{
	static const struct {
		const char	*in;
		size_t		 inlen;
		const char	*want;	/* the row, LF included */
		size_t		 wantlen;
	} t[] = {
		{ S(""), S("\n") },
		{ S("abc"), S("abc\n") },
		{ S("\t"), S("\\t\n") },
		{ S("\n"), S("\\n\n") },
		{ S("\r"), S("\\r\n") },
		{ S("\\"), S("\\\\\n") },
		{ S("\r\n"), S("\\r\\n\n") },
		{ S("a\tb\nc\rd\\e"), S("a\\tb\\nc\\rd\\\\e\n") },
		/* A literal backslash-t must not read back as a TAB. */
		{ S("\\t"), S("\\\\t\n") },
		/* Nothing else is escaped: NUL, other controls, UTF-8. */
		{ S("x\0y\x01\x7f"), S("x\0y\x01\x7f\n") },
		{ S("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"),
		  S("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d\n") },
		{ S("\t\t\t"), S("\\t\\t\\t\n") },
	};
	struct wtest wt;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		writer_start(&wt);
		tsv_field(&wt.w, t[i].in, t[i].inlen);
		tsv_end(&wt.w);
		CHECK_EQ_LONG(writer_done(&wt), 0);
		CHECK_EQ_BYTES(wt.buf, wt.len, t[i].want, t[i].wantlen);
		free(wt.buf);
	}
}

/*
 * The escaper checks eight bytes at a time: put each special byte at every
 * offset of a 24-byte field so that every lane of a word is tried.
 */
static void
test_writer_positions(void)
{
	static const char special[] = "\t\n\r\\";
	static const char letter[] = "tnr\\";
	char in[24], want[26];	/* 24 bytes, one escaped, and LF */
	struct wtest wt;
	size_t c, k;

	for (c = 0; c < 4; c++) {
		for (k = 0; k < sizeof(in); k++) {
			memset(in, 'a', sizeof(in));
			in[k] = special[c];
			memset(want, 'a', sizeof(want));
			want[k] = '\\';
			want[k + 1] = letter[c];
			want[sizeof(want) - 1] = '\n';
			writer_start(&wt);
			tsv_field(&wt.w, in, sizeof(in));
			tsv_end(&wt.w);
			CHECK_EQ_LONG(writer_done(&wt), 0);
			CHECK_EQ_BYTES(wt.buf, wt.len, want, sizeof(want));
			free(wt.buf);
		}
	}
}

static void
test_writer_uint(void)
{
	static const struct {
		unsigned long long v;
		const char	*want;
	} t[] = {
		{ 0, "0\n" },
		{ 1, "1\n" },
		{ 9, "9\n" },
		{ 10, "10\n" },
		{ 42, "42\n" },
		{ 1000000, "1000000\n" },
		{ 4294967295ULL, "4294967295\n" },
		{ 4294967296ULL, "4294967296\n" },
		{ ULLONG_MAX, "18446744073709551615\n" },
	};
	struct wtest wt;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		writer_start(&wt);
		tsv_field_uint(&wt.w, t[i].v);
		tsv_end(&wt.w);
		CHECK_EQ_LONG(writer_done(&wt), 0);
		CHECK_EQ_MEM(wt.buf, wt.len, t[i].want);
		free(wt.buf);
	}
}

static void
test_writer_rows(void)
{
	struct wtest wt;

	/* TABs between fields only; raw fields go out as they are. */
	writer_start(&wt);
	tsv_field_str(&wt.w, "a\tb");
	tsv_field_raw(&wt.w, "b\\tc\td", 6);
	tsv_field_uint(&wt.w, 0);
	tsv_field(&wt.w, "", 0);
	tsv_end(&wt.w);
	tsv_field_uint(&wt.w, ULLONG_MAX);
	tsv_end(&wt.w);
	tsv_end(&wt.w);			/* a row of no fields */
	tsv_field(&wt.w, "", 0);
	tsv_field(&wt.w, "", 0);
	tsv_field(&wt.w, "", 0);
	tsv_end(&wt.w);
	tsv_field_raw(&wt.w, "", 0);
	tsv_field_str(&wt.w, "x");
	tsv_end(&wt.w);
	CHECK_EQ_LONG(writer_done(&wt), 0);
	CHECK_EQ_MEM(wt.buf, wt.len,
	    "a\\tb\tb\\tc\td\t0\t\n"
	    "18446744073709551615\n"
	    "\n"
	    "\t\t\n"
	    "\tx\n");
	free(wt.buf);

	/* A writer that wrote nothing writes nothing. */
	writer_start(&wt);
	CHECK_EQ_LONG(writer_done(&wt), 0);
	CHECK_EQ_LONG(wt.len, 0);
	free(wt.buf);
}

/* Rows stay in the writer until TSV_WFLUSH bytes or an explicit flush. */
static void
test_writer_buffering(void)
{
	static const char row[] = "0123456789abcdef";	/* + LF = 17 */
	struct wtest wt;
	size_t i, nrow, want;
	char *all;

	writer_start(&wt);
	tsv_field_str(&wt.w, row);
	tsv_end(&wt.w);
	fflush(wt.fp);
	CHECK_EQ_LONG(wt.len, 0);
	CHECK_EQ_LONG(wt.w.len, 17);
	CHECK_EQ_LONG(tsv_writer_flush(&wt.w), 0);
	fflush(wt.fp);
	CHECK_EQ_LONG(wt.len, 17);
	CHECK_EQ_LONG(wt.w.len, 0);

	/* The row that reaches TSV_WFLUSH sends the buffer on its own. */
	nrow = TSV_WFLUSH / 17 + 1;
	for (i = 1; i < nrow; i++) {
		tsv_field_str(&wt.w, row);
		tsv_end(&wt.w);
	}
	fflush(wt.fp);
	CHECK_EQ_LONG(wt.len, 17);
	tsv_field_str(&wt.w, row);
	tsv_end(&wt.w);
	fflush(wt.fp);
	CHECK_EQ_LONG(wt.w.len, 0);
	CHECK_EQ_LONG(wt.len, 17 * (nrow + 1));
	tsv_field_str(&wt.w, row);
	tsv_end(&wt.w);
	CHECK_EQ_LONG(writer_done(&wt), 0);
	want = 17 * (nrow + 2);
	CHECK_EQ_LONG(wt.len, want);
	all = malloc(want);
	for (i = 0; i < want; i += 17) {
		memcpy(all + i, row, 16);
		all[i + 16] = '\n';
	}
	CHECK_EQ_BYTES(wt.buf, wt.len, all, want);
	free(all);
	free(wt.buf);
}

static void
test_writer_error(void)
{
	struct tsv_writer w;
	FILE *fp;

	/*
	 * /dev/full, unbuffered so that fwrite sees the error.  (Not a
	 * funopen stream: glibc's fwrite counts a failed cookie write as
	 * written, with only ferror set.)
	 */
	if ((fp = fopen("/dev/full", "w")) == NULL) {
		perror("/dev/full");
		exit(2);
	}
	setvbuf(fp, NULL, _IONBF, 0);
	tsv_writer_init(&w, fp);
	tsv_field_str(&w, "x");
	tsv_end(&w);
	CHECK_EQ_LONG(w.err, 0);		/* nothing written yet */
	errno = 0;
	CHECK_EQ_LONG(tsv_writer_flush(&w), -1);
	CHECK_EQ_LONG(errno, ENOSPC);
	CHECK_EQ_LONG(w.err, ENOSPC);
	CHECK_EQ_LONG(w.len, 0);
	/* Sticky: later rows are dropped and every flush fails the same. */
	tsv_field_str(&w, "y");
	tsv_end(&w);
	errno = 0;
	CHECK_EQ_LONG(tsv_writer_flush(&w), -1);
	CHECK_EQ_LONG(errno, ENOSPC);
	errno = 0;
	CHECK_EQ_LONG(tsv_writer_free(&w), -1);
	CHECK_EQ_LONG(errno, ENOSPC);
	CHECK(w.buf == NULL);
	fclose(fp);
}

/* xorshift64: the same bytes on every run and every libc. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Random bytes, one in two from the escape-prone set. */
static size_t
rnd_bytes(uint64_t *seed, char *buf, size_t max)
{
	static const char hot[] = "\t\n\r\\tnr";
	size_t i, n;
	uint64_t x;

	n = rnd(seed) % (max + 1);
	for (i = 0; i < n; i++) {
		x = rnd(seed);
		buf[i] = x & 1 ? hot[(x >> 8) % (sizeof(hot) - 1)] :
		    (char)(x >> 16);
	}
	return n;
}

/*
 * Escape random fields one at a time: the output holds no TAB, LF or CR,
 * and unescaping it gives the field back.
 */
static void
test_roundtrip_field(void)
{
	char in[64], back[160];
	struct wtest wt;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	long bad = -1, i;
	size_t n, m;

	for (i = 0; i < 5000 && bad < 0; i++) {
		n = rnd_bytes(&seed, in, sizeof(in));
		writer_start(&wt);
		tsv_field(&wt.w, in, n);
		tsv_end(&wt.w);
		writer_done(&wt);
		if (wt.len < 1 || wt.buf[wt.len - 1] != '\n' ||
		    memchr(wt.buf, '\t', wt.len) != NULL ||
		    memchr(wt.buf, '\r', wt.len) != NULL ||
		    memchr(wt.buf, '\n', wt.len - 1) != NULL)
			bad = i;
		m = tsv_unescape(back, wt.buf, wt.len - 1);
		if (m != n || memcmp(back, in, n) != 0)
			bad = i;
		free(wt.buf);
	}
	CHECK_EQ_LONG(bad, -1);
}

/*
 * Whole rows of random fields through the writer and back through the
 * reader: the same rows, field for field.  Column n is the row number so
 * that no row can look like the header.
 */
static void
test_roundtrip_rows(void)
{
	enum { NROW = 500, NCOL = 4 };
	static char in[NROW][NCOL][48];
	static size_t inlen[NROW][NCOL];
	struct tsv_reader r;
	struct wtest wt;
	uint64_t seed = 42;
	char back[48];
	long bad = -1;
	size_t i, j, m;
	FILE *fp;

	writer_start(&wt);
	tsv_field_str(&wt.w, "n");
	for (j = 1; j < NCOL; j++)
		tsv_field_str(&wt.w, "f");
	tsv_end(&wt.w);
	for (i = 0; i < NROW; i++) {
		tsv_field_uint(&wt.w, i);
		for (j = 1; j < NCOL; j++) {
			inlen[i][j] = rnd_bytes(&seed, in[i][j],
			    sizeof(in[i][j]));
			tsv_field(&wt.w, in[i][j], inlen[i][j]);
		}
		tsv_end(&wt.w);
	}
	CHECK_EQ_LONG(writer_done(&wt), 0);

	fp = input(wt.buf, wt.len);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "rows"), 0);
	for (i = 0; i < NROW && bad < 0; i++) {
		if (tsv_read(&r) != 1 || r.nf != NCOL) {
			bad = (long)i;
			break;
		}
		for (j = 1; j < NCOL; j++) {
			m = tsv_unescape(back, r.f[j].p, r.f[j].len);
			if (m != inlen[i][j] || memcmp(back, in[i][j], m) != 0)
				bad = (long)i;
		}
	}
	CHECK_EQ_LONG(bad, -1);
	CHECK_EQ_LONG(tsv_read(&r), 0);
	tsv_reader_free(&r);
	fclose(fp);
	free(wt.buf);
}

/*
 * Read all rows of in, each written as its raw fields joined by '|' and
 * ended by ';', into out; return what the last tsv_read gave.
 */
static int
read_rows(struct tsv_reader *r, char *out, size_t outsize)
{
	size_t j, o = 0;
	int ret;

	while ((ret = tsv_read(r)) == 1) {
		for (j = 0; j < r->nf; j++) {
			if (o + r->f[j].len + 2 >= outsize)
				return -2;
			if (j > 0)
				out[o++] = '|';
			memcpy(out + o, r->f[j].p, r->f[j].len);
			o += r->f[j].len;
		}
		out[o++] = ';';
	}
	out[o] = '\0';
	return ret;
}

static void
test_reader(void)
{
	static const struct {
		const char	*in;
		size_t		 ncol;
		const char	*rows;	/* see read_rows */
		int		 ret;	/* of the last tsv_read */
		unsigned long	 lineno;	/* after it */
		const char	*err;	/* when ret is -1 */
	} t[] = {
		{ "a\tb\n1\t2\n3\t4\n", 2, "1|2;3|4;", 0, 3, NULL },
		{ "a\tb\n", 2, "", 0, 1, NULL },
		{ "a\tb", 2, "", 0, 1, NULL },
		/* CRLF lines, and a last line without LF. */
		{ "a\tb\r\n1\t2\r\n3\t4\r\n", 2, "1|2;3|4;", 0, 3, NULL },
		{ "a\tb\n1\t2\n3\t4", 2, "1|2;3|4;", 0, 3, NULL },
		{ "a\tb\r\n1\t2\r\n3\t4", 2, "1|2;3|4;", 0, 3, NULL },
		/* A CR inside a line is data; only one before the LF goes. */
		{ "a\tb\n1\r\t2\r\r\n", 2, "1\r|2\r;", 0, 2, NULL },
		/* Empty fields. */
		{ "a\tb\tc\n\t\t\nx\t\t\n\t\tz\n", 3, "||;x||;||z;", 0, 4,
		  NULL },
		/* Fields are raw slices: escapes are left for the caller. */
		{ "a\tb\nx\\ty\t\\\\\n", 2, "x\\ty|\\\\;", 0, 2, NULL },
		/* A repeated identical header is skipped, CRLF or not. */
		{ "a\tb\n1\t2\na\tb\n3\t4\n", 2, "1|2;3|4;", 0, 4, NULL },
		{ "a\tb\n1\t2\na\tb\r\na\tb\n3\t4\n", 2, "1|2;3|4;", 0, 5,
		  NULL },
		{ "a\tb\na\tb\n", 2, "", 0, 2, NULL },
		{ "x\n1\nx\n2\n", 1, "1;2;", 0, 4, NULL },
		/* One column: an empty line is a row of one empty field. */
		{ "x\n\n2\n\n", 1, ";2;;", 0, 4, NULL },
		/* Starts like the header, differs: a concatenated file. */
		{ "a\tb\n1\t2\na\tc\n3\t4\n", 2, "1|2;", -1, 3,
		  "header differs from the first header" },
		{ "a\tb\na\tb\tc\n", 2, "", -1, 2,
		  "header differs from the first header" },
		{ "a\tb\na\t\n", 2, "", -1, 2,
		  "header differs from the first header" },
		/* No TAB after the name: just a short row. */
		{ "a\tb\na\n", 2, "", -1, 2, "1 fields, header has 2" },
		{ "ab\tc\na\tc\n", 2, "a|c;", 0, 2, NULL },
		/* Wrong field counts name both counts. */
		{ "a\tb\n1\t2\t3\n", 2, "", -1, 2, "3 fields, header has 2" },
		{ "a\tb\n1\t2\n3\n", 2, "1|2;", -1, 3,
		  "1 fields, header has 2" },
		{ "a\tb\n1\t2\n\n", 2, "1|2;", -1, 3,
		  "1 fields, header has 2" },
		{ "a\tb\tc\n1\t2\t3\n\t\t\t\n", 3, "1|2|3;", -1, 3,
		  "4 fields, header has 3" },
	};
	struct tsv_reader r;
	char out[256];
	size_t i;
	FILE *fp;
	int ret;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fp = input(t[i].in, strlen(t[i].in));
		CHECK_EQ_LONG(tsv_reader_open(&r, fp, "t.tsv"), 0);
		CHECK_EQ_LONG(r.ncol, t[i].ncol);
		CHECK_EQ_LONG(r.lineno, 1);
		ret = read_rows(&r, out, sizeof(out));
		if (ret != t[i].ret)
			fprintf(stderr, "case %zu: %s\n", i, r.err);
		CHECK_EQ_LONG(ret, t[i].ret);
		CHECK_EQ_STR(out, t[i].rows);
		CHECK_EQ_LONG(r.lineno, t[i].lineno);
		if (t[i].err != NULL)
			CHECK_EQ_STR(r.err, t[i].err);
		CHECK_EQ_STR(r.name, "t.tsv");
		tsv_reader_free(&r);
		CHECK(r.line == NULL && r.col == NULL && r.ncol == 0);
		fclose(fp);
	}
}

static void
test_header(void)
{
	static const struct {
		const char	*in;
		const char	*name;
		int		 col;
	} t[] = {
		{ "doc\ttext\tsource\n", "doc", 0 },
		{ "doc\ttext\tsource\n", "text", 1 },
		{ "doc\ttext\tsource\n", "source", 2 },
		{ "doc\ttext\tsource\n", "missing", -1 },
		{ "doc\ttext\tsource\n", "", -1 },
		{ "doc\ttext\tsource\n", "do", -1 },
		{ "doc\ttext\tsource\n", "docs", -1 },
		{ "doc\ttext\tsource\n", "Text", -1 },
		{ "doc\ttext\tsource\n", "doc\ttext", -1 },
		/* CR is not part of the last name. */
		{ "doc\ttext\r\n", "text", 1 },
		/* Names are unescaped. */
		{ "a\\tb\tc\\\\d\n", "a\tb", 0 },
		{ "a\\tb\tc\\\\d\n", "c\\d", 1 },
		{ "a\\tb\tc\\\\d\n", "a\\tb", -1 },
		/* Empty names; the first of two equal names wins. */
		{ "\tx\t\n", "", 0 },
		{ "x\tx\n", "x", 0 },
		{ "\n", "", 0 },
	};
	struct tsv_reader r;
	size_t i;
	FILE *fp;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fp = input(t[i].in, strlen(t[i].in));
		CHECK_EQ_LONG(tsv_reader_open(&r, fp, "h"), 0);
		CHECK_EQ_LONG(tsv_col(&r, t[i].name), t[i].col);
		tsv_reader_free(&r);
		fclose(fp);
	}

	/* Empty input: no header. */
	fp = input("", 0);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "empty"), -1);
	CHECK_EQ_STR(r.err, "no header line");
	CHECK(!ferror(fp));
	tsv_reader_free(&r);
	tsv_reader_free(NULL);
	fclose(fp);
}

/* A stream that gives its cookie's bytes, then fails with EIO. */
static int
failing_read(void *cookie, char *buf, int n)
{
	const char **s = cookie;
	int len = (int)strlen(*s);

	if (len == 0) {
		errno = EIO;
		return -1;
	}
	if (len > n)
		len = n;
	memcpy(buf, *s, (size_t)len);
	*s += len;
	return len;
}

static void
test_read_error(void)
{
	struct tsv_reader r;
	const char *s;
	FILE *fp;

	s = "";
	fp = funopen(&s, failing_read, NULL, NULL, NULL);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "e"), -1);
	CHECK(ferror(fp));
	CHECK_EQ_STR(r.err, strerror(EIO));
	tsv_reader_free(&r);
	fclose(fp);

	s = "a\tb\n1\t2\n";
	fp = funopen(&s, failing_read, NULL, NULL, NULL);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "e"), 0);
	CHECK_EQ_LONG(tsv_read(&r), 1);
	CHECK_EQ_LONG(tsv_read(&r), -1);
	CHECK(ferror(fp));
	CHECK_EQ_STR(r.err, strerror(EIO));
	tsv_reader_free(&r);
	fclose(fp);
}

/* One field of 1 MB, between two small ones; then a short row again. */
static void
test_long_line(void)
{
	enum { BIG = 1 << 20 };
	struct tsv_reader r;
	size_t i, len;
	char *s;
	FILE *fp;

	s = malloc(BIG + 64);
	memcpy(s, "a\tb\tc\nx\t", 8);
	len = 8;
	memset(s + len, 'y', BIG);
	len += BIG;
	memcpy(s + len, "\tz\r\n1\t2\t3\n", 10);
	len += 10;
	fp = input(s, len);
	CHECK_EQ_LONG(tsv_reader_open(&r, fp, "big"), 0);
	CHECK_EQ_LONG(tsv_read(&r), 1);
	CHECK_EQ_LONG(r.nf, 3);
	CHECK_EQ_MEM(r.f[0].p, r.f[0].len, "x");
	CHECK_EQ_LONG(r.f[1].len, BIG);
	for (i = 0; i < r.f[1].len && r.f[1].p[i] == 'y'; i++)
		;
	CHECK_EQ_LONG(i, BIG);
	CHECK_EQ_MEM(r.f[2].p, r.f[2].len, "z");
	CHECK_EQ_LONG(tsv_read(&r), 1);
	CHECK_EQ_MEM(r.f[2].p, r.f[2].len, "3");
	CHECK_EQ_LONG(tsv_read(&r), 0);
	CHECK_EQ_LONG(r.lineno, 3);
	tsv_reader_free(&r);
	fclose(fp);
	free(s);
}

/* The header was read by the caller; the stream holds the rest. */
static void
test_open_header(void)
{
	static const struct {
		const char	*head;
		const char	*rest;
		const char	*rows;
		int		 ret;
		unsigned long	 lineno;
	} t[] = {
		{ "a\tb\n", "1\t2\na\tb\n3\t4\n", "1|2;3|4;", 0, 4 },
		{ "a\tb\r\n", "1\t2\r\na\tb\r\n3\t4", "1|2;3|4;", 0, 4 },
		{ "a\tb", "1\t2\n", "1|2;", 0, 2 },
		{ "a\tb", "", "", 0, 1 },
		{ "a\tb\n", "1\t2\na\tz\n", "1|2;", -1, 3 },
		{ "a\tb\n", "1\n", "", -1, 2 },
	};
	struct tsv_reader r;
	char head[32], out[64];
	size_t i, len;
	FILE *fp;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		/* The header is copied: spoil the caller's copy. */
		len = strlen(t[i].head);
		memcpy(head, t[i].head, len);
		fp = input(t[i].rest, strlen(t[i].rest));
		tsv_reader_open_header(&r, fp, "oh", head, len);
		memset(head, '#', len);
		CHECK_EQ_LONG(r.lineno, 1);
		CHECK_EQ_LONG(r.ncol, 2);
		CHECK_EQ_LONG(r.headlen, 3);
		CHECK_EQ_LONG(tsv_col(&r, "a"), 0);
		CHECK_EQ_LONG(tsv_col(&r, "b"), 1);
		CHECK_EQ_LONG(read_rows(&r, out, sizeof(out)), t[i].ret);
		CHECK_EQ_STR(out, t[i].rows);
		CHECK_EQ_LONG(r.lineno, t[i].lineno);
		tsv_reader_free(&r);
		fclose(fp);
	}
}

int
main(void)
{
	test_unescape();
	test_split();
	test_writer_escape();
	test_writer_positions();
	test_writer_uint();
	test_writer_rows();
	test_writer_buffering();
	test_writer_error();
	test_roundtrip_field();
	test_roundtrip_rows();
	test_reader();
	test_header();
	test_read_error();
	test_long_line();
	test_open_header();
	UNIT_END();
}
