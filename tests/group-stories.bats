#!/usr/bin/env bats
# group-stories: options, stories on invented articles about three events,
# sentence rows and article rows alike, the time window, pass-through and
# escaping, and the errors the man page promises.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures group-stories
	T=$BATS_TEST_TMPDIR
}

# doc_story: the doc and story of each document, once.
doc_story() {
	awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
	    { print $c["doc"] "\t" $c["story"] }' | uniq
}

@test "--help prints the usage on stdout and exits 0" {
	run -0 --separate-stderr group-stories --help
	assert_line --index 0 --partial "usage: group-stories [-hvV]"
	assert_output --partial "--threshold"
	[ -z "$stderr" ]
}

@test "--version prints name and version" {
	run -0 group-stories --version
	assert_output --regexp '^group-stories [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bad options and values are usage errors, exit 2" {
	run -2 --separate-stderr group-stories --bogus
	[[ "$stderr" == *"usage: group-stories"* ]]
	run -2 --separate-stderr group-stories -t 1.5
	[[ "$stderr" == *"-t: '1.5' is not a number from 0 to 1"* ]]
	run -2 --separate-stderr group-stories -w -3
	[[ "$stderr" == *"-w: '-3' is too small"* ]]
	run -2 --separate-stderr group-stories -k x
	[[ "$stderr" == *"-k: 'x' is invalid"* ]]
}

@test "articles of one event share a story; the story is its first doc" {
	run -0 bash -c "split-sentences '$FIXTURES/news.tsv' | group-stories"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
}

@test "article rows (a documents TSV) get the stories of sentence rows" {
	run -0 group-stories "$FIXTURES/news.tsv"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
	# Every input column passes through unchanged, story comes last.
	diff -u <(cat "$FIXTURES/news.tsv") \
	    <(printf '%s\n' "$output" | rev | cut -f 2- | rev)
	assert_line --index 0 "$(printf 'doc\ttext\tdate\tsource\tstory')"
}

@test "every row of a document is written, in order, with its story" {
	split-sentences "$FIXTURES/news.tsv" > "$T/rows.tsv"
	run -0 group-stories "$T/rows.tsv"
	[ "${#lines[@]}" -eq "$(wc -l < "$T/rows.tsv")" ]
	diff -u "$T/rows.tsv" <(printf '%s\n' "$output" | rev | cut -f 2- | rev)
}

@test "the output is the same byte for byte on every run; stdin, - and .gz" {
	split-sentences "$FIXTURES/news.tsv" > "$T/rows.tsv"
	run -0 group-stories "$T/rows.tsv"
	want=$output
	run -0 bash -c "group-stories < '$T/rows.tsv'"
	[ "$output" = "$want" ]
	run -0 bash -c "group-stories - < '$T/rows.tsv'"
	[ "$output" = "$want" ]
	gzip -c "$T/rows.tsv" > "$T/rows.tsv.gz"
	run -0 group-stories "$T/rows.tsv.gz"
	[ "$output" = "$want" ]
}

@test "two files with one header read as one stream; repeated header skipped" {
	head -4 "$FIXTURES/news.tsv" > "$T/a.tsv"
	{ head -1 "$FIXTURES/news.tsv"; tail -n +5 "$FIXTURES/news.tsv"; } \
	    > "$T/b.tsv"
	run -0 group-stories "$T/a.tsv" "$T/b.tsv"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
	run -0 bash -c "cat '$T/a.tsv' '$T/b.tsv' | group-stories"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
}

@test "-t 1 makes every document a story; -t 0 joins any shared term" {
	run -0 group-stories -t 1 "$FIXTURES/news.tsv"
	[ "$(printf '%s\n' "$output" | doc_story | tail -n +2 |
	    awk -F '\t' '$1 != $2' | wc -l)" -eq 0 ]
	printf 'doc\ttext\na\tZorbin harbour reopened.\nb\tZorbin bakers marched.\nc\tQuellport trams stopped.\n' > "$T/z.tsv"
	run -0 group-stories -t 0 "$T/z.tsv"
	[ "$(printf '%s\n' "$output" | doc_story | tail -n +2 | tr '\n\t' ' :')" = \
	    "a:a b:a c:c " ]
}

@test "-w: a document past the window starts a new story" {
	sed 's/\t2031-04-06\t/\t2031-09-30\t/' "$FIXTURES/news.tsv" > "$T/late.tsv"
	run -0 group-stories -w 30 "$T/late.tsv"
	assert_line --regexp '^flood-3	.*	flood-3$'
	run -0 group-stories "$T/late.tsv"
	assert_line --regexp '^flood-3	.*	flood-1$'
	run -0 group-stories -w 200 "$T/late.tsv"
	assert_line --regexp '^flood-3	.*	flood-1$'
}

@test "-v adds story_new and story_score" {
	run -0 group-stories -v "$FIXTURES/news.tsv"
	assert_line --index 0 --regexp '	story	story_new	story_score$'
	assert_line --index 1 --regexp '	flood-1	1	0\.[0-9]{4}$'
	assert_line --index 3 --regexp '	flood-1	0	0\.[0-9]{4}$'
}

@test "entities: shared keys pull documents together, bad fields warn" {
	printf 'doc\ttext\tentities\n' > "$T/e.tsv"
	printf 'a\tThe harbour reopened.\t0:3:GPE:zorbin\n' >> "$T/e.tsv"
	printf 'b\tBakers protested.\t0:3:GPE:zorbin\n' >> "$T/e.tsv"
	printf 'c\tNothing here.\tbroken\n' >> "$T/e.tsv"
	run -1 --separate-stderr group-stories -e 20 "$T/e.tsv"
	assert_line --index 2 --regexp '^b	.*	a$'
	[[ "$stderr" == *"e.tsv:4: entities: "*": ignored"* ]]
	run -0 --separate-stderr group-stories -e 0 <(head -3 "$T/e.tsv")
	assert_line --index 2 --regexp '^b	.*	b$'
}

@test "escaped doc ids round-trip into the story column" {
	printf 'doc\ttext\nx\\ty\tThe mayor of Zorbin resigned.\n' > "$T/x.tsv"
	run -0 group-stories "$T/x.tsv"
	assert_line --index 1 "$(printf 'x\\ty\tThe mayor of Zorbin resigned.\tx\\ty')"
}

@test "a missing doc or text column is a usage error naming it" {
	printf 'id\ttext\n1\tHello there.\n' > "$T/n.tsv"
	run -2 --separate-stderr group-stories "$T/n.tsv"
	[[ "$stderr" == *"n.tsv: missing column 'doc'"* ]]
	printf 'doc\tbody\n1\tHello there.\n' > "$T/n.tsv"
	run -2 --separate-stderr group-stories "$T/n.tsv"
	[[ "$stderr" == *"n.tsv: missing column 'text'"* ]]
	printf 'doc\ttext\tstory\n1\tHello.\ts\n' > "$T/n.tsv"
	run -2 --separate-stderr group-stories "$T/n.tsv"
	[[ "$stderr" == *"has a column 'story' already"* ]]
}

@test "a missing file: warned, exit 1, the others read" {
	run -1 --separate-stderr group-stories "$T/nope.tsv" "$FIXTURES/news.tsv"
	[[ "$stderr" == *"nope.tsv: No such file or directory"* ]]
	[ "${#lines[@]}" -eq 8 ]
}

@test "a malformed row is an error at file:line, exit 1" {
	printf 'doc\ttext\na\tOne.\nb\tTwo.\textra\n' > "$T/bad.tsv"
	run -1 --separate-stderr group-stories "$T/bad.tsv"
	[[ "$stderr" == *"bad.tsv:3: 3 fields, header has 2"* ]]
	assert_line --index 1 --regexp '^a	One\.	a$'
}

@test "a file with another header is skipped with a warning" {
	printf 'doc\ttext\tx\na\tOne.\t1\n' > "$T/other.tsv"
	run -1 --separate-stderr group-stories "$FIXTURES/news.tsv" "$T/other.tsv"
	[[ "$stderr" == *"other.tsv: header differs from the first input's: skipped"* ]]
	[ "${#lines[@]}" -eq 8 ]
}

@test "--df: a bad table is an error; --no-df and --save-df" {
	printf 'docs\t10\nriver\tmany\n' > "$T/bad-df.tsv"
	run -1 --separate-stderr group-stories --df "$T/bad-df.tsv" "$FIXTURES/news.tsv"
	[[ "$stderr" == *"bad-df.tsv:2: expected term<TAB>count"* ]]
	run -0 group-stories --no-df --save-df "$T/df.tsv" "$FIXTURES/news.tsv"
	[ "$(head -1 "$T/df.tsv")" = "$(printf 'docs\t7')" ]
	grep -q "^flood	3$" "$T/df.tsv"
	run -0 group-stories --df "$T/df.tsv" "$FIXTURES/news.tsv"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
}

@test "empty input gives empty output, exit 0" {
	run -0 --separate-stderr group-stories < /dev/null
	[ -z "$output" ]
}

@test "--progress reports on stderr only" {
	run -0 --separate-stderr group-stories --progress "$FIXTURES/news.tsv"
	[ "${#lines[@]}" -eq 8 ]
	[[ "$stderr" =~ ^group-stories:\ 7\ articles,\ [0-9.]+\ MB ]]
}

@test "a full disk is an error, exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c \
	    "group-stories '$FIXTURES/news.tsv' > /dev/full"
	[ "$stderr" = "group-stories: write error: No space left on device" ]
}

@test "-i: a story idle for more documents than that is retired" {
	# flood-3 is the 7th document, flood-2 the 3rd joined flood-1.
	run -0 group-stories -i 3 "$FIXTURES/news.tsv"
	assert_line --regexp '^flood-3	.*	flood-3$'
	run -0 group-stories -i 4 "$FIXTURES/news.tsv"
	assert_line --regexp '^flood-3	.*	flood-1$'
	run -2 --separate-stderr group-stories -i -1
	[[ "$stderr" == *"-i: '-1' is too small"* ]]
}

@test "-n and -e weigh names and entities; bad values are usage errors" {
	run -0 group-stories -n 3 -e 0 "$FIXTURES/news.tsv"
	diff -u "$FIXTURES/expected-stories.tsv" \
	    <(printf '%s\n' "$output" | doc_story)
	run -2 --separate-stderr group-stories -n x
	[[ "$stderr" == *"-n: 'x' is not a number from 0 to 100"* ]]
	run -2 --separate-stderr group-stories -e 101
	[[ "$stderr" == *"-e: '101' is not a number from 0 to 100"* ]]
}

@test "rows of a document that come back join its story, with one warning" {
	printf 'doc\ttext\n' > "$T/nc.tsv"
	printf 'a\tThe Ember river flooded Varnholt.\n' >> "$T/nc.tsv"
	printf 'b\tGrandmaster Marrow won the Osterby chess final.\n' >> "$T/nc.tsv"
	printf 'a\tSandbags held along the embankment.\n' >> "$T/nc.tsv"
	printf 'b\tMarrow sacrificed a knight.\n' >> "$T/nc.tsv"
	run -0 --separate-stderr group-stories "$T/nc.tsv"
	[ "$(printf '%s\n' "$output" | cut -f 1,3 | tail -n +2 | tr '\n\t' ' :')" = \
	    "a:a b:b a:a b:b " ]
	[ "$stderr" = "group-stories: 2 documents had rows after other documents' rows (not contiguous): they joined their earlier story" ]
}
