/*
 * summ_fmt.c: summaries for people.  See summ_fmt.h.
 */
#include <string.h>

#include "summ_fmt.h"

/* s[0..len) on one line; Markdown's formatting characters escaped. */
static void
put_flat(FILE *fp, const char *s, size_t len, int md)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
			fputc(' ', fp);
		else {
			if (md && strchr("\\`*_[]<>#|", s[i]) != NULL)
				fputc('\\', fp);
			fputc(s[i], fp);
		}
	}
}

/* A comma-separated list with a space after each comma. */
static void
put_list(FILE *fp, const char *s, int md)
{
	for (; *s != '\0'; s++) {
		put_flat(fp, s, 1, md);
		if (*s == ',' && s[1] != ' ')
			fputc(' ', fp);
	}
}

/*
 * One note per "; "-separated part of a conflict.  A part in
 * align-claims(1)'s form "kind: value (sources) / value (sources)" reads
 * "sources disagree on the kind: ...".
 */
static void
put_conflict(FILE *fp, const char *s, int md)
{
	const char *end, *colon;
	size_t n, k;

	for (; *s != '\0'; s = *end != '\0' ? end + 2 : end) {
		if ((end = strstr(s, "; ")) == NULL)
			end = s + strlen(s);
		n = (size_t)(end - s);
		for (k = 0; k < n && k < 24 && (s[k] == ' ' ||
		    (s[k] >= 'a' && s[k] <= 'z')); k++)
			;
		colon = k > 0 && k + 1 < n && s[k] == ':' && s[k + 1] == ' ' ?
		    s + k : NULL;
		fputs(md ? "\n> **Sources disagree" :
		    "Note: sources disagree", fp);
		if (colon != NULL) {
			fputs(" on the ", fp);
			put_flat(fp, s, k, md);
			s = colon + 2;
			n -= k + 2;
		}
		fputs(md ? ":** " : ": ", fp);
		put_flat(fp, s, n, md);
		fputc('\n', fp);
	}
}

int
summ_fmt_write(FILE *fp, enum summ_fmt fmt, const char *story, int first,
    const struct summ_line *l, size_t n)
{
	int md = fmt == SUMM_FMT_MARKDOWN;
	size_t i, j;

	if (!first)
		fputc('\n', fp);
	if (story != NULL) {
		fputs(md ? "## " : "Story: ", fp);
		put_flat(fp, story, strlen(story), md);
		fputs(md ? "\n\n" : "\n", fp);
	}
	if (n == 0)
		fputs(md ? "*No sentence fits the budget.*\n" :
		    "(no sentence fits the budget)\n", fp);
	for (i = 0; i < n; i++) {
		fprintf(fp, "%zu. ", i + 1);
		put_flat(fp, l[i].text, l[i].len, md);
		fprintf(fp, md ? " *(%u source%s: " : " [%u source%s: ",
		    l[i].support, l[i].support == 1 ? "" : "s");
		put_list(fp, l[i].sources, md);
		fputs(md ? ")*\n" : "]\n", fp);
	}
	for (i = 0; i < n; i++) {
		if (l[i].conflict[0] == '\0')
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(l[j].conflict, l[i].conflict) == 0)
				break;
		if (j < i)
			continue;	/* said already */
		put_conflict(fp, l[i].conflict, md);
	}
	return ferror(fp) ? -1 : 0;
}
