#!/usr/bin/env python3
"""check-cover.py ARTICLE ROWS.tsv: check split-sentences' output for one
article against the article's bytes.

Checks what crossread-tsv(5) and split-sentences(1) promise: rows in order,
spans that do not overlap, each `text` equal to the article's bytes from
`start` to `end`, no span starting or ending with white space, and every
byte that is not white space inside exactly one span.  Prints the first
problem and exits 1; prints "ok N sentences" and exits 0 otherwise.
With --random SEED N DIR it writes N random articles into DIR instead.
"""
import random
import sys
import unicodedata

ESC = {"t": b"\t", "n": b"\n", "r": b"\r", "\\": b"\\"}


def unescape(field):
    out = bytearray()
    i = 0
    while i < len(field):
        c = field[i:i + 1]
        if c == b"\\" and i + 1 < len(field) and \
                field[i + 1:i + 2].decode("latin-1") in ESC:
            out += ESC[field[i + 1:i + 2].decode("latin-1")]
            i += 2
        else:
            out += c
            i += 1
    return bytes(out)


def space_map(data):
    """One flag per byte: is it part of a white-space character?"""
    flags = [False] * len(data)
    i = 0
    while i < len(data):
        n = 1
        b = data[i]
        if b >= 0xc2:
            n = 2 if b < 0xe0 else 3 if b < 0xf0 else 4
        ch = data[i:i + n]
        try:
            s = ch.decode("utf-8")
        except UnicodeDecodeError:
            i += 1
            continue
        if len(s) != 1:
            i += 1
            continue
        cp = ord(s)
        if cp < 0x80:
            sp = s in " \t\n\v\f\r"
        else:
            sp = cp in (0x85, 0xfeff) or \
                unicodedata.category(s) in ("Zs", "Zl", "Zp")
        for k in range(i, i + n):
            flags[k] = sp
        i += n
    return flags


def check(article, rows):
    data = open(article, "rb").read()
    lines = open(rows, "rb").read().split(b"\n")
    head = lines[0].split(b"\t")
    col = {name: i for i, name in enumerate(head)}
    for need in (b"start", b"end", b"text", b"sent"):
        if need not in col:
            return "no column %s" % need.decode()
    flags = space_map(data)
    covered = [0] * len(data)
    prev_end = 0
    nrows = 0
    for ln, line in enumerate(lines[1:], 2):
        if line == b"":
            continue
        f = line.split(b"\t")
        nrows += 1
        start, end = int(f[col[b"start"]]), int(f[col[b"end"]])
        if int(f[col[b"sent"]]) != nrows:
            return "line %d: sent %s, want %d" % (ln, f[col[b"sent"]], nrows)
        if start < prev_end or end <= start or end > len(data):
            return "line %d: span %d-%d out of order" % (ln, start, end)
        if unescape(f[col[b"text"]]) != data[start:end]:
            return "line %d: text is not the article's bytes" % ln
        if flags[start] or flags[end - 1]:
            return "line %d: span %d-%d not trimmed" % (ln, start, end)
        for k in range(start, end):
            covered[k] += 1
        prev_end = end
    for k, b in enumerate(data):
        if not flags[k] and covered[k] != 1:
            return "byte %d (0x%02x) covered %d times" % (k, b, covered[k])
    print("ok %d sentences" % nrows)
    return None


PIECES = [b"The", b"mayor", b"said", b"U.S.", b"Mr.", b"Dr.", b"3.5",
          b"$2.3", b"e.g.", b"a.m.", b"J.R.R.", b"No.", b"...", b"\xe2\x80\xa6",
          b".", b"!", b"?", b"\"", b"\xe2\x80\x9d", b"\xe2\x80\x9c", b"(", b")",
          b"\xe2\x80\x94", b"\xe3\x80\x82", b"\xef\xbc\x81", b"http://x.org/a.b",
          b"a@b.com", b"@name.941", b"1.", b"\xe2\x80\xa2", b"\xff", b"\xc3",
          b"\x80", b"caf\xc3\xa9", b"\xe6\x97\xa5\xe6\x9c\xac"]
SPACES = [b" ", b" ", b" ", b"\n", b"\n\n", b"\r\n", b"\t", b"\xc2\xa0",
          b"\xe3\x80\x80", b"\xe2\x80\x83", b"\xef\xbb\xbf", b"\xc2\x85", b""]


def random_articles(seed, n, outdir):
    rnd = random.Random(seed)
    for k in range(n):
        parts = []
        for _ in range(rnd.randrange(0, 200)):
            if rnd.random() < 0.1:
                parts.append(bytes(rnd.randrange(1, 256)
                                   for _ in range(rnd.randrange(1, 4))))
            else:
                parts.append(rnd.choice(PIECES))
            parts.append(rnd.choice(SPACES))
        with open("%s/r%03d.txt" % (outdir, k), "wb") as fh:
            fh.write(b"".join(parts))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--random":
        random_articles(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        return 0
    if len(sys.argv) != 3:
        sys.stderr.write("usage: check-cover.py ARTICLE ROWS.tsv\n")
        return 2
    problem = check(sys.argv[1], sys.argv[2])
    if problem:
        print("%s: %s" % (sys.argv[1], problem))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
