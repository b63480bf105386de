/// Shared content words of one pair of texts.
public struct PairOverlap: Codable, Equatable, Sendable {
    /// |A intersect B| / |A union B| of the two texts' content-word sets; 0 when both are empty.
    public var jaccard: Double
    /// The shared content words, in order of first appearance in the first text, for highlighting.
    public var shared: [String]
}

/// What a model's separation owes to plain shared vocabulary: per-pair overlap of content words,
/// how well overlap alone separates the classes, how closely each model's similarity follows it,
/// and how much of the separation is left once overlap is regressed out.
///
/// Tokens: the text lowercased, split on every character that is not a letter or a digit,
/// stopwords (`Stopwords.english`) dropped.
public struct LexicalOverlap: Codable, Equatable, Sendable {
    /// One entry per pair, in input order.
    public let pairs: [PairOverlap]
    /// ROC AUC of the Jaccard overlap alone as a score.
    public let overlapAUC: Double
    /// Spearman's rho of overlap vs the baseline's similarity; nil when either is constant.
    public let baselineSpearman: Double?
    /// Spearman's rho of overlap vs the fine-tuned model's similarity; nil when absent or constant.
    public let finetunedSpearman: Double?
    /// The baseline's separation before and after controlling for overlap.
    public let baselineControlled: OverlapControl
    /// The same for the fine-tuned model, when given.
    public let finetunedControlled: OverlapControl?

    /// - Throws: `MetricsError` when the texts, labels and scores do not line up, scores are not
    ///   finite, or only one class is present.
    public init(left: [String], right: [String], labels: [Bool], baseline: [Double], finetuned: [Double]? = nil) throws {
        try Validation.pairs(scores: baseline, labels: labels, what: "baseline scores")
        try Validation.sameLength(left.count, labels.count, "first texts vs labels")
        try Validation.sameLength(right.count, labels.count, "second texts vs labels")
        if let finetuned { try Validation.pairs(scores: finetuned, labels: labels, what: "fine-tuned scores") }
        pairs = zip(left, right).map { Self.overlap($0, $1) }
        let jaccard = pairs.map(\.jaccard)
        overlapAUC = ROC.auc(scores: jaccard, labels: labels)
        baselineSpearman = try? Correlation.spearman(jaccard, baseline)
        finetunedSpearman = finetuned.flatMap { try? Correlation.spearman(jaccard, $0) }
        baselineControlled = OverlapControl(similarity: baseline, overlap: jaccard, labels: labels)
        finetunedControlled = finetuned.map { OverlapControl(similarity: $0, overlap: jaccard, labels: labels) }
    }

    /// The content words of `text`, in order, duplicates kept.
    public static func contentWords(_ text: String) -> [String] {
        if let words = asciiContentWords(text) { return words }
        var words: [String] = [], current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { !Stopwords.english.contains($0) }
    }

    /// The same tokens for an all-ASCII text, read as bytes (letters and digits are then exactly
    /// `[A-Za-z0-9]`, and lowercasing is ASCII's): several times faster than walking Characters,
    /// which matters at half a million pairs. nil for any other text.
    private static func asciiContentWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start = -1
            var lowered = [UInt8]()
            func finish(_ end: Int) {
                guard start >= 0 else { return }
                lowered.removeAll(keepingCapacity: true)
                for k in start..<end {
                    let byte = bytes[k]
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
                let word = String(decoding: lowered, as: UTF8.self)
                if !Stopwords.english.contains(word) { words.append(word) }
                start = -1
            }
            for k in 0..<bytes.count {
                let byte = bytes[k]
                guard byte < 0x80 else { return nil }
                let alphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if alphanumeric {
                    if start < 0 { start = k }
                } else {
                    finish(k)
                }
            }
            finish(bytes.count)
            return words
        }
    }

    /// Jaccard overlap and shared words of two texts' content-word sets.
    public static func overlap(_ first: String, _ second: String) -> PairOverlap {
        let a = contentWords(first), b = Set(contentWords(second))
        let setA = Set(a)
        let union = setA.union(b).count
        var seen = Set<String>(), shared: [String] = []
        for word in a where b.contains(word) && seen.insert(word).inserted { shared.append(word) }
        return PairOverlap(jaccard: union > 0 ? Double(shared.count) / Double(union) : 0, shared: shared)
    }
}
