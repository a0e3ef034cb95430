#!/usr/bin/env bats
# tag-entities: options, both output modes against hand-checked fixtures,
# key linking within and never across stories, date resolution, the
# entities encoding, and the bad inputs the man page promises to report.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures tag-entities
	S="$FIXTURES/story.tsv"
}

# mention TYPE TEXT: the key of the first mention of TEXT typed TYPE in
# the --mentions output of $S (sentence text given on stdin when -).
key_of() {
	awk -F '\t' -v t="$1" -v x="$2" -v doc="${3:-}" \
	    '$5 == t && $7 == x && (doc == "" || $1 == doc) { print $6; exit }'
}

@test "--help prints the usage on stdout and exits 0" {
	run -0 --separate-stderr tag-entities --help
	assert_line --index 0 --partial "usage: tag-entities [-hmV]"
	assert_output --partial "--mentions"
	assert_output --partial "--model"
	assert_output --partial "--gazetteer"
	assert_output --partial "--progress"
	[ -z "$stderr" ]
}

@test "--version prints name and version" {
	run -0 tag-entities --version
	assert_output --regexp '^tag-entities [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "a bad option is a usage error on stderr, exit 2" {
	run -2 --separate-stderr tag-entities --bogus
	[ -z "$output" ]
	[[ "$stderr" == *"usage: tag-entities"* ]]
}

@test "the entities column is added as checked by hand" {
	run -0 tag-entities "$S"
	diff -u "$FIXTURES/story.expected.tsv" <(printf '%s\n' "$output")
	# Every input column passes through, in order, entities last.
	[ "$(head -n 1 <<<"$output")" = "$(head -n 1 "$S")	entities" ]
}

@test "--mentions writes one row per mention as checked by hand" {
	run -0 tag-entities --mentions "$S"
	diff -u "$FIXTURES/story.mentions.tsv" <(printf '%s\n' "$output")
	assert_line --index 0 "doc	sent	start	end	type	key	text	date	story"
}

@test "mention spans are byte offsets into text" {
	tag-entities -m "$S" > "$BATS_TEST_TMPDIR/m.tsv"
	# text of each mention is substr(sentence text, start + 1, end - start)
	awk -F '\t' 'NR == FNR { if (FNR > 1) t[$1 "/" $2] = $3; next }
	    FNR > 1 { s = substr(t[$1 "/" $2], $3 + 1, $4 - $3)
		if (s != $7) { print "bad: " $0; bad = 1 } }
	    END { exit bad }' "$S" "$BATS_TEST_TMPDIR/m.tsv"
}

@test "a surname, a title and Mr. link to the full name within a story" {
	tag-entities -m "$S" > "$BATS_TEST_TMPDIR/m.tsv"
	[ "$(key_of PERSON 'Donald Trump' < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "Donald Trump" ]
	[ "$(key_of PERSON Trump a < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "Donald Trump" ]
	[ "$(key_of PERSON Trump b < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "Donald Trump" ]
}

@test "keys never link across stories" {
	tag-entities -m "$S" > "$BATS_TEST_TMPDIR/m.tsv"
	[ "$(key_of PERSON Trump c < "$BATS_TEST_TMPDIR/m.tsv")" = "Trump" ]
}

@test "country aliases, ministries and acronyms share a key" {
	tag-entities -m "$S" > "$BATS_TEST_TMPDIR/m.tsv"
	[ "$(key_of GPE U.S. < "$BATS_TEST_TMPDIR/m.tsv")" = "United States" ]
	[ "$(key_of GPE 'United States' < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "United States" ]
	[ "$(key_of ORG 'Commerce Ministry' < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "Ministry of Commerce" ]
	[ "$(key_of ORG WTO < "$BATS_TEST_TMPDIR/m.tsv")" = \
	    "World Trade Organization" ]
}

@test "dates resolve against the date column, else stay unresolved" {
	run -0 tag-entities -m "$S"
	assert_output --partial "DATE	2025-06-27	Friday"
	cut -f 1-3 "$S" | tag-entities -m > "$BATS_TEST_TMPDIR/m.tsv"
	[ "$(key_of DATE Friday < "$BATS_TEST_TMPDIR/m.tsv")" = "XXXX-WXX-5" ]
}

@test "a dateline gives the publication date when there is no date column" {
	printf 'doc\ttext\nd\tLONDON, June 30, 2025 (Wire) - Talks ended on Friday.\n' |
	    tag-entities -m > "$BATS_TEST_TMPDIR/m.tsv"
	[ "$(key_of DATE Friday < "$BATS_TEST_TMPDIR/m.tsv")" = "2025-06-27" ]
}

@test "the entities field splits with awk and keys round-trip escapes" {
	printf 'text\nShares rose 25%% on Friday.\n' | tag-entities |
	    tail -n 1 > "$BATS_TEST_TMPDIR/e"
	run awk -F '\t' '{ n = split($2, m, "|"); for (i = 1; i <= n; i++) {
	    split(m[i], f, ":"); k = f[4]; gsub(/%3A/, ":", k);
	    gsub(/%7C/, "|", k); gsub(/%25/, "%", k); print f[3], k } }' \
	    "$BATS_TEST_TMPDIR/e"
	assert_line "PERCENT 25%"
	assert_line "DATE XXXX-WXX-5"
}

@test "stdin, - and a .gz file give the same output" {
	tag-entities "$S" > "$BATS_TEST_TMPDIR/a"
	tag-entities < "$S" > "$BATS_TEST_TMPDIR/b"
	tag-entities - < "$S" > "$BATS_TEST_TMPDIR/c"
	gzip -c "$S" > "$BATS_TEST_TMPDIR/s.tsv.gz"
	tag-entities "$BATS_TEST_TMPDIR/s.tsv.gz" > "$BATS_TEST_TMPDIR/d"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/c"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/d"
}

@test "a missing text column is a usage error naming it" {
	run -2 --separate-stderr tag-entities <(printf 'doc\tsent\nd\t1\n')
	[[ "$stderr" == *"no text column"* ]]
	[ -z "$output" ]
}

@test "an input that already has entities is a usage error" {
	run -2 --separate-stderr tag-entities <(tag-entities "$S")
	[[ "$stderr" == *"already has an entities column"* ]]
}

@test "invalid UTF-8 is reported with file and line, the row still written" {
	printf 'doc\ttext\nd\tParis \377 is calm.\nd\tRome is calm.\n' \
	    > "$BATS_TEST_TMPDIR/bad.tsv"
	run -1 --separate-stderr tag-entities "$BATS_TEST_TMPDIR/bad.tsv"
	[[ "$stderr" == *"bad.tsv:2: invalid UTF-8 at byte 6 of text"* ]]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 3 ]
}

@test "a wrong field count is a data error with file and line" {
	printf 'doc\ttext\nd\tOne.\nd\tTwo.\textra\n' > "$BATS_TEST_TMPDIR/f.tsv"
	run -1 --separate-stderr tag-entities "$BATS_TEST_TMPDIR/f.tsv"
	[[ "$stderr" == *"f.tsv:3: 3 fields, header has 2"* ]]
}

@test "an empty input writes nothing; a header alone, the header" {
	run -0 tag-entities < /dev/null
	[ -z "$output" ]
	run -0 tag-entities <(printf 'doc\ttext\n')
	assert_output "doc	text	entities"
}

@test "a 1 MB sentence is tagged" {
	n=32000
	under_valgrind && n=2000
	awk -v n="$n" 'BEGIN { printf "doc\ttext\nd\t"
	    for (i = 0; i < n; i++) printf "Anna Berg met 12 people in Oslo. "
	    printf "\n" }' > "$BATS_TEST_TMPDIR/big.tsv"
	run -0 tag-entities -m "$BATS_TEST_TMPDIR/big.tsv"
	[ "$(printf '%s\n' "$output" | grep -c '	CARDINAL	12	12$')" -eq "$n" ]
}

@test "a missing file is reported and the others still tagged" {
	run -1 --separate-stderr tag-entities "$BATS_TEST_TMPDIR/nope.tsv" "$S"
	[[ "$stderr" == *"nope.tsv: No such file or directory"* ]]
	diff -u "$FIXTURES/story.expected.tsv" <(printf '%s\n' "$output")
}

@test "a missing model is an error naming it" {
	run -1 --separate-stderr tag-entities -M "$BATS_TEST_TMPDIR/no.model" "$S"
	[[ "$stderr" == *"no.model"* ]]
	printf 'not a model\n' > "$BATS_TEST_TMPDIR/bad.model"
	run -1 --separate-stderr tag-entities -M "$BATS_TEST_TMPDIR/bad.model" "$S"
	[[ "$stderr" == *"not a crossread-ner model"* ]]
	CROSSREAD_DATA="$BATS_TEST_TMPDIR" run -1 --separate-stderr \
	    tag-entities "$S"
	[[ "$stderr" == *"ner.model not found"* ]]
}

@test "--progress: a last line of totals on stderr, the same stdout" {
	run -0 --separate-stderr tag-entities "$S"
	[ -z "$stderr" ]
	plain=$output
	run -0 --separate-stderr tag-entities --progress "$S"
	[ "$output" = "$plain" ]
	# Three articles (a, b, c) in one story; the MB are of its rows.
	[[ "$stderr" =~ ^tag-entities:\ 3\ articles,\ 0\.0\ MB,\ [0-9.]+\ MB/s,\ [0-9]+\ articles/s$ ]]
	run -0 --separate-stderr tag-entities --progress --mentions < "$S"
	[[ "$stderr" =~ ^tag-entities:\ 3\ articles ]]
}

@test "a full disk is an error, exit 1" {
	run -1 --separate-stderr bash -c 'tag-entities "$1" > /dev/full' _ "$S"
	[[ "$stderr" == *"write error"* ]]
}

@test "split-sentences output goes straight in" {
	split-sentences "$CROSSREAD_ROOT/examples/01-coastline-news.txt" |
	    tag-entities > "$BATS_TEST_TMPDIR/o.tsv"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/o.tsv")" -eq \
	    "$(split-sentences "$CROSSREAD_ROOT/examples/01-coastline-news.txt" |
	    wc -l)" ]
	grep -q 'PERCENT:14%25' "$BATS_TEST_TMPDIR/o.tsv"
}

@test "random sentences of tricky tokens: every row written, no crash" {
	n=2000
	under_valgrind && n=200
	awk -v n="$n" 'BEGIN { srand(7)
	    w = "$ 1.5 billion June 10 , 2025 Friday mid-May the past two " \
		"weeks % per cent U.S. Mr. Trump Donald - 90-day 12:30 p.m. " \
		"first 21st Ministry of Commerce WTO \\t \\n \\\\ May last " \
		"late this week today US thousand 0 31 Feb. 2024-02-30 " \
		"9999999999999999999999 1,2,3.4.5 \342\202\254 (WTO) ."
	    k = split(w, v, " ")
	    print "doc\ttext\tdate\tstory"
	    for (i = 0; i < n; i++) { t = ""
		m = int(rand() * 30)
		for (j = 0; j < m; j++)
		    t = t (rand() < 0.2 ? "" : " ") v[1 + int(rand() * k)]
		printf "d%d\t%s\t%s\ts%d\n", i / 5, t,
		    (i % 3 ? "2025-06-30" : "June 31, 2025"), i / 50 } }' \
	    > "$BATS_TEST_TMPDIR/r.tsv"
	run -0 tag-entities "$BATS_TEST_TMPDIR/r.tsv"
	[ "$(printf '%s\n' "$output" | wc -l)" -eq $((n + 1)) ]
	run -0 tag-entities -m "$BATS_TEST_TMPDIR/r.tsv"
}

@test "-g reads another gazetteer: its keys are used; a missing one is an error" {
	printf 'COUNTRY\tRome\tRoma Capitale\n' > "$BATS_TEST_TMPDIR/g.tsv"
	printf 'text\nTalks in Rome ended on Friday.\n' > "$BATS_TEST_TMPDIR/s.tsv"
	run -0 tag-entities -m -g "$BATS_TEST_TMPDIR/g.tsv" \
	    "$BATS_TEST_TMPDIR/s.tsv"
	assert_line "	1	9	13	GPE	Roma Capitale	Rome"
	run -0 tag-entities -m "$BATS_TEST_TMPDIR/s.tsv"
	assert_line "	1	9	13	GPE	Rome	Rome"
	run -1 --separate-stderr tag-entities -g "$BATS_TEST_TMPDIR/no.tsv" \
	    "$BATS_TEST_TMPDIR/s.tsv"
	[[ "$stderr" == *"no.tsv: No such file or directory"* ]]
}

@test "without doc or story the input is one story; sent counts rows" {
	printf 'text\nAnna Berg spoke.\nLater Berg left.\n' |
	    tag-entities -m > "$BATS_TEST_TMPDIR/m.tsv"
	run awk -F '\t' '{ print $2, $5, $6 }' "$BATS_TEST_TMPDIR/m.tsv"
	assert_line "1 PERSON Anna Berg"
	assert_line "2 PERSON Anna Berg"
}

@test "a MISC name ending in War is an EVENT" {
	printf 'text\nVeterans of the Second World War met in Paris.\n' |
	    tag-entities -m > "$BATS_TEST_TMPDIR/m.tsv"
	run cut -f 5-7 "$BATS_TEST_TMPDIR/m.tsv"
	assert_line "EVENT	Second World War	Second World War"
	assert_line "GPE	Paris	Paris"
}

@test "titles are cut off people; a title-case headline names nothing new" {
	run -0 tag-entities -m "$FIXTURES/titles.tsv"
	run cut -f 2-7 <<<"$output"
	assert_line "2	19	32	PERSON	Scott Bessent	Scott Bessent"
	assert_line "3	22	36	PERSON	Howard Lutnick	Howard Lutnick"
	assert_line "3	42	49	PERSON	Scott Bessent	Bessent"
	# The headline (sentence 1) has no mention.
	refute_line --regexp '^1	'
}

@test "a headline's long false name is cut to the place that begins it" {
	run -0 tag-entities -m "$FIXTURES/headline.tsv"
	run cut -f 2-7 <<<"$output"
	assert_line "1	0	7	GPE	Germany	Germany"
	refute_line --partial "Weighs"
}

@test "an empty text gives an empty entities field" {
	run -0 tag-entities <(printf 'doc\ttext\nd\t\nd\tParis.\n')
	assert_line --index 1 "d		"
}
