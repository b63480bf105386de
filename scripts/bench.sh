#!/usr/bin/env bash
# `make bench`: one table for this machine. Run after `swift build -c release`.
#
# Encoder: `tunelens embed --no-cache` and sentence-transformers (torch, CPU, batch 32) on the same
# deterministic texts (scripts/bench_encoder.py), side by side: texts/s of the encoding alone,
# wall time of the whole process (load, tokenize, encode, write .npy), linear-layer GFLOP/s against
# this machine's sgemm rate (scripts/sgemm_rate.c, OpenBLAS, 2 threads), and parity of the outputs.
# Each time is the best of $BENCH_REPEAT runs (default 3), the two tools interleaved. First
# all-MiniLM-L6-v2 on $BENCH_TEXTS texts (default 2,000), then, when `make models` has fetched it,
# all-mpnet-base-v2 (MPNet, 12 layers of 768) on $BENCH_MPNET_TEXTS texts (default 500).
# Reports: `tunelens report` on 1,469 pairs (cold, then with a warm cache) and on 100,000 pairs of
# precomputed embeddings, when the build has the command; 500,000 pairs of sharded .npy embeddings
# against the numpy + scikit-learn pipeline that computes only the two AUCs (scripts/bench/npy_report.sh). Then two ratios to one encoding pass
# (`tunelens embed` of the same distinct texts, empty cache): a report whose fine-tuned model is an
# adapter over the baseline, and `tunelens demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/tunelens
MODEL="${TUNELENS_MODEL_DIR:-.cache/models/all-MiniLM-L6-v2}"
MPNET="${TUNELENS_MPNET_DIR:-.cache/models/all-mpnet-base-v2}"
REPEAT="${BENCH_REPEAT:-3}"
COUNT="${BENCH_TEXTS:-2000}"
MPNET_COUNT="${BENCH_MPNET_TEXTS:-500}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROWS="$WORK/rows.tsv"   # measure \t tunelens \t sentence-transformers \t ratio
: > "$ROWS"

row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$ROWS"; }
calc() { python3 -c "print($1)"; }
# Wall seconds of a command (its output discarded); a failing command stops the benchmark, saying why.
wall() {
    local start end
    start=$(date +%s.%N)
    if ! "$@" > /dev/null 2> "$WORK/stderr"; then
        echo "bench: failed: $* ($(tail -1 "$WORK/stderr"))" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    calc "f'{$end - $start:.3f}'"
}
best() { printf '%s\n' "$@" | sort -g | head -1; }

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "tunelens benchmarks: $machine, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the machine's sgemm rate: the ceiling for the linear layers ---
cc -O2 scripts/sgemm_rate.c -o "$WORK/sgemm_rate" $(pkg-config --cflags --libs openblas)
read -r _ sgemm corename <<< "$("$WORK/sgemm_rate" 2 5)"
echo "sgemm (OpenBLAS $corename kernels, 2 threads, 4096-row linear-layer shapes): $sgemm GFLOP/s"

# --- encoder ---
have_st=0
python3 -c "import sentence_transformers" > /dev/null 2>&1 && have_st=1
# One model's rows: encoder_bench MODEL_DIR LABEL COUNT.
encoder_bench() {
    local model=$1 label=$2 count=$3 texts="$WORK/texts-$3.txt"
    python3 scripts/bench_encoder.py --write-texts "$texts" --count "$count"
    local ours_wall=() ours_encode=() theirs_wall=() theirs_encode=() timing tokens flops reference
    for _ in $(seq "$REPEAT"); do
        ours_wall+=("$(wall "$BIN" embed --no-cache --model "$model" "$texts" --output "$WORK/tunelens.npy")")
        timing=$("$BIN" embed --no-cache --timings --model "$model" "$texts" --output "$WORK/tunelens.npy" 2>&1 >/dev/null | grep '^timings:')
        ours_encode+=("$(sed -n 's/.*encode \([0-9.]*\) s.*/\1/p' <<< "$timing")")
        tokens=$(sed -n 's/.*texts, \([0-9]*\) tokens.*/\1/p' <<< "$timing")
        flops=$(sed -n 's/.*tokens, \([0-9.e+]*\) linear FLOPs.*/\1/p' <<< "$timing")
        if [ "$have_st" = 1 ]; then
            theirs_wall+=("$(wall python3 scripts/bench_encoder.py --model "$model" --whole "$texts" --output "$WORK/st.npy")")
            reference=$(python3 scripts/bench_encoder.py --model "$model" --texts "$texts" --compare "$WORK/tunelens.npy" 2>/dev/null)
            theirs_encode+=("$(awk '$1 == "encode_seconds" {print $2}' <<< "$reference")")
        fi
    done
    local ow oe ours_rate ours_gflops tw te theirs_rate
    ow=$(best "${ours_wall[@]}"); oe=$(best "${ours_encode[@]}")
    ours_rate=$(calc "f'{$count / $oe:.0f}'")
    ours_gflops=$(calc "f'{$flops / $oe / 1e9:.1f}'")
    if [ "$have_st" = 1 ]; then
        tw=$(best "${theirs_wall[@]}"); te=$(best "${theirs_encode[@]}")
        theirs_rate=$(calc "f'{$count / $te:.0f}'")
        row "$label: encoding alone, $count texts ($tokens tokens): texts/s" "$ours_rate" "$theirs_rate" "$(calc "f'{$te / $oe:.2f}x faster'")"
        row "$label: whole process (load, encode, write .npy): s" "$(calc "f'{$ow:.2f}'")" "$(calc "f'{$tw:.2f}'")" "$(calc "f'{$ow / $tw:.2f} of the time'")"
        row "$label: linear layers ($(calc "f'{$flops / $tokens / 1e6:.2f}'") MFLOP/token): GFLOP/s" "$ours_gflops" \
            "$(calc "f'{$flops / $te / 1e9:.1f}'")" ""
        row "  as a share of sgemm's $sgemm GFLOP/s" "$(calc "f'{100 * $flops / $oe / 1e9 / $sgemm:.0f}%'")" \
            "$(calc "f'{100 * $flops / $te / 1e9 / $sgemm:.0f}%'")" ""
        row "$label: parity: min cosine, max |diff|" "$(awk '$1 == "min_cosine" {c=$2} $1 == "max_abs_diff" {d=$2} END {print c ", " d}' <<< "$reference")" "(reference)" ""
    else
        row "$label: encoding alone, $count texts ($tokens tokens): texts/s" "$ours_rate" "(not installed)" ""
        row "$label: whole process (load, encode, write .npy): s" "$(calc "f'{$ow:.2f}'")" "(not installed)" ""
        row "$label: linear layers: GFLOP/s" "$ours_gflops" "" ""
        row "  as a share of sgemm's $sgemm GFLOP/s" "$(calc "f'{100 * $flops / $oe / 1e9 / $sgemm:.0f}%'")" "" ""
    fi
}
encoder_bench "$MODEL" "all-MiniLM-L6-v2" "$COUNT"
if [ -f "$MPNET/model.safetensors" ]; then
    encoder_bench "$MPNET" "all-mpnet-base-v2" "$MPNET_COUNT"
else
    echo "bench: $MPNET not found (make models fetches it); MPNet rows skipped" >&2
fi

# --- reports, when the build has the command ---
# A stand-in for a fine-tuned folder: all-MiniLM-L6-v2's files linked, with another pooling (so another
# digest and other embeddings, at the same encoding cost).
variant() {
    local dir="$WORK/$1"
    mkdir -p "$dir/1_Pooling"
    for f in "$MODEL"/*; do [ -f "$f" ] && ln -s "$(realpath "$f")" "$dir/$(basename "$f")"; done
    printf '{"word_embedding_dimension": 384, "pooling_mode_cls_token": %s, "pooling_mode_mean_tokens": false, "pooling_mode_max_tokens": %s}\n' "$2" "$3" \
        > "$dir/1_Pooling/config.json"
    echo "$dir"
}
report_wall() { wall "$BIN" report --out "$WORK/reports" "$@"; }
report_bench() {
    local cache="$WORK/cache" first second cold shared rerun big
    "$BIN" dataset dating --out "$WORK/dating" > /dev/null
    first=$(variant finetuned1 false true)
    second=$(variant finetuned2 true false)
    local pairs=(--baseline "$MODEL" --data "$WORK/dating/test.jsonl")
    if "$BIN" report --help 2>&1 | grep -q -- '--cache-dir'; then
        cold=$(report_wall "${pairs[@]}" --finetuned "$first" --name cold --cache-dir "$cache")
        shared=$(report_wall "${pairs[@]}" --finetuned "$second" --name shared --cache-dir "$cache")
        rerun=$(report_wall "${pairs[@]}" --finetuned "$second" --name rerun --cache-dir "$cache")
        row "report, 1,469 pairs, two models, empty cache: s" "$(calc "f'{$cold:.2f}'")" "" ""
        row "report, 1,469 pairs, baseline cached, new fine-tuned model: s" "$(calc "f'{$shared:.2f}'")" "" \
            "$(calc "f'{$shared / $cold:.2f} of the cold time'")"
        row "report, 1,469 pairs, both models cached: s" "$(calc "f'{$rerun:.2f}'")" "" \
            "$(calc "f'{$rerun / $cold:.2f} of the cold time'")"
    else
        cold=$(report_wall "${pairs[@]}" --finetuned "$first" --name cold)
        row "report, 1,469 pairs, two models (no cache in this build): s" "$(calc "f'{$cold:.2f}'")" "" ""
    fi
    python3 scripts/bench_report_data.py "$WORK/scale" --pairs 100000 --texts 20000
    big=$(report_wall --baseline "$WORK/scale/baseline.jsonl" --finetuned "$WORK/scale/finetuned.jsonl" \
        --data "$WORK/scale/pairs.jsonl" --name scale)
    local size
    size=$(du -k "$WORK/reports/scale/index.html" 2>/dev/null | cut -f1)
    row "report, 100,000 pairs, precomputed embeddings: s" "$(calc "f'{$big:.2f}'")" "" "page ${size:-?} KiB"
}
if "$BIN" --help | grep -qE '^ +report( |$)'; then
    report_bench
    # 500,000 pairs of sharded .npy against numpy + scikit-learn (that column holds the Python pipeline).
    scripts/bench/npy_report.sh "$BIN" "$WORK" >> "$ROWS"
fi

# --- one encoding pass: what an adapter report and the demo cost against encoding their texts once ---
# Each against `tunelens embed` of the same distinct texts, every run with an empty cache of its own.
distinct_texts() { python3 scripts/bench_distinct_texts.py "$@"; }
one_pass() { wall "$BIN" embed --model "$MODEL" "$1" --output "$WORK/pass.npy" --cache-dir "$(mktemp -d -p "$WORK")"; }
adapter_bench() {
    "$BIN" dataset dating --out "$WORK/dating" > /dev/null
    # A real adapter folder over the model, as `tunelens finetune` writes it: one epoch on 300 training
    # pairs, untimed (what the adapter learned does not change what the report costs).
    head -n 300 "$WORK/dating/train.jsonl" > "$WORK/adapter-train.jsonl"
    "$BIN" finetune --base "$MODEL" --train "$WORK/adapter-train.jsonl" --out "$WORK/adapter" --epochs 1 \
        --cache-dir "$WORK/adapter-cache" > /dev/null 2>&1
    local texts="$WORK/adapter-texts.jsonl" count report pass
    count=$(distinct_texts "$texts" "$WORK/dating/test.jsonl")
    report=$(report_wall --baseline "$MODEL" --finetuned "$WORK/adapter" --data "$WORK/dating/test.jsonl" \
        --name adapter --cache-dir "$(mktemp -d -p "$WORK")")
    pass=$(one_pass "$texts")
    row "report of an adapter over the baseline, 1,469 pairs, empty cache: s" "$(calc "f'{$report:.2f}'")" "" \
        "$(calc "f'{$report / $pass:.2f}x one embed of its $count texts ({$pass:.2f} s); target <= 1.25'")"
}
demo_bench() {
    local demo pass count texts="$WORK/demo-texts.jsonl"
    demo=$(wall "$BIN" demo --model "$MODEL" --out "$WORK/demo-reports" --work "$WORK/demo" --cache-dir "$(mktemp -d -p "$WORK")")
    count=$(distinct_texts "$texts" "$WORK/demo/data/train.jsonl" "$WORK/demo/data/test.jsonl")
    pass=$(one_pass "$texts")
    row "tunelens demo (data, three runs, three reports, index, diff), empty cache: s" "$(calc "f'{$demo:.2f}'")" "" \
        "$(calc "f'{$demo / $pass:.2f}x one embed of its $count texts ({$pass:.2f} s); target <= 1.5'")"
}
if "$BIN" --help | grep -qE '^ +finetune( |$)'; then
    adapter_bench
fi
if "$BIN" --help | grep -qE '^ +demo( |$)'; then
    demo_bench
fi

# --- the table ---
echo
echo "| $machine | tunelens | sentence-transformers | ratio |"
echo "|---|---:|---:|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}' "$ROWS"

# --- metrics (the metrics helper's section), when the build has the hidden `tunelens bench metrics` ---
# Metrics: AUC + DeLong + a 1,000-sample bootstrap on 100,000 pairs (SPEC target: under a second;
# the row "AUC + DeLong + bootstrap AUC interval"). Wall and process CPU seconds, median of 3: on a
# shared machine the CPU column is the steadier figure. Also times the embedding-space work at the
# demo's size (2,938 x 384).
if "$BIN" bench --help 2>&1 | grep -qE '^ +metrics( |$)'; then
    echo
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$BIN" bench metrics --pairs 100000 --bootstrap 1000 --repeats 3
fi

# Search: exact cosine top-100 of 1,000 queries over 100,000 documents of 384 dimensions (the cost a
# retrieval report pays per model), and BM25's index and search over as many synthetic documents.
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench search --documents 100000 --queries 1000 --dimension 384
