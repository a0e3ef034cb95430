# test_helper.bash: loaded by every tests/*.bats.  Puts the built programs
# first on PATH (CROSSREAD_BIN, else build/), run through the command in
# CROSSREAD_VALGRIND when it is set (`make valgrind` sets it to its
# VALGRIND), sets LC_ALL=C so output does not depend on the locale, and
# loads bats-support and bats-assert from Debian's packages.

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

CROSSREAD_ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
CROSSREAD_BIN="${CROSSREAD_BIN:-$CROSSREAD_ROOT/build}"
export LC_ALL=C

if [ -n "${CROSSREAD_VALGRIND:-}" ]; then
	# One wrapper per program, so tests call the plain names.
	wrap="$BATS_RUN_TMPDIR/valgrind-bin"
	if [ ! -d "$wrap" ]; then
		mkdir -p "$wrap"
		for prog in "$CROSSREAD_BIN"/*; do
			[ -f "$prog" ] && [ -x "$prog" ] || continue
			printf '#!/bin/sh\nexec %s "%s" "$@"\n' \
			    "$CROSSREAD_VALGRIND" "$prog" > "$wrap/${prog##*/}"
			chmod +x "$wrap/${prog##*/}"
		done
	fi
	PATH="$wrap:$PATH"
else
	PATH="$CROSSREAD_BIN:$PATH"
fi
export PATH

# fixtures NAME: point FIXTURES at tests/fixtures/NAME.
fixtures() {
	FIXTURES="$CROSSREAD_ROOT/tests/fixtures/$1"
}

# Is this run under valgrind (so large inputs should be smaller)?
under_valgrind() {
	[ -n "${CROSSREAD_VALGRIND:-}" ]
}
