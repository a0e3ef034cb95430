/*
 * ent.c: the `entities` field: start:end:TYPE:key mentions joined by |,
 * with % | : in keys written as %25 %7C %3A.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "xalloc.h"

static const char *const names[ENT_NTYPES] = {
	"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
	"WORK_OF_ART", "LAW", "LANGUAGE", "MISC", "DATE", "TIME", "PERCENT",
	"MONEY", "QUANTITY", "ORDINAL", "CARDINAL"
};

const char *
ent_type_name(enum ent_type t)
{
	return (unsigned)t < ENT_NTYPES ? names[t] : "?";
}

int
ent_type_parse(const char *s, size_t n)
{
	int i;

	for (i = 0; i < ENT_NTYPES; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return -1;
}

const char *
ent_key(const struct ent_list *l, size_t i)
{
	return l->buf + l->v[i].key_off;
}

void
ent_clear(struct ent_list *l)
{
	l->n = 0;
	l->len = 0;
}

void
ent_list_free(struct ent_list *l)
{
	free(l->v);
	free(l->buf);
	memset(l, 0, sizeof(*l));
}

/* Append a mention whose key is the next key_len bytes already in buf. */
static void
push(struct ent_list *l, uint32_t start, uint32_t end, enum ent_type type,
    size_t key_off, size_t key_len)
{
	struct ent_mention *m;

	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	m = &l->v[l->n++];
	m->start = start;
	m->end = end;
	m->type = (uint8_t)type;
	m->key_off = (uint32_t)key_off;
	m->key_len = (uint32_t)key_len;
}

void
ent_add(struct ent_list *l, uint32_t start, uint32_t end,
    enum ent_type type, const char *key, size_t key_len)
{
	size_t off = l->len;

	xgrow((void **)&l->buf, &l->bufcap, l->len + key_len + 1, 1);
	memcpy(l->buf + off, key, key_len);
	l->buf[off + key_len] = '\0';
	l->len += key_len + 1;
	push(l, start, end, type, off, key_len);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parse a decimal offset at s[*i..n) up to ':'; -1 when malformed. */
static long long
offset(const char *s, size_t n, size_t *i)
{
	long long v = 0;
	size_t j = *i;

	if (j >= n || s[j] < '0' || s[j] > '9')
		return -1;
	for (; j < n && s[j] >= '0' && s[j] <= '9'; j++) {
		v = v * 10 + (s[j] - '0');
		if (v > UINT32_MAX)
			return -1;
	}
	if (j >= n || s[j] != ':')
		return -1;
	*i = j + 1;
	return v;
}

int
ent_parse(const char *s, size_t n, struct ent_list *l, const char **err)
{
	size_t i = 0;

	ent_clear(l);
	if (n == 0)
		return 0;
	for (;;) {
		long long start, end;
		size_t t, koff;
		int type;

		if ((start = offset(s, n, &i)) < 0 ||
		    (end = offset(s, n, &i)) < 0) {
			*err = "malformed mention offsets";
			return -1;
		}
		if (end < start) {
			*err = "mention ends before it starts";
			return -1;
		}
		for (t = i; t < n && s[t] != ':' && s[t] != '|'; t++)
			;
		if (t >= n || s[t] != ':' ||
		    (type = ent_type_parse(s + i, t - i)) < 0) {
			*err = "unknown or missing mention type";
			return -1;
		}
		i = t + 1;
		koff = l->len;
		xgrow((void **)&l->buf, &l->bufcap, l->len + (n - i) + 1, 1);
		for (; i < n && s[i] != '|'; i++) {
			int c = (unsigned char)s[i];
			if (c == ':') {
				*err = "unescaped ':' in a key";
				return -1;
			}
			if (c == '%') {
				int hi, lo;
				if (i + 2 >= n) {
					*err = "truncated %-escape in a key";
					return -1;
				}
				hi = hexval((unsigned char)s[i + 1]);
				lo = hexval((unsigned char)s[i + 2]);
				if (hi < 0 || lo < 0) {
					*err = "bad %-escape in a key";
					return -1;
				}
				c = hi * 16 + lo;
				i += 2;
			}
			l->buf[l->len++] = (char)c;
		}
		l->buf[l->len++] = '\0';
		push(l, (uint32_t)start, (uint32_t)end, type, koff,
		    l->len - koff - 1);
		if (i >= n)
			return 0;
		i++;	/* the | */
		if (i >= n) {
			*err = "empty mention after '|'";
			return -1;
		}
	}
}

size_t
ent_format(const struct ent_list *l, char **out, size_t *cap)
{
	size_t len = 0, i;

	for (i = 0; i < l->n; i++) {
		const struct ent_mention *m = &l->v[i];
		const char *k = l->buf + m->key_off, *tn = names[m->type];
		size_t j, need = 2 * 11 + strlen(tn) + 3 * m->key_len + 4;
		int w;

		xgrow((void **)out, cap, len + need, 1);
		if (i > 0)
			(*out)[len++] = '|';
		w = snprintf(*out + len, need, "%lu:%lu:%s:",
		    (unsigned long)m->start, (unsigned long)m->end, tn);
		len += (size_t)w;
		for (j = 0; j < m->key_len; j++) {
			unsigned char c = (unsigned char)k[j];
			if (c == '%' || c == '|' || c == ':') {
				(*out)[len++] = '%';
				(*out)[len++] = "0123456789ABCDEF"[c >> 4];
				(*out)[len++] = "0123456789ABCDEF"[c & 15];
			} else
				(*out)[len++] = (char)c;
		}
	}
	return len;
}
