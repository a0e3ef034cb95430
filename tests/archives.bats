#!/usr/bin/env bats
# Archives and JSON Lines as split-sentences input (crossread-input(5)):
# every format gives the same rows as the plain files, formats are told by
# name and by first bytes and can be forced, and each bad record is one
# warning naming the archive and the member or line, then skipped, with
# exit status 1.  The archives are built here from the text fixtures.

load test_helper
bats_require_minimum_version 1.5.0

setup() {
	fixtures archives
	T=$BATS_TEST_TMPDIR
	tar -cf "$T/a.tar" -C "$FIXTURES/articles" varnholt.txt wire/comet.txt
}

# rows_of: the rows of the plain fixtures, as the archive would name them.
plain_rows() {
	split-sentences -P "$FIXTURES/articles/varnholt.txt" \
	    "$FIXTURES/articles/wire/comet.txt" |
	    sed "s|^$FIXTURES/articles/||"
}

@test "a tar archive: one article per member, its path the id" {
	run -0 split-sentences "$T/a.tar"
	[ "$output" = "$(plain_rows)" ]
	assert_line --index 3 --regexp '^wire/comet.txt	1	1	0	35	'
}

@test "tar.gz, tgz, tar.bz2, tar.xz, tar.zst and zip give the same rows" {
	want=$(plain_rows)
	gzip -c "$T/a.tar" > "$T/a.tar.gz"
	cp "$T/a.tar.gz" "$T/a.tgz"
	bzip2 -c "$T/a.tar" > "$T/a.tar.bz2"
	xz -c "$T/a.tar" > "$T/a.tar.xz"
	zstd -q -c "$T/a.tar" > "$T/a.tar.zst"
	(cd "$FIXTURES/articles" && zip -q -r "$T/a.zip" varnholt.txt wire)
	for f in a.tar.gz a.tgz a.tar.bz2 a.tar.xz a.tar.zst a.zip; do
		run -0 split-sentences "$T/$f"
		[ "$output" = "$want" ] || flunk "$f differs"
	done
}

@test "an archive is known by its first bytes: stdin, odd names" {
	want=$(plain_rows)
	run -0 bash -c "split-sentences < '$T/a.tar'"
	[ "$output" = "$want" ]
	gzip -c "$T/a.tar" > "$T/archive.bin"
	run -0 split-sentences "$T/archive.bin"
	[ "$output" = "$want" ]
	bzip2 -c "$T/a.tar" > "$T/noname"
	run -0 bash -c "split-sentences - < '$T/noname'"
	[ "$output" = "$want" ]
}

@test "leading ./ is not part of the id; directories are no articles" {
	tar -cf "$T/dot.tar" -C "$FIXTURES/articles" .
	run -0 split-sentences "$T/dot.tar"
	assert_line --index 1 --regexp '^varnholt.txt	'
	assert_line --regexp '^wire/comet.txt	'
	[ "${#lines[@]}" -eq 5 ]
}

@test "-F text reads an archive as one article (NUL: refused)" {
	run -1 --separate-stderr split-sentences -F text "$T/a.tar"
	[[ "$stderr" == *"a.tar: NUL byte at offset"*"not text, skipped"* ]]
	run -2 --separate-stderr split-sentences -F zip
	[[ "$stderr" == *"unknown format 'zip'"* ]]
}

@test "-F archive on a text file is one error naming the file" {
	run -1 --separate-stderr split-sentences -F archive \
	    "$FIXTURES/articles/varnholt.txt"
	[[ "$stderr" == *"varnholt.txt: Unrecognized archive format"* ]]
	[ "$output" = "$(printf 'doc\tpara\tsent\tstart\tend\ttext')" ]
}

@test "a binary member is skipped with a warning naming it; the rest read" {
	mkdir "$T/m"
	cp "$FIXTURES/articles/varnholt.txt" "$T/m/a.txt"
	printf 'GIF89a\0\0\1' > "$T/m/b.gif"
	cp "$FIXTURES/articles/wire/comet.txt" "$T/m/c.txt"
	tar -cf "$T/mixed.tar" -C "$T/m" a.txt b.gif c.txt
	run -1 --separate-stderr split-sentences "$T/mixed.tar"
	[ "$stderr" = "split-sentences: $T/mixed.tar: b.gif: NUL byte at offset 6: not text, skipped" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | sort -u | tr '\n' ' ')" = \
	    "a.txt c.txt doc " ]
}

@test "a truncated archive: members read whole are kept, then one error" {
	big=$(printf 'Line %d of a long invented report.\n' $(seq 300))
	mkdir "$T/m"
	cp "$FIXTURES/articles/varnholt.txt" "$T/m/a.txt"
	printf '%s\n' "$big" > "$T/m/b.txt"
	tar -cf "$T/full.tar" -C "$T/m" a.txt b.txt
	head -c 4000 "$T/full.tar" > "$T/cut.tar"
	run -1 --separate-stderr split-sentences "$T/cut.tar"
	[ "$(printf '%s\n' "$output" | cut -f1 | sort -u | tr '\n' ' ')" = \
	    "a.txt doc " ]
	[[ "$stderr" == *"cut.tar: b.txt: Truncated tar archive: skipped" ]] ||
	    [[ "$stderr" == *"cut.tar: Truncated tar archive"* ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	gzip -c "$T/full.tar" | head -c 300 > "$T/cut.tar.gz"
	run -1 --separate-stderr split-sentences "$T/cut.tar.gz" \
	    "$FIXTURES/articles/wire/comet.txt"
	[[ "$stderr" == *"cut.tar.gz: "*"truncated gzip data"* ]]
	assert_line --regexp '^comet	'
}

@test "an empty archive gives the header only, exit 0" {
	: > "$T/empty.tar"
	tar -cf "$T/zeros.tar" --files-from /dev/null
	gzip -c "$T/zeros.tar" > "$T/zeros.tar.gz"
	for f in empty.tar zeros.tar zeros.tar.gz; do
		run -0 --separate-stderr split-sentences "$T/$f"
		[ "$output" = "$(printf 'doc\tpara\tsent\tstart\tend\ttext')" ]
		[ -z "$stderr" ]
	done
}

@test "JSON Lines: id, text and the carried title, source, date, url" {
	run -0 split-sentences "$FIXTURES/good.jsonl"
	assert_line --index 0 "$(printf 'doc\tpara\tsent\tstart\tend\ttext\ttitle\tsource\tdate\turl')"
	assert_line --index 1 "$(printf 'v1\t1\t1\t0\t49\tFloodwater closed the Varnholt bridge on Tuesday.\tBridge shut\tVarnholt Courier\t2031-03-04\thttps://example.org/v1')"
	assert_line --index 3 "$(printf 'c1\t1\t1\t0\t35\tA comet was seen over Lake Osterby.\t\tOsterby Star\t2031-03-05\t')"
	[ "${#lines[@]}" -eq 4 ]
}

@test "JSON Lines gzipped, on stdin, or unnamed give the same rows" {
	run -0 split-sentences "$FIXTURES/good.jsonl"
	want=$output
	gzip -c "$FIXTURES/good.jsonl" > "$T/g.jsonl.gz"
	run -0 split-sentences "$T/g.jsonl.gz"
	[ "$output" = "$want" ]
	run -0 bash -c "gzip -c '$FIXTURES/good.jsonl' | split-sentences"
	[ "$output" = "$want" ]
	run -0 split-sentences -F jsonl - < "$FIXTURES/good.jsonl"
	[ "$output" = "$want" ]
}

@test "-J renames members; an empty member name drops a column" {
	printf '{"uid":7,"body":"Tolls rose. Drivers grumbled.","headline":"A \\"toll\\"\\ttab"}\n' > "$T/r.jsonl"
	run -0 split-sentences -J id=uid,text=body,title=headline,url=,source= \
	    "$T/r.jsonl"
	assert_line --index 0 "$(printf 'doc\tpara\tsent\tstart\tend\ttext\ttitle\tdate')"
	assert_line --index 1 "$(printf '7\t1\t1\t0\t11\tTolls rose.\tA "toll"\\ttab\t')"
	run -2 --separate-stderr split-sentences -J body "$T/r.jsonl"
	[[ "$stderr" == *"-J: expected role=member"* ]]
	run -2 --separate-stderr split-sentences -J words=body "$T/r.jsonl"
	[[ "$stderr" == *"-J: unknown role"* ]]
	run -2 --separate-stderr split-sentences -J text= "$T/r.jsonl"
	[[ "$stderr" == *"text member cannot be left out"* ]]
}

@test "bad JSON records: one warning each with file:line, rest read" {
	{
		printf '{"id":"a","text":"First one stands."}\n'
		printf '{"id":"b","text":"Broken\n'
		printf '{"id":"c","body":"No text member."}\n'
		printf '\n'
		printf '["not", "an", "object"]\n'
		printf '{"id":[1],"text":"Odd id."}\n'
		printf '{"id":"d","text":"Last one stands."}\n'
	} > "$T/bad.jsonl"
	run -1 --separate-stderr split-sentences "$T/bad.jsonl"
	[ "$(printf '%s\n' "$output" | cut -f1 | tr '\n' ' ')" = "doc a d " ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 4 ]
	[[ "$stderr" == *"bad.jsonl:2: malformed JSON"*"skipped"* ]]
	[[ "$stderr" == *"bad.jsonl:3: no string member 'text': skipped"* ]]
	[[ "$stderr" == *"bad.jsonl:5: not a JSON object: skipped"* ]]
	[[ "$stderr" == *"bad.jsonl:6: member 'id' is not a string or an integer: skipped"* ]]
}

@test "a JSON object without id is named file:line" {
	printf '{"text":"Nameless but kept."}\n' > "$T/n.jsonl"
	run -0 split-sentences "$T/n.jsonl"
	assert_line --index 1 --regexp '^n.jsonl:1	1	1	0	18	'
}

@test "duplicate ids in archives and JSON Lines are renamed, with warnings" {
	printf '{"id":"v1","text":"Again the bridge."}\n{"id":"v1","text":"And again."}\n' > "$T/d.jsonl"
	run -1 --separate-stderr split-sentences "$FIXTURES/good.jsonl" \
	    "$T/d.jsonl"
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = \
	    "doc v1 c1 v1~2 v1~3 " ]
	[[ "$stderr" == *"d.jsonl:1: duplicate document id 'v1': renamed 'v1~2'"* ]]
	[[ "$stderr" == *"d.jsonl:2: duplicate document id 'v1': renamed 'v1~3'"* ]]
	run -1 --separate-stderr split-sentences "$T/a.tar" "$T/a.tar"
	[[ "$stderr" == *"a.tar: varnholt.txt: duplicate document id 'varnholt.txt': renamed 'varnholt.txt~2'"* ]]
}

@test "a mixed command line: tar, JSON Lines, documents TSV and text" {
	printf 'doc\ttext\tsource\nt1\tA tram derailed in Quellport.\tQuell Daily\n' > "$T/d.tsv"
	run -0 split-sentences "$T/a.tar" "$FIXTURES/good.jsonl" "$T/d.tsv" \
	    "$FIXTURES/articles/wire/comet.txt"
	# Carried columns in order of the operands that announce them.
	assert_line --index 0 "$(printf 'doc\tpara\tsent\tstart\tend\ttext\ttitle\tsource\tdate\turl')"
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = \
	    "doc varnholt.txt wire/comet.txt v1 c1 t1 comet " ]
	assert_line "$(printf 't1\t1\t1\t0\t29\tA tram derailed in Quellport.\t\tQuell Daily\t\t')"
	assert_line "$(printf 'c1\t1\t1\t0\t35\tA comet was seen over Lake Osterby.\t\tOsterby Star\t2031-03-05\t')"
}

@test "JSON Lines not named .jsonl after the header: skipped, told why" {
	cp "$FIXTURES/good.jsonl" "$T/feed.txt"
	run -1 --separate-stderr split-sentences "$FIXTURES/articles/varnholt.txt" "$T/feed.txt"
	[[ "$stderr" == *"feed.txt: JSON Lines whose column 'title' is not in the output header"* ]]
	run -0 split-sentences -F jsonl "$T/feed.txt"
	assert_line --index 1 --regexp '^v1	'
}

@test "--progress reports articles and MB on stderr, nothing on stdout" {
	run -0 --separate-stderr split-sentences --progress "$T/a.tar"
	[ "$output" = "$(plain_rows)" ]
	[[ "$stderr" =~ ^split-sentences:\ 2\ articles,\ 0\.0\ MB,\ [0-9.]+\ MB/s,\ [0-9]+\ articles/s$ ]]
	run -0 --separate-stderr split-sentences "$T/a.tar"
	[ -z "$stderr" ]
}

@test "a corrupt .tar.gz: the members before the damage, one error" {
	mkdir "$T/m"
	cp "$FIXTURES/articles/varnholt.txt" "$T/m/a.txt"
	# 500 kB of letters that do not compress away, so that a.txt is
	# decoded well before the damage.
	awk 'BEGIN { srand(7); for (i = 0; i < 40000; i++) { s = ""
	    for (j = 0; j < 12; j++) s = s sprintf("%c", 97 + int(rand() * 26))
	    print s } }' > "$T/m/b.txt"
	tar -cf - --mtime=@0 --owner=0 --group=0 --numeric-owner \
	    -C "$T/m" a.txt b.txt | gzip -9n > "$T/ok.tar.gz"
	# Overwrite 16 bytes in the middle of the compressed stream.
	size=$(wc -c < "$T/ok.tar.gz")
	{ head -c $((size / 2)) "$T/ok.tar.gz"; printf 'XXXXXXXXXXXXXXXX'
	  tail -c +$((size / 2 + 17)) "$T/ok.tar.gz"; } > "$T/bad.tar.gz"
	run -1 --separate-stderr split-sentences "$T/bad.tar.gz" \
	    "$FIXTURES/articles/wire/comet.txt"
	# Deflate may decode the damage to wrong letters that only the gzip
	# CRC catches, after the tar's end: the stream is read to its end.
	# (The wrong bytes may also bring a warning of bad UTF-8 first.)
	[[ "$stderr" == *"bad.tar.gz: "*"gzip data"* ]]
	[ "$(printf '%s\n' "$stderr" | grep -c 'gzip data')" -eq 1 ]
	assert_line --index 1 --regexp '^a.txt	'
	assert_line --regexp '^comet	'
	run -0 --separate-stderr split-sentences "$T/ok.tar.gz"
	[ -z "$stderr" ]
}

@test "long options: --format=archive (or tar), --json-fields" {
	run -0 split-sentences --format=tar "$T/a.tar"
	[ "$output" = "$(plain_rows)" ]
	run -0 split-sentences --format archive - < "$T/a.tar"
	[ "$output" = "$(plain_rows)" ]
	printf '{"k":"z1","t":"Quiet night in Osterby."}\n' > "$T/k.jsonl"
	run -0 split-sentences --json-fields=id=k,text=t,title=,source=,date=,url= "$T/k.jsonl"
	[ "$output" = "$(printf 'doc\tpara\tsent\tstart\tend\ttext\nz1\t1\t1\t0\t23\tQuiet night in Osterby.')" ]
}
