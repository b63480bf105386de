import Core
import Foundation

/// libFuzzer entry points for the tokenizer's parsers, compiled with the sources of
/// Sources/Embeddings/Tokenizer (and Core's JSON) into one module so they reach internal types.
/// `FUZZ_TARGET` picks one of:
/// - `tokenizer-json`: a `tokenizer.json` (any model: WordPiece, BPE, Unigram; any normalizer, including a
///   Precompiled charsmap; any Split regex) loaded, then used on short texts;
/// - `tokenizer-encode`: arbitrary text encoded with the real all-MiniLM-L6-v2 tokenizer;
/// - `tokenizer-charsmap`: raw bytes as a SentencePiece charsmap, then normalizing a few texts;
/// - `tokenizer-regex`: the input as a regex pattern (the Oniguruma subset of tokenizer.json files),
///   then split texts with it.
/// A thrown error is a correct answer; a trap, an overflow or a sanitizer report is a bug.
enum TokenizersFuzz {
    static let target = FuzzScratch.target
    static let texts = ["Hello, WORLD! naïve café 東京 [CLS] unaffable", "  ｆｕｌｌ\u{FB01} e\u{301}\t\n👩‍👩‍👧 <s> <mask></s>  ", ""]

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
        case "tokenizer-json": tokenizerJSON(input)
        case "tokenizer-encode": tokenizerEncode(input)
        case "tokenizer-charsmap": charsmap(input)
        case "tokenizer-regex": regex(input)
        default: fatalError("fuzz harness: FUZZ_TARGET must be tokenizer-json, tokenizer-encode, tokenizer-charsmap or tokenizer-regex")
        }
    }

    static func tokenizerJSON(_ input: UnsafeBufferPointer<UInt8>) {
        if let parsed = try? JSONValue.parse(Array(input)), parsed != parsed { fatalError("a parsed value differs from itself") }
        let url = FuzzScratch.write(input, to: "tok/tokenizer.json")
        guard let tokenizer = try? Tokenizer.load(folder: url.deletingLastPathComponent()) else { return }
        check(tokenizer, text: texts[0], maxLength: 16)
        check(tokenizer, text: texts[1], maxLength: 40)
    }

    static func tokenizerEncode(_ input: UnsafeBufferPointer<UInt8>) {
        guard let first = input.first else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input.dropFirst()), as: UTF8.self)
        check(realTokenizer, text: text, maxLength: Int(first) - 2)
    }

    static func charsmap(_ input: UnsafeBufferPointer<UInt8>) {
        guard let map = try? PrecompiledCharsmap(bytes: Array(input)) else { return }
        for text in texts { _ = map.normalize(Array(text.unicodeScalars)) }
    }

    static func regex(_ input: UnsafeBufferPointer<UInt8>) {
        guard let pattern = String(validatingUTF8: Array(input.prefix(4096)).map { CChar(bitPattern: $0) } + [0]),
              let regex = try? TokenizerRegex(pattern) else { return }
        let split = TextPattern.regex(regex)
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let parts = split.split(scalars)
            var end = 0
            for part in parts {
                if part.range.lowerBound != end { fatalError("split pieces do not tile the text") }
                end = part.range.upperBound
            }
            if end != scalars.count, !parts.isEmpty { fatalError("split pieces do not cover the text") }
        }
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
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    TokenizersFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
