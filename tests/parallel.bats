#!/usr/bin/env bats
# The GNU parallel form of the pipeline (README, "Many cores, many
# machines") gives what the plain pipeline gives: the documents TSV is cut
# into chunks on record boundaries, each chunk gets the header
# (--header :), -k keeps the chunks in order, and the next stage skips the
# header repeated at the start of each chunk's output.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	command -v parallel > /dev/null || skip "GNU parallel not installed"
	fixtures group-stories
	T=$BATS_TEST_TMPDIR
	# Forty documents: five copies of the fixture under other ids.
	n=5
	under_valgrind && n=2
	{
		head -1 "$FIXTURES/news.tsv"
		for i in $(seq "$n"); do
			tail -n +2 "$FIXTURES/news.tsv" | sed "s/^/r$i-/"
		done
	} > "$T/docs.tsv"
}

# drop_headers: the rows with the repeated header lines left out.
drop_headers() {
	awk 'NR == 1 { h = $0; print; next } $0 != h'
}

@test "parallel --pipe split-sentences equals the plain run" {
	split-sentences "$T/docs.tsv" > "$T/plain.tsv"
	parallel --pipe --header : -k --block 2k -j 2 split-sentences \
	    < "$T/docs.tsv" > "$T/par.tsv"
	# It was really cut into several chunks.
	[ "$(grep -c '^doc	para	' "$T/par.tsv")" -gt 1 ]
	diff -u "$T/plain.tsv" <(drop_headers < "$T/par.tsv")
}

@test "the parallel stage feeds group-stories as the plain one does" {
	split-sentences "$T/docs.tsv" | group-stories > "$T/plain.tsv"
	parallel --pipe --header : -k --block 2k -j 2 split-sentences \
	    < "$T/docs.tsv" | group-stories > "$T/par.tsv"
	diff -u "$T/plain.tsv" "$T/par.tsv"
}

@test "per-story stages: parallel --group-by story equals the plain run" {
	# Rows sorted on story, header apart; each job gets whole stories
	# (--group-by on the story column) and puts the header back.
	split-sentences "$T/docs.tsv" | group-stories > "$T/stories.tsv"
	col=$(head -1 "$T/stories.tsv" | tr '\t' '\n' | grep -nx story |
	    cut -d: -f1)
	head -1 "$T/stories.tsv" > "$T/header.tsv"
	{
		cat "$T/header.tsv"
		tail -n +2 "$T/stories.tsv" |
		    LC_ALL=C sort -s -t "$(printf '\t')" -k "$col,$col"
	} > "$T/sorted.tsv"
	[ "$(tail -n +2 "$T/sorted.tsv" | cut -f "$col" | uniq | wc -l)" -gt 1 ]
	align-claims "$T/sorted.tsv" | summarize > "$T/plain.tsv"
	tail -n +2 "$T/sorted.tsv" |
	    parallel --pipe --group-by "$col" --colsep '\t' -k -j 2 \
	    --block 1k "cat '$T/header.tsv' - | align-claims | summarize" \
	    > "$T/par.tsv"
	[ "$(grep -c '^rank	' "$T/par.tsv")" -gt 1 ]
	diff -u "$T/plain.tsv" <(drop_headers < "$T/par.tsv")
}

@test "one job per archive with parallel equals one run over all" {
	mkdir "$T/in"
	for i in 1 2 3; do
		tar -czf "$T/in/part$i.tar.gz" -C "$CROSSREAD_ROOT/tests/fixtures/archives" articles
	done
	split-sentences "$T"/in/part*.tar.gz > "$T/plain.tsv" 2>/dev/null || true
	parallel -k split-sentences ::: "$T"/in/part*.tar.gz \
	    2>/dev/null > "$T/par.tsv" || true
	# Ids repeat across archives: the single run renames them.
	diff -u <(drop_headers < "$T/par.tsv" | cut -f 2-) \
	    <(cut -f 2- "$T/plain.tsv")
}

@test "examples/Makefile: one output per archive, make -j, nothing redone" {
	command -v make > /dev/null || skip "make not installed"
	mkdir -p "$T/in"
	tar -czf "$T/in/day1.tar.gz" -C "$CROSSREAD_ROOT/tests/fixtures/archives/articles" .
	gzip -c "$CROSSREAD_ROOT/tests/fixtures/archives/good.jsonl" > "$T/in/feed.jsonl.gz"
	run -0 make -s -C "$CROSSREAD_ROOT/examples" -j 2 BIN="$CROSSREAD_BIN" \
	    IN="$T/in" OUT="$T/out"
	[ -s "$T/out/day1.sentences.tsv.gz" ]
	[ -s "$T/out/feed.sentences.tsv.gz" ]
	# The last output is the stories, or the summary once it is built.
	ls "$T/out" | grep -q '^day1\.\(stories\.tsv\.gz\|summary\.txt\)$'
	diff -u <(split-sentences "$T/in/day1.tar.gz") \
	    <(gzip -dc "$T/out/day1.sentences.tsv.gz" | cut -f 1-6)
	# A rerun has nothing to do; a touched archive is redone alone.
	run -0 make -q -C "$CROSSREAD_ROOT/examples" BIN="$CROSSREAD_BIN" \
	    IN="$T/in" OUT="$T/out"
	touch "$T/in/feed.jsonl.gz"
	run -0 make -n -C "$CROSSREAD_ROOT/examples" BIN="$CROSSREAD_BIN" \
	    IN="$T/in" OUT="$T/out"
	[[ "$output" == *"feed.jsonl.gz"* ]]
	[[ "$output" != *"day1.tar.gz"* ]]
}
