#!/bin/sh
# eval-align.sh: accuracy and F1 of align-claims --score-pairs on dev
# splits cut from the MSRP training file, each scored by a model trained
# on the rest.
#
#	bench/eval-align.sh ALIGN_PROGRAM PARA_TRAIN DATA_DIR [msrp_train.txt]
#
# Pairs are numbered from 0 in file order.  Dev split k is every pair
# numbered k mod 5 (815 or 816 pairs).  For each k, bench/para-train.c
# -D k fits a pair model and a latent model on the other pairs into a
# temporary data directory (DATA_DIR's other files linked beside them);
# the split is written as a TSV with columns label, a, b
# (crossread-tsv(5) escapes) and scored by ALIGN_PROGRAM with
# CROSSREAD_DATA pointing there, and the 0/1 decisions are compared with
# the labels.  Split 4 is the dev split of earlier reports and comes
# first; then splits 0 to 3 and, over all five (every pair scored once,
# by a model that never saw it), the pooled accuracy and F1.  The shipped
# model (make model-align, para-train -A) is trained on all the pairs and
# is not what is measured here.  Skips, with a message and exit 0, when
# the MSRP file is absent.
set -eu

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	echo "usage: eval-align.sh align-program para-train data-dir" \
	    "[msrp_train.txt]" >&2
	exit 2
fi
prog=$1
train=$2
data=$(cd "$3" && pwd)
msrp=${4:-../shared/data/paraphrase/msrp_train.txt}
if [ ! -r "$msrp" ]; then
	echo "eval-align: $msrp not found: skipped (SHARED=path or MSRP=path)"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/eval-align.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

# Fit the models of split $1 and score it into $work/$1/scored.tsv.
fit_split() {
	d=$work/$1
	mkdir "$d"
	for f in "$data"/*; do
		ln -s "$f" "$d/"
	done
	rm -f "$d/align-pair.model" "$d/align-latent.bin"
	LC_ALL=C awk -F '\t' -v k="$1" '
	function esc(s) { gsub(/\\/, "\\\\", s); return s }
	NR == 1 { print "label\ta\tb"; next }
	(NR - 2) % 5 == k { print $1 "\t" esc($4) "\t" esc($5) }' "$msrp" \
	    >"$d/dev.tsv"
	"$train" -D "$1" -m 4 -l "$data/align-synonyms.txt.gz" \
	    -L "$d/align-latent.bin" "$msrp" "$d/align-pair.model" \
	    2>"$d/train.log"
	CROSSREAD_DATA=$d "$prog" --score-pairs "$d/dev.tsv" >"$d/scored.tsv"
}

# Two splits at a time: one per core of the machines we measure on.
fit_split 4 & p1=$!
fit_split 0 & p2=$!
wait $p1
wait $p2
fit_split 1 & p1=$!
fit_split 2 & p2=$!
wait $p1
wait $p2
fit_split 3

echo "align-claims --score-pairs on MSRP dev splits (train pairs numbered" \
    "k mod 5; model trained on the rest)"
for k in 4 0 1 2 3; do
	tail -n +2 "$work/$k/scored.tsv" | sed "s/^/$k	/"
done | awk -F '\t' -v hdr="$(head -n 1 "$work/4/scored.tsv")" '
BEGIN {
	nh = split(hdr, h, "\t")
	for (i = 1; i <= nh; i++)
		col[h[i]] = i + 1
	printf "%-9s %6s %9s %10s %7s %7s\n", "split", "pairs", "accuracy",
	    "precision", "recall", "F1"
}
function line(name, n, right, tp, fp, fn,	p, r) {
	p = tp / (tp + fp); r = tp / (tp + fn)
	printf "%-9s %6d %9.4f %10.4f %7.4f %7.4f\n", name, n, right / n, p, r,
	    2 * p * r / (p + r)
}
{
	k = $1; y = $col["label"]; d = $col["decision"]
	if (!(k in n)) order[++ns] = k
	n[k]++; N++
	if (y == d) { right[k]++; R++ }
	if (y == 1 && d == 1) { tp[k]++; TP++ }
	if (y == 0 && d == 1) { fp[k]++; FP++ }
	if (y == 1 && d == 0) { fn[k]++; FN++ }
}
END {
	for (i = 1; i <= ns; i++) {
		k = order[i]
		line(k " mod 5", n[k], right[k], tp[k], fp[k], fn[k])
	}
	line("all five", N, R, TP, FP, FN)
}'
