/*
 * mkcorpus: build a large, deterministic benchmark corpus of news articles
 * from the hand-written examples (the .txt files in examples/).
 *
 * Article k is made by a seeded xorshift64* generator: it picks an example,
 * keeps its head (headline, standfirst, byline, caption: the leading blocks
 * that are short or have no final full stop), keeps the lede first, then
 * shuffles the other paragraphs and keeps a random share of them, and ends
 * with the sign-off block if the example has a short one.  Names from a
 * small fixed table and most digit runs are then rewritten so that articles
 * differ: times (6:15) and ISO dates (2026-03-03) and years (19xx, 20xx)
 * are left alone, a day after a month name stays in 1..28.
 *
 * Output, byte-identical for the same arguments and examples:
 *   OUT.tsv   documents TSV, header "doc<TAB>text", one article per line,
 *             text escaped as in crossread-tsv(5): \t \n \r \\
 *   OUT.txt   the same article texts, plain, separated by a blank line
 *   DIR/      with -d, the first -n articles again, one DOC.txt file each
 * Generation stops after the article that brings OUT.tsv to MB * 10^6
 * bytes or more.  Examples are read in byte order of their names, whatever
 * order they are given in.
 *
 * This is a benchmark helper, not a crossread tool: it does not link
 * libcrossread and needs only a C11 compiler and POSIX.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BLOCKS	256
#define N_ALTS		6

struct opts {
	unsigned long	 mb;		/* target size of OUT.tsv, 10^6 bytes */
	unsigned long	 nfiles;	/* articles also written to dir */
	uint64_t	 seed;
	const char	*dir;		/* NULL: no per-file output */
	const char	*tsv;
	const char	*txt;
};

/* A byte slice of an example's text. */
struct block {
	const char	*p;
	size_t		 len;
};

struct example {
	char		*text;
	char		*slug;		/* name without directory, NN- and .txt */
	const char	*sep;		/* "\n\n" or "\n" between blocks */
	struct block	 b[MAX_BLOCKS];
	size_t		 nb;
	size_t		 nhead;		/* b[0..nhead) is the head */
	size_t		 tail;		/* index of the sign-off, or nb */
};

/* A growable byte buffer. */
struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/*
 * Names rewritten per article.  Rows of one group share the chosen column,
 * so BRENNICK and Brennick change together; column 0 is the original.
 */
struct name_row {
	int		 group;
	const char	*alt[N_ALTS];
};

static const struct name_row names[] = {
	{ 0, { "Brennick", "Calderport", "Wexmoor", "Ashlow", "Port Hedley",
	    "Marrowgate" } },
	{ 0, { "BRENNICK", "CALDERPORT", "WEXMOOR", "ASHLOW", "PORT HEDLEY",
	    "MARROWGATE" } },
	{ 1, { "Okafor", "Lindgren", "Abernathy", "Castellanos", "Nwosu",
	    "Haddad" } },
	{ 1, { "Maria T.", "Joan P.", "Amara L.", "Teresa M.", "Ruth A.",
	    "Dolores K." } },
	{ 2, { "Finch", "Halloway", "Pruett", "Ansel", "Moreau",
	    "Kettering" } },
	{ 2, { "Gerald", "Simon", "Howard", "Leonard", "Raymond", "Victor" } },
	{ 3, { "Adeyemi", "Vasquez", "Rourke", "Kimura", "Delacroix",
	    "Okonkwo" } },
	{ 3, { "Samuel K.", "Elena R.", "Harold B.", "Yusuf M.", "Claire D.",
	    "Martin O." } },
	{ 4, { "Marsh", "Pryor", "Whitlow", "Benning", "Carrow",
	    "Ostrander" } },
	{ 5, { "Dray", "Kessler", "Albright", "Tovar", "Mercer", "Quayle" } },
	{ 6, { "Tallis", "Orrin", "Bexley", "Kestrel", "Vantor", "Halden" } },
	{ 7, { "Corvane", "Seabright", "Norland", "Tessaly", "Graymark",
	    "Oakhurst" } },
	{ 8, { "Harborview", "Seagate", "Quayside", "Lighthouse", "Bayfront",
	    "Pierpoint" } },
};
#define N_NAMES		(sizeof(names) / sizeof(names[0]))
#define N_GROUPS	9

static const char *const months[] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec.", "January", "February", "August",
	"September", "October", "November", "December",
};

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n); the bias for small n is irrelevant here. */
static size_t
rng_below(uint64_t *s, size_t n)
{
	return (size_t)((rng_next(s) >> 32) % n);
}

static void
buf_add(struct buf *b, const char *p, size_t len)
{
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;

		while (cap < b->len + len)
			cap *= 2;
		if ((b->p = realloc(b->p, cap)) == NULL)
			err(1, NULL);
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, len);
	b->len += len;
}

static char *
slurp(const char *path)
{
	FILE *f;
	struct buf b = { NULL, 0, 0 };
	char chunk[65536];
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f))
		err(1, "%s", path);
	fclose(f);
	buf_add(&b, "", 1);
	return b.p;
}

/* Ends in . ! ? or a quotation mark (any non-ASCII final byte counts). */
static int
ends_sentence(const struct block *bl)
{
	unsigned char c;
	size_t n = bl->len;

	while (n > 0 && (bl->p[n - 1] == ' ' || bl->p[n - 1] == '\r'))
		n--;
	if (n == 0)
		return 0;
	c = (unsigned char)bl->p[n - 1];
	return c >= 0x80 || c == '.' || c == '!' || c == '?' || c == '"' ||
	    c == '\'';
}

/*
 * Cut the text into blocks: blank-line separated paragraphs when the file
 * has a blank line, else lines.  A block ending in ':' is glued to the next
 * one ("Key terms:" and its bullet list move together).
 */
static void
example_blocks(struct example *ex, const char *path)
{
	const char *p = ex->text, *end = p + strlen(p);
	int blank = strstr(p, "\n\n") != NULL;

	ex->sep = blank ? "\n\n" : "\n";
	ex->nb = 0;
	while (p < end) {
		const char *q;

		while (p < end && *p == '\n')
			p++;
		if (p == end)
			break;
		q = blank ? strstr(p, "\n\n") : strchr(p, '\n');
		if (q == NULL)
			q = end;
		while (q > p && q[-1] == '\n')
			q--;
		if (ex->nb > 0 && ex->b[ex->nb - 1].p[ex->b[ex->nb - 1].len
		    - 1] == ':')
			ex->b[ex->nb - 1].len = (size_t)(q - ex->b[ex->nb - 1].p);
		else if (ex->nb == MAX_BLOCKS)
			errx(1, "%s: more than %d paragraphs", path, MAX_BLOCKS);
		else
			ex->b[ex->nb++] = (struct block){ p, (size_t)(q - p) };
		p = q;
	}
	if (ex->nb < 3)
		errx(1, "%s: fewer than 3 paragraphs", path);
}

/* Head: leading blocks that are short, a caption "(...)" or unpunctuated. */
static void
example_parse(struct example *ex, const char *path)
{
	const char *base, *dot;
	size_t i;

	example_blocks(ex, path);
	for (i = 0; i + 2 < ex->nb; i++) {
		const struct block *bl = &ex->b[i];

		if (bl->len >= 100 && ends_sentence(bl))
			break;
	}
	ex->nhead = i;
	ex->tail = ex->b[ex->nb - 1].len < 200 && ex->nb - ex->nhead > 2 ?
	    ex->nb - 1 : ex->nb;

	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	while (*base >= '0' && *base <= '9')
		base++;
	if (*base == '-')
		base++;
	if ((ex->slug = strdup(base)) == NULL)
		err(1, NULL);
	if ((dot = strrchr(ex->slug, '.')) != NULL && strcmp(dot, ".txt") == 0)
		ex->slug[dot - ex->slug] = '\0';
}

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
after_month(const char *text, size_t pos)
{
	size_t i, e, s;

	if (pos < 2 || text[pos - 1] != ' ')
		return 0;
	e = pos - 1;
	for (s = e; s > 0 && (is_alnum(text[s - 1]) || text[s - 1] == '.');)
		s--;
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++)
		if (strlen(months[i]) == e - s &&
		    memcmp(text + s, months[i], e - s) == 0)
			return 1;
	return 0;
}

/* Rewrite the digit run text[pos..pos+n) into out. */
static void
put_number(struct buf *out, const char *text, size_t pos, size_t n,
    size_t len, uint64_t *rng)
{
	char d[32];
	size_t i;
	int keep;

	keep = n >= sizeof(d) ||
	    (pos > 0 && (text[pos - 1] == ':' || text[pos - 1] == '-')) ||
	    (pos + n < len && (text[pos + n] == ':' || text[pos + n] == '-')) ||
	    (n == 4 && (memcmp(text + pos, "19", 2) == 0 ||
	    memcmp(text + pos, "20", 2) == 0));
	if (keep) {
		buf_add(out, text + pos, n);
		return;
	}
	if (after_month(text, pos) && n <= 2) {
		i = (size_t)snprintf(d, sizeof(d), "%zu", 1 + rng_below(rng, 28));
		buf_add(out, d, i);
		return;
	}
	for (i = 0; i < n; i++)
		d[i] = (char)('0' + rng_below(rng, 10));
	if (d[0] == '0' && (n > 1 || text[pos] != '0'))
		d[0] = (char)('1' + rng_below(rng, 9));
	buf_add(out, d, n);
}

/* Copy text to out with names and numbers rewritten; col[g] per group. */
static void
rewrite(struct buf *out, const char *text, size_t len, const size_t *col,
    uint64_t *rng)
{
	size_t i = 0, j, k, n;

	while (i < len) {
		unsigned char c = (unsigned char)text[i];

		if (c >= '0' && c <= '9' && (i == 0 || !is_alnum(text[i - 1]))) {
			for (n = 0; i + n < len && text[i + n] >= '0' &&
			    text[i + n] <= '9'; n++)
				;
			put_number(out, text, i, n, len, rng);
			i += n;
			continue;
		}
		if (c >= 'A' && c <= 'Z' && (i == 0 || !is_alnum(text[i - 1]))) {
			for (k = 0; k < N_NAMES; k++) {
				const char *from = names[k].alt[0];

				n = strlen(from);
				if (i + n <= len && memcmp(text + i, from, n) == 0 &&
				    (i + n == len || !is_alnum(text[i + n])))
					break;
			}
			if (k < N_NAMES) {
				const char *to = names[k].alt[col[names[k].group]];

				buf_add(out, to, strlen(to));
				i += strlen(names[k].alt[0]);
				continue;
			}
		}
		/* any other word in one piece, else one byte */
		for (j = i + 1; is_alnum(c) && j < len && is_alnum(text[j]); j++)
			;
		buf_add(out, text + i, j - i);
		i = j;
	}
}

/* Assemble article k (raw, before rewriting) from ex into raw. */
static void
assemble(struct buf *raw, const struct example *ex, uint64_t *rng)
{
	size_t idx[MAX_BLOCKS], nrest = 0, keep, i, t;
	size_t first = ex->nhead, last = ex->tail;

	raw->len = 0;
	for (i = 0; i <= first && i < last; i++) {
		buf_add(raw, ex->b[i].p, ex->b[i].len);
		buf_add(raw, ex->sep, strlen(ex->sep));
	}
	for (i = first + 1; i < last; i++)
		idx[nrest++] = i;
	for (i = nrest; i > 1; i--) {
		size_t j = rng_below(rng, i);

		t = idx[i - 1];
		idx[i - 1] = idx[j];
		idx[j] = t;
	}
	keep = nrest < 2 ? nrest : (nrest + 1) / 2 + rng_below(rng,
	    nrest / 2 + 1);
	for (i = 0; i < keep; i++) {
		buf_add(raw, ex->b[idx[i]].p, ex->b[idx[i]].len);
		buf_add(raw, ex->sep, strlen(ex->sep));
	}
	if (last < ex->nb) {
		buf_add(raw, ex->b[last].p, ex->b[last].len);
		buf_add(raw, ex->sep, strlen(ex->sep));
	}
	raw->len -= strlen(ex->sep);
	buf_add(raw, "\n", 1);
}

static void
put_escaped(struct buf *out, const char *p, size_t len)
{
	size_t i, s = 0;

	for (i = 0; i < len; i++) {
		const char *e;

		switch (p[i]) {
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\\': e = "\\\\"; break;
		default: continue;
		}
		buf_add(out, p + s, i - s);
		buf_add(out, e, 2);
		s = i + 1;
	}
	buf_add(out, p + s, len - s);
}

static void
write_file(const char *dir, const char *doc, const struct buf *text)
{
	char path[4096];
	FILE *f;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s.txt", dir, doc) >=
	    sizeof(path))
		errx(1, "%s: path too long", dir);
	if ((f = fopen(path, "wb")) == NULL)
		err(1, "%s", path);
	if (fwrite(text->p, 1, text->len, f) != text->len || fclose(f) != 0)
		err(1, "%s", path);
}

static void
flush(struct buf *b, FILE *f, const char *path)
{
	if (b->len > 0 && fwrite(b->p, 1, b->len, f) != b->len)
		err(1, "%s", path);
	b->len = 0;
}

static void
generate(const struct opts *o, struct example *ex, size_t nex)
{
	FILE *ftsv, *ftxt;
	struct buf raw = { 0 }, text = { 0 }, tsv = { 0 }, txt = { 0 };
	unsigned long long total = 0, target = o->mb * 1000000ULL;
	uint64_t rng = o->seed ? o->seed : 1;
	unsigned long k;
	size_t col[N_GROUPS], g;
	char doc[128];

	if ((ftsv = fopen(o->tsv, "wb")) == NULL)
		err(1, "%s", o->tsv);
	if ((ftxt = fopen(o->txt, "wb")) == NULL)
		err(1, "%s", o->txt);
	buf_add(&tsv, "doc\ttext\n", 9);
	total = tsv.len;
	for (k = 1; total < target || (o->dir && k <= o->nfiles); k++) {
		const struct example *e = &ex[rng_below(&rng, nex)];

		for (g = 0; g < N_GROUPS; g++)
			col[g] = rng_below(&rng, N_ALTS);
		assemble(&raw, e, &rng);
		text.len = 0;
		rewrite(&text, raw.p, raw.len, col, &rng);
		snprintf(doc, sizeof(doc), "a%07lu-%s", k, e->slug);
		if (o->dir && k <= o->nfiles)
			write_file(o->dir, doc, &text);
		if (total >= target)
			continue;
		g = tsv.len;
		buf_add(&tsv, doc, strlen(doc));
		buf_add(&tsv, "\t", 1);
		/* the trailing LF of the text ends the record, unescaped */
		put_escaped(&tsv, text.p, text.len - 1);
		buf_add(&tsv, "\n", 1);
		total += tsv.len - g;
		if (k > 1)
			buf_add(&txt, "\n", 1);
		buf_add(&txt, text.p, text.len);
		if (tsv.len > (1u << 20))
			flush(&tsv, ftsv, o->tsv);
		if (txt.len > (1u << 20))
			flush(&txt, ftxt, o->txt);
	}
	flush(&tsv, ftsv, o->tsv);
	flush(&txt, ftxt, o->txt);
	if (fclose(ftsv) != 0)
		err(1, "%s", o->tsv);
	if (fclose(ftxt) != 0)
		err(1, "%s", o->txt);
	free(raw.p);
	free(text.p);
	free(tsv.p);
	free(txt.p);
}

static unsigned long
number(const char *s, unsigned long min, unsigned long max, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (*s == '-' || *s == '\0' || *end != '\0' || errno != 0 || v < min ||
	    v > max)
		errx(2, "%s is invalid or out of range [%lu, %lu]: %s", what,
		    min, max, s);
	return (unsigned long)v;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
usage(FILE *f, int code)
{
	fprintf(f, "usage: mkcorpus [-d dir] [-n count] [-s seed] mb out.tsv "
	    "out.txt example.txt ...\n");
	exit(code);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dir",	required_argument,	NULL, 'd' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "count",	required_argument,	NULL, 'n' },
		{ "seed",	required_argument,	NULL, 's' },
		{ NULL,		0,			NULL, 0 }
	};
	struct opts o = { 0, 2000, 0x9E3779B97F4A7C15ULL, NULL, NULL, NULL };
	struct example *ex;
	size_t i, nex;
	int ch;

	while ((ch = getopt_long(argc, argv, "d:hn:s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			o.dir = optarg;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'n':
			o.nfiles = number(optarg, 0, 10000000, "count");
			break;
		case 's':
			o.seed = number(optarg, 1, ULONG_MAX, "seed");
			break;
		default:
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 4)
		usage(stderr, 2);
	o.mb = number(argv[0], 1, 1000000, "mb");
	o.tsv = argv[1];
	o.txt = argv[2];
	nex = (size_t)argc - 3;
	qsort(argv + 3, nex, sizeof(argv[0]), cmp_str);
	if ((ex = calloc(nex, sizeof(*ex))) == NULL)
		err(1, NULL);
	for (i = 0; i < nex; i++) {
		ex[i].text = slurp(argv[3 + i]);
		example_parse(&ex[i], argv[3 + i]);
	}
	generate(&o, ex, nex);
	for (i = 0; i < nex; i++) {
		free(ex[i].text);
		free(ex[i].slug);
	}
	free(ex);
	return 0;
}
