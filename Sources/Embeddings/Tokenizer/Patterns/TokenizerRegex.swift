/// A regular expression in the subset of Oniguruma's (Ruby) syntax that tokenizer.json files use
/// in `Replace` normalizers and `Split` pre-tokenizers, matched as Oniguruma matches it.
///
/// tokenizers compiles these patterns with Oniguruma (`utils/onig.rs`) and walks `find_iter`:
/// leftmost match first, alternatives in order, greedy quantifiers unless marked lazy. Supported:
/// literals and escapes (`\t \n \r \f \v \a \e \xHH \x{H…} \uHHHH`, escaped punctuation), `.`,
/// classes `[…]` with ranges and negation, `\s \S \d \D \w \W \h \H`, `\p{…}`/`\P{…}` for general
/// categories, groups `(…)`, `(?:…)`, `(?i:…)` (case-insensitive literals), alternation,
/// quantifiers `* + ? {n} {n,} {n,m} {,m}` (greedy or lazy), anchors `^ $ \A \z \Z` and lookahead
/// `(?=…)`/`(?!…)`. Anything else (lookbehind, backreferences, atomic groups, scripts, POSIX
/// brackets, nested classes) is refused when the file is read, never approximated.
///
/// Matching is a backtracking machine over compiled instructions that remembers every
/// (instruction, position) that already failed, as Go's `regexp/backtrack.go` does, so it gives
/// the same leftmost-first matches as a plain backtracker without its exponential worst case.
/// - Complexity: O(p · n) per match for a program of p instructions over n scalars.
struct TokenizerRegex: Sendable {
    /// A set of scalars one instruction consumes.
    struct ScalarSet: Sendable {
        enum Item: Sendable {
            case scalar(Unicode.Scalar)
            case range(UInt32, UInt32)
            case whitespace, decimalDigit, word, hexDigit
            case categories([Unicode.GeneralCategory])
            case anyButNewline
            indirect case not(Item)
        }
        var items: [Item]
        var negated = false
        var caseInsensitive = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            var found = items.contains { Self.matches($0, scalar, caseInsensitive: caseInsensitive) }
            if negated { found.toggle() }
            return found
        }

        private static func matches(_ item: Item, _ scalar: Unicode.Scalar, caseInsensitive: Bool) -> Bool {
            switch item {
            case .scalar(let expected):
                return expected == scalar || (caseInsensitive && fold(expected) == fold(scalar))
            case .range(let low, let high): return (low...high).contains(scalar.value)
            case .whitespace: return UnicodeClasses.isWhitespace(scalar)
            case .decimalDigit: return UnicodeClasses.regexCategory(scalar) == .decimalNumber
            case .word:
                switch UnicodeClasses.regexCategory(scalar) {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                    return true
                default: return false
                }
            case .hexDigit:
                switch scalar.value {
                case 0x30...0x39, 0x41...0x46, 0x61...0x66: return true
                default: return false
                }
            case .categories(let categories): return categories.contains(UnicodeClasses.regexCategory(scalar))
            case .anyButNewline: return scalar != "\n"
            case .not(let inner): return !matches(inner, scalar, caseInsensitive: caseInsensitive)
            }
        }

        /// Simple case folding of one scalar (enough for the literals of `(?i:'s|'t|…)`).
        private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        }
    }

    enum Assertion: Sendable {
        case textStart, textEnd, textEndOrFinalNewline, lineStart, lineEnd
    }

    enum Instruction: Sendable {
        case consume(ScalarSet)
        /// Try `preferred` first, then `other`.
        case split(preferred: Int, other: Int)
        case jump(Int)
        case assert(Assertion)
        case lookahead(program: Int, negated: Bool)
        case match
    }

    /// The main program is `programs[0]`; each lookahead runs one of the others, anchored.
    let programs: [[Instruction]]
    /// The pattern as written, for messages.
    let source: String

    /// Every non-overlapping match in `text`, left to right (Oniguruma `find_iter`).
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var matcher = Matcher(regex: self, text: text)
        var ranges: [Range<Int>] = []
        var position = 0
        while position <= text.count, let range = matcher.firstMatch(from: position) {
            ranges.append(range)
            // An empty match would repeat forever; the loader refuses such patterns, this is a guard.
            position = range.isEmpty ? range.upperBound + 1 : range.upperBound
        }
        return ranges
    }
}
