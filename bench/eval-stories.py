#!/usr/bin/env python3
"""eval-stories.py: measure group-stories against DUC 2003 clusters.

Each DUC 2003 cluster (task 2: 9 TDT topics; task 3: 30 TREC topics) is
one story.  The articles of the chosen sets are mixed into one documents
stream in date order (MANIFEST.tsv's date, then the document id), as a
news stream would arrive; the stream goes through split-sentences and
group-stories, and the story of each document is compared with its
cluster:

  purity          each found story counted by its most common cluster
  inverse purity  each cluster counted by its most common found story
  B-cubed P/R/F1  per document: the share of its found story that is of
                  its cluster (P), of its cluster that is in its found
                  story (R), averaged over documents (Bagga & Baldwin 1998)

Usage: eval-stories.py [--sets task2,task3] [--tune] [--bin DIR] SUMMDIR
       [-- group-stories options]

--tune runs a grid of thresholds (-t) and prints B-cubed F1 for each: the
threshold was chosen on task 3 and is reported on task 2.  The data are
read in place, never copied into the project.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile


def load(summdir, sets):
    """Return [(date, doc, cluster, text)] for the chosen task sets."""
    docs = []
    for s in sets:
        base = os.path.join(summdir, "duc2003", s)
        with open(os.path.join(base, "MANIFEST.tsv"), newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                path = os.path.join(base, row["cluster"], "docs",
                                    row["doc_id"] + ".txt")
                with open(path, encoding="utf-8", errors="replace") as g:
                    text = g.read()
                docs.append((row["date"], row["doc_id"],
                             s + "/" + row["cluster"], text))
    docs.sort()
    return docs


def esc(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def run(bindir, docs, opts, tmp):
    """Found story per document id, from split-sentences | group-stories."""
    path = os.path.join(tmp, "mixture.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("doc\ttext\tdate\n")
        for date, doc, _, text in docs:
            day = date[:4] + "-" + date[4:6] + "-" + date[6:8]
            f.write("%s\t%s\t%s\n" % (doc, esc(text), day))
    split = subprocess.Popen([os.path.join(bindir, "split-sentences"),
                              path], stdout=subprocess.PIPE)
    group = subprocess.run([os.path.join(bindir, "group-stories")] + opts,
                           stdin=split.stdout, stdout=subprocess.PIPE,
                           check=True)
    split.stdout.close()
    if split.wait() != 0:
        sys.exit("eval-stories: split-sentences failed")
    lines = group.stdout.decode("utf-8").split("\n")
    head = lines[0].split("\t")
    dc, sc = head.index("doc"), head.index("story")
    found = {}
    for line in lines[1:]:
        if line:
            f = line.split("\t")
            found[f[dc]] = f[sc]
    return found


def scores(docs, found):
    gold = {doc: c for _, doc, c, _ in docs}
    n = len(gold)
    inter = collections.Counter((found[d], gold[d]) for d in gold)
    fsize = collections.Counter(found[d] for d in gold)
    gsize = collections.Counter(gold.values())
    best_f, best_g = collections.Counter(), collections.Counter()
    for (f, g), k in inter.items():
        best_f[f] = max(best_f[f], k)
        best_g[g] = max(best_g[g], k)
    purity = sum(best_f.values()) / n
    inverse = sum(best_g.values()) / n
    p = sum(inter[(found[d], gold[d])] / fsize[found[d]] for d in gold) / n
    r = sum(inter[(found[d], gold[d])] / gsize[gold[d]] for d in gold) / n
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0
    return dict(docs=n, clusters=len(gsize), stories=len(fsize),
                purity=purity, inverse=inverse, p=p, r=r, f1=f1)


def show(name, opts, s):
    print("%-12s %-22s docs %3d clusters %2d stories %3d  purity %.3f  "
          "inverse purity %.3f  B3 P %.3f R %.3f F1 %.3f" %
          (name, " ".join(opts) or "(defaults)", s["docs"], s["clusters"],
           s["stories"], s["purity"], s["inverse"], s["p"], s["r"],
           s["f1"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="task2,task3,task2+task3")
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--bin", default="build")
    ap.add_argument("summdir")
    ap.add_argument("opts", nargs="*")
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.summdir, "duc2003")):
        print("eval-stories: %s/duc2003 not found: skipped" % a.summdir)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.sets.split(","):
            docs = load(a.summdir, name.split("+"))
            if a.tune:
                for t in ("0.1", "0.12", "0.13", "0.14", "0.15", "0.16", "0.17", "0.18", "0.2",
                          "0.25"):
                    opts = a.opts + ["-t", t]
                    show(name, opts, scores(docs, run(a.bin, docs, opts,
                                                      tmp)))
            else:
                show(name, a.opts, scores(docs, run(a.bin, docs, a.opts,
                                                    tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
