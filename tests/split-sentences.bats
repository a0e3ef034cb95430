#!/usr/bin/env bats
# split-sentences: options, output against hand-checked fixtures, the
# documents TSV, and every kind of bad input the man page promises to
# report.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures split-sentences
}

# cover FILE: run split-sentences on FILE and check the coverage promise.
cover() {
	split-sentences "$@" > "$BATS_TEST_TMPDIR/rows.tsv" 2>/dev/null || true
	python3 "$CROSSREAD_ROOT/tests/check-cover.py" "${@: -1}" \
	    "$BATS_TEST_TMPDIR/rows.tsv"
}

@test "--help prints the usage on stdout and exits 0" {
	run -0 --separate-stderr split-sentences --help
	assert_line --index 0 --partial "usage: split-sentences [-hPV]"
	assert_output --partial "--paragraphs"
	[ -z "$stderr" ]
}

@test "--version prints name and version" {
	run -0 split-sentences --version
	assert_output --regexp '^split-sentences [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "a bad option is a usage error on stderr, exit 2" {
	run -2 --separate-stderr split-sentences --bogus
	[ -z "$output" ]
	[[ "$stderr" == *"usage: split-sentences"* ]]
}

@test "bad values of -F and -p are usage errors naming the value" {
	run -2 --separate-stderr split-sentences -F yaml
	[[ "$stderr" == *"unknown format 'yaml'"* ]]
	run -2 --separate-stderr split-sentences -p words
	[[ "$stderr" == *"unknown paragraph mode 'words'"* ]]
}

@test "an article is cut as checked by hand" {
	run -0 split-sentences "$FIXTURES/article.txt"
	diff -u "$FIXTURES/article.expected.tsv" <(printf '%s\n' "$output")
}

@test "blank-line paragraphs with wrapped lines are detected" {
	run -0 split-sentences "$FIXTURES/wrapped.txt"
	diff -u "$FIXTURES/wrapped.expected.tsv" <(printf '%s\n' "$output")
}

@test "-p blank equals auto on wrapped text; -p line cuts at every line" {
	run -0 split-sentences -p blank "$FIXTURES/wrapped.txt"
	diff -u "$FIXTURES/wrapped.expected.tsv" <(printf '%s\n' "$output")
	run -0 split-sentences -p line "$FIXTURES/wrapped.txt"
	# Seven non-blank lines, each at least one sentence.
	[ "$(printf '%s\n' "$output" | tail -n +2 | cut -f2 | sort -u |
	    wc -l)" -eq 7 ]
}

@test "stdin, - and a named file give the same rows; -i names stdin" {
	run -0 split-sentences "$FIXTURES/article.txt"
	want=$(printf '%s\n' "$output" | sed '2,$s/^article\t/-\t/')
	run -0 split-sentences < "$FIXTURES/article.txt"
	[ "$output" = "$want" ]
	run -0 split-sentences - < "$FIXTURES/article.txt"
	[ "$output" = "$want" ]
	run -0 split-sentences -i story1 < "$FIXTURES/article.txt"
	assert_line --index 1 --regexp '^story1	1	1	0	64	'
}

@test ".gz input gives the same rows as plain input" {
	gzip -c "$FIXTURES/article.txt" > "$BATS_TEST_TMPDIR/article.txt.gz"
	run -0 split-sentences "$FIXTURES/article.txt"
	plain=$output
	run -0 split-sentences "$BATS_TEST_TMPDIR/article.txt.gz"
	[ "$output" = "$plain" ]
}

@test "document ids drop the directory, .gz and .txt; -P keeps the path" {
	cp "$FIXTURES/article.txt" "$BATS_TEST_TMPDIR/a.b.txt"
	run -0 split-sentences "$BATS_TEST_TMPDIR/a.b.txt"
	assert_line --index 1 --regexp '^a\.b	'
	run -0 split-sentences -P "$BATS_TEST_TMPDIR/a.b.txt"
	assert_line --index 1 --regexp "^$BATS_TEST_TMPDIR/a\\.b\\.txt	"
}

@test "a documents TSV: one article per record, columns carried raw" {
	run -0 split-sentences "$FIXTURES/docs.tsv"
	assert_line --index 0 "$(printf 'doc\tpara\tsent\tstart\tend\ttext\tsource\tdate')"
	assert_line --index 1 "$(printf 'd1\t1\t1\t0\t10\tFirst one.\tWire A\t2026-03-03')"
	assert_line --index 2 "$(printf 'd1\t1\t2\t11\t22\tSecond one.\tWire A\t2026-03-03')"
	# Escapes in text are decoded for offsets and written escaped again;
	# carried columns pass byte for byte, odd escapes included.
	assert_line --index 3 "$(printf 'd2\t1\t1\t0\t26\t%s\t%s\t' \
	    'Tab\there and a back\\slash.' 'Wire\tB')"
	[ "${#lines[@]}" -eq 5 ]
	run -0 split-sentences "$FIXTURES/docs.tsv"
	! printf '%s\n' "$output" | grep -q '^d3'
}

@test "escaping round trip: text fields unescape to the article's bytes" {
	printf 'doc\ttext\nx\tA\\\\b said \\"no.\\" C\\td. E\\r\\nF.\n' \
	    > "$BATS_TEST_TMPDIR/esc.tsv"
	run -0 split-sentences "$BATS_TEST_TMPDIR/esc.tsv"
	# The unescaped article, and each row's text cut from it by offsets.
	art=$(printf 'A\\b said \\"no.\\" C\td. E\r\nF.')
	while IFS=$'\t' read -r doc para sent start end text; do
		[ "$doc" = doc ] && continue
		got=$(printf '%s' "$text" | sed 's/\\t/\t/g; s/\\r/\r/g; s/\\\\/\\/g')
		[ "$got" = "${art:start:end-start}" ]
	done <<< "$output"
}

@test "documents TSV on stdin carries its columns; repeated header skipped" {
	run -0 bash -c "cat '$FIXTURES/docs.tsv' '$FIXTURES/docs.tsv' | split-sentences"
	assert_line --index 0 --partial "$(printf 'text\tsource\tdate')"
	[ "$(printf '%s\n' "$output" | grep -c '^d1	')" -eq 4 ]
	[ "$(printf '%s\n' "$output" | grep -c '^doc	')" -eq 1 ]
}

@test "a second header with other columns is an error naming file:line" {
	{ cat "$FIXTURES/docs.tsv"; printf 'doc\ttext\n'; } > "$BATS_TEST_TMPDIR/two.tsv"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/two.tsv"
	[[ "$stderr" == *"two.tsv:5: header differs"* ]]
}

@test "a record with the wrong number of fields is an error with file:line" {
	printf 'doc\ttext\na\tOne.\nb\tTwo.\textra\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/bad.tsv"
	[[ "$stderr" == "split-sentences: $BATS_TEST_TMPDIR/bad.tsv:3: 3 fields, header has 2" ]]
	[[ "$output" == *"One."* ]]
}

@test "-F tsv on a file without a text column is a usage error naming it" {
	printf 'doc\tbody\na\tOne.\n' > "$BATS_TEST_TMPDIR/nt.tsv"
	run -2 --separate-stderr split-sentences -F tsv "$BATS_TEST_TMPDIR/nt.tsv"
	[[ "$stderr" == *"missing column 'text'"* ]]
}

@test "-F text reads a documents TSV as a plain article" {
	run -0 split-sentences -F text "$FIXTURES/docs.tsv"
	assert_line --index 1 --regexp '^docs\.tsv	1	1	0	'
}

@test "CRLF documents TSV and CRLF articles are read" {
	printf 'doc\ttext\r\na\tOne. Two.\r\n' > "$BATS_TEST_TMPDIR/crlf.tsv"
	run -0 split-sentences "$BATS_TEST_TMPDIR/crlf.tsv"
	assert_line --index 2 "$(printf 'a\t1\t2\t5\t9\tTwo.')"
	printf 'Headline here\r\nBody text.\r\n' > "$BATS_TEST_TMPDIR/crlf.txt"
	run -0 split-sentences "$BATS_TEST_TMPDIR/crlf.txt"
	assert_line --index 1 "$(printf 'crlf\t1\t1\t0\t13\tHeadline here')"
	assert_line --index 2 "$(printf 'crlf\t2\t2\t15\t25\tBody text.')"
}

@test "a missing file: message names it, exit 1, the other files still read" {
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/nope.txt" \
	    "$FIXTURES/article.txt"
	[ "$stderr" = "split-sentences: $BATS_TEST_TMPDIR/nope.txt: No such file or directory" ]
	[ "${#lines[@]}" -eq 13 ]
}

@test "a directory is reported and skipped" {
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR" \
	    "$FIXTURES/article.txt"
	[[ "$stderr" == *"$BATS_TEST_TMPDIR: Is a directory" ]]
	[ "${#lines[@]}" -eq 13 ]
}

@test "an unreadable file is reported and skipped" {
	[ "$(id -u)" -ne 0 ] || skip "root reads any file"
	cp "$FIXTURES/article.txt" "$BATS_TEST_TMPDIR/locked.txt"
	chmod 000 "$BATS_TEST_TMPDIR/locked.txt"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/locked.txt"
	[[ "$stderr" == *"locked.txt: Permission denied" ]]
}

@test "an empty file and an empty stdin give the header only" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	run -0 split-sentences "$BATS_TEST_TMPDIR/empty.txt"
	[ "$output" = "$(printf 'doc\tpara\tsent\tstart\tend\ttext')" ]
	run -0 split-sentences < /dev/null
	[ "${#lines[@]}" -eq 1 ]
}

@test "a truncated .gz: decoded rows written, then an error, then the next file" {
	for i in $(seq 400); do echo "Sentence number $i is here."; done |
	    gzip -c > "$BATS_TEST_TMPDIR/full.gz"
	head -c 600 "$BATS_TEST_TMPDIR/full.gz" > "$BATS_TEST_TMPDIR/cut.txt.gz"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/cut.txt.gz" \
	    "$FIXTURES/article.txt"
	[ "$stderr" = "split-sentences: $BATS_TEST_TMPDIR/cut.txt.gz: truncated gzip data: unexpected end of file" ]
	[ "$(printf '%s\n' "$output" | grep -c '^cut	')" -gt 10 ]
	[ "$(printf '%s\n' "$output" | grep -c '^article	')" -eq 12 ]
}

@test "a corrupt .gz is reported with zlib's reason" {
	for i in $(seq 400); do echo "Sentence number $i is here."; done |
	    gzip -c > "$BATS_TEST_TMPDIR/c.gz"
	size=$(stat -c %s "$BATS_TEST_TMPDIR/c.gz")
	printf '\377\377\377\377' | dd of="$BATS_TEST_TMPDIR/c.gz" bs=1 \
	    seek=$((size - 8)) conv=notrunc 2>/dev/null
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/c.gz"
	[[ "$stderr" == "split-sentences: $BATS_TEST_TMPDIR/c.gz: corrupt gzip data: "* ]]
}

@test "invalid UTF-8: one warning with the offset, bytes kept, exit 1" {
	printf 'Caf\351 open. Next one.\n' > "$BATS_TEST_TMPDIR/latin1.txt"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/latin1.txt"
	[ "$stderr" = "split-sentences: $BATS_TEST_TMPDIR/latin1.txt: invalid UTF-8 at offset 3: bytes kept as read" ]
	[[ "${lines[1]}" == *$'\t'"$(printf 'Caf\351 open.')" ]]
	[ "${#lines[@]}" -eq 3 ]
}

@test "a NUL byte: the article is skipped with an error, the rest read" {
	printf 'Some\000binary.' > "$BATS_TEST_TMPDIR/bin.txt"
	run -1 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/bin.txt" \
	    "$FIXTURES/article.txt"
	[ "$stderr" = "split-sentences: $BATS_TEST_TMPDIR/bin.txt: NUL byte at offset 4: not text, skipped" ]
	[ "${#lines[@]}" -eq 13 ]
}

@test "a 100 MB article with no newline is read whole" {
	mb=100
	under_valgrind && mb=4
	head -c $((mb * 1024 * 1024)) /dev/zero | tr '\0' 'a' \
	    > "$BATS_TEST_TMPDIR/long.txt"
	run -0 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/long.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == "long	1	1	0	$((mb * 1024 * 1024))	aaaa"* ]]
}

@test "output to a closed pipe ends quietly" {
	for i in $(seq 20000); do echo "Line $i ends here."; done \
	    > "$BATS_TEST_TMPDIR/many.txt"
	run -0 --separate-stderr bash -c \
	    "split-sentences '$BATS_TEST_TMPDIR/many.txt' | head -1"
	[ "$output" = "$(printf 'doc\tpara\tsent\tstart\tend\ttext')" ]
	[ -z "$stderr" ]
}

@test "a full disk is an error, exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c \
	    "split-sentences '$FIXTURES/article.txt' > /dev/full"
	[ "$stderr" = "split-sentences: write error: No space left on device" ]
}

@test "a carried column named like an output column is a usage error" {
	printf 'doc\ttext\tsent\na\tOne.\tx\n' > "$BATS_TEST_TMPDIR/clash.tsv"
	run -2 --separate-stderr split-sentences "$BATS_TEST_TMPDIR/clash.tsv"
	[[ "$stderr" == *"column 'sent' clashes with an output column" ]]
}

@test "coverage: every non-space byte in one sentence, text at its offsets" {
	for f in "$FIXTURES"/*.txt; do
		cover "$f"
	done
}

@test "coverage holds on random input" {
	n=60
	under_valgrind && n=10
	python3 "$CROSSREAD_ROOT/tests/check-cover.py" --random 7 $n \
	    "$BATS_TEST_TMPDIR"
	for f in "$BATS_TEST_TMPDIR"/r*.txt; do
		cover -p auto "$f"
		cover -p blank "$f"
		cover -p line "$f"
	done
}
