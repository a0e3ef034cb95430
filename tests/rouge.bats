#!/usr/bin/env bats
# bench/rouge: ROUGE-1/2 as ROUGE-1.5.5 -n 2 -m -l N computes them.  Every
# expected score below is worked out by hand in the comment above it.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	ROUGE="$CROSSREAD_BIN/bench/rouge"
	cd "$BATS_TEST_TMPDIR"
}

# score ARGS... : the first data row of rouge's output, id dropped.
score() {
	"$ROUGE" "$@" | sed -n '2p' | cut -f2-
}

@test "rouge: unigram and bigram hits, no stemming" {
	# peer  the cat sat on the mat    model  the cat was on the mat
	# 1-grams: the x2, cat, on, mat match: 5 of 6 each side
	# 2-grams: "the cat" "on the" "the mat" match: 3 of 5 each side
	echo 'The cat sat on the mat.' > p
	echo 'the cat was on the mat' > m
	printf 'e\tp\tm\n' > list
	run -0 score -s list
	assert_output "$(printf '0.83333\t0.83333\t0.83333\t0.60000\t0.60000\t0.60000')"
}

@test "rouge: counts are clipped" {
	# peer a a a, model a b: hits min(3,1) = 1; R1 = 1/2, P1 = 1/3,
	# F1 = 2(1/2)(1/3)/(5/6) = 0.4; 2-grams "a a" x2 vs "a b": 0
	echo 'a a a' > p
	echo 'a b' > m
	printf 'e\tp\tm\n' > list
	run -0 score -s list
	assert_output "$(printf '0.50000\t0.33333\t0.40000\t0.00000\t0.00000\t0.00000')"
}

@test "rouge: -l keeps the first N words of peer and model" {
	# -l 2: peer "x y", model "a b": nothing in common.  No limit: peer
	# "x y a b", model "a b x y": all 4 unigrams match; bigrams xy ya ab
	# against ab bx xy: 2 of 3 each side.
	printf 'x y\na b\n' > p
	echo 'a b x y' > m
	printf 'e\tp\tm\n' > list
	run -0 score -s -l 2 list
	assert_output "$(printf '0.00000\t0.00000\t0.00000\t0.00000\t0.00000\t0.00000')"
	run -0 score -s list
	assert_output "$(printf '1.00000\t1.00000\t1.00000\t0.66667\t0.66667\t0.66667')"
}

@test "rouge: punctuation and hyphens split words; case is folded" {
	# "U.S.-based firm's" -> u s based firm s (the lone - is dropped);
	# model "US based firms" -> us based firms.  Only "based" matches:
	# R1 = 1/3, P1 = 1/5, F1 = 2(1/3)(1/5)/(8/15) = 0.25.
	echo "U.S.-based firm's" > p
	echo 'US based firms' > m
	printf 'e\tp\tm\n' > list
	run -0 score -s list
	assert_output "$(printf '0.33333\t0.20000\t0.25000\t0.00000\t0.00000\t0.00000')"
}

@test "rouge: exception table, then Porter, only above 3 letters" {
	# peer children went running -> child (table) go (table) run (Porter)
	# model the child go to run: words of 3 letters or less are kept.
	# R1 = 3/5, P1 = 3/3, F1 = 0.75.  2-grams: "child go" of
	# "the child" "child go" "go to" "to run": R2 = 1/4, P2 = 1/2, F2 = 1/3.
	printf 'children\tchild\nwent\tgo\n' > exc
	echo 'Children went running.' > p
	echo 'the child go to run' > m
	printf 'e\tp\tm\n' > list
	run -0 score -x exc list
	assert_output "$(printf '0.60000\t1.00000\t0.75000\t0.25000\t0.50000\t0.33333')"
	# -s: children/child, went/go, running/run all differ: no hit.
	run -0 score -s -x exc list
	assert_output "$(printf '0.00000\t0.00000\t0.00000\t0.00000\t0.00000\t0.00000')"
}

@test "rouge: several models are summed (formula A); mean over ids" {
	# peer a b; models "a c" (1 hit of 2) and "a b c d" (2 hits of 4):
	# R1 = 3/6 = 0.5, P1 = 3/(2 x 2) = 0.75, F1 = 0.6.
	# 2-grams: "a b" vs {"a c"}: 0; vs {ab, bc, cd}: 1; R2 = 1/4,
	# P2 = 1/(2 x 1) = 0.5, F2 = 1/3.  Second id: the first test case
	# peer = model, all 1.  Mean of the two: R1 (0.5+1)/2 = 0.75,
	# P1 0.875, F1 0.8, R2 0.625, P2 0.75, F2 (1/3+1)/2 = 0.66667.
	echo 'a b' > p
	echo 'a c' > m1
	echo 'a b c d' > m2
	echo 'q r s' > p2
	printf 'one\tp\tm1\tm2\ntwo\tp2\tp2\n' > list
	run -0 "$ROUGE" -s list
	assert_line -n 1 "$(printf 'one\t0.50000\t0.75000\t0.60000\t0.25000\t0.50000\t0.33333')"
	assert_line -n 2 "$(printf 'two\t1.00000\t1.00000\t1.00000\t1.00000\t1.00000\t1.00000')"
	assert_line -n 3 "$(printf 'mean\t0.75000\t0.87500\t0.80000\t0.62500\t0.75000\t0.66667')"
}

@test "rouge: a list line without a model is an error naming the line" {
	printf 'e\tp\n' > list
	run -1 --separate-stderr "$ROUGE" list
	[[ "$stderr" == *"list:1: want id, peer and a model"* ]]
}
