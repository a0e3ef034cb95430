#!/bin/sh
# bench-split.sh: throughput and peak memory of split-sentences, with
# `wc -w` on the same text as the yardstick.
#
#	bench/bench-split.sh SPLIT_PROGRAM [MB]
#
# Builds (or reuses) a corpus of MB * 10^6 bytes (default 100) with
# bench/mkcorpus.c from examples/*.txt, then prints one labelled figure a
# line: input sizes, split-sentences MB/s on the documents TSV, wc -w MB/s
# on the plain text in C.UTF-8, their ratio, split-sentences -F text MB/s
# over 2,000 article files, and peak RSS on a 1 MB and the MB corpus.
# Times are the best of 3 wall-clock runs, pinned to CPU 0 with taskset
# when it works.  MB/s is 10^6 bytes of the program's input per second.
#
# The corpus goes to $BENCH_DIR if set, else build/bench/ if that directory
# exists (and is reused there while the generator, the examples and MB are
# unchanged), else a temporary directory removed at exit.
# Needs GNU date (+%N); uses GNU time for peak RSS, else bench/peakrss.c.
set -eu

usage() {
	echo "usage: bench-split.sh split-program [mb]" >&2
	exit 2
}

die() {
	echo "bench-split.sh: $*" >&2
	exit 1
}

# now: nanoseconds since the epoch
now() {
	date +%s%N
}

# best_of_3 cmd ...: run cmd 3 times with stdout to /dev/null; print the
# shortest wall-clock time in seconds
best_of_3() {
	best=
	for _ in 1 2 3; do
		t0=$(now)
		$pin "$@" >/dev/null || die "failed ($?): $*"
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then
			best=$t
		fi
	done
	awk -v ns="$best" 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

# mbps bytes seconds
mbps() {
	awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f\n", b / 1e6 / s }'
}

size() {
	wc -c <"$1" | tr -d ' '
}

# peak_rss cmd ...: peak resident set size of cmd in KiB
peak_rss() {
	"$rss" -o "$work/rss.out" "$@" >/dev/null || die "failed: $*"
	tail -n 1 "$work/rss.out"
}

# corpus MB [DIR]: make corpus-MB.tsv and corpus-MB.txt in $work (and
# files-MB/ when asked) unless a stamp says they are current
corpus() {
	stamp=$(cat "$root/bench/mkcorpus.c" "$root"/examples/*.txt |
	    cksum | tr ' ' -)-$1-${2:-}
	if [ -f "$work/corpus-$1.stamp" ] &&
	    [ "$(cat "$work/corpus-$1.stamp")" = "$stamp" ]; then
		return
	fi
	rm -rf "$work/files-$1" "$work/corpus-$1.stamp"
	if [ -n "${2:-}" ]; then
		mkdir "$work/files-$1"
		"$work/mkcorpus" -d "$work/files-$1" -n "$2" "$1" \
		    "$work/corpus-$1.tsv" "$work/corpus-$1.txt" \
		    "$root"/examples/*.txt
	else
		"$work/mkcorpus" "$1" "$work/corpus-$1.tsv" \
		    "$work/corpus-$1.txt" "$root"/examples/*.txt
	fi
	echo "$stamp" >"$work/corpus-$1.stamp"
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	usage
fi
prog=$1
mb=${2:-100}
nfiles=2000
case $mb in
'' | *[!0-9]* | 0*) usage ;;
esac
case $prog in
*/*) [ -x "$prog" ] || die "$prog: not an executable file"
     prog=$(cd "$(dirname "$prog")" && pwd)/$(basename "$prog") ;;
*) command -v "$prog" >/dev/null 2>&1 || die "$prog: command not found" ;;
esac

LC_ALL=C
export LC_ALL
root=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-cc}

if [ -n "${BENCH_DIR:-}" ]; then
	work=$BENCH_DIR
	mkdir -p "$work"
elif [ -d "$root/build/bench" ]; then
	work=$root/build/bench
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/bench-split.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	trap 'exit 1' HUP INT TERM
fi

$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wpedantic \
    -o "$work/mkcorpus" "$root/bench/mkcorpus.c" ||
    die "cannot build bench/mkcorpus.c"
case $(date +%N) in
*[!0-9]* | '') die "date +%N does not give nanoseconds (GNU date needed)" ;;
esac
if /usr/bin/time -f %M -o "$work/rss.out" true 2>/dev/null &&
    grep -Eqx '[0-9]+' "$work/rss.out"; then
	rss_how="GNU time -f %M"
	peak_rss() {
		/usr/bin/time -f %M -o "$work/rss.out" "$@" >/dev/null ||
		    die "failed: $*"
		tail -n 1 "$work/rss.out"
	}
else
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wpedantic \
	    -o "$work/peakrss" "$root/bench/peakrss.c" ||
	    die "cannot build bench/peakrss.c"
	rss=$work/peakrss
	rss_how="bench/peakrss.c (GNU time not found: apt-get install time)"
fi
pin=
pin_how="none (taskset not found or CPU 0 not allowed)"
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin="taskset -c 0"
	pin_how="taskset -c 0"
fi
if locale -a 2>/dev/null | grep -Eiqx 'c\.utf-?8'; then
	loc_how="C.UTF-8 (installed)"
else
	loc_how="C.UTF-8 NOT INSTALLED: wc -w counted bytes in the C locale"
fi

corpus "$mb" "$nfiles"
[ "$mb" -eq 1 ] || corpus 1
tsv=$work/corpus-$mb.tsv
txt=$work/corpus-$mb.txt
files=$work/files-$mb
tsv_bytes=$(size "$tsv")
txt_bytes=$(size "$txt")
files_bytes=$(cat "$files"/*.txt | wc -c | tr -d ' ')
articles=$(($(wc -l <"$tsv") - 1))

echo "program: $prog"
echo "cpu: $pin_how"
echo "wc locale: $loc_how"
echo "peak rss from: $rss_how"
echo "input tsv MB: $(mbps "$tsv_bytes" 1) ($tsv_bytes bytes, $articles articles)"
echo "input plain MB: $(mbps "$txt_bytes" 1) ($txt_bytes bytes)"
echo "input files MB: $(mbps "$files_bytes" 1) ($nfiles files)"

t_split=$(best_of_3 "$prog" "$tsv")
split_mbps=$(mbps "$tsv_bytes" "$t_split")
echo "split-sentences tsv MB/s: $split_mbps (best of 3: $t_split s)"

t_wc=$(best_of_3 env LC_ALL=C.UTF-8 wc -w "$txt")
wc_mbps=$(mbps "$txt_bytes" "$t_wc")
echo "wc -w MB/s: $wc_mbps (best of 3: $t_wc s)"
echo "ratio split/wc: $(awk -v a="$split_mbps" -v b="$wc_mbps" \
    'BEGIN { printf "%.3f\n", a / b }')"

t_files=$(best_of_3 "$prog" -F text "$files"/*.txt)
echo "split-sentences -F text files MB/s: $(mbps "$files_bytes" "$t_files")" \
    "(best of 3: $t_files s)"

echo "peak RSS 1 MB tsv KiB: $(peak_rss "$prog" "$work/corpus-1.tsv")"
echo "peak RSS $mb MB tsv KiB: $(peak_rss "$prog" "$tsv")"
