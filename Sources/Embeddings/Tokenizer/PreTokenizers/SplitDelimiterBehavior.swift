/// What a split does with the text its pattern matched (tokenizers `SplitDelimiterBehavior`,
/// `NormalizedString::split` in tokenizer/normalizer.rs). Splitting `the-final--countdown` on `-`:
/// removed `the final countdown`; isolated `the - final - - countdown`; merged with previous
/// `the- final- - countdown`; merged with next `the -final - -countdown`; contiguous
/// `the - final -- countdown`.
enum SplitDelimiterBehavior: String, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    /// The ranges of the pieces to keep, in order (some may be empty; the caller drops those).
    func pieces(_ matches: [(range: Range<Int>, isMatch: Bool)]) -> [Range<Int>] {
        switch self {
        case .isolated:
            return matches.map(\.range)
        case .removed:
            return matches.filter { !$0.isMatch }.map(\.range)
        case .contiguous:
            var result: [Range<Int>] = []
            var previousMatch = false
            for (range, isMatch) in matches {
                if isMatch == previousMatch, let last = result.last {
                    result[result.count - 1] = last.lowerBound..<range.upperBound
                } else {
                    result.append(range)
                }
                previousMatch = isMatch
            }
            return result
        case .mergedWithPrevious:
            var result: [Range<Int>] = []
            var previousMatch = false
            for (range, isMatch) in matches {
                if isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = last.lowerBound..<range.upperBound
                } else {
                    result.append(range)
                }
                previousMatch = isMatch
            }
            return result
        case .mergedWithNext:
            var result: [Range<Int>] = []
            var previousMatch = false
            for (range, isMatch) in matches.reversed() {
                if isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = range.lowerBound..<last.upperBound
                } else {
                    result.append(range)
                }
                previousMatch = isMatch
            }
            return result.reversed()
        }
    }

    /// Splits `piece` at the matches of `pattern`, dropping empty pieces as tokenizers does.
    func split(_ piece: TextPiece, on pattern: TextPattern, invert: Bool = false) -> [TextPiece] {
        var matches = pattern.split(piece.scalars)
        if invert { matches = matches.map { ($0.range, !$0.isMatch) } }
        return pieces(matches).filter { !$0.isEmpty }.map { piece.slice($0) }
    }
}
