import Core
import Foundation

/// libFuzzer entry points for the Embeddings readers, compiled into module `Embeddings` so they reach
/// internal types. `FUZZ_TARGET` picks one of:
/// - `safetensors`: a safetensors file, every F32/F16/BF16 tensor converted;
/// - `tokenizer-json`: a `tokenizer.json` (any model: WordPiece, BPE, Unigram) loaded, then used on short texts;
/// - `tokenizer-encode`: arbitrary text encoded with the real all-MiniLM-L6-v2 vocabulary;
/// - `precomputed`: a precomputed-embeddings JSONL, an `embed` input file and a `.npy` matrix.
/// A thrown error is a correct answer; a trap, an overflow or a sanitizer report is a bug.
enum EmbeddingsFuzz {
    static let target = FuzzScratch.target

    /// The real tokenizer, loaded once; from $TUNELENS_MODEL_DIR or .cache/models/all-MiniLM-L6-v2.
    static let realTokenizer: Tokenizer = {
        let folder = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"] ?? ".cache/models/all-MiniLM-L6-v2"
        do {
            return try Tokenizer.load(folder: URL(fileURLWithPath: folder))
        } catch {
            fatalError("fuzz harness: cannot load the tokenizer in \(folder): \(error)")
        }
    }()

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        FuzzScratch.clear()
        switch target {
        case "safetensors": safetensors(input)
        case "tokenizer-json": tokenizerJSON(input)
        case "tokenizer-encode": tokenizerEncode(input)
        case "precomputed": precomputed(input)
        default: fatalError("fuzz harness: FUZZ_TARGET must be safetensors, tokenizer-json, tokenizer-encode or precomputed")
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

    static func tokenizerJSON(_ input: UnsafeBufferPointer<UInt8>) {
        if let parsed = try? JSONValue.parse(Array(input)), parsed != parsed { fatalError("a parsed value differs from itself") }
        let url = FuzzScratch.write(input, to: "tok/tokenizer.json")
        guard let tokenizer = try? Tokenizer.load(folder: url.deletingLastPathComponent()) else { return }
        check(tokenizer, text: "Hello, WORLD! naïve café 東京 [CLS] unaffable", maxLength: 16)
        check(tokenizer, text: "  ｆｕｌｌ\u{FB01} e\u{301}\t\n👩‍👩‍👧 <s> <mask></s>  ", maxLength: 40)
    }

    static func tokenizerEncode(_ input: UnsafeBufferPointer<UInt8>) {
        guard let first = input.first else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input.dropFirst()), as: UTF8.self)
        check(realTokenizer, text: text, maxLength: Int(first) - 2)
    }

    /// Invariants of `encode`: framed by the post-processor's specials within `maxLength` (when it
    /// leaves room for them).
    static func check(_ tokenizer: Tokenizer, text: String, maxLength: Int) {
        let ids = tokenizer.encode(text, maxLength: maxLength)
        if ids.count > max(maxLength, 0) { fatalError("encode returned \(ids.count) ids for maxLength \(maxLength)") }
        let specials = tokenizer.prefixIDs.count + tokenizer.suffixIDs.count
        if maxLength >= specials, !ids.starts(with: tokenizer.prefixIDs) || !ids.reversed().starts(with: tokenizer.suffixIDs.reversed()) {
            fatalError("encode lost its special tokens")
        }
        let pieces = tokenizer.tokens(text)
        let full = tokenizer.encode(text, maxLength: Int.max)
        if full.count != pieces.count + specials { fatalError("\(full.count) ids for \(pieces.count) tokens") }
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
