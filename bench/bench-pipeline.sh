#!/bin/bash
# bench-pipeline.sh: the whole pipeline over a generated gzipped JSON Lines
# archive of invented news about many invented stories.
#
#	bench/bench-pipeline.sh BINDIR [MB]
#
# MB (default 1100) is the archive's size uncompressed, in 10^6 bytes.
# Prints, one labelled figure a line:
# - per stage that is built (split-sentences, tag-entities, group-stories,
#   align-claims, summarize; the others are named as skipped), and for the
#   sort on `story` between the per-article and the per-story stages: its
#   input MB, seconds, MB/s of its input, peak RSS; each stage reads the
#   file the one before wrote;
# - end to end: the per-article stages and the sort as one shell pipeline,
#   then the per-story stages on 2 cores with GNU parallel --group-by on
#   the story column (the sort is a barrier: nothing leaves it before all
#   went in), archive MB (uncompressed) per second, and the per-story
#   stages' speed-up from one process each to parallel -j 2;
# - the peak RSS of the per-article stages on a 20 MB archive too, to show
#   it does not grow with the input;
# - split-sentences on 1 and on 2 cores with GNU parallel --pipepart over
#   the uncompressed archive, and the speed-up;
# - B-cubed F1 of group-stories against the generator's own story labels.
# Times are wall clock of one run (date +%s%N); the files live in
# $BENCH_DIR, else build/bench-pipeline/ (the archive is kept and reused,
# the intermediate files are removed at the end).  Not run with -j: the
# machine's cores are what is measured.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: bench-pipeline.sh bindir [mb]" >&2; exit 2; }
BIN=$(cd "$1" && pwd)
MB=${2:-1100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${BENCH_DIR:-$ROOT/build/bench-pipeline}
mkdir -p "$DIR"
CC=${CC:-cc}
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wpedantic"

$CC $CFLAGS -o "$DIR/mknews" "$ROOT/bench/mknews.c"
$CC $CFLAGS -o "$DIR/peakrss" "$ROOT/bench/peakrss.c"

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / 1e6 / s }'; }
have() { [ -x "$BIN/$1" ]; }

# archive MB: generate (once) news-MB.jsonl.gz and its raw size; the name
# changes with the generator (v2: facts and a Zipf vocabulary).
archive() {
	local a="$DIR/news2-$1.jsonl.gz"
	if [ ! -s "$a" ] || [ ! -s "$a.bytes" ]; then
		"$DIR/mknews" "$1" | gzip -1 > "$a.tmp"
		gzip -dc "$a.tmp" | wc -c > "$a.bytes"
		mv "$a.tmp" "$a"
	fi
	echo "$a"
}

# stage LABEL INBYTES OUT CMD...: run CMD (stdout to OUT), report.
stage() {
	local label=$1 inbytes=$2 out=$3 t0 t1 s
	shift 3
	t0=$(now)
	"$DIR/peakrss" -o "$DIR/rss" "$@" > "$out"
	t1=$(now)
	s=$(secs "$t0" "$t1")
	case $label in
	align-claims|summarize)
		one=$(awk -v a="${one:-0}" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
	esac
	printf '%-16s in %8.1f MB  %7.2f s  %7s MB/s  (%6s MB/s of archive)  peak RSS %7s KiB\n' \
	    "$label" "$(awk -v n="$inbytes" 'BEGIN { print n / 1e6 }')" \
	    "$s" "$(rate "$inbytes" "$s")" "$(rate "$RAW" "$s")" \
	    "$(cat "$DIR/rss")"
}

# sort_story: stdin rows sorted (stably) on the story column, header first.
sort_story() {
	local h col
	IFS= read -r h
	printf '%s\n' "$h"
	col=$(printf '%s\n' "$h" | tr '\t' '\n' | grep -nx story | cut -d: -f1)
	LC_ALL=C sort -s -S 25% -t "$(printf '\t')" -k "$col,$col"
}
export -f sort_story

one=""
A=$(archive "$MB")
RAW=$(cat "$A.bytes")
echo "archive: $A, $(awk -v n="$RAW" 'BEGIN { printf "%.1f", n / 1e6 }') MB" \
    "uncompressed, $(gzip -dc "$A" | wc -l) articles," \
    "$(du -m "$A" | cut -f1) MB gzipped"
echo "machine: $(nproc) cores, $(uname -m); each stage one process"

# Per stage, each on the file the one before wrote.
in=$A inbytes=$RAW pipe=()
for s in split-sentences tag-entities group-stories sort align-claims \
    summarize; do
	if [ "$s" = sort ]; then
		have group-stories || continue
		out="$DIR/sorted.tsv"
		stage "sort on story" "$inbytes" "$out" bash -c \
		    'sort_story < "$1"' _ "$in"
		pipe+=("sort_story")
	elif have "$s"; then
		out="$DIR/$s.out"
		args=()
		[ "$s" = summarize ] && args=(-f text)
		stage "$s" "$inbytes" "$out" "$BIN/$s" "${args[@]}" "$in"
		pipe+=("$BIN/$s ${args[*]}")
	else
		echo "$s: not built, skipped"
		continue
	fi
	[ "$in" != "$A" ] && rm -f "$in"
	in=$out
	inbytes=$(wc -c < "$in")
done
rm -f "$in"

# End to end: the per-article stages and the sort as one pipeline, then
# the per-story stages, two jobs at a time, each job whole stories with
# the header put back.
if have group-stories && command -v parallel > /dev/null; then
	t0=$(now)
	"$BIN/split-sentences" "$A" | "$BIN/tag-entities" |
	    "$BIN/group-stories" | sort_story > "$DIR/sorted.tsv"
	t1=$(now)
	head -n 1 "$DIR/sorted.tsv" > "$DIR/header.tsv"
	col=$(tr '\t' '\n' < "$DIR/header.tsv" | grep -nx story | cut -d: -f1)
	per=""
	have align-claims && per="$per | $BIN/align-claims"
	have summarize && per="$per | $BIN/summarize -f text"
	# Blocks of about 1/32 of the rows (at least 1 MB), so that the two
	# jobs at a time stay busy to the end.
	blk=$(( $(wc -c < "$DIR/sorted.tsv") / 32 / 1048576 + 1 ))M
	tail -n +2 "$DIR/sorted.tsv" |
	    parallel --pipe --group-by "$col" --colsep '\t' -k -j 2 \
	    --block "$blk" "cat '$DIR/header.tsv' - $per" > /dev/null
	t2=$(now)
	rm -f "$DIR/sorted.tsv" "$DIR/header.tsv"
	a=$(secs "$t0" "$t1")
	b=$(secs "$t1" "$t2")
	e=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a + b }')
	echo "end to end: $e s, $(rate "$RAW" "$e") MB/s of archive" \
	    "(split-sentences | tag-entities | group-stories | sort:" \
	    "$a s; then parallel -j 2 --group-by story" \
	    "'align-claims | summarize -f text': $b s)"
	if [ -n "$one" ]; then
		echo "per-story stages, one process each: $one s;" \
		    "parallel -j 2: $b s; speed-up $(awk -v a="$one" \
		    -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
	fi
else
	cmd="${pipe[0]} '$A'"
	for p in "${pipe[@]:1}"; do cmd="$cmd | $p"; done
	t0=$(now)
	bash -o pipefail -c "$cmd > /dev/null"
	t1=$(now)
	s=$(secs "$t0" "$t1")
	echo "end to end: $s s, $(rate "$RAW" "$s") MB/s of archive" \
	    "($(printf '%s\n' "$cmd" | sed "s|$BIN/||g; s|'[^']*'|ARCHIVE|"))"
fi

# Peak RSS of the per-article stages on a small archive: flat?
if [ "$MB" -gt 20 ]; then
	S=$(archive 20)
	for s in split-sentences tag-entities group-stories; do
		have "$s" || continue
		if [ "$s" = split-sentences ]; then
			"$DIR/peakrss" -o "$DIR/rss" "$BIN/$s" "$S" > "$DIR/small.tsv"
			cp "$DIR/small.tsv" "$DIR/small.in"
		else
			"$DIR/peakrss" -o "$DIR/rss" "$BIN/$s" "$DIR/small.in" \
			    > "$DIR/small.tsv"
			mv "$DIR/small.tsv" "$DIR/small.in"
		fi
		echo "$s: peak RSS on the 20 MB archive $(cat "$DIR/rss") KiB"
	done
	rm -f "$DIR/small.tsv" "$DIR/small.in"
fi

# 1 and 2 cores with GNU parallel.
if command -v parallel > /dev/null; then
	gzip -dc "$A" > "$DIR/news.jsonl"
	d=()
	for j in 1 2; do
		t0=$(now)
		parallel --pipepart -a "$DIR/news.jsonl" --block 16M -k -j "$j" \
		    "$BIN/split-sentences" -F jsonl > /dev/null
		t1=$(now)
		d[$j]=$(secs "$t0" "$t1")
		echo "split-sentences, parallel -j $j: ${d[$j]} s," \
		    "$(rate "$RAW" "${d[$j]}") MB/s"
	done
	echo "speed-up 1 -> 2 cores: $(awk -v a="${d[1]}" -v b="${d[2]}" \
	    'BEGIN { printf "%.2f", a / b }')"
	rm -f "$DIR/news.jsonl"
else
	echo "GNU parallel not installed: speed-up skipped"
fi

# How well the stories were found: the generator's labels (the JSON member
# topic, carried as title) against group-stories.
if have group-stories; then
	"$BIN/split-sentences" -J title=topic "$A" | "$BIN/group-stories" |
	    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { print $c["doc"] "\t" $c["title"] "\t" $c["story"] }' | uniq |
	    awk -F '\t' '{ g[$1] = $2; f[$1] = $3; gf[$2 "\t" $3]++; ng[$2]++;
	        nf[$3]++; n++ }
	    END { for (d in g) { k = gf[g[d] "\t" f[d]]; p += k / nf[f[d]];
	        r += k / ng[g[d]] } p /= n; r /= n
	        printf "group-stories on the generated stories: %d articles, " \
	            "%d stories, %d found, B-cubed P %.3f R %.3f F1 %.3f\n",
	            n, length(ng), length(nf), p, r, 2 * p * r / (p + r) }'
fi
