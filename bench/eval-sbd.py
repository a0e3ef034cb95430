#!/usr/bin/env python3
"""eval-sbd.py: score a sentence splitter on the EWT boundary gold.

Usage: eval-sbd.py [--split CMD] [--arg ARG]... [DATA_DIR]

DATA_DIR (default ../shared/data/sbd relative to the project root) holds
ewt_dev.jsonl and ewt_train.jsonl (see its README).  For each set the
documents are written to a temporary documents TSV (header "doc<TAB>text",
text escaped with \\t \\n \\r \\\\), CMD is run as "CMD ARG... FILE", and its
output rows (header naming at least doc, start, end; byte offsets into the
text) are turned into cut points: the start of every sentence of a
document but the first, in Unicode code points.  Precision, recall and F1
are computed over cut points, document starts and ends excluded.

Exits 0 with "skipped: ... absent" when the data folder is missing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def escape(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def byte_to_cp(text):
    """Map each byte offset of text's UTF-8 form to a code-point offset."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def run_splitter(cmd, args, docs):
    """Return {doc id: [(start, end), ...]} in bytes, from the splitter."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docs.tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("doc\ttext\n")
            for i, d in enumerate(docs):
                f.write("d%d\t%s\n" % (i, escape(d["text"])))
        out = subprocess.run([cmd] + args + [path], check=True,
                             stdout=subprocess.PIPE).stdout
    lines = out.decode("utf-8").split("\n")
    head = lines[0].split("\t")
    ci, cs, ce = head.index("doc"), head.index("start"), head.index("end")
    spans = {}
    for line in lines[1:]:
        if not line or line == lines[0]:
            continue
        f = line.split("\t")
        spans.setdefault(f[ci], []).append((int(f[cs]), int(f[ce])))
    return spans


def score(docs, spans):
    tp = fp = fn = 0
    for i, d in enumerate(docs):
        gold = set(s for s, _ in d["sentences"][1:])
        m = byte_to_cp(d["text"])
        pred = set(m[s] for s, _ in sorted(spans.get("d%d" % i, []))[1:])
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp, fp, fn


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default=os.path.join(ROOT, "build",
                                                    "split-sentences"),
                    help="splitter command (default build/split-sentences)")
    ap.add_argument("--arg", action="append", default=[],
                    help="argument passed to the splitter before the file")
    ap.add_argument("data", nargs="?",
                    default=os.path.join(ROOT, "..", "shared", "data", "sbd"))
    a = ap.parse_args()
    sets = [("dev", "ewt_dev.jsonl"), ("train", "ewt_train.jsonl")]
    if not os.path.isdir(a.data) or not all(
            os.path.exists(os.path.join(a.data, f)) for _, f in sets):
        print("skipped: %s absent" % a.data)
        return 0
    for name, fname in sets:
        docs = load(os.path.join(a.data, fname))
        spans = run_splitter(a.split, a.arg, docs)
        p, r, f1, tp, fp, fn = score(docs, spans)
        print("%-5s P %.4f  R %.4f  F1 %.4f  (tp %d fp %d fn %d)"
              % (name, p, r, f1, tp, fp, fn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
