#!/usr/bin/env bash
# The 500k-pair rows of `make bench` (scripts/bench.sh calls this; it also runs alone):
#   scripts/bench/npy_report.sh [BIN] [WORK]  -> tab-separated rows: measure, tunelens, numpy+sklearn, ratio
# `tunelens report` on PAIRS labelled pairs (default 500,000) of sharded .npy embeddings (384 dims,
# float32, scripts/bench/make_npy_pairs.py: both models' shards, the fine-tuned one in another order)
# against scripts/bench/auc_numpy_sklearn.py on the same folders (memory-map, look up, cosine, two
# roc_auc_score calls: only the two AUCs). Wall seconds of each whole process, and tunelens' peak RSS
# (GNU time's maximum resident set size). The report keeps its 1,000-sample bootstrap and every chart.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${1:-.build/release/tunelens}"
WORK="${2:-$(mktemp -d)}"
PAIRS="${BENCH_NPY_PAIRS:-500000}"
DATA="$WORK/npy-$PAIRS"
[ -f "$DATA/pairs.jsonl" ] || python3 scripts/bench/make_npy_pairs.py "$DATA" --pairs "$PAIRS" --texts "$PAIRS" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/time -f '%e %M' -o "$WORK/npy-time" "$BIN" report --baseline "$DATA/baseline" --finetuned "$DATA/finetuned" \
    --data "$DATA/pairs.jsonl" --out "$WORK/npy-reports" --name npy >/dev/null 2>"$WORK/npy-stderr" \
    || { echo "bench: tunelens report failed: $(tail -1 "$WORK/npy-stderr")" >&2; exit 1; }
read -r ours rss < "$WORK/npy-time"
theirs=$(python3 scripts/bench/auc_numpy_sklearn.py "$DATA/pairs.jsonl" "$DATA/baseline" "$DATA/finetuned" | awk '$1 == "seconds" {print $2}')
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
label=$(python3 -c "print(f'{$PAIRS:,}')")
printf 'report, %s pairs of sharded .npy (384 dims) vs numpy memmap + scikit-learn AUCs: s\t%s\t%s\t%s\n' \
    "$label" "$ours" "$theirs" "$(python3 -c "print(f'{$ours / $theirs:.2f} of the time')")"
printf '  peak memory (max RSS) of that report: GB\t%s\t\t\n' "$(python3 -c "print(f'{$rss / 1048576:.2f}')")"
