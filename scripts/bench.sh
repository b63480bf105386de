#!/usr/bin/env bash
# `make bench`: each section prints its own table. Run after `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "tunelens benchmarks on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# Metrics: AUC + DeLong + a 1,000-sample bootstrap on 100,000 pairs (SPEC target: under a second;
# the row "AUC + DeLong + bootstrap AUC interval"). Wall and process CPU seconds, median of 3: on a
# shared machine the CPU column is the steadier figure. Also times the embedding-space work at the
# demo's size (2,938 x 384).
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
.build/release/tunelens bench metrics --pairs 100000 --bootstrap 1000 --repeats 3
