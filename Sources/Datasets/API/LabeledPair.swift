/// Two texts and what is known about them: a binary label (pair classification), a graded score
/// (STS), or both, with the line of the file they came from.
public struct LabeledPair: Sendable, Equatable {
    public var textA: String
    public var textB: String
    /// `true` for a positive (similar, compatible) pair; nil when the file has no label column.
    public var label: Bool?
    /// A graded similarity (e.g. STS 0–5); nil when the file has no score column.
    public var score: Double?
    /// The 1-based line the pair starts on in its file.
    public var line: Int

    public init(textA: String, textB: String, label: Bool? = nil, score: Double? = nil, line: Int) {
        self.textA = textA
        self.textB = textB
        self.label = label
        self.score = score
        self.line = line
    }
}
