#!/bin/sh
# eval-align.sh: accuracy and F1 of align-claims --score-pairs on the dev
# split of the MSRP training file.
#
#	bench/eval-align.sh ALIGN_PROGRAM [msrp_train.txt]
#
# Pairs are numbered from 0 in file order; the dev split is every pair
# numbered 4 mod 5 (816 pairs), the pairs bench/para-train.c leaves out
# when it fits data/align-pair.model.  They are written as a TSV with
# columns label, a, b (crossread-tsv(5) escapes), scored, and the 0/1
# decisions compared with the labels.  Skips, with a message and exit 0,
# when the MSRP file is absent.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: eval-align.sh align-program [msrp_train.txt]" >&2
	exit 2
fi
prog=$1
msrp=${2:-../shared/data/paraphrase/msrp_train.txt}
if [ ! -r "$msrp" ]; then
	echo "eval-align: $msrp not found: skipped (SHARED=path or MSRP=path)"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/eval-align.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

LC_ALL=C awk -F '\t' 'function esc(s) { gsub(/\\/, "\\\\", s); return s }
NR == 1 { print "label\ta\tb"; next }
(NR - 2) % 5 == 4 { print $1 "\t" esc($4) "\t" esc($5) }' "$msrp" \
    >"$work/dev.tsv"
"$prog" --score-pairs "$work/dev.tsv" >"$work/scored.tsv"
echo "align-claims: MSRP dev split (train pairs numbered 4 mod 5)," \
    "--score-pairs"
awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
	y = $col["label"]; d = $col["decision"]; n++
	if (y == d) right++
	if (y == 1 && d == 1) tp++
	if (y == 0 && d == 1) fp++
	if (y == 1 && d == 0) fn++
}
END {
	p = tp / (tp + fp); r = tp / (tp + fn)
	printf "pairs: %d (%d paraphrases)\n", n, tp + fn
	printf "accuracy: %.4f\n", right / n
	printf "precision: %.4f\nrecall: %.4f\nF1: %.4f\n", p, r, 2 * p * r / (p + r)
}' "$work/scored.tsv"
