#!/bin/sh
# bench-tag.sh: speed of tag-entities on one core.
#
#	bench/bench-tag.sh SPLIT_PROGRAM TAG_PROGRAM TOKCOUNT_PROGRAM [MB]
#
# Builds (or reuses) the benchmark corpus of MB * 10^6 bytes (default 100)
# with bench/mkcorpus.c from examples/*.txt, cuts it into sentence rows
# with split-sentences once (kept as sentences-MB.tsv), counts their tokens
# (tok_split, as tag-entities splits them), then prints: the model and
# gazetteer load time (tag-entities on a header alone: process start and
# load, best of 9), the time to tag the sentences (best of 3, stdout to
# /dev/null), tokens per second, and the peak RSS.  Pinned to CPU 0 with
# taskset when it works.  The corpus goes to $BENCH_DIR if set, else
# build/bench/ (reused while the generator, examples and MB are
# unchanged).
set -eu

die() {
	echo "bench-tag.sh: $*" >&2
	exit 1
}

[ $# -ge 3 ] && [ $# -le 4 ] ||
    { echo "usage: bench-tag.sh split tag tokcount [mb]" >&2; exit 2; }
split=$1
tag=$2
tokcount=$3
mb=${4:-100}
case $mb in
'' | *[!0-9]* | 0*) die "bad MB: $mb" ;;
esac
LC_ALL=C
export LC_ALL
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$root/build/bench}
mkdir -p "$work"
CC=${CC:-cc}

now() {
	date +%s%N
}

# best N cmd...: shortest wall-clock seconds of N runs, stdout discarded
best() {
	n=$1
	shift
	b=
	i=0
	while [ "$i" -lt "$n" ]; do
		t0=$(now)
		$pin "$@" >/dev/null || die "failed: $*"
		t1=$(now)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
		i=$((i + 1))
	done
	awk -v ns="$b" 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}

pin=
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin="taskset -c 0"
fi
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$work/mkcorpus" \
    "$root/bench/mkcorpus.c" || die "cannot build bench/mkcorpus.c"
stamp=$(cat "$root/bench/mkcorpus.c" "$root"/examples/*.txt "$split" |
    cksum | tr ' ' -)-$mb
sent=$work/sentences-$mb.tsv
if [ ! -f "$sent" ] || [ "$(cat "$sent.stamp" 2>/dev/null)" != "$stamp" ]; then
	"$work/mkcorpus" "$mb" "$work/tag-corpus-$mb.tsv" \
	    "$work/tag-corpus-$mb.txt" "$root"/examples/*.txt
	"$split" "$work/tag-corpus-$mb.tsv" > "$sent"
	rm -f "$work/tag-corpus-$mb.tsv" "$work/tag-corpus-$mb.txt"
	echo "$stamp" > "$sent.stamp"
fi
set -- $("$tokcount" "$sent")
ntok=$1
nrow=$2
bytes=$(wc -c < "$sent" | tr -d ' ')
head -n 1 "$sent" > "$work/header.tsv"

echo "program: $tag"
echo "cpu: ${pin:-not pinned}"
echo "input: $bytes bytes of sentence rows, $nrow sentences, $ntok tokens"
t_load=$(best 9 "$tag" "$work/header.tsv")
echo "start and model load s: $t_load (best of 9, header-only input)"
t_tag=$(best 3 "$tag" "$sent")
echo "tag s: $t_tag (best of 3)"
echo "tokens/s: $(awk -v n="$ntok" -v t="$t_tag" -v l="$t_load" \
    'BEGIN { printf "%.0f (%.0f without the load time)\n", n / t, n / (t - l) }')"
echo "MB/s of rows: $(awk -v b="$bytes" -v t="$t_tag" \
    'BEGIN { printf "%.1f\n", b / 1e6 / t }')"
if /usr/bin/time -f %M -o "$work/rss.out" true 2>/dev/null; then
	/usr/bin/time -f %M -o "$work/rss.out" "$tag" "$sent" >/dev/null
	echo "peak RSS KiB: $(tail -n 1 "$work/rss.out")"
fi
