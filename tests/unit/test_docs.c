/*
 * test_docs.c: common/docs, the articles behind a program's operands.
 * Plain, gzip and documents files; the carried columns learned before the
 * first article; the order in which problems come (a broken gzip file
 * gives its article first, then the error); the document ids; standard
 * input read once.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "docs.h"
#include "unit.h"

static char dir[] = "/tmp/test_docs.XXXXXX";

/* Write a file under dir and return its path (static storage, 8 slots). */
static char *
put(const char *name, const char *data)
{
	size_t len = strlen(data);
	static char paths[8][256];
	static int k;
	char *p = paths[k++ % 8];
	FILE *fp;

	snprintf(p, 256, "%s/%s", dir, name);
	if ((fp = fopen(p, "wb")) == NULL ||
	    fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(p);
		exit(2);
	}
	return p;
}

static char *
put_gz(const char *name, const char *data, size_t len)
{
	static char p[256];
	gzFile gz;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	if ((gz = gzopen(p, "wb")) == NULL ||
	    gzwrite(gz, data, (unsigned)len) != (int)len ||
	    gzclose(gz) != Z_OK) {
		perror(p);
		exit(2);
	}
	return p;
}

static const struct docs_opts plain_opts = { DOCS_AUTO, NULL, 0, NULL };

static void
test_plain_and_gzip(void)
{
	char *argv[3];
	struct docs d;
	struct doc doc;

	argv[0] = put("a.txt", "One. Two.\nThree.");
	argv[1] = put_gz("b.txt.gz", "Zipped text.\n", 13);
	CHECK_EQ_LONG(docs_open(&d, &plain_opts, argv, 2), 0);
	CHECK_EQ_LONG(d.ncarry, 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "a");
	CHECK_EQ_MEM(doc.text, doc.len, "One. Two.\nThree.");
	CHECK_EQ_LONG(doc.line, 0);
	CHECK(doc.carry == NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "b");
	CHECK_EQ_MEM(doc.text, doc.len, "Zipped text.\n");
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
}

static void
test_documents(void)
{
	static const char *const reserved[] = { "sent", NULL };
	struct docs_opts o = { DOCS_AUTO, NULL, 0, reserved };
	char *argv[3];
	struct docs d;
	struct doc doc;

	argv[0] = put("x.tsv", "doc\ttext\tsource\n"
	    "d1\tA\\tB.\\nC.\tWire\\tOne\n");
	argv[1] = put("y.tsv", "date\ttext\tdoc\tsource\n"
	    "2026-01-02\tHi.\td2\tLedger\n");
	CHECK_EQ_LONG(docs_open(&d, &o, argv, 2), 0);
	/* The union of the carried columns, in the order met. */
	CHECK_EQ_LONG(d.ncarry, 2);
	CHECK_EQ_STR(d.carry[0], "source");
	CHECK_EQ_STR(d.carry[1], "date");
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "d1");
	CHECK_EQ_MEM(doc.text, doc.len, "A\tB.\nC.");
	CHECK_EQ_LONG(doc.line, 2);
	/* Carried fields stay raw: escapes and all. */
	CHECK_EQ_MEM(doc.carry[0].p, doc.carry[0].len, "Wire\\tOne");
	CHECK_EQ_LONG(doc.carry[1].len, 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "d2");
	CHECK_EQ_MEM(doc.carry[0].p, doc.carry[0].len, "Ledger");
	CHECK_EQ_MEM(doc.carry[1].p, doc.carry[1].len, "2026-01-02");
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
}

static void
test_usage_errors(void)
{
	static const char *const reserved[] = { "sent", NULL };
	struct docs_opts o = { DOCS_AUTO, NULL, 0, reserved };
	struct docs_opts tsv = { DOCS_TSV, NULL, 0, reserved };
	char *argv[1];
	struct docs d;

	argv[0] = put("clash.tsv", "doc\ttext\tsent\na\tB.\tc\n");
	CHECK_EQ_LONG(docs_open(&d, &o, argv, 1), -1);
	CHECK(strstr(d.err, "clash.tsv: column 'sent' clashes") != NULL);
	docs_close(&d);
	argv[0] = put("notext.txt", "doc\tbody\na\tB.\n");
	CHECK_EQ_LONG(docs_open(&d, &tsv, argv, 1), -1);
	CHECK(strstr(d.err, "notext.txt: missing column 'text'") != NULL);
	docs_close(&d);
}

static void
test_problems_in_order(void)
{
	char *argv[5], big[8000], *full;
	struct docs d;
	struct doc doc;
	size_t i;
	unsigned long x = 12345;

	/* Letters that do not compress much, so that half the file is cut. */
	for (i = 0; i < sizeof(big); i++) {
		x = x * 1103515245UL + 12345UL;
		big[i] = (char)('a' + (x >> 16) % 26);
	}
	full = put_gz("full.gz", big, sizeof(big));
	/* Cut the gzip file short: the start of the text comes out. */
	if (truncate(full, 1500) != 0) {
		perror("truncate");
		exit(2);
	}
	argv[0] = "/nonexistent/x.txt";
	argv[1] = full;
	argv[2] = put("rows.tsv", "doc\ttext\na\tOne.\nb\tTwo.\textra\n"
	    "c\tNot reached.\n");
	argv[3] = put("last.txt", "Last.");
	CHECK_EQ_LONG(docs_open(&d, &plain_opts, argv, 4), 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK_EQ_STR(d.err, "/nonexistent/x.txt: No such file or directory");
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "full");
	CHECK(doc.len > 0 && doc.len < sizeof(big) &&
	    memcmp(doc.text, big, doc.len) == 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "full.gz: truncated gzip data") != NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "a");
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "rows.tsv:3: 3 fields, header has 2") != NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "last");
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
}

static void
test_unannounced_columns(void)
{
	char *argv[2];
	struct docs d;
	struct doc doc;

	/* Not named .tsv: found by its header, but its column is new. */
	argv[0] = put("sneaky.txt", "doc\ttext\tsource\na\tOne.\tX\n");
	argv[1] = put("docs2.txt", "doc\ttext\nb\tTwo.\n");
	CHECK_EQ_LONG(docs_open(&d, &plain_opts, argv, 2), 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "column 'source' is not in the output header")
	    != NULL);
	/* A header of only doc and text brings nothing new: fine. */
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "b");
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
}

static void
test_ids_and_forced_text(void)
{
	struct docs_opts full = { DOCS_AUTO, NULL, 1, NULL };
	struct docs_opts text = { DOCS_TEXT, NULL, 0, NULL };
	char *argv[1];
	struct docs d;
	struct doc doc;

	argv[0] = put("c.tsv", "doc\ttext\nq\tQ.\n");
	CHECK_EQ_LONG(docs_open(&d, &text, argv, 1), 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "c.tsv");
	CHECK_EQ_MEM(doc.text, doc.len, "doc\ttext\nq\tQ.\n");
	docs_close(&d);
	argv[0] = put("e.txt", "E.");
	CHECK_EQ_LONG(docs_open(&d, &full, argv, 1), 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, argv[0]);
	docs_close(&d);
}

static void
test_stdin(void)
{
	struct docs_opts named = { DOCS_AUTO, "story", 0, NULL };
	char *argv[2] = { "-", "-" };
	struct docs d;
	struct doc doc;
	int fd, saved;

	/* A documents file on standard input: its columns are carried. */
	fd = open(put("in.tsv", "doc\ttext\tsrc\nz\tZed.\tS\n"), O_RDONLY);
	saved = dup(STDIN_FILENO);
	if (fd == -1 || saved == -1 || dup2(fd, STDIN_FILENO) == -1) {
		perror("stdin");
		exit(2);
	}
	close(fd);
	CHECK_EQ_LONG(docs_open(&d, &named, argv, 2), 0);
	CHECK_EQ_LONG(d.ncarry, 1);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "z");
	CHECK_EQ_MEM(doc.carry[0].p, doc.carry[0].len, "S");
	/* Standard input is read once: the second "-" is empty. */
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "story");
	CHECK_EQ_LONG(doc.len, 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
	dup2(saved, STDIN_FILENO);
	close(saved);
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	test_plain_and_gzip();
	test_documents();
	test_usage_errors();
	test_problems_in_order();
	test_unannounced_columns();
	test_ids_and_forced_text();
	test_stdin();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	UNIT_END();
}
