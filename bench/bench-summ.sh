#!/bin/bash
# bench-summ.sh BUILD: time summarize(1) on one story of 10, 100 and 1,000
# generated articles (bench/mkstories, 20 sentences each), pinned to CPU 0
# when taskset allows, best of 3 wall-clock runs (1 run at 1,000), for the
# default (auto), the exact ILP and the greedy; peak RSS from GNU time
# when installed.
set -eu -o pipefail
b=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
	pin=(taskset -c 0)
fi
echo "summarize: one story, 20 sentences per article; ${pin[*]:-unpinned}"
printf 'articles\tsentences\tmethod\tseconds\tpeak_rss_kib\n'
for n in 10 100 1000; do
	"$b/bench/mkstories" $n > "$tmp/s.tsv"
	rows=$(($(wc -l < "$tmp/s.tsv") - 1))
	runs=3
	[ $n -lt 1000 ] || runs=1
	for m in auto ilp greedy; do
		best=
		for ((i = 0; i < runs; i++)); do
			t0=$(date +%s%N)
			"${pin[@]}" "$b/summarize" -m $m "$tmp/s.tsv" > /dev/null
			t=$(( $(date +%s%N) - t0 ))
			[ -n "$best" ] && [ "$best" -le "$t" ] || best=$t
		done
		rss=-
		if [ -x /usr/bin/time ]; then
			rss=$(/usr/bin/time -f %M "$b/summarize" -m $m \
			    "$tmp/s.tsv" 2>&1 > /dev/null | tail -n 1)
		fi
		printf '%s\t%s\t%s\t%d.%03d\t%s\n' $n $rows $m \
		    $((best / 1000000000)) $((best / 1000000 % 1000)) "$rss"
	done
done
