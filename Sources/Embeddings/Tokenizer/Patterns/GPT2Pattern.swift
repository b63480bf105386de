/// The GPT-2 word pattern of byte-level BPE, matched by hand on Unicode scalars:
///
///     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
///
/// As Oniguruma runs it for tokenizers (`pre_tokenizers/byte_level.rs`): at each position the
/// alternatives are tried in order and the first that matches wins, each quantifier greedy.
/// `\s+(?!\S)` takes a run of whitespace but leaves its last character to the next word when a
/// non-space follows, so `"a  b"` splits as `"a"`, `" "`, `" b"`. Every scalar belongs to one of
/// the classes, so consecutive matches cover the whole text.
/// - Complexity: O(n) for n scalars.
enum GPT2Pattern {
    /// The pattern as tokenizer.json files spell it in a `Split` pre-tokenizer.
    static let source = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#

    /// The end of the match that starts at `start` (always past `start` when `start` is inside the text).
    static func matchEnd(_ text: [Unicode.Scalar], from start: Int) -> Int {
        let end = text.count
        let first = text[start]
        if first == "'" && start + 1 < end {
            let second = text[start + 1]
            switch second {
            case "s", "t", "m", "d": return start + 2
            case "r", "v", "l":
                let third: Unicode.Scalar = second == "l" ? "l" : "e"
                if start + 2 < end && text[start + 2] == third { return start + 3 }
            default: break
            }
        }
        // ` ?X+` for the three classes: an optional space (U+0020) then one or more of the class.
        let body = first == " " && start + 1 < end ? start + 1 : start
        let lead = text[body]
        if UnicodeClasses.isLetter(lead) { return run(text, from: body, while: UnicodeClasses.isLetter) }
        if UnicodeClasses.isNumber(lead) { return run(text, from: body, while: UnicodeClasses.isNumber) }
        if isOther(lead) { return run(text, from: body, while: isOther) }
        // `first` is whitespace here: with a space followed by whitespace `body` holds whitespace,
        // which none of the classes above takes.
        let spaceEnd = run(text, from: start, while: UnicodeClasses.isWhitespace)
        if spaceEnd == end || spaceEnd - start == 1 { return spaceEnd }
        return spaceEnd - 1  // `\s+(?!\S)`: leave the last space to the word that follows
    }

    /// `[^\s\p{L}\p{N}]`
    @inline(__always)
    static func isOther(_ scalar: Unicode.Scalar) -> Bool {
        !UnicodeClasses.isWhitespace(scalar) && !UnicodeClasses.isLetter(scalar) && !UnicodeClasses.isNumber(scalar)
    }

    @inline(__always)
    private static func run(_ text: [Unicode.Scalar], from start: Int, while test: (Unicode.Scalar) -> Bool) -> Int {
        var index = start
        while index < text.count && test(text[index]) { index += 1 }
        return index
    }

    /// Every match of the pattern in `text`, left to right; together they cover the text.
    static func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < text.count {
            let end = matchEnd(text, from: start)
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
