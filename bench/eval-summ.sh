#!/bin/bash
# eval-summ.sh BUILD DATA [OPTIONS...]: ROUGE of summarize(1) and of the
# LEAD baseline on the DUC 2003 multi-document sets under DATA (see
# ../shared/data/summ/README.md), scored by bench/rouge (ROUGE-1.5.5
# -n 2 -m -l 100 semantics, WordNet exceptions from DATA/rouge).
#
# Each cluster's docs/*.txt (one paragraph per line) goes through
# split-sentences -p line, gets a `story` column = the cluster, and all
# clusters of a set go through one summarize run per configuration
# (OPTIONS; by default -w 100 with the ILP, then with -m greedy).
# LEAD = the first 100 words of the cluster's most recent article (the
# DUC baseline), date and then id taken from the document id.
# Skips with a message when DATA is absent.
set -eu -o pipefail
b=$1
data=$2
shift 2
confs=("$*")
[ $# -gt 0 ] || confs=("-w 100" "-w 100 -m greedy")
if [ ! -d "$data/duc2003" ]; then
	echo "eval-summ: $data/duc2003 not found: skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exc="$data/rouge/wordnet-2.0-exc.tsv"

# rows SET: the sentence rows of every cluster of SET, with a story column.
rows() {
	local first=1 c
	for c in "$data/duc2003/$1"/*/; do
		c=${c%/}
		"$b/split-sentences" -p line "$c"/docs/*.txt |
		    awk -v s="${c##*/}" -v f=$first 'BEGIN { OFS = "\t" }
			NR == 1 { if (f) print $0, "story"; next }
			{ print $0, s }'
		first=0
	done
}

peers() {	# peers DIR: write DIR/<story> from summary rows on stdin
	mkdir -p "$1"
	awk -F '\t' -v d="$1" '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ t = $c["text"]; gsub(/\\n|\\t|\\r/, " ", t); gsub(/\\\\/, "\\", t)
	  print t > (d "/" $c["story"]) }'
}

lead() {	# lead DIR: the LEAD baseline of the rows on stdin
	mkdir -p "$1"
	awk -F '\t' -v d="$1" '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ s = $c["story"]; id = $c["doc"]
	  key = substr(id, 4) " " id	# date digits first, then the id
	  if (!(s in best) || key > best[s]) { best[s] = key; n[s] = 0 }
	  if (best[s] == key) { n[s]++; txt[s, n[s]] = $c["text"] } }
	END { for (s in best) { w = 0
		for (i = 1; i <= n[s] && w < 100; i++) {
			print txt[s, i] > (d "/" s); w += split(txt[s, i], x, " ") } } }'
}

score() {	# score SET PEERDIR: mean r1 f1 r2 f2
	local c list="$tmp/list"
	: > "$list"
	for c in "$data/duc2003/$1"/*/; do
		c=${c%/}
		[ -f "$2/${c##*/}" ] || : > "$2/${c##*/}"
		printf '%s\t%s' "${c##*/}" "$2/${c##*/}" >> "$list"
		printf '\t%s' "$c"/models/*.txt >> "$list"
		printf '\n' >> "$list"
	done
	"$b/bench/rouge" -l 100 -x "$exc" "$list" > "$tmp/scores"
	awk -F '\t' '$1 == "mean" { printf "%.4f\t%.4f\t%.4f\t%.4f\n", $2, $4, $5, $7 }' \
	    "$tmp/scores"
}

printf 'set\tsystem\tR1-R\tR1-F\tR2-R\tR2-F\n'
for set in task2 task3; do
	[ -d "$data/duc2003/$set" ] || continue
	rows "$set" > "$tmp/$set.tsv"
	lead "$tmp/$set.lead" < "$tmp/$set.tsv"
	printf '%s\tLEAD\t%s\n' "$set" "$(score "$set" "$tmp/$set.lead")"
	for conf in "${confs[@]}"; do
		rm -rf "$tmp/$set.summ"
		# shellcheck disable=SC2086
		"$b/summarize" $conf "$tmp/$set.tsv" | peers "$tmp/$set.summ"
		printf '%s\tsummarize %s\t%s\n' "$set" "$conf" \
		    "$(score "$set" "$tmp/$set.summ")"
	done
done
