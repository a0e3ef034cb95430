# crossread: GNU make.  `make deps` installs what the build, the tests and
# the benchmarks need; `make` builds; `make check` tests.  SANITIZE=1 builds
# and tests under AddressSanitizer and UndefinedBehaviorSanitizer in a build
# tree of its own.

VERSION	= 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/crossread

# Every tools/NAME.c is a program.
TOOLS	= $(sort $(basename $(notdir $(wildcard tools/*.c))))

# Debian packages: build, tests, benches and evaluation.
DEPS	= build-essential pkg-config libbsd-dev zlib1g-dev libutf8proc-dev \
	  bats bats-assert bats-support mandoc valgrind python3 time \
	  hyperfine locales bsdextrautils gzip \
	  liblinear-dev libstemmer-dev libarchive-dev libjansson-dev \
	  libglpk-dev wordnet-dev iso-codes parallel liblapack-dev libblas-dev

CC	?= cc
PKGS	= libbsd-overlay zlib libutf8proc libarchive jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) \
	      -lstemmer -llinear -lglpk -llapack -lblas -lm
# -O3: the splitter's scan gains ~6% over -O2 (make bench).
OPT	?= -O3
XCFLAGS	= -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic \
	  $(OPT) -g -DVERSION='"$(VERSION)"' \
	  -DDATADIR='"$(DATADIR)"' -DSRCDATA='"$(CURDIR)/data"' \
	  $(PKG_CFLAGS) -Icommon

ifeq ($(SANITIZE),1)
B	= build/san
OPT	= -O1
XCFLAGS	+= -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
XLDFLAGS = -fsanitize=address,undefined
else
B	= build
endif

COMMON_SRC = $(sort $(wildcard common/*.c))
COMMON_OBJ = $(COMMON_SRC:common/%.c=$(B)/obj/%.o)
LIB	= $(B)/libcrossread.a
BINS	= $(TOOLS:%=$(B)/%)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNITS	= $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
MANS	= $(sort $(wildcard man/*.[1-9]))
# What the programs load at run time (data_find): models and lexicons.
DATAFILES = $(sort $(filter-out data/README%,$(wildcard data/*.*)))

.PHONY: all check unit bats lint deps install uninstall demo bench eval \
	clean valgrind bench-split eval-split
.DELETE_ON_ERROR:

all: $(BINS)

$(B)/obj/%.o: common/%.c $(wildcard common/*.h) | $(B)/obj
	$(CC) $(XCFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%: tools/%.c $(LIB) $(wildcard common/*.h)
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(XLDFLAGS) $(LDFLAGS) \
	    $(PKG_LIBS)

$(B)/unit/%: tests/unit/%.c tests/unit/unit.h $(LIB) | $(B)/unit
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(XLDFLAGS) $(LDFLAGS) \
	    $(PKG_LIBS)

$(B)/obj $(B)/unit:
	mkdir -p $@

check: unit bats lint

unit: $(UNITS)
	@set -e; for t in $(UNITS); do $$t; done

bats: $(BINS)
	CROSSREAD_BIN=$(CURDIR)/$(B) tests/run-bats.sh tests

lint:
	mandoc -Tlint -Wwarning $(MANS)

# The unit tests and every program (over the bats suite) under valgrind.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	   --error-exitcode=99
valgrind: $(BINS) $(UNITS)
	@set -e; for t in $(UNITS); do $(VALGRIND) $$t; done
	CROSSREAD_BIN=$(CURDIR)/$(B) CROSSREAD_VALGRIND='$(VALGRIND)' \
	    tests/run-bats.sh tests

deps:
	@missing=$$(for p in $(DEPS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all installed"; exit 0; fi; \
	echo "deps: installing $$missing"; \
	if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    --no-install-recommends $$missing

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(filter %.1,$(MANS)) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(filter %.5,$(MANS)) $(DESTDIR)$(MANDIR)/man5
	@set -e; for f in $(DATAFILES); do \
	    install -d $(DESTDIR)$(DATADIR); \
	    echo "install -m 644 $$f $(DESTDIR)$(DATADIR)"; \
	    install -m 644 $$f $(DESTDIR)$(DATADIR); done

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MANS)))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(filter %.5,$(MANS)))
	rm -f $(patsubst data/%,$(DESTDIR)$(DATADIR)/%,$(DATAFILES))

# Every stage over the bundled example corpus: sentences, then the
# summary with its sources and the conflicts the articles were written with.
demo: all
	$(B)/split-sentences examples/*.txt
	$(B)/split-sentences examples/*.txt | $(B)/tag-entities | \
	    $(B)/group-stories | $(B)/align-claims | $(B)/summarize -f text

SHARED	?= ../shared

# Each stage adds its own bench-NAME and eval-NAME as prerequisites.
bench: bench-split
bench-split: all
	bash bench/bench-split.sh $(B)/split-sentences

eval: eval-split
eval-split: all
	@echo "split-sentences: boundary P/R/F1 over cut points, UD English EWT"
	@python3 bench/eval-sbd.py --split $(B)/split-sentences \
	    $(SHARED)/data/sbd
	@echo "split-sentences: the project's hard news cases"
	@bash bench/hard-cases.sh $(B)/split-sentences

clean:
	rm -rf build

# Trainers, generators and scorers of bench/, linked with the library.
$(B)/bench/%: bench/%.c $(LIB) $(wildcard common/*.h) | $(B)/bench
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(XLDFLAGS) $(LDFLAGS) \
	    $(PKG_LIBS)

$(B)/bench:
	mkdir -p $@

# --- tag-entities (issue 3): gazetteer, model, eval, bench ---------------
# `make gazetteer` rebuilds data/gazetteer.tsv from Debian's iso-codes and
# tzdata and data/src/ner-lists.tsv; `make model` trains data/ner.model on
# CONLL (CoNLL-2003 format, train.txt), deterministically; `make eval-ner`
# scores the committed model on CONLL's dev.txt and on UNER's (Universal
# NER, English web text) dev.txt, out of domain; `make bench-ner` times
# tag-entities on one core.
CONLL	?= $(SHARED)/data/ner/conll2003
UNER	?= $(SHARED)/data/ner/uner_ewt
ISOJSON	?= /usr/share/iso-codes/json
ZONEINFO ?= /usr/share/zoneinfo
NER_BITS ?= 20
NER_C	?= 0.2

.PHONY: gazetteer model eval-ner bench-ner

$(B)/ner-train: bench/ner-train.c $(LIB) $(wildcard common/*.h)
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(XLDFLAGS) $(LDFLAGS) \
	    $(PKG_LIBS)

gazetteer:
	python3 bench/ner-gazetteer.py $(ISOJSON) $(ZONEINFO) \
	    data/src/ner-lists.tsv data/gazetteer.tsv

model: $(B)/ner-train
	@if [ ! -f $(CONLL)/train.txt ]; then \
	    echo "model: $(CONLL)/train.txt not found: set CONLL=dir"; \
	    exit 1; fi
	$(B)/ner-train -b $(NER_BITS) -c $(NER_C) -o data/ner.model \
	    data/gazetteer.tsv $(CONLL)/train.txt

eval: eval-ner
eval-ner: all $(B)/ner-train
	@if [ ! -f $(CONLL)/dev.txt ]; then \
	    echo "eval-ner: skipped: $(CONLL)/dev.txt not found"; \
	else \
	    echo "tag-entities: CoNLL-2003 dev (testa), exact spans," \
		"conlleval-style"; \
	    $(B)/ner-train -e data/ner.model data/gazetteer.tsv \
		$(CONLL)/dev.txt; \
	fi
	@if [ ! -f $(UNER)/dev.txt ]; then \
	    echo "eval-ner: skipped: $(UNER)/dev.txt not found"; \
	else \
	    echo "tag-entities: Universal NER English EWT dev (web text," \
		"PER/ORG/LOC only, MISC predictions left out)"; \
	    $(B)/ner-train -n -e data/ner.model data/gazetteer.tsv \
		$(UNER)/dev.txt; \
	fi

$(B)/ner-tokcount: bench/ner-tokcount.c $(LIB) $(wildcard common/*.h)
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(XLDFLAGS) $(LDFLAGS) \
	    $(PKG_LIBS)

bench: bench-ner
bench-ner: all $(B)/ner-tokcount
	sh bench/bench-tag.sh $(B)/split-sentences $(B)/tag-entities \
	    $(B)/ner-tokcount

# ---- summarize (issue 5): ROUGE scorer, DUC evaluation, per-story bench ----
.PHONY: eval-summ bench-summ
SUMM_BENCH = $(B)/bench/rouge $(B)/bench/mkstories

bats: $(SUMM_BENCH)
valgrind: $(SUMM_BENCH)

eval: eval-summ
eval-summ: all $(B)/bench/rouge
	@bash bench/eval-summ.sh $(B) $(SHARED)/data/summ

bench: bench-summ
bench-summ: all $(B)/bench/mkstories
	@bash bench/bench-summ.sh $(B)

# ---- issue 6: archives, group-stories, scale ----------------------------
.PHONY: eval-stories tune-stories model-stories bench-pipeline \
	bench-pipeline-small

# Background document frequencies for group-stories, learned from the
# CoNLL-2003 Reuters articles (only stem counts leave the data).
model: model-stories
model-stories: $(B)/group-stories
	@test -f $(SHARED)/data/ner/conll2003/train.txt || \
	    { echo "model-stories: $(SHARED)/data/ner/conll2003 absent:" \
	    "skipped"; exit 0; } && \
	python3 bench/conll-docs.py $(SHARED)/data/ner/conll2003/train.txt \
	    $(SHARED)/data/ner/conll2003/dev.txt | \
	$(B)/group-stories --no-df --save-df $(B)/stories-df.tsv \
	    >/dev/null && \
	gzip -9n -c $(B)/stories-df.tsv > data/stories-df.tsv.gz && \
	echo "model-stories: wrote data/stories-df.tsv.gz"

# group-stories on DUC 2003 clusters mixed in date order; the defaults
# were tuned on task 3 (tune-stories) and task 2 is held out.
eval: eval-stories
eval-stories: all
	@echo "group-stories: purity, inverse purity, B-cubed over DUC 2003" \
	    "clusters (defaults tuned on task3; task2 held out)"
	@python3 bench/eval-stories.py --bin $(B) $(SHARED)/data/summ
	@echo "group-stories: the same without the background frequencies"
	@python3 bench/eval-stories.py --bin $(B) $(SHARED)/data/summ -- \
	    --no-df
tune-stories: all
	@python3 bench/eval-stories.py --tune --bin $(B) --sets task3 \
	    $(SHARED)/data/summ

# The whole pipeline over a generated archive of >= 1 GB (some minutes:
# not a prerequisite of bench); bench-pipeline-small is a quick run.
bench-pipeline: all
	bash bench/bench-pipeline.sh $(B) 1100
bench-pipeline-small: all
	bash bench/bench-pipeline.sh $(B) 40

# ---- align-claims: synonym table, pair model, evaluation, benchmark ----
# `make data-align` rebuilds data/align-synonyms.txt.gz from WordNet;
# `make model-align` retrains data/align-pair.model and the latent model
# data/align-latent.bin (TF-KLD + SVD, LAPACK) on MSRP (MSRP=path).
WORDNET	?= /usr/share/wordnet
MSRP	?= $(SHARED)/data/paraphrase/msrp_train.txt
.PHONY: data-align model-align eval-align bench-align

# One line per WordNet synset: the distinct stems of its one-word lemmas
# (first 2 senses of each lemma), when there are two or more.
data-align: $(B)/bench/align-wnsyn
	mkdir -p data
	$(B)/bench/align-wnsyn -k 2 $(WORDNET) | LC_ALL=C sort -u | \
	    awk '{ g = $$1 " " $$2 } g != last { if (n > 1) print line; \
	    line = ""; n = 0; last = g } { line = n ? line " " $$3 : $$3; \
	    n++ } END { if (n > 1) print line }' | \
	    gzip -n -9 > data/align-synonyms.txt.gz

model-align: $(B)/bench/para-train
	CROSSREAD_DATA=$(CURDIR)/data $(B)/bench/para-train -A -m 4 \
	    -L data/align-latent.bin $(MSRP) data/align-pair.model

eval: eval-align
eval-align: all $(B)/bench/para-train
	@bash bench/eval-align.sh $(B)/align-claims $(B)/bench/para-train \
	    data $(MSRP)

bench: bench-align
$(B)/bench/align-gen: bench/gen.h
bench-align: all $(B)/bench/align-gen
	bash bench/bench-align.sh $(B)/align-claims $(B)/bench/align-gen
