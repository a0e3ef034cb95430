#!/usr/bin/env python3
"""ner-gazetteer.py: build data/gazetteer.tsv for tag-entities.

    ner-gazetteer.py ISO_CODES_JSON_DIR ZONEINFO_DIR LISTS OUT

Sources (each line of the output is TYPE<TAB>phrase<TAB>key):
  COUNTRY   ISO 3166-1 names, common and official names (Debian iso-codes,
            LGPL-2.1+), key the common name when there is one, else the
            name; plus the aliases in LISTS
  REGION    ISO 3166-2 subdivision names (iso-codes)
  CURRENCY  ISO 4217 currency names (iso-codes)
  CITY      the principal cities of the tz database's zone1970.tab and
            zone.tab (Debian tzdata, public domain): "America/New_York"
            gives "New York"
  NORP, ORGWORD, TITLE, PLACE and the COUNTRY aliases: LISTS, written for
            crossread (data/src/ner-lists.tsv)
The output is sorted, so the same inputs give the same bytes.
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 5:
        sys.stderr.write("usage: ner-gazetteer.py ISO_JSON_DIR ZONEINFO_DIR"
                         " LISTS OUT\n")
        sys.exit(2)
    iso, zdir, lists, out = sys.argv[1:]
    rows = set()

    def add(t, phrase, key=""):
        phrase = phrase.strip()
        if phrase and "\t" not in phrase and "\n" not in phrase:
            rows.add((t, phrase, key if key != phrase else ""))

    with open(os.path.join(iso, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            key = c.get("common_name", c["name"])
            for field in ("name", "common_name", "official_name"):
                if field in c:
                    add("COUNTRY", c[field], key)
    with open(os.path.join(iso, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if any(ch.isalpha() for ch in s["name"]):
                add("REGION", s["name"])
    with open(os.path.join(iso, "iso_4217.json"), encoding="utf-8") as f:
        for c in json.load(f)["4217"]:
            add("CURRENCY", c["name"])
    for tab in ("zone1970.tab", "zone.tab"):
        with open(os.path.join(zdir, tab), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                zone = line.rstrip("\n").split("\t")[2]
                city = zone.rsplit("/", 1)[-1].replace("_", " ")
                add("CITY", city)
    with open(lists, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            add(p[0], p[1], p[2] if len(p) > 2 else "")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# gazetteer.tsv: made by bench/ner-gazetteer.py (make "
                "gazetteer) from\n# Debian iso-codes (LGPL-2.1+), tzdata "
                "(public domain) and data/src/ner-lists.tsv.\n")
        for t, phrase, key in sorted(rows):
            f.write("%s\t%s\t%s\n" % (t, phrase, key))


main()
