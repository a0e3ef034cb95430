#!/usr/bin/env bats
# align-claims: options, claims on hand-written fixtures (paraphrases
# joined, unrelated sentences apart, one article never corroborating
# itself, stories kept apart, conflicts and details), --pairs,
# --score-pairs, and the errors the man page promises.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures align-claims
}

# col NAME: the values of column NAME of the TSV on stdin, header dropped.
col() {
	awk -F '\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++)
	    if ($i == name) c = i; next } { print $c }'
}

# row DOC SENT COLUMN FILE: the column of the row of DOC and SENT.
row() {
	awk -F '\t' -v d="$1" -v s="$2" -v name="$3" 'NR == 1 {
	    for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["doc"] == d && $c["sent"] == s { print $c[name] }' "$4"
}

@test "--help prints the usage on stdout and exits 0" {
	run -0 --separate-stderr align-claims --help
	assert_line --index 0 --partial "usage: align-claims [-hpsV]"
	assert_output --partial "--score-pairs"
	assert_output --partial "--progress"
	[ -z "$stderr" ]
}

@test "--version prints name and version" {
	run -0 align-claims --version
	assert_output --regexp '^align-claims [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bad options and values are usage errors, exit 2" {
	run -2 --separate-stderr align-claims --bogus
	[[ "$stderr" == *"usage: align-claims"* ]]
	run -2 --separate-stderr align-claims -t 1.5 "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"'1.5' is not a number from 0 to 1"* ]]
	run -2 --separate-stderr align-claims -k 0 "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"-k 0"* ]]
	run -2 --separate-stderr align-claims "$FIXTURES/bridge.tsv" \
	    "$FIXTURES/self.tsv"
	[[ "$stderr" == *"one input at most"* ]]
}

@test "paraphrases in three articles make one claim; sources counted once" {
	run -0 align-claims "$FIXTURES/bridge.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	c=$(row d1 1 claim "$out")
	[ "$(row d2 1 claim "$out")" = "$c" ]
	[ "$(row d3 1 claim "$out")" = "$c" ]
	# d2 and d3 are both the Valley Post: two sources, not three.
	[ "$(row d1 1 support "$out")" = 2 ]
	[ "$(row d3 1 sources "$out")" = "Harbor Times,Valley Post" ]
}

@test "unrelated sentences keep claims of their own, support 1" {
	run -0 align-claims "$FIXTURES/bridge.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row d1 4 support "$out")" = 1 ]
	[ "$(row d2 3 support "$out")" = 1 ]
	[ "$(row d1 4 claim "$out")" != "$(row d2 3 claim "$out")" ]
	[ "$(row d1 3 claim "$out")" != "$(row d1 1 claim "$out")" ]
	# Nine rows, six claims, numbered in order of first appearance.
	[ "$(col claim < "$out" | tr '\n' ' ')" = "1 2 3 4 1 2 5 1 6 " ]
}

@test "two sentences of one article never corroborate each other" {
	run -0 align-claims "$FIXTURES/self.tsv"
	[ "$(printf '%s\n' "$output" | col support | sort -u)" = 1 ]
	[ "$(printf '%s\n' "$output" | col claim | tr '\n' ' ')" = "1 2 3 " ]
}

@test "the same sentences as other documents do corroborate" {
	# self.tsv with the second sentence moved to a document of its own.
	awk -F '\t' 'BEGIN { OFS = "\t" } NR == 3 { $1 = "z" } { print }' \
	    "$FIXTURES/self.tsv" > "$BATS_TEST_TMPDIR/two.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/two.tsv"
	[ "$(printf '%s\n' "$output" | col support | tr '\n' ' ')" = "2 2 1 " ]
}

@test "a date and a count given differently are conflicts; a detail is not" {
	run -0 align-claims "$FIXTURES/conflict.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row a 1 conflict "$out")" = "date: Tuesday (a) / Wednesday (b)" ]
	[ "$(row b 1 conflict "$out")" = "date: Tuesday (a) / Wednesday (b)" ]
	[ "$(row a 2 conflict "$out")" = "count: Three (a) / Five (b)" ]
	[ "$(row a 3 support "$out")" = 2 ]
	[ -z "$(row a 3 conflict "$out")" ]
	[ -z "$(row b 3 conflict "$out")" ]
}

@test "date keys that can name one day agree; another weekday conflicts" {
	# Tuesday and 2026-03-03 (a Tuesday) agree; Monday does not; March
	# 3 of an unknown year may be either, so it takes no side.
	run -0 align-claims "$FIXTURES/dates.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row d1 1 conflict "$out")" = \
	    "date: Tuesday (d1, d2) / Monday (d3)" ]
	# Without Monday there is nothing to disagree on.
	grep -v '^d3' "$FIXTURES/dates.tsv" > "$BATS_TEST_TMPDIR/agree.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/agree.tsv"
	[ -z "$(printf '%s\n' "$output" | col conflict | tr -d '\n')" ]
	[ "$(printf '%s\n' "$output" | col support | sort -u)" = 3 ]
	# A month holds the day; a weekday and a month can't be told apart.
	sed 's/44:51:DATE:XXXX-WXX-2/44:51:DATE:2026-03/' \
	    "$BATS_TEST_TMPDIR/agree.tsv" > "$BATS_TEST_TMPDIR/month.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/month.tsv"
	[ -z "$(printf '%s\n' "$output" | col conflict | tr -d '\n')" ]
	sed 's/44:51:DATE:XXXX-WXX-2/44:51:DATE:2026-04/' \
	    "$BATS_TEST_TMPDIR/agree.tsv" > "$BATS_TEST_TMPDIR/april.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/april.tsv"
	[ -n "$(printf '%s\n' "$output" | col conflict | tr -d '\n')" ]
}

@test "an amount given differently is a conflict naming the sources" {
	run -0 align-claims "$FIXTURES/bridge.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row d1 2 conflict "$BATS_TEST_TMPDIR/out.tsv")" = \
	    'amount: $4.2 million (Harbor Times) / $5.1 million (Valley Post)' ]
}

@test "with entities: a different person in the same role is a conflict" {
	run -0 align-claims "$FIXTURES/entities.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row d1 1 conflict "$out")" = \
	    "person: Ann Reyes (d1) / Tom Bale (d2)" ]
	[ "$(row d1 2 claim "$out")" = "$(row d3 1 claim "$out")" ]
	# Without the column the same text aligns, but no person is known.
	cut -f 1-3 "$FIXTURES/entities.tsv" > "$BATS_TEST_TMPDIR/plain.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/plain.tsv"
	[ -z "$(printf '%s\n' "$output" | col conflict | tr -d '\n')" ]
	[ "$(printf '%s\n' "$output" | col support | sort -u)" = 2 ]
}

@test "values conflict only in one role; another event's date is a detail" {
	run -0 align-claims "$FIXTURES/roles.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	# "closed since March" is another event: only the day it was said.
	[ "$(row a 1 conflict "$out")" = "date: Tuesday (a) / Wednesday (b)" ]
	# One head noun: a conflict; different heads (boats, buses): none.
	[ "$(row a 2 conflict "$out")" = "count: 350 (a) / 420 (b)" ]
	[ "$(row a 3 support "$out")" = 2 ]
	[ -z "$(row a 3 conflict "$out")" ]
	[ -z "$(row b 3 conflict "$out")" ]
	# "$400,000 a day" is a rate, not the total.
	[ "$(row b 4 conflict "$out")" = \
	    'amount: $8 million (a) / $6 million (b)' ]
}

@test "a figure in the same words links sentences that differ elsewhere" {
	run -0 align-claims "$FIXTURES/roles.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	[ "$(row a 5 claim "$out")" = "$(row b 5 claim "$out")" ]
	[ "$(row a 5 conflict "$out")" = "count: 900 (a) / 1,100 (b)" ]
	# The pair scores below the threshold: the values' contexts decide.
	run -0 align-claims --pairs "$FIXTURES/roles.tsv"
	line=$(printf '%s\n' "$output" | awk -F '\t' '$1 == "a" && $2 == 5 &&
	    $3 == "b" && $4 == 5')
	[ "$(printf '%s\n' "$line" | cut -f 6)" = conflict ]
	awk -v s="$(printf '%s\n' "$line" | cut -f 5)" 'BEGIN { exit !(s < 0.5) }'
	# Without the shared words around the figure, no link.
	sed 's/covers roughly 1,100 members of Riverside Nurses Local 7/employs 1,100 people/' \
	    "$FIXTURES/roles.tsv" > "$BATS_TEST_TMPDIR/apart.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/apart.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/apart.out"
	[ -z "$(row a 5 conflict "$BATS_TEST_TMPDIR/apart.out")" ]
}

@test "persons conflict in one role only; one person's titles conflict" {
	run -0 align-claims "$FIXTURES/persons.tsv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	out="$BATS_TEST_TMPDIR/out.tsv"
	# "Pier Road" tagged PERSON, and a speaker, are in no shared role.
	[ "$(row p1 1 claim "$out")" = "$(row p2 1 claim "$out")" ]
	[ -z "$(row p1 1 conflict "$out")" ]
	# Treasury and Commerce Secretary conflict; "Secretary" holds both.
	[ "$(row p3 1 claim "$out")" = "$(row p1 2 claim "$out")" ]
	[ "$(row p3 1 conflict "$out")" = \
	    "title: Treasury Secretary (p1) / Commerce Secretary (p2)" ]
}

@test "claims never cross stories" {
	run -0 align-claims "$FIXTURES/story.tsv"
	# Claims are numbered from 1 in each story.
	[ "$(printf '%s\n' "$output" | col claim | tr '\n' ' ')" = "1 1 1 2 " ]
	[ "$(printf '%s\n' "$output" | col support | tr '\n' ' ')" = "2 2 1 1 " ]
	# Without the story column, c joins a and b.
	cut -f 2- "$FIXTURES/story.tsv" > "$BATS_TEST_TMPDIR/flat.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/flat.tsv"
	[ "$(printf '%s\n' "$output" | col support | tr '\n' ' ')" = "3 3 3 1 " ]
}

@test "rows of a story that come back are a part of their own, with a warning" {
	# story.tsv's rows, the second s1 row moved after the s2 rows.
	awk 'NR != 3' "$FIXTURES/story.tsv" > "$BATS_TEST_TMPDIR/mixed.tsv"
	sed -n 3p "$FIXTURES/story.tsv" >> "$BATS_TEST_TMPDIR/mixed.tsv"
	run -0 --separate-stderr align-claims "$BATS_TEST_TMPDIR/mixed.tsv"
	[[ "$stderr" == *"mixed.tsv:5: rows of story \"s1\" are not contiguous"* ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	# s1 was aligned when s2 began; b comes as a second part, alone.
	[ "$(printf '%s\n' "$output" | col doc | tr '\n' ' ')" = "a c d b " ]
	[ "$(printf '%s\n' "$output" | col support | tr '\n' ' ')" = \
	    "1 1 1 1 " ]
	# From 1 in each story; the returning part goes on above all so far.
	[ "$(printf '%s\n' "$output" | col claim | tr '\n' ' ')" = "1 1 2 4 " ]
	{ head -n 1 "$BATS_TEST_TMPDIR/mixed.tsv"; tail -n +2 \
	    "$BATS_TEST_TMPDIR/mixed.tsv" | sort -t "$(printf '\t')" -k 1,1 -s; } |
	    align-claims | col support | tr '\n' ' ' > "$BATS_TEST_TMPDIR/s"
	[ "$(cat "$BATS_TEST_TMPDIR/s")" = "2 2 1 1 " ]
}

@test "columns pass through unchanged; ours go last" {
	run -0 align-claims "$FIXTURES/bridge.tsv"
	assert_line --index 0 "$(printf 'doc\tsent\ttext\tsource\tclaim\tsupport\tsources\tconflict')"
	diff -u <(cut -f 1-4 "$FIXTURES/bridge.tsv") \
	    <(printf '%s\n' "$output" | cut -f 1-4)
}

@test "standard input, -, and gzip give the same output" {
	run -0 align-claims "$FIXTURES/bridge.tsv"
	want=$output
	run -0 align-claims < "$FIXTURES/bridge.tsv"
	[ "$output" = "$want" ]
	gzip -c "$FIXTURES/bridge.tsv" > "$BATS_TEST_TMPDIR/b.tsv.gz"
	run -0 align-claims - < "$BATS_TEST_TMPDIR/b.tsv.gz"
	[ "$output" = "$want" ]
}

@test "--pairs writes the pairs with score and relation" {
	run -0 align-claims --pairs "$FIXTURES/conflict.tsv"
	assert_line --index 0 "$(printf 'doc_a\tsent_a\tdoc_b\tsent_b\tscore\trelation\tconflict')"
	[ "${#lines[@]}" -eq 4 ]
	[ "$(printf '%s\n' "$output" | col relation | tr '\n' ' ')" = \
	    "conflict conflict same " ]
	printf '%s\n' "$output" | col score | grep -Eqx '0\.[0-9]{4}|1\.0000'
	run -0 align-claims -p "$FIXTURES/story.tsv"
	assert_line --index 0 --partial "$(printf 'story\tdoc_a')"
	assert_line --index 1 --partial "$(printf 's1\ta\t1\tb\t1\t')"
}

@test "--score-pairs scores paraphrases above unrelated pairs" {
	printf 'a\tb\n%s\t%s\n%s\t%s\n' \
	    "The bridge reopened on Monday after months of repairs." \
	    "After months of repairs, the bridge reopened Monday." \
	    "The bridge reopened on Monday after months of repairs." \
	    "The orchestra will tour three countries next summer." \
	    > "$BATS_TEST_TMPDIR/pairs.tsv"
	run -0 align-claims --score-pairs "$BATS_TEST_TMPDIR/pairs.tsv"
	assert_line --index 0 "$(printf 'a\tb\tscore\tdecision')"
	[ "$(printf '%s\n' "$output" | col decision | tr '\n' ' ')" = "1 0 " ]
	# -t moves the decision, not the score.
	run -0 align-claims -s -t 0 "$BATS_TEST_TMPDIR/pairs.tsv"
	[ "$(printf '%s\n' "$output" | col decision | tr '\n' ' ')" = "1 1 " ]
}

@test "a missing column is a usage error naming it" {
	cut -f 1,2,4 "$FIXTURES/bridge.tsv" > "$BATS_TEST_TMPDIR/notext.tsv"
	run -2 --separate-stderr align-claims "$BATS_TEST_TMPDIR/notext.tsv"
	[[ "$stderr" == *"no column 'text'"* ]]
	cut -f 2- "$FIXTURES/bridge.tsv" > "$BATS_TEST_TMPDIR/nodoc.tsv"
	run -2 --separate-stderr align-claims "$BATS_TEST_TMPDIR/nodoc.tsv"
	[[ "$stderr" == *"no column 'doc'"* ]]
	run -2 --separate-stderr align-claims -s "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"no column 'a'"* ]]
	printf 'doc\ttext\nd\tOne line.\n' > "$BATS_TEST_TMPDIR/nosent.tsv"
	run -2 --separate-stderr align-claims -p "$BATS_TEST_TMPDIR/nosent.tsv"
	[[ "$stderr" == *"no column 'sent'"* ]]
}

@test "an input that holds our columns already is a usage error" {
	align-claims "$FIXTURES/self.tsv" > "$BATS_TEST_TMPDIR/once.tsv"
	run -2 --separate-stderr align-claims "$BATS_TEST_TMPDIR/once.tsv"
	[[ "$stderr" == *"column 'claim' already"* ]]
}

@test "bad rows and bad entities are data errors at file:line" {
	printf 'doc\ttext\nd1\tA sentence.\nd2\n' > "$BATS_TEST_TMPDIR/short.tsv"
	run -1 --separate-stderr align-claims "$BATS_TEST_TMPDIR/short.tsv"
	[[ "$stderr" == *"short.tsv:3: 1 fields, header has 2"* ]]
	printf 'doc\ttext\tentities\nd1\tA sentence.\t0:1:PERSON:a\nd2\tMore.\t9:x\n' \
	    > "$BATS_TEST_TMPDIR/ents.tsv"
	run -1 --separate-stderr align-claims "$BATS_TEST_TMPDIR/ents.tsv"
	[[ "$stderr" == *"ents.tsv:3: entities: "* ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
}

@test "a missing file, empty input, missing data are errors, exit 1" {
	run -1 --separate-stderr align-claims "$BATS_TEST_TMPDIR/nothere.tsv"
	[[ "$stderr" == *"nothere.tsv: No such file or directory"* ]]
	run -1 --separate-stderr align-claims < /dev/null
	[[ "$stderr" == "align-claims: -: "* ]]
	run -1 --separate-stderr env CROSSREAD_DATA="$BATS_TEST_TMPDIR" \
	    align-claims "$FIXTURES/self.tsv"
	[[ "$stderr" == *"align-synonyms.txt.gz: not found"* ]]
	run -1 --separate-stderr align-claims -m "$FIXTURES/self.tsv" \
	    "$FIXTURES/self.tsv"
	[[ "$stderr" == *"self.tsv:1: not a model line"* ]]
}

@test "the latent model is loaded only for a model with latent weights" {
	data="$BATS_TEST_TMPDIR/data"
	mkdir "$data"
	cp "$BATS_TEST_DIRNAME/../data/align-synonyms.txt.gz" \
	    "$BATS_TEST_DIRNAME/../data/align-pair.model" "$data/"
	# The shipped model has latent weights: without the latent file, an
	# error naming it; a damaged one, an error too.
	run -1 --separate-stderr env CROSSREAD_DATA="$data" \
	    align-claims "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"align-latent.bin: not found"* ]]
	printf 'TFKLD1\nshort' > "$data/align-latent.bin"
	run -1 --separate-stderr env CROSSREAD_DATA="$data" \
	    align-claims "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"align-latent.bin: not a latent model"* ]]
	# A lexical-only model (no lat_ lines) needs no latent file.
	rm "$data/align-latent.bin"
	grep -v '^lat_' "$BATS_TEST_DIRNAME/../data/align-pair.model" \
	    > "$data/lexical.model"
	run -0 env CROSSREAD_DATA="$data" align-claims \
	    -m "$data/lexical.model" "$FIXTURES/bridge.tsv"
	# Half the latent weights: not a model.
	grep -v '^lat_sum' "$BATS_TEST_DIRNAME/../data/align-pair.model" \
	    > "$data/half.model"
	run -1 --separate-stderr align-claims -m "$data/half.model" \
	    "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"half.model: no weight number 45"* ]]
}

@test "a header only gives a header only" {
	head -n 1 "$FIXTURES/bridge.tsv" > "$BATS_TEST_TMPDIR/head.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/head.tsv"
	[ "${#lines[@]}" -eq 1 ]
}

@test "text with escapes is read unescaped and passed through raw" {
	printf 'doc\ttext\nd1\tThe pier\\nreopened on Monday after a long repair.\nd2\tThe pier reopened on Monday after a long repair.\n' \
	    > "$BATS_TEST_TMPDIR/esc.tsv"
	run -0 align-claims "$BATS_TEST_TMPDIR/esc.tsv"
	assert_line --index 1 --partial 'The pier\nreopened'
	[ "$(printf '%s\n' "$output" | col support | sort -u)" = 2 ]
}

@test "--progress: a last line of totals on stderr, the same stdout" {
	for opt in "" -p; do
		run -0 --separate-stderr align-claims $opt "$FIXTURES/story.tsv"
		[ -z "$stderr" ]
		plain=$output
		run -0 --separate-stderr align-claims $opt --progress \
		    "$FIXTURES/story.tsv"
		[ "$output" = "$plain" ]
		# Four articles, a b in s1 and c d in s2.
		[[ "$stderr" =~ ^align-claims:\ 4\ articles,\ 0\.0\ MB,\ [0-9.]+\ MB/s,\ [0-9]+\ articles/s$ ]]
	done
	# --score-pairs counts its rows.
	printf 'a\tb\nThe bridge reopened.\tThe bridge opened again.\n' |
	    align-claims -s --progress 2>&1 >/dev/null |
	    grep -Eqx 'align-claims: 1 article, 0\.0 MB, .*'
}

@test "a write error is exit 1" {
	run -1 --separate-stderr bash -c 'align-claims "$1" > /dev/full' _ \
	    "$FIXTURES/bridge.tsv"
	[[ "$stderr" == *"write error"* ]]
}
