#!/usr/bin/env bats
# The hard news cases for split-sentences: abbreviations, initials, numbers,
# quotes, URLs, headlines and lists, wrapped paragraphs, CRLF, Unicode spaces
# and CJK stops.  tests/fixtures/split-sentences/hard.tsv holds one case per
# line (doc, text, expect); bench/hard-cases.sh runs the program on it and
# lists every case it gets wrong with what it got and what was expected.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures split-sentences
}

@test "split-sentences: hard news cases all pass" {
	run "$CROSSREAD_ROOT/bench/hard-cases.sh" split-sentences \
	    "$FIXTURES/hard.tsv"
	# The pass count ("hard cases: 148/150") shows in the TAP output
	# whatever the result; on failure assert_success prints every failing
	# case with what it got and what was expected.
	if [ "${#lines[@]}" -gt 0 ]; then
		echo "# ${lines[${#lines[@]}-1]}" >&3
	fi
	assert_success
}
