/// Evaluation texts that also occur in the training data, which would make held-out numbers
/// optimistic: found exactly, and after normalising case, whitespace and punctuation.
public struct Leakage: Codable, Equatable, Sendable {
    public struct Example: Codable, Equatable, Sendable {
        /// Position of the text in the evaluation list.
        public var evalIndex: Int
        /// Position of its first match in the training list.
        public var trainIndex: Int
        public var text: String
        /// True for a byte-for-byte match, false for a match only after normalisation.
        public var exact: Bool
    }

    /// Evaluation texts checked (empty ones are skipped: they match nothing meaningful).
    public let checked: Int
    /// Evaluation texts equal to some training text.
    public let exact: Int
    /// Evaluation texts equal to some training text after `normalize` (exact ones included).
    public let normalized: Int
    /// The first few matches, in evaluation order.
    public let examples: [Example]

    /// - Parameter exampleLimit: how many matches to keep as examples.
    public init(evalTexts: [String], trainTexts: [String], exampleLimit: Int = 5) {
        var exactIndex: [String: Int] = [:], normalIndex: [String: Int] = [:]
        for (index, text) in trainTexts.enumerated() {
            if exactIndex[text] == nil { exactIndex[text] = index }
            let key = Self.normalize(text)
            if !key.isEmpty && normalIndex[key] == nil { normalIndex[key] = index }
        }
        var checked = 0, exact = 0, normalized = 0, examples: [Example] = []
        for (index, text) in evalTexts.enumerated() {
            let key = Self.normalize(text)
            guard !key.isEmpty else { continue }
            checked += 1
            if let match = exactIndex[text] {
                exact += 1
                normalized += 1
                if examples.count < exampleLimit { examples.append(Example(evalIndex: index, trainIndex: match, text: text, exact: true)) }
            } else if let match = normalIndex[key] {
                normalized += 1
                if examples.count < exampleLimit { examples.append(Example(evalIndex: index, trainIndex: match, text: text, exact: false)) }
            }
        }
        self.checked = checked
        self.exact = exact
        self.normalized = normalized
        self.examples = examples
    }

    /// Lowercased, every punctuation or symbol character replaced by a space, whitespace runs
    /// collapsed to one space, ends trimmed: "Hello,  World!" and "hello world" agree.
    public static func normalize(_ text: String) -> String {
        var result = "", pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            let isSeparator = properties.isWhitespace || scalar.properties.generalCategory.isPunctuationOrSymbol
            if isSeparator {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
