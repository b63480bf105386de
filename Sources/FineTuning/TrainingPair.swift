/// One training pair as the data file gives it: two texts, a binary label and/or a graded score.
public struct TrainingPair: Equatable, Sendable {
    public var textA: String
    public var textB: String
    public var label: Bool?
    public var score: Double?
    /// 1-based line in the source file, for error messages; nil when unknown.
    public var line: Int?

    public init(textA: String, textB: String, label: Bool?, score: Double?, line: Int? = nil) {
        self.textA = textA
        self.textB = textB
        self.label = label
        self.score = score
        self.line = line
    }
}

/// Pairs as indices into a table of distinct texts, with the target the loss compares against.
public struct IndexedPairs: Equatable, Sendable {
    /// Each distinct text once, in order of first appearance: what the encoder runs over.
    public var texts: [String]
    public var pairs: [IndexedPair]

    /// Checks that the pairs carry the labels `loss` needs and deduplicates their texts.
    ///
    /// Cosine: target = score when present, else label as 1/0; a pair with neither is an error.
    /// MNRL: keeps positive pairs only (label 1, or score >= 0.5 when there is no label); none is an error.
    public static func prepare(_ input: [TrainingPair], loss: TrainingLoss, file: String) throws -> IndexedPairs {
        var index: [String: Int] = [:]
        var texts: [String] = []
        func id(_ text: String) -> Int {
            if let known = index[text] { return known }
            index[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }
        var pairs: [IndexedPair] = []
        for (position, pair) in input.enumerated() {
            let place = pair.line.map { "\(file):\($0)" } ?? "\(file): pair \(position + 1)"
            switch loss {
            case .cosine:
                let target: Double
                if let score = pair.score {
                    target = score
                } else if let label = pair.label {
                    target = label ? 1 : 0
                } else {
                    throw FineTuningError.missingLabels(file: place, loss: loss.className,
                                                        need: "a label (0/1) or a score")
                }
                guard target.isFinite else {
                    throw FineTuningError.missingLabels(file: place, loss: loss.className, need: "a finite score")
                }
                pairs.append(IndexedPair(a: id(pair.textA), b: id(pair.textB), target: Float(target)))
            case .mnrl:
                let positive = pair.label ?? pair.score.map { $0 >= 0.5 }
                if positive == true {
                    pairs.append(IndexedPair(a: id(pair.textA), b: id(pair.textB), target: 1))
                }
            }
        }
        if input.isEmpty {
            throw FineTuningError.notEnoughData(file: file, detail: "no pairs to train on")
        }
        if loss == .mnrl && pairs.isEmpty {
            let labelled = input.contains { $0.label != nil || $0.score != nil }
            if !labelled {
                throw FineTuningError.missingLabels(file: file, loss: loss.className,
                                                    need: "a label (1 marks an anchor/positive pair)")
            }
            throw FineTuningError.noPositivePairs(file: file)
        }
        return IndexedPairs(texts: texts, pairs: pairs)
    }
}

extension IndexedPairs {
    /// Adds the texts of `other` that this table lacks and returns `other`'s pairs indexed into it,
    /// so training and validation pairs share one table (and one encoding pass).
    public mutating func absorb(_ other: IndexedPairs) -> [IndexedPair] {
        var index: [String: Int] = [:]
        for (i, text) in texts.enumerated() where index[text] == nil { index[text] = i }
        let mapping = other.texts.map { text -> Int in
            if let known = index[text] { return known }
            index[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }
        return other.pairs.map { IndexedPair(a: mapping[$0.a], b: mapping[$0.b], target: $0.target) }
    }
}

/// A pair by text index, with the loss target (cosine label or score; 1 for ranking positives).
public struct IndexedPair: Equatable, Sendable {
    public var a: Int
    public var b: Int
    public var target: Float
}
