#!/bin/sh
# hard-cases.sh: run a sentence splitter over the hard news cases and report
# every case it gets wrong, then the count passed ("hard cases: 148/150").
#
# usage: hard-cases.sh PROGRAM [FIXTURE]
#
# PROGRAM is split-sentences or anything with its interface: it is run as
# `PROGRAM FIXTURE`, reads FIXTURE as a documents TSV (doc, text, expect) and
# writes one row per sentence with at least the columns doc and text, other
# columns (expect) carried.  FIXTURE defaults to
# tests/fixtures/split-sentences/hard.tsv next to this script.
#
# A case passes when the texts of its sentence rows, in the order written and
# joined with LF, equal its expect field.  Both sides are unescaped
# (\t \n \r \\, any other backslash kept as is, crossread-tsv(5)) before they
# are compared, so a writer's choice of escapes cannot cause a false result;
# failures are shown escaped, sentences joined with the two characters \n.
# Note that a sentence containing a line break and two sentences meeting at
# that line break join to the same string: this check cannot tell them apart.
#
# Exit status: 0 all cases pass, 1 some case fails, 2 usage error or the
# program failed.
set -u

me=hard-cases.sh
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $me PROGRAM [FIXTURE]" >&2
	exit 2
fi
prog=$1
fixture=${2:-$(dirname "$0")/../tests/fixtures/split-sentences/hard.tsv}
if [ ! -r "$fixture" ]; then
	echo "$me: $fixture: cannot read fixture" >&2
	exit 2
fi

out=$(mktemp "${TMPDIR:-/tmp}/hard-cases.XXXXXX") || exit 2
trap 'rm -f "$out"' EXIT HUP INT TERM

"$prog" "$fixture" >"$out"
rc=$?
if [ $rc -ne 0 ]; then
	echo "$me: $prog $fixture: exit status $rc" >&2
	exit 2
fi

LC_ALL=C awk -v me="$me" '
BEGIN { FS = "\t"; bad = 0 }

# Undo crossread-tsv(5) escapes, left to right, so that "\\n" is a
# backslash and an n, not a line break.
function unesc(s,    r, i, c) {
	r = ""
	while ((i = index(s, "\\")) > 0) {
		r = r substr(s, 1, i - 1)
		c = substr(s, i + 1, 1)
		if (c == "t")       { r = r "\t"; s = substr(s, i + 2) }
		else if (c == "n")  { r = r "\n"; s = substr(s, i + 2) }
		else if (c == "r")  { r = r "\r"; s = substr(s, i + 2) }
		else if (c == "\\") { r = r "\\"; s = substr(s, i + 2) }
		else                { r = r "\\"; s = substr(s, i + 1) }
	}
	return r s
}

function col(name, what,    i) {
	for (i = 1; i <= NF; i++)
		if ($i == name)
			return i
	printf "%s: %s: no %s column\n", me, what, name > "/dev/stderr"
	bad = 1
	exit 2
}

# First file: the fixture, one case per line.
FNR == 1 && NR == 1 {
	fdoc = col("doc", "fixture"); fexp = col("expect", "fixture")
	next
}
NR == FNR {
	if ($fdoc in expect) {
		printf "%s: fixture line %d: duplicate case %s\n", me, FNR, \
		    $fdoc > "/dev/stderr"
		bad = 1
		exit 2
	}
	order[++ncase] = $fdoc
	expect[$fdoc] = $fexp
	next
}

# Second file: the program output, one row per sentence.
FNR == 1 {
	header = $0
	odoc = col("doc", "output"); otext = col("text", "output")
	next
}
$0 == header { next }
{
	d = $odoc
	if (!(d in expect) && !(d in stray)) {
		stray[d] = 1
		nstray++
		strays[nstray] = d
	}
	nrows[d]++
	if (d in got) {
		got[d] = got[d] "\n" unesc($otext)
		shown[d] = shown[d] "\\n" $otext
	} else {
		got[d] = unesc($otext)
		shown[d] = $otext
	}
}

END {
	if (bad)
		exit 2
	pass = 0
	for (k = 1; k <= ncase; k++) {
		d = order[k]
		# An empty expect means no sentence at all, not one empty one.
		if (got[d] == unesc(expect[d]) && \
		    (expect[d] != "" || nrows[d] == 0)) {
			pass++
			continue
		}
		printf "FAIL %s\n  got:      %s\n  expected: %s\n", d, shown[d], \
		    expect[d]
		if (expect[d] == "")
			printf "  (no sentence expected, got %d)\n", nrows[d]
	}
	for (k = 1; k <= nstray; k++)
		printf "FAIL %s\n  output has a document the fixture lacks\n", \
		    strays[k]
	printf "hard cases: %d/%d\n", pass, ncase
	exit ((pass == ncase && nstray == 0) ? 0 : 1)
}
' "$fixture" "$out"
