#!/usr/bin/env bats
# summarize: budgets, claims, order, cleaning, conflicts, formats, stories,
# errors.  Fixtures in tests/fixtures/summarize are invented stories.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures summarize
	A="$FIXTURES/aligned.tsv"
	cd "$BATS_TEST_TMPDIR"
}

# col NAME: the values of column NAME of the TSV on stdin.
col() {
	awk -F '\t' -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++)
		if ($i == n) c = i; next } { print $c }'
}

@test "summarize --help and --version" {
	run -0 summarize --help
	assert_line --index 0 --partial 'usage: summarize'
	assert_output --partial '--words'
	assert_output --partial '--progress'
	run -0 summarize -V
	assert_output --regexp '^summarize [0-9]'
}

@test "summarize: a bad option or value is a usage error" {
	run -2 --separate-stderr summarize --frobnicate "$A"
	[[ "$stderr" == *usage:* ]]
	run -2 --separate-stderr summarize -w 0 "$A"
	[[ "$stderr" == *"-w 0: too small"* ]]
	run -2 --separate-stderr summarize -f html "$A"
	[[ "$stderr" == *"unknown format 'html'"* ]]
	run -2 --separate-stderr summarize -m magic "$A"
	[[ "$stderr" == *"unknown method 'magic'"* ]]
}

@test "summarize: a missing file is named, exit 1" {
	run -1 --separate-stderr summarize nosuch.tsv
	[[ "$stderr" == *"nosuch.tsv: No such file"* ]]
}

@test "summarize: a missing text or doc column is a usage error naming it" {
	printf 'doc\tsent\nd\t1\n' > notext.tsv
	run -2 --separate-stderr summarize notext.tsv
	[[ "$stderr" == *"missing column 'text'"* ]]
	printf 'text\nSome words.\n' > nodoc.tsv
	run -2 --separate-stderr summarize nodoc.tsv
	[[ "$stderr" == *"missing column 'doc'"* ]]
}

@test "summarize: a bad number is a data error at file:line" {
	printf 'doc\tsent\ttext\nd\tfirst\tA sentence.\n' > bad.tsv
	run -1 --separate-stderr summarize bad.tsv
	[[ "$stderr" == *"bad.tsv:2: sent 'first': invalid"* ]]
	printf 'doc\ttext\tsupport\nd\tA sentence.\t-3\n' > bad.tsv
	run -1 --separate-stderr summarize bad.tsv
	[[ "$stderr" == *"bad.tsv:2: support '-3': too small"* ]]
}

@test "summarize: the word budget is never passed, and is used" {
	for w in 12 20 30 45 60 100; do
		for m in auto ilp greedy; do
			run -0 summarize -m $m -w $w "$A"
			used=$(printf '%s\n' "$output" | col story |
			    sort -u | while read -r s; do
				printf '%s\n' "$output" | awk -F '\t' \
				    -v s="$s" 'NR > 1 && $NF == s' |
				    cut -f7 | wc -w; done | sort -n | tail -n 1)
			[ "$used" -le $w ] || fail "-m $m -w $w: $used words"
			[ "$used" -gt 0 ] || fail "-m $m -w $w: empty"
		done
	done
}

@test "summarize: -m auto, the default, is the ILP on a small story" {
	run -0 summarize -m ilp -w 45 "$A"
	ilp=$output
	run -0 summarize -w 45 "$A"
	[ "$output" = "$ilp" ]
	run -0 summarize -m auto -w 45 "$A"
	[ "$output" = "$ilp" ]
}

@test "summarize: the byte budget counts one space between sentences" {
	for b in 90 150 250 400; do
		run -0 summarize -b $b "$A"
		len=$(printf '%s\n' "$output" | awk -F '\t' '
			NR == 1 { next }
			{ n[$NF] += length($7) + (n[$NF] > 0) }
			END { for (s in n) if (n[s] > m) m = n[s]; print m }')
		[ "$len" -le $b ] || fail "-b $b: $len bytes"
		[ "$len" -gt 0 ]
	done
}

@test "summarize: the sentence budget, alone and with words" {
	run -0 summarize -n 2 "$A"
	[ "$(printf '%s\n' "$output" | awk -F '\t' '$NF == "bridge"' |
	    wc -l)" -eq 2 ]
	run -0 summarize -n 1 -w 1000 "$A"
	[ "$(printf '%s\n' "$output" | awk -F '\t' '$NF == "bridge"' |
	    wc -l)" -eq 1 ]
}

@test "summarize: no claim twice, and the best-supported claim first" {
	for m in greedy ilp; do
		run -0 summarize -m $m -w 1000 "$A"
		dups=$(printf '%s\n' "$output" |
		    awk -F '\t' 'NR > 1 { print $NF, $2 }' | sort | uniq -d)
		[ -z "$dups" ] || fail "-m $m: claims chosen twice: $dups"
	done
	# Four reports of the reopening: one sentence of claim b1, rank 1.
	assert_line --index 1 --regexp $'^1\tb1\t4\tgazette,courier,radio,times\t'
}

@test "summarize: sources' order first, then support" {
	# Both at the second of three sentences of their article: the claim
	# with support 3 (b2, times) reads before the one with 2 (b3, radio).
	run -0 summarize -w 1000 "$A"
	b2=$(printf '%s\n' "$output" | awk -F '\t' '$2 == "b2" { print $1 }')
	b3=$(printf '%s\n' "$output" | awk -F '\t' '$2 == "b3" { print $1 }')
	[ -n "$b2" ] && [ -n "$b3" ] && [ "$b2" -lt "$b3" ]
	# The reopening (first sentences) comes before the cost.
	b1=$(printf '%s\n' "$output" | awk -F '\t' '$2 == "b1" { print $1 }')
	[ "$b1" -lt "$b2" ]
}

@test "summarize: a leading But and a dateline are cut; no dangling he said" {
	run -0 summarize -w 1000 "$A"
	refute_output --partial 'He said the work'
	refute_output --partial $'\tBut '
	refute_output --partial 'LARKMOOR, May 4'
	# The dateline's sentence is kept, from its first real word.
	assert_output --partial $'\tThe Larkmoor river bridge reopened'
}

@test "summarize: conflicts in the conflict column and as notes" {
	run -0 summarize -w 1000 "$A"
	printf '%s\n' "$output" | awk -F '\t' '$2 == "b3"' |
	    grep -q $'\tcrowd: about 300 (gazette) / about 500 (radio)\t'
	run -0 summarize -w 1000 -f text "$A"
	assert_line 'Note: sources disagree on the crowd: about 300 (gazette) / about 500 (radio)'
	run -0 summarize -w 1000 -f markdown "$A"
	assert_line '> **Sources disagree on the crowd:** about 300 (gazette) / about 500 (radio)'
}

@test "summarize -f text and -f markdown: numbered, with sources" {
	run -0 summarize -f text "$A"
	assert_line --index 0 'Story: bridge'
	assert_line --index 1 --regexp '^1\. The Larkmoor river bridge reopened .* \[4 sources: gazette, courier, radio, times\]$'
	assert_line 'Story: fire'
	run -0 summarize -f markdown "$A"
	assert_line --index 0 '## bridge'
	assert_line --regexp '^1\. .* \*\(4 sources: gazette, courier, radio, times\)\*$'
}

@test "summarize: one summary per story, ranks from 1 in each" {
	run -0 summarize "$A"
	assert_line --index 0 $'rank\tclaim\tsupport\tsources\tdoc\tsent\ttext\tconflict\tstory'
	[ "$(printf '%s\n' "$output" | awk -F '\t' '$1 == 1' | wc -l)" -eq 2 ]
	printf '%s\n' "$output" | awk -F '\t' '$NF == "fire"' | grep -q 'grain barn'
}

@test "summarize: a story with nothing to say gives no rows, and a note" {
	run -0 summarize "$A"
	refute_output --partial $'\tquiet'
	run -0 summarize -f text "$A"
	assert_output --partial $'Story: quiet\n(no sentence fits the budget)'
	printf 'doc\ttext\n' > empty.tsv
	run -0 summarize empty.tsv
	assert_output $'rank\tclaim\tsupport\tsources\tdoc\tsent\ttext\tconflict'
}

@test "summarize: straight from split-sentences, support is estimated" {
	split-sentences "$FIXTURES"/articles/*.txt > rows.tsv
	run -0 summarize -w 60 rows.tsv
	assert_line --index 1 --regexp $'^1\t[0-9]+\t3\tgazette,courier,radio\tgazette\t2\tThe Larkmoor river bridge reopened'
	refute_output --partial 'He said'
	# pass-through columns come after the summary's own
	assert_line --index 0 $'rank\tclaim\tsupport\tsources\tdoc\tsent\ttext\tconflict\tpara\tstart\tend'
}

@test "summarize: stdin, -, .gz and deterministic output" {
	run -0 summarize "$A"
	want=$output
	run -0 bash -c 'summarize < "$1"' _ "$A"
	assert_output "$want"
	gzip -c "$A" > a.tsv.gz
	run -0 summarize - < a.tsv.gz
	assert_output "$want"
	run -0 summarize a.tsv.gz
	assert_output "$want"
}

@test "summarize: escapes round trip" {
	printf 'doc\ttext\nd1\tThe city council approved a new budget on Monday\\tafter a long debate.\nd2\tThe city council approved a new budget on Monday after a long debate.\n' > esc.tsv
	run -0 summarize esc.tsv
	assert_output --partial 'Monday\tafter'
}

@test "summarize --progress: a last line of totals on stderr, the same stdout" {
	for f in tsv text; do
		run -0 --separate-stderr summarize -f $f "$A"
		[ -z "$stderr" ]
		plain=$output
		run -0 --separate-stderr summarize -f $f --progress "$A"
		[ "$output" = "$plain" ]
		# Articles are runs of one doc within a story: 4 + 2 + 2.
		[[ "$stderr" =~ ^summarize:\ 8\ articles,\ 0\.0\ MB,\ [0-9.]+\ MB/s,\ [0-9]+\ articles/s$ ]]
	done
}

@test "summarize: a write error is exit 1" {
	run -1 --separate-stderr bash -c 'summarize "$1" > /dev/full' _ "$A"
	[[ "$stderr" == *"write error"* ]]
}

@test "summarize: interleaved stories: one warning, later rows in a part" {
	awk -F '\t' 'NR == 1 || $4 == "bridge"' "$A" | head -n 4 > mixed.tsv
	awk -F '\t' '$4 == "fire"' "$A" >> mixed.tsv
	awk -F '\t' '$4 == "bridge"' "$A" | tail -n +4 >> mixed.tsv
	run -0 --separate-stderr summarize -f text mixed.tsv
	[ "$(printf '%s\n' "$stderr" | grep -c .)" -eq 1 ]
	[[ "$stderr" == *story* ]]
	# bridge's first rows were summarised before fire began; its later
	# rows come after fire, as a second summary.
	[ "$(printf '%s\n' "$output" | grep '^Story: ' | tr '\n' ' ')" = \
	    'Story: bridge Story: fire Story: bridge ' ]
}

@test "summarize: entity keys count as concepts; a bad entities field is a data error" {
	printf 'doc\ttext\tentities\n' > ent.tsv
	printf 'a\tMs. Okafor met reporters outside the station on Friday.\t0:10:PERSON:maria okafor\n' >> ent.tsv
	printf 'b\tThe union leader, Maria Okafor, visited a northern depot.\t17:29:PERSON:maria okafor\n' >> ent.tsv
	printf 'c\tUnion chief M. T. Okafor toured warehouses near the port.\t12:24:PERSON:maria okafor\n' >> ent.tsv
	run -0 summarize -n 1 ent.tsv
	assert_line --index 1 --regexp $'^1\t[0-9]+\t3\t'
	cut -f 1,2 ent.tsv > noent.tsv
	run -0 summarize -n 1 noent.tsv
	assert_line --index 1 --regexp $'^1\t[0-9]+\t1\t'
	printf 'd\tA broken row of entities here.\tnot-a-mention\n' >> ent.tsv
	run -1 --separate-stderr summarize ent.tsv
	[[ "$stderr" == *"ent.tsv:5: entities: "* ]]
}

@test "summarize: a one-article story and sentences without words" {
	printf 'doc\ttext\n' > one.tsv
	printf 'solo\tThe night ferry ran aground near the north pier on Friday.\n' >> one.tsv
	printf 'solo\tNo one was hurt when the night ferry ran aground.\n' >> one.tsv
	printf 'solo\t...\n' >> one.tsv
	printf 'solo\t\n' >> one.tsv
	run -0 summarize -n 1 one.tsv
	assert_line --index 1 --regexp $'^1\t[0-9]+\t1\tsolo\tsolo\t\t'
	printf 'doc\ttext\nx\t.\ny\t\n' > none.tsv
	run -0 summarize none.tsv
	assert_output $'rank\tclaim\tsupport\tsources\tdoc\tsent\ttext\tconflict'
}
