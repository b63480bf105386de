#!/usr/bin/env bash
# Runs one fuzz target for a number of seconds and fails when libFuzzer finds a crash, a hang or a leak
# of memory beyond its limit. New interesting inputs go to .build-fuzz/corpus/<target> (not committed);
# the committed seeds in Fuzz/corpus/<target> are read, never written. A crashing input is saved as
# .build-fuzz/artifacts/<target>/crash-* and its path printed; the last lines of the log show the
# final statistics (exec/s, cov:, ft:).
#   Fuzz/run.sh <target> [seconds]
# The body is one function, read whole before it runs, so editing this file cannot disturb a run.
main() {
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/run.sh <target> [seconds]}"
seconds="${2:-60}"
case "$target" in
  tokenizer-json|tokenizer-encode|tokenizer-charsmap|tokenizer-regex) module=tokenizers ;;
  safetensors|precomputed) module=embeddings ;;
  pairs|beir|training-log) module=datasets ;;
  config) module=evaluation ;;
  *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac
binary=".build-fuzz/fuzz-$module"
[ -x "$binary" ] || Fuzz/build.sh "$module" >/dev/null
work=".build-fuzz/corpus/$target"
artifacts=".build-fuzz/artifacts/$target/"
mkdir -p "$work" "$artifacts"
log=".build-fuzz/$target.log"
status=0
# Leak detection is off: FoundationEssentials' Data(contentsOf:) leaks 4 KiB reading an empty file
# (seen with the tokenizer-json target), which is not ours to fix and not a safety bug.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" FUZZ_TARGET="$target" "$binary" "$work" "Fuzz/corpus/$target" \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 -detect_leaks=0 -artifact_prefix="$artifacts" >"$log" 2>&1 || status=$?
# The last status line (#runs cov: ft: corp: exec/s:) and the final statistics, on one line.
{ grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1; grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"; } \
  | tr -s ' \n' ' '
echo
if [ "$status" -ne 0 ]; then
  echo "fuzz target $target failed (status $status); log: $log" >&2
  grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
  exit 1
fi
}
main "$@"
