#!/usr/bin/env bats
# The hard news cases for split-sentences: abbreviations, initials, numbers,
# quotes, URLs, headlines and lists, wrapped paragraphs, CRLF, Unicode spaces
# and CJK stops.  tests/fixtures/split-sentences/hard.tsv holds one case per
# line (doc, text, expect); bench/hard-cases.sh runs the program on it and
# lists every case it gets wrong with what it got and what was expected.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	if declare -F fixtures >/dev/null; then
		fixtures split-sentences >/dev/null
	fi
	# BC-style fixtures() sets FIXTURE_ROOT; fall back to the known place.
	: "${FIXTURE_ROOT:=$BATS_TEST_DIRNAME/fixtures/split-sentences}"
}

@test "split-sentences: hard news cases all pass" {
	command -v split-sentences >/dev/null ||
	    skip "split-sentences is not built"
	run "$BATS_TEST_DIRNAME/../bench/hard-cases.sh" split-sentences \
	    "$FIXTURE_ROOT/hard.tsv"
	# The pass count ("hard cases: 148/150") shows in the TAP output
	# whatever the result; on failure assert_success prints every failing
	# case with what it got and what was expected.
	if [ "${#lines[@]}" -gt 0 ]; then
		echo "# ${lines[${#lines[@]}-1]}" >&3
	fi
	assert_success
}
