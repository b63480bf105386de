#!/usr/bin/env bash
# Builds one libFuzzer binary per module: the module's sources, the shared harness support and the
# module's fuzz targets compiled together (so the targets reach internal types), with AddressSanitizer
# and libFuzzer's coverage instrumentation.
#   Fuzz/build.sh tokenizers|embeddings|datasets|evaluation   ->  .build-fuzz/fuzz-<module>
# The body is one function, read whole before it runs, so editing this file cannot disturb a run.
main() {
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?usage: Fuzz/build.sh tokenizers|embeddings|datasets|evaluation}"
out=.build-fuzz
mkdir -p "$out"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 5)
case "$module" in
  tokenizers)
    # The tokenizer's sources need only Core's JSON reader: built first as an instrumented static
    # library named Core (the rest of Core needs swift-crypto), then the tokenizer with its harness.
    name=Tokenizers
    sources=$(find Sources/Embeddings/Tokenizer -name '*.swift' | sort)
    lib="$out/core-json"
    mkdir -p "$lib"
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -module-name Core -emit-module -emit-module-path "$lib/Core.swiftmodule" \
      -emit-library -static $(find Sources/Core/JSON -name '*.swift' | sort) -o "$lib/libCore.a" 2>&1 \
      | { grep -v 'warning:' || true; }
    extra=(-I "$lib" -L "$lib" -lCore)
    ;;
  embeddings)
    # Not buildable as it stands: Embeddings now imports Core (swift-crypto), LinearAlgebra, CEncoderKernels
    # and GRDB, which this hand-written build does not provide; the tokenizer's targets are in `tokenizers`.
    name=Embeddings
    sources=$(find Sources/Embeddings -name '*.swift' | sort)
    # Embeddings imports Datasets: built first as an instrumented static library with its module.
    lib="$out/datasets-lib"
    mkdir -p "$lib"
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -module-name Datasets -emit-module -emit-module-path "$lib/Datasets.swiftmodule" \
      -emit-library -static $(find Sources/Datasets -name '*.swift' | sort) -o "$lib/libDatasets.a" 2>&1 \
      | { grep -v 'warning:' || true; }
    # CBLAS is a system-library module: its module map plus OpenBLAS's headers and library.
    extra=(-I "$lib" -L "$lib" -lDatasets -I Sources/CBLAS
           $(pkg-config --cflags-only-I openblas | sed 's/-I/-Xcc -I/g') $(pkg-config --libs openblas))
    ;;
  datasets)
    name=Datasets
    sources=$(find Sources/Datasets -name '*.swift' | sort)
    extra=()
    ;;
  evaluation)
    # Only the run configuration is fuzzed here: RunConfig and its error type, over Yams built from
    # the package's checkout (libyaml and the Swift layer instrumented too, as a static library).
    name=Evaluation
    sources="Sources/Evaluation/RunConfig.swift Sources/Evaluation/EvaluationError.swift"
    [ -d .build/checkouts/Yams ] || swift package resolve >/dev/null
    yams=.build/checkouts/Yams/Sources
    lib="$out/yams"
    mkdir -p "$lib"
    for c in "$yams"/CYaml/src/*.c; do
      clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" "$c" \
        -o "$lib/$(basename "$c" .c).o"
    done
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name Yams -emit-module -emit-module-path "$lib/Yams.swiftmodule" \
      -emit-library -static -D SWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" "$yams"/Yams/*.swift -o "$lib/libYams.a" 2>&1 \
      | { grep -v 'warning:' || true; }
    extra=(-I "$lib" -Xcc -DYAML_DECLARE_STATIC -Xcc -I -Xcc "$yams/CYaml/include" -L "$lib" -lYams "$lib"/*.o)
    ;;
  *)
    echo "unknown fuzz module: $module" >&2
    exit 2
    ;;
esac
# shellcheck disable=SC2086
swiftc "${flags[@]}" -module-name "$name" "${extra[@]}" $sources \
  Fuzz/Support/*.swift "Fuzz/Targets/${name}Fuzz.swift" -o "$out/fuzz-$module.new" 2>&1 \
  | { grep -v 'Cannot export local symbol' || true; }
# Renamed into place so a fuzzer still running the previous binary is not disturbed.
mv "$out/fuzz-$module.new" "$out/fuzz-$module"
echo "$out/fuzz-$module"
}
main "$@"
