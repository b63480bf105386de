/// The column (or JSON key) names a pair dataset uses.
///
/// With the default names, `sentence1`/`sentence2` are accepted in place of `text_a`/`text_b`
/// (the sentence-transformers convention).
public struct PairColumns: Sendable, Equatable {
    public var textA: String
    public var textB: String
    public var label: String
    public var score: String

    public init(textA: String = "text_a", textB: String = "text_b", label: String = "label", score: String = "score") {
        self.textA = textA
        self.textB = textB
        self.label = label
        self.score = score
    }

    /// Names tried for the first text when `textA` is absent from the file.
    var textAAlternatives: [String] { textA == "text_a" ? ["text_a", "sentence1"] : [textA] }
    /// Names tried for the second text when `textB` is absent from the file.
    var textBAlternatives: [String] { textB == "text_b" ? ["text_b", "sentence2"] : [textB] }
}
