#!/usr/bin/env bats
# Runs the EXAMPLES of every section 1 man page, so that a page cannot show
# a command that does not work.  Each example is a "$ " line in a literal
# display, with its continuation lines; it runs under bash -o pipefail (a
# writer ended by SIGPIPE from head(1) is fine) in a
# scratch directory holding the files the examples name: examples/,
# articles/*.txt.gz, docs.tsv and a.txt.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp -r "$CROSSREAD_ROOT/examples" .
	mkdir articles
	for f in examples/*.txt; do
		gzip -c "$f" > "articles/${f##*/}.gz"
	done
	cp "$CROSSREAD_ROOT/tests/fixtures/split-sentences/docs.tsv" docs.tsv
	cp examples/01-*.txt a.txt
}

# examples PAGE: print each example of PAGE as one command, NUL-terminated.
examples() {
	mandoc -Tascii -Ios=crossread "$1" | col -bx | awk '
	/^EXAMPLES/ { on = 1; next }
	/^[A-Z]/ { on = 0 }
	on && /^ +\$ / { if (cmd != "") printf "%s%c", cmd, 0
		sub(/^ +\$ /, ""); cmd = $0; next }
	on && cmd != "" && /^            +[^ ]/ {
		sub(/^ +/, " "); cmd = cmd "\n" $0; next }
	on && cmd != "" { printf "%s%c", cmd, 0; cmd = "" }
	END { if (cmd != "") printf "%s%c", cmd, 0 }'
}

@test "man page examples run and print something" {
	n=0
	for page in "$CROSSREAD_ROOT"/man/*.1; do
		while IFS= read -r -d '' cmd; do
			n=$((n + 1))
			# 141: a writer cut off by SIGPIPE when head(1) has
			# read enough, which is how such a pipeline ends.
			run bash -o pipefail -c "$cmd"
			[ "$status" -eq 0 ] || [ "$status" -eq 141 ] ||
			    flunk "exit $status: $cmd: $output"
			[ -n "$output" ] || flunk "no output: $cmd"
		done < <(examples "$page")
	done
	[ "$n" -ge 4 ]
}
