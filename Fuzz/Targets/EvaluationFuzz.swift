import Foundation

/// libFuzzer entry point for the run configuration (`tunelens.yaml`), compiled into module
/// `Evaluation` with `RunConfig.swift` and `EvaluationError.swift` only. `FUZZ_TARGET`:
/// - `config`: the bytes as `tunelens.yaml`, read and then overridden by empty flags.
/// A thrown error is a correct answer; a trap, an overflow or a sanitizer report is a bug.
enum EvaluationFuzz {
    static let target = FuzzScratch.target

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        FuzzScratch.clear()
        guard target == "config" else { fatalError("fuzz harness: FUZZ_TARGET must be config") }
        let url = FuzzScratch.write(input, to: "tunelens.yaml")
        guard let config = try? RunConfig.read(url) else { return }
        if !config.threshold.isFinite { fatalError("a non-finite threshold was accepted") }
        let merged = config.overridden(by: RunConfig(), explicitThreshold: false, explicitSeed: false)
        if merged.threshold != config.threshold { fatalError("empty flags changed the threshold") }
        if "\(EvaluationError.missingFile(url.path))".contains("\n") { fatalError("a multi-line error") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    EvaluationFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
