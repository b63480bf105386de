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
# --- encoder: tunelens embed vs sentence-transformers (batch 32, CPU) on the same texts ---
# Wall-clock texts/s and CPU seconds of both; CPU time is the fairer figure on a busy machine.
encoder_bench() {
    local model="${TUNELENS_MODEL_DIR:-.cache/models/all-MiniLM-L6-v2}"
    local work
    work="$(mktemp -d)"
    python3 scripts/bench_encoder.py --write-texts "$work/texts.txt" --count 1500
    local n timing
    n=$(wc -l < "$work/texts.txt")
    timing=$( { TIMEFORMAT='%R %U %S'; time .build/release/tunelens embed --model "$model" "$work/texts.txt" \
        --output "$work/tunelens.npy" ; } 2>&1 | tail -1)
    read -r wall user sys <<< "$timing"
    echo "== encoder (all-MiniLM-L6-v2, $n texts)"
    python3 -c "print(f'tunelens embed: $n texts in {$wall:.2f} s = {$n / $wall:.1f} texts/s, CPU time {$user + $sys:.2f} s (model load and tokenizing included)')"
    local reference theirs their_cpu
    reference=$(python3 scripts/bench_encoder.py --texts "$work/texts.txt" --compare "$work/tunelens.npy" 2>/dev/null)
    echo "$reference"
    theirs=$(sed -n 's/.*= \([0-9.]*\) texts\/s.*/\1/p' <<< "$reference")
    their_cpu=$(sed -n 's/.*CPU time \([0-9.]*\) s.*/\1/p' <<< "$reference")
    python3 -c "print(f'ratio tunelens / sentence-transformers: {($n / $wall) / $theirs:.2f}x texts/s, {$their_cpu / ($user + $sys):.2f}x less CPU time')"
    rm -rf "$work"
}
encoder_bench
# Metrics: AUC + DeLong + a 1,000-sample bootstrap on 100,000 pairs (SPEC target: under a second;
# the row "AUC + DeLong + bootstrap AUC interval"). Wall and process CPU seconds, median of 3: on a
# shared machine the CPU column is the steadier figure. Also times the embedding-space work at the
# demo's size (2,938 x 384).
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
.build/release/tunelens bench metrics --pairs 100000 --bootstrap 1000 --repeats 3
