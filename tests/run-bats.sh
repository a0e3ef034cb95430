#!/bin/sh
# run-bats.sh DIR...: run the bats suites as TAP, pass the TAP through, and
# end with one summary line, "bats: N passed, N failed, N skipped", so a
# reader (or CI) sees the count without scrolling.  Exits 1 when a test
# failed or the plan's count of tests was not reached (bats itself failed).
tap=$(mktemp) || exit 1
trap 'rm -f "$tap"' EXIT
bats --formatter tap "$@" | tee "$tap"
plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$tap" | head -n 1)
ran=$(grep -c '^\(not \)\{0,1\}ok ' "$tap")
skipped=$(grep -c '^ok .* # skip' "$tap")
failed=$(grep -c '^not ok ' "$tap")
passed=$((ran - failed - skipped))
echo "bats: $passed passed, $failed failed, $skipped skipped"
[ -n "$plan" ] && [ "$plan" -eq "$ran" ] && [ "$failed" -eq 0 ]
