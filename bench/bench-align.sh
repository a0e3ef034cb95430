#!/bin/sh
# bench-align.sh: speed and peak memory of align-claims on one story of
# 1,000, 10,000 and 100,000 generated sentences.
#
#	bench/bench-align.sh ALIGN_PROGRAM ALIGN_GEN [SIZES]
#
# ALIGN_GEN is bench/align-gen.c built (make bench-align builds it); the
# stories are made once into $BENCH_DIR, else build/bench/ when it exists,
# else a temporary directory.  SIZES defaults to "1000 10000 100000".  For
# each size: the best of 3 wall-clock runs pinned to CPU 0 (taskset), the
# sentences per second, the time ratio to the previous size (10 times the
# sentences should cost at most 15 times the time), and the peak RSS
# (GNU time, else bench/peakrss.c).
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: bench-align.sh align-program align-gen [sizes]" >&2
	exit 2
fi
prog=$1
gen=$2
sizes=${3:-1000 10000 100000}
root=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-cc}
LC_ALL=C
export LC_ALL

if [ -n "${BENCH_DIR:-}" ]; then
	work=$BENCH_DIR
	mkdir -p "$work"
elif [ -d "$root/build/bench" ]; then
	work=$root/build/bench
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/bench-align.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	trap 'exit 1' HUP INT TERM
fi

pin=
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin="taskset -c 0"
fi
if /usr/bin/time -f %M -o "$work/rss.out" true 2>/dev/null; then
	rss() { /usr/bin/time -f %M -o "$work/rss.out" "$@" >/dev/null; }
	rss_how="GNU time -f %M"
else
	$CC -O2 -o "$work/peakrss" "$root/bench/peakrss.c"
	rss() { "$work/peakrss" -o "$work/rss.out" "$@" >/dev/null; }
	rss_how="bench/peakrss.c"
fi

echo "program: $prog"
echo "cpu: ${pin:-not pinned}"
echo "peak rss from: $rss_how"
prev=
for n in $sizes; do
	story=$work/align-story-$n.tsv
	[ -s "$story" ] || "$gen" "$n" >"$story"
	best=
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		$pin "$prog" "$story" >/dev/null
		t1=$(date +%s%N)
		t=$((t1 - t0))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then
			best=$t
		fi
	done
	rss $pin "$prog" "$story"
	kib=$(tail -n 1 "$work/rss.out")
	awk -v n="$n" -v ns="$best" -v prev="$prev" -v kib="$kib" 'BEGIN {
		s = ns / 1e9
		printf "sentences %d: %.3f s (best of 3), %.0f sentences/s", \
		    n, s, n / s
		if (prev != "")
			printf ", time x%.1f the previous size", ns / prev
		printf ", peak RSS %d KiB\n", kib
	}'
	prev=$best
done
