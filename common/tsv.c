/*
 * tsv.c: crossread-tsv(5) reading and writing.  The escape set is coded
 * here and nowhere else.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "tsv.h"
#include "xalloc.h"

/* Bytes a writer must escape, and the letter that follows the backslash. */
static const char tsv_esc[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
};

/* Read one line into r->line without its LF (and CR before it). */
static ssize_t
tsv_getline(struct tsv_reader *r)
{
	ssize_t n;

	n = getline(&r->line, &r->linecap, r->fp);
	if (n < 0)
		return -1;
	r->lineno++;
	if (n > 0 && r->line[n - 1] == '\n')
		n--;
	if (n > 0 && r->line[n - 1] == '\r')
		n--;
	r->line[n] = '\0';
	return n;
}

size_t
tsv_split(char *s, size_t len, struct tsv_field **f, size_t *cap)
{
	size_t n = 0;
	char *end = s + len, *tab;

	for (;;) {
		xgrow((void **)f, cap, n + 1, sizeof(**f));
		tab = memchr(s, '\t', (size_t)(end - s));
		(*f)[n].p = s;
		(*f)[n].len = (tab == NULL ? end : tab) - s;
		n++;
		if (tab == NULL)
			return n;
		s = tab + 1;
	}
}

/* Take head[0..len) as the header; r->line holds room for it. */
static void
tsv_take_header(struct tsv_reader *r, size_t len)
{
	size_t i;

	r->head = xstrndup(r->line, len);
	r->headlen = len;
	r->ncol = tsv_split(r->line, len, &r->f, &r->fcap);
	r->col = xreallocarray(NULL, r->ncol, sizeof(*r->col));
	for (i = 0; i < r->ncol; i++) {
		r->col[i].p = xstrndup(r->f[i].p, r->f[i].len);
		r->col[i].len = tsv_unescape(r->col[i].p, r->col[i].p,
		    r->f[i].len);
		r->col[i].p[r->col[i].len] = '\0';
	}
}

int
tsv_reader_open(struct tsv_reader *r, FILE *fp, const char *name)
{
	ssize_t n;

	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = name;
	if ((n = tsv_getline(r)) < 0) {
		snprintf(r->err, sizeof(r->err), "%s",
		    ferror(fp) ? strerror(errno) : "no header line");
		return -1;
	}
	tsv_take_header(r, (size_t)n);
	return 0;
}

void
tsv_reader_open_header(struct tsv_reader *r, FILE *fp, const char *name,
    const char *head, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = name;
	r->lineno = 1;
	if (len > 0 && head[len - 1] == '\n')
		len--;
	if (len > 0 && head[len - 1] == '\r')
		len--;
	xgrow((void **)&r->line, &r->linecap, len + 1, 1);
	memcpy(r->line, head, len);
	r->line[len] = '\0';
	tsv_take_header(r, len);
}

/* Does this line start with the header's first column name and a TAB? */
static int
tsv_looks_like_header(const struct tsv_reader *r, const char *s, size_t len)
{
	const char *tab = memchr(r->head, '\t', r->headlen);
	size_t first = tab == NULL ? r->headlen : (size_t)(tab - r->head);

	return len > first && s[first] == '\t' &&
	    memcmp(s, r->head, first) == 0;
}

int
tsv_read(struct tsv_reader *r)
{
	ssize_t n;

	for (;;) {
		if ((n = tsv_getline(r)) < 0) {
			if (!ferror(r->fp))
				return 0;
			snprintf(r->err, sizeof(r->err), "%s",
			    strerror(errno));
			return -1;
		}
		if ((size_t)n != r->headlen ||
		    memcmp(r->line, r->head, r->headlen) != 0)
			break;
	}
	if (r->ncol > 1 && tsv_looks_like_header(r, r->line, (size_t)n)) {
		snprintf(r->err, sizeof(r->err),
		    "header differs from the first header");
		return -1;
	}
	r->nf = tsv_split(r->line, (size_t)n, &r->f, &r->fcap);
	if (r->nf != r->ncol) {
		snprintf(r->err, sizeof(r->err), "%zu fields, header has %zu",
		    r->nf, r->ncol);
		return -1;
	}
	return 1;
}

void
tsv_reader_free(struct tsv_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ncol; i++)
		free(r->col[i].p);
	free(r->col);
	free(r->f);
	free(r->head);
	free(r->line);
	memset(r, 0, sizeof(*r));
}

int
tsv_col(const struct tsv_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncol; i++)
		if (strcmp(r->col[i].p, name) == 0)
			return (int)i;
	return -1;
}

size_t
tsv_unescape(char *dst, const char *src, size_t len)
{
	const char *end = src + len, *bs;
	size_t o = 0, run;
	char c;

	while (src < end) {
		/* Copy up to the next backslash in one go. */
		bs = memchr(src, '\\', (size_t)(end - src));
		run = (bs == NULL ? end : bs) - src;
		memmove(dst + o, src, run);
		o += run;
		src += run;
		if (src == end)
			break;
		c = '\\';
		if (src + 1 < end) {
			switch (src[1]) {
			case 't': c = '\t'; src++; break;
			case 'n': c = '\n'; src++; break;
			case 'r': c = '\r'; src++; break;
			case '\\': src++; break;
			default: break;
			}
		}
		dst[o++] = c;
		src++;
	}
	return o;
}

void
tsv_writer_init(struct tsv_writer *w, FILE *fp)
{
	memset(w, 0, sizeof(*w));
	w->fp = fp;
}

int
tsv_writer_flush(struct tsv_writer *w)
{
	errno = 0;
	/* Some streams (funopen) count a failed write as done: ask ferror. */
	if (w->len > 0 && w->err == 0 &&
	    (fwrite(w->buf, 1, w->len, w->fp) != w->len || ferror(w->fp)))
		w->err = errno != 0 ? errno : EIO;
	w->len = 0;
	if (w->err != 0) {
		errno = w->err;
		return -1;
	}
	return 0;
}

int
tsv_writer_free(struct tsv_writer *w)
{
	int r;

	r = tsv_writer_flush(w);
	free(w->buf);
	w->buf = NULL;
	w->cap = 0;
	return r;
}

/* Make room for n more bytes, and the TAB before a field. */
static char *
tsv_room(struct tsv_writer *w, size_t n)
{
	xgrow((void **)&w->buf, &w->cap, w->len + n + 1, 1);
	if (w->nfield++ > 0)
		w->buf[w->len++] = '\t';
	return w->buf + w->len;
}

/*
 * Does the word hold a byte below 0x0e (TAB, LF, CR are among them) or a
 * backslash?  The classic zero-byte tests; false positives (other control
 * bytes) only send the word to the byte loop.
 */
static int
tsv_word_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t bs = w ^ (ones * '\\');

	return ((((w - ones * 0x0e) & ~w) | ((bs - ones) & ~bs)) & high) != 0;
}

void
tsv_field(struct tsv_writer *w, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t word;
	char *o;
	size_t i = 0, end;

	/* At worst every byte doubles. */
	o = tsv_room(w, 2 * len);
	while (i < len) {
		if (i + 8 <= len) {
			memcpy(&word, u + i, 8);
			if (!tsv_word_special(word)) {
				memcpy(o, u + i, 8);
				o += 8;
				i += 8;
				continue;
			}
		}
		/* A word with something to escape, or the tail. */
		for (end = i + 8 < len ? i + 8 : len; i < end; i++) {
			if (tsv_esc[u[i]] == 0)
				*o++ = (char)u[i];
			else {
				*o++ = '\\';
				*o++ = tsv_esc[u[i]];
			}
		}
	}
	w->len = (size_t)(o - w->buf);
}

void
tsv_field_str(struct tsv_writer *w, const char *s)
{
	tsv_field(w, s, strlen(s));
}

void
tsv_field_raw(struct tsv_writer *w, const char *s, size_t len)
{
	char *o;

	o = tsv_room(w, len);
	memcpy(o, s, len);
	w->len += len;
}

void
tsv_field_uint(struct tsv_writer *w, unsigned long long v)
{
	unsigned long long t;
	size_t n = 1;
	char *o;

	/* Count the digits, then write them from the right in place. */
	for (t = v; t >= 10; t /= 10)
		n++;
	o = tsv_room(w, n);
	w->len += n;
	o += n;
	do {
		*--o = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
}

void
tsv_end(struct tsv_writer *w)
{
	xgrow((void **)&w->buf, &w->cap, w->len + 1, 1);
	w->buf[w->len++] = '\n';
	w->nfield = 0;
	if (w->len >= TSV_WFLUSH)
		tsv_writer_flush(w);
}
