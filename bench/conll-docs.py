#!/usr/bin/env python3
"""conll-docs.py: CoNLL-2003 files as a crossread documents TSV.

Each -DOCSTART- block is one article: its tokens joined by spaces, one
sentence a line.  The result feeds `group-stories --save-df`, which learns
the background document frequencies shipped as data/stories-df.tsv.gz
(make model-stories).  Only counts of stems leave the data; no text.

Usage: conll-docs.py FILE... > docs.tsv
"""
import sys


def esc(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def main():
    out = sys.stdout
    out.write("doc\ttext\n")
    n = 0
    for path in sys.argv[1:]:
        sents, cur = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.split(" ", 1)[0].strip()
                if w == "-DOCSTART-":
                    if cur:
                        sents.append(" ".join(cur))
                        cur = []
                    if sents:
                        n += 1
                        out.write("conll%d\t%s\n" % (n, esc("\n".join(sents))))
                    sents = []
                elif w == "":
                    if cur:
                        sents.append(" ".join(cur))
                        cur = []
                else:
                    cur.append(w)
        if cur:
            sents.append(" ".join(cur))
        if sents:
            n += 1
            out.write("conll%d\t%s\n" % (n, esc("\n".join(sents))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
