#!/usr/bin/env bash
# `make bench`: each section prints its own table. Run after `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "tunelens benchmarks on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
