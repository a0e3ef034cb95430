/*
 * rouge: ROUGE-1 and ROUGE-2 of peer summaries against model summaries,
 * with the semantics of ROUGE-1.5.5 `-n 2 -m -l N` (Lin 2004), so that
 * `make eval` can score summarize(1) without the Perl script:
 *
 * - Each file is read as one sentence per line (ROUGE's SPL format); empty
 *   lines are skipped; A-Z is lower-cased (ASCII only, as Perl's tr).
 * - Length limit: the first N white-space separated tokens of the file,
 *   counted before punctuation is removed (ROUGE-1.5.5 readText); applied
 *   to peers and models alike.
 * - Then "-" becomes " - ", every other byte that is not [A-Za-z0-9-]
 *   becomes a space, and only tokens starting with [a-z0-9] are kept (so a
 *   lone "-" is dropped).
 * - Stemming (on unless -s): a token longer than 3 bytes is looked up in
 *   the WordNet 2.0 exception table (-x FILE, `word TAB base` lines; the
 *   one ROUGE-1.5.5 ships), else Porter-stemmed (libstemmer's "porter",
 *   Porter 1980).  Stop words are kept.
 * - Hits of an n-gram are min(peer count, model count).  Over several
 *   models ROUGE's formula A sums: R = sum hits / sum model n-grams,
 *   P = sum hits / (models x peer n-grams), F = 2PR / (P + R).
 *
 * Input: a list file (or stdin), one evaluation per line:
 *     id TAB peer-file TAB model-file [TAB model-file ...]
 * Output: TSV `id r1 p1 f1 r2 p2 f2` per line, then `mean` with the
 * averages over the evaluations (ROUGE's average over evaluation ids).
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

struct opts {
	long		 limit;		/* words; 0 = all */
	int		 stem;
	const char	*exc;		/* exception table path or NULL */
};

struct exc_entry {
	char		*word;
	char		*base;
};

struct ctx {
	const struct opts *o;
	struct sb_stemmer *st;
	struct exc_entry *exc;
	size_t		 nexc;
};

/* A bag of n-grams: sorted strings, counted by runs. */
struct grams {
	char		**v;
	size_t		 n, cap;
};

static void *
xrealloc(void *p, size_t n, size_t sz)
{
	if ((p = reallocarray(p, n, sz)) == NULL)
		err(1, NULL);
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = strndup(s, n)) == NULL)
		err(1, NULL);
	return p;
}

static int
exc_cmp(const void *a, const void *b)
{
	return strcmp(((const struct exc_entry *)a)->word,
	    ((const struct exc_entry *)b)->word);
}

static void
exc_load(struct ctx *c, const char *path)
{
	FILE *fp;
	char *line = NULL, *tab;
	size_t cap = 0, ecap = 0;
	ssize_t len;

	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		if (c->nexc == ecap) {
			ecap = ecap ? 2 * ecap : 1024;
			c->exc = xrealloc(c->exc, ecap, sizeof(*c->exc));
		}
		c->exc[c->nexc].word = xstrndup(line, tab - line);
		c->exc[c->nexc].base = xstrndup(tab + 1, strlen(tab + 1));
		c->nexc++;
	}
	if (ferror(fp))
		err(1, "%s", path);
	free(line);
	fclose(fp);
	qsort(c->exc, c->nexc, sizeof(*c->exc), exc_cmp);
}

/* ROUGE's MorphStem: the exception table first, then Porter. */
static char *
morph_stem(struct ctx *c, const char *w)
{
	struct exc_entry key, *e;
	const sb_symbol *s;

	key.word = (char *)w;
	if (c->nexc > 0 && (e = bsearch(&key, c->exc, c->nexc,
	    sizeof(*c->exc), exc_cmp)) != NULL)
		return xstrndup(e->base, strlen(e->base));
	s = sb_stemmer_stem(c->st, (const sb_symbol *)w, (int)strlen(w));
	if (s == NULL)
		err(1, "stemmer");
	return xstrndup((const char *)s, sb_stemmer_length(c->st));
}

/* Read path as lower-cased text of at most o->limit words. */
static char *
read_limited(const struct opts *o, const char *path)
{
	FILE *fp;
	char *line = NULL, *out = NULL, *p, *q;
	size_t cap = 0, olen = 0, ocap = 0;
	long words = 0;
	ssize_t len;

	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	out = xrealloc(NULL, 1, 1);
	out[0] = '\0';
	while ((o->limit == 0 || words < o->limit) &&
	    (len = getline(&line, &cap, fp)) != -1) {
		for (p = line; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		for (p = line; *p != '\0' &&
		    (o->limit == 0 || words < o->limit);) {
			while (isspace((unsigned char)*p))
				p++;
			if (*p == '\0')
				break;
			for (q = p; *q != '\0' && !isspace((unsigned char)*q);)
				q++;
			if (olen + (q - p) + 2 > ocap) {
				ocap = 2 * (olen + (q - p) + 2);
				out = xrealloc(out, ocap, 1);
			}
			if (olen > 0)
				out[olen++] = ' ';
			memcpy(out + olen, p, q - p);
			olen += q - p;
			out[olen] = '\0';
			words++;
			p = q;
		}
	}
	if (ferror(fp))
		err(1, "%s", path);
	free(line);
	fclose(fp);
	return out;
}

/* The ROUGE tokens of path: cleaned, filtered, stemmed.  */
static size_t
tokens(struct ctx *c, const char *path, char ***tokv)
{
	char *text, *clean, *p, *t, **v = NULL;
	size_t n = 0, cap = 0, i, j;

	text = read_limited(c->o, path);
	clean = xrealloc(NULL, 3 * strlen(text) + 1, 1);
	for (i = j = 0; text[i] != '\0'; i++) {
		if (text[i] == '-') {
			clean[j++] = ' ';
			clean[j++] = '-';
			clean[j++] = ' ';
		} else if (isalnum((unsigned char)text[i]) &&
		    (unsigned char)text[i] < 128)
			clean[j++] = text[i];
		else
			clean[j++] = ' ';
	}
	clean[j] = '\0';
	for (t = strtok_r(clean, " ", &p); t != NULL;
	    t = strtok_r(NULL, " ", &p)) {
		if (!isalnum((unsigned char)t[0]))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, cap, sizeof(*v));
		}
		if (c->o->stem && strlen(t) > 3)
			v[n++] = morph_stem(c, t);
		else
			v[n++] = xstrndup(t, strlen(t));
	}
	free(clean);
	free(text);
	*tokv = v;
	return n;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The n-grams (n = 1 or 2) of tok[0..ntok), sorted. */
static void
grams_make(struct grams *g, char **tok, size_t ntok, int n)
{
	size_t i, l;

	g->n = 0;
	for (i = 0; i + n <= ntok; i++) {
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 64;
			g->v = xrealloc(g->v, g->cap, sizeof(*g->v));
		}
		if (n == 1)
			g->v[g->n++] = xstrndup(tok[i], strlen(tok[i]));
		else {
			l = strlen(tok[i]) + 1 + strlen(tok[i + 1]);
			g->v[g->n] = xrealloc(NULL, l + 1, 1);
			snprintf(g->v[g->n++], l + 1, "%s %s", tok[i],
			    tok[i + 1]);
		}
	}
	qsort(g->v, g->n, sizeof(*g->v), str_cmp);
}

static void
grams_clear(struct grams *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->v[i]);
	g->n = 0;
}

/* Clipped hits: sum over n-grams of min(count in a, count in b). */
static size_t
grams_hits(const struct grams *a, const struct grams *b)
{
	size_t i = 0, j = 0, ra, rb, hits = 0;
	int d;

	while (i < a->n && j < b->n) {
		d = strcmp(a->v[i], b->v[j]);
		if (d < 0)
			i++;
		else if (d > 0)
			j++;
		else {
			for (ra = 1; i + ra < a->n &&
			    strcmp(a->v[i + ra], a->v[i]) == 0; ra++)
				;
			for (rb = 1; j + rb < b->n &&
			    strcmp(b->v[j + rb], b->v[j]) == 0; rb++)
				;
			hits += ra < rb ? ra : rb;
			i += ra;
			j += rb;
		}
	}
	return hits;
}

static void
free_tokens(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Score one evaluation: f[0..nf) = peer, models; out = r1 p1 f1 r2 p2 f2. */
static void
score(struct ctx *c, char **f, size_t nf, double out[6])
{
	struct grams pg = { 0 }, mg = { 0 };
	char **pt, **mt;
	size_t npt, nmt, m, hits, mcount, pcount;
	double r, p;
	int n;

	npt = tokens(c, f[0], &pt);
	for (n = 1; n <= 2; n++) {
		grams_make(&pg, pt, npt, n);
		hits = mcount = pcount = 0;
		for (m = 1; m < nf; m++) {
			nmt = tokens(c, f[m], &mt);
			grams_make(&mg, mt, nmt, n);
			hits += grams_hits(&pg, &mg);
			mcount += mg.n;
			pcount += pg.n;
			grams_clear(&mg);
			free_tokens(mt, nmt);
		}
		r = mcount > 0 ? (double)hits / mcount : 0;
		p = pcount > 0 ? (double)hits / pcount : 0;
		out[3 * (n - 1)] = r;
		out[3 * (n - 1) + 1] = p;
		out[3 * (n - 1) + 2] = r + p > 0 ? 2 * r * p / (r + p) : 0;
		grams_clear(&pg);
	}
	free(pg.v);
	free(mg.v);
	free_tokens(pt, npt);
}

static void
usage(int code)
{
	FILE *fp = code == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s [-hs] [-l words] [-x exceptions] [list]\n",
	    getprogname());
	if (code == 0)
		fputs("ROUGE-1/2 recall, precision, F (ROUGE-1.5.5 -n 2 -m).\n"
		    "list lines: id TAB peer TAB model [TAB model ...]\n"
		    "  -l N  first N words of each summary (0: all; 0 default)\n"
		    "  -s    no stemming\n"
		    "  -x F  WordNet exception table (word TAB base)\n", fp);
	exit(code);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .limit = 0, .stem = 1, .exc = NULL };
	struct ctx c = { .o = &o };
	FILE *fp = stdin;
	char *line = NULL, *f[64], *p, *tok;
	const char *errstr;
	size_t cap = 0, nf, neval = 0, i;
	double s[6], sum[6] = { 0 };
	unsigned long lineno = 0;
	ssize_t len;
	int ch;

	while ((ch = getopt(argc, argv, "hl:sx:")) != -1) {
		switch (ch) {
		case 'h':
			usage(0);
			break;
		case 'l':
			o.limit = strtonum(optarg, 0, 1000000, &errstr);
			if (errstr != NULL)
				errx(2, "-l %s: %s", optarg, errstr);
			break;
		case 's':
			o.stem = 0;
			break;
		case 'x':
			o.exc = optarg;
			break;
		default:
			usage(2);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage(2);
	if (argc == 1 && strcmp(argv[0], "-") != 0 &&
	    (fp = fopen(argv[0], "r")) == NULL)
		err(1, "%s", argv[0]);
	if ((c.st = sb_stemmer_new("porter", NULL)) == NULL)
		errx(1, "libstemmer has no porter stemmer");
	if (o.exc != NULL)
		exc_load(&c, o.exc);
	printf("id\tr1\tp1\tf1\tr2\tp2\tf2\n");
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		nf = 0;
		for (tok = line; tok != NULL && nf < 64; tok = p) {
			if ((p = strchr(tok, '\t')) != NULL)
				*p++ = '\0';
			f[nf++] = tok;
		}
		if (nf < 3)
			errx(1, "%s:%lu: want id, peer and a model",
			    argc ? argv[0] : "-", lineno);
		score(&c, f + 1, nf - 1, s);
		printf("%s", f[0]);
		for (i = 0; i < 6; i++) {
			printf("\t%.5f", s[i]);
			sum[i] += s[i];
		}
		printf("\n");
		neval++;
	}
	if (ferror(fp))
		err(1, "read");
	if (neval > 0) {
		printf("mean");
		for (i = 0; i < 6; i++)
			printf("\t%.5f", sum[i] / neval);
		printf("\n");
	}
	free(line);
	for (i = 0; i < c.nexc; i++) {
		free(c.exc[i].word);
		free(c.exc[i].base);
	}
	free(c.exc);
	sb_stemmer_delete(c.st);
	if (fp != stdin)
		fclose(fp);
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "stdout");
	return 0;
}
