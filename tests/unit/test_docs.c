/*
 * test_docs.c: common/docs, the articles behind a program's operands.
 * Plain, gzip and documents files; the carried columns learned before the
 * first article; the order in which problems come (a broken gzip file
 * gives its article first, then the error); the document ids; standard
 * input read once; JSON Lines records and their carried fields, -J;
 * archive members (written here with libarchive), a binary member, and
 * duplicate ids renamed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <archive.h>
#include <archive_entry.h>

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

static const struct docs_opts plain_opts = { DOCS_AUTO, NULL, 0, NULL, { NULL } };

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
	struct docs_opts o = { DOCS_AUTO, NULL, 0, reserved, { NULL } };
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
	struct docs_opts o = { DOCS_AUTO, NULL, 0, reserved, { NULL } };
	struct docs_opts tsv = { DOCS_TSV, NULL, 0, reserved, { NULL } };
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
	struct docs_opts full = { DOCS_AUTO, NULL, 1, NULL, { NULL } };
	struct docs_opts text = { DOCS_TEXT, NULL, 0, NULL, { NULL } };
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
	struct docs_opts named = { DOCS_AUTO, "story", 0, NULL, { NULL } };
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

struct member {
	const char	*name, *data;
	size_t		 len;
};

/* Write a ustar archive of the members under dir. */
static char *
put_tar(const char *name, const struct member *members, int n)
{
	static char p[256];
	struct archive *a;
	struct archive_entry *e;
	int i;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	a = archive_write_new();
	archive_write_set_format_ustar(a);
	if (archive_write_open_filename(a, p) != ARCHIVE_OK) {
		fprintf(stderr, "%s: %s\n", p, archive_error_string(a));
		exit(2);
	}
	for (i = 0; i < n; i++) {
		e = archive_entry_new();
		archive_entry_set_pathname(e, members[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)members[i].len);
		archive_write_header(a, e);
		archive_write_data(a, members[i].data, members[i].len);
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	return p;
}

static void
test_jsonl(void)
{
	struct docs_opts o = { DOCS_AUTO, NULL, 0, NULL, { NULL } };
	char spec[] = "id=uid,url=";
	const char *msg;
	char *argv[1];
	struct docs d;
	struct doc doc;

	argv[0] = put("f.jsonl", "{\"id\":\"x\",\"text\":\"T\\tX.\","
	    "\"date\":\"2031-01-02\",\"source\":3}\n"
	    "{oops\n"
	    "{\"id\":\"x\",\"text\":\"Again.\",\"title\":\"a\\\\b\"}\n");
	CHECK_EQ_LONG(docs_open(&d, &o, argv, 1), 0);
	CHECK_EQ_LONG(d.ncarry, 4);
	CHECK_EQ_STR(d.carry[0], "title");
	CHECK_EQ_STR(d.carry[3], "url");
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "x");
	CHECK_EQ_MEM(doc.text, doc.len, "T\tX.");
	CHECK_EQ_LONG(doc.line, 1);
	CHECK_EQ_MEM(doc.carry[0].p, doc.carry[0].len, "");
	CHECK_EQ_MEM(doc.carry[1].p, doc.carry[1].len, "3");
	CHECK_EQ_MEM(doc.carry[2].p, doc.carry[2].len, "2031-01-02");
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "f.jsonl:2: malformed JSON") != NULL);
	/* A duplicate: the warning first, then the renamed article. */
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "f.jsonl:3: duplicate document id 'x': "
	    "renamed 'x~2'") != NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "x~2");
	/* Carried fields are raw TSV: the backslash comes escaped. */
	CHECK_EQ_MEM(doc.carry[0].p, doc.carry[0].len, "a\\\\b");
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);

	CHECK_EQ_LONG(docs_parse_fields(&o, spec, &msg), 0);
	argv[0] = put("g.jsonl", "{\"uid\":12,\"text\":\"U.\"}\n");
	CHECK_EQ_LONG(docs_open(&d, &o, argv, 1), 0);
	CHECK_EQ_LONG(d.ncarry, 3);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "12");
	docs_close(&d);
	CHECK_EQ_LONG(docs_parse_fields(&o, (char[]){ "nope" }, &msg), -1);
	CHECK_EQ_LONG(docs_parse_fields(&o, (char[]){ "x=y" }, &msg), -1);
	CHECK_EQ_STR(docs_role_name(DOCS_R_DATE), "date");
}

static void
test_archive(void)
{
	static const struct member m[] = {
		{ "./a/one.txt", "One.\n", 5 },
		{ "b.bin", "x\0y", 3 },
		{ "c.txt", "Three.", 6 },
	};
	struct docs_opts o = { DOCS_AUTO, NULL, 0, NULL, { NULL } };
	char *argv[2];
	struct docs d;
	struct doc doc;

	argv[0] = put_tar("t.tar", m, 3);
	argv[1] = put("plain", "Plain.");
	CHECK_EQ_LONG(docs_open(&d, &o, argv, 2), 0);
	CHECK_EQ_LONG(d.ncarry, 0);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "a/one.txt");
	CHECK_EQ_STR(doc.member, "a/one.txt");
	CHECK_EQ_MEM(doc.text, doc.len, "One.\n");
	CHECK_EQ_LONG(docs_next(&d, &doc), -1);
	CHECK(strstr(d.err, "t.tar: b.bin: NUL byte at offset 1") != NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "c.txt");
	CHECK_EQ_LONG(docs_next(&d, &doc), 1);
	CHECK_EQ_STR(doc.id, "plain");
	CHECK(doc.member == NULL);
	CHECK_EQ_LONG(docs_next(&d, &doc), 0);
	docs_close(&d);
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
	test_jsonl();
	test_archive();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	UNIT_END();
}
