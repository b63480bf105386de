#!/usr/bin/env bash
# `make bench`: each section prints its own table. Run after `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "tunelens benchmarks on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# Metrics: AUC + DeLong + a 1,000-sample bootstrap on 100,000 pairs (SPEC target: under a second).
echo
.build/release/tunelens bench metrics --pairs 100000 --bootstrap 1000 --repeats 3
