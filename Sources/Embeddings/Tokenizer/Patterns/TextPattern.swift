import Core

/// What `Split` and `Replace` look for: tokenizers' `SplitPattern`/`ReplacePattern`
/// (`{"String": …}` or `{"Regex": …}`), or a single-scalar test used by the built-in pre-tokenizers.
enum TextPattern: Sendable {
    /// An exact run of scalars (tokenizers escapes the string into a regex: leftmost, non-overlapping).
    case literal([Unicode.Scalar])
    /// The GPT-2 word pattern, matched by hand (``GPT2Pattern``).
    case gpt2
    case regex(TokenizerRegex)
    /// Each scalar that passes the test is a match of its own (tokenizers' `Fn(char) -> bool` pattern).
    case scalar(@Sendable (Unicode.Scalar) -> Bool)

    /// Reads `{"String": s}` or `{"Regex": r}`; throws ``TokenizerRegex/SyntaxError`` when refused.
    static func parse(_ value: JSONValue?) throws -> TextPattern {
        typealias Refusal = TokenizerRegex.SyntaxError
        if let string = value?["String"]?.string {
            guard !string.isEmpty else { throw Refusal(reason: "an empty string pattern") }
            return .literal(Array(string.unicodeScalars))
        }
        if let source = value?["Regex"]?.string {
            if source == GPT2Pattern.source { return .gpt2 }
            do {
                return .regex(try TokenizerRegex(source))
            } catch let error as Refusal {
                throw Refusal(reason: "regex \(source.debugDescription): \(error.reason)")
            }
        }
        throw Refusal(reason: "a pattern must be {\"String\": …} or {\"Regex\": …}")
    }

    /// The pattern's matches in `text`, as consecutive ranges covering it, each flagged as a match
    /// or not (tokenizers' `Pattern::find_matches`).
    func split(_ text: [Unicode.Scalar]) -> [(range: Range<Int>, isMatch: Bool)] {
        if text.isEmpty { return [(0..<0, false)] }
        let found: [Range<Int>]
        switch self {
        case .literal(let needle): found = Self.occurrences(of: needle, in: text)
        case .gpt2: found = GPT2Pattern.matches(in: text)
        case .regex(let regex): found = regex.matches(in: text)
        case .scalar(let test):
            found = text.indices.filter { test(text[$0]) }.map { $0..<($0 + 1) }
        }
        var pieces: [(range: Range<Int>, isMatch: Bool)] = []
        pieces.reserveCapacity(found.count * 2 + 1)
        var previous = 0
        for range in found {
            if previous < range.lowerBound { pieces.append((previous..<range.lowerBound, false)) }
            pieces.append((range, true))
            previous = range.upperBound
        }
        if previous < text.count { pieces.append((previous..<text.count, false)) }
        return pieces
    }

    /// Non-overlapping occurrences, left to right.
    static func occurrences(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= text.count else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= text.count {
            if text[index] == first && text[index..<(index + needle.count)].elementsEqual(needle) {
                ranges.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }
}
