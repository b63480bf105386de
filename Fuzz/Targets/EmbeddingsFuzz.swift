import Core
import Foundation

/// libFuzzer entry points for the Embeddings readers (the tokenizer's are in TokenizersFuzz.swift), compiled into module `Embeddings` so they reach
/// internal types. `FUZZ_TARGET` picks one of:
/// - `safetensors`: a safetensors file, every F32/F16/BF16 tensor converted;
/// - `precomputed`: a precomputed-embeddings JSONL, an `embed` input file and a `.npy` matrix.
/// A thrown error is a correct answer; a trap, an overflow or a sanitizer report is a bug.
enum EmbeddingsFuzz {
    static let target = FuzzScratch.target

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        FuzzScratch.clear()
        switch target {
        case "safetensors": safetensors(input)
        case "precomputed": precomputed(input)
        default: fatalError("fuzz harness: FUZZ_TARGET must be safetensors or precomputed")
        }
    }

    static func safetensors(_ input: UnsafeBufferPointer<UInt8>) {
        let url = FuzzScratch.write(input, to: "model.safetensors")
        guard let file = try? SafetensorsFile(path: url.path) else { return }
        for (name, info) in file.tensors where info.dtype.isConvertibleToFloat {
            guard let values = try? file.floats(name) else { fatalError("a convertible tensor failed to convert") }
            if values.count != info.elementCount { fatalError("tensor \(name) converted to \(values.count) values") }
        }
    }

    static func precomputed(_ input: UnsafeBufferPointer<UInt8>) {
        guard let selector = input.first else { return }
        let body = UnsafeBufferPointer(rebasing: input.dropFirst())
        switch selector % 4 {
        case 0:
            let url = FuzzScratch.write(body, to: "embeddings.jsonl")
            guard let encoder = try? PrecomputedEncoder(url: url) else { return }
            if encoder.dimension < 1 { fatalError("a precomputed encoder of dimension \(encoder.dimension)") }
            _ = try? encoder.encode(["a", ""], progress: nil)
        case 1:
            _ = try? TextInputFile.read(FuzzScratch.write(body, to: "texts.jsonl"))
        case 2:
            _ = try? TextInputFile.read(FuzzScratch.write(body, to: "texts.txt"))
        default:
            guard let matrix = try? NpyFile.readFloat32Matrix(Data(body), path: "m.npy") else { return }
            if matrix.rows < 0 || matrix.columns < 0 || matrix.values.count != matrix.rows * matrix.columns {
                fatalError("npy matrix \(matrix.rows) x \(matrix.columns) with \(matrix.values.count) values")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmbeddings(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    EmbeddingsFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
