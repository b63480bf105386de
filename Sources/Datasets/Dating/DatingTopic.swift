/// A dealbreaker topic of the dating generator: two opposed sides, and sentence templates for each
/// way a profile can take a stance on it.
///
/// Both sides are written with the topic's own vocabulary (a smoker and a non-smoker both say
/// "smoke"), which is the mechanism the generator models: incompatible people write about the
/// same things.
public struct DatingTopic: Sendable {
    /// Which side of a topic a stance is on.
    public enum Side: String, Sendable { case a, b }

    /// How strongly a stance is held.
    public enum Strength: String, Sendable {
        /// A dealbreaker: against a firm stance on the other side the pair is incompatible; against a
        /// soft one it is ambiguous.
        case firm
        /// A preference: two soft stances on opposite sides can live together.
        case soft
        /// Mentions the topic but accepts either side; never conflicts.
        case open
    }

    public let name: String
    /// Plain-words summary of side A and side B, for the documentation.
    public let sideA: String
    public let sideB: String
    /// The probability that a profile mentioning the topic takes side A.
    public let sideAShare: Double
    let slots: [String: [String]]
    let firmA: [String]
    let softA: [String]
    let firmB: [String]
    let softB: [String]
    let open: [String]

    /// The templates for one stance.
    func templates(side: Side, strength: Strength) -> [String] {
        switch (strength, side) {
        case (.open, _): return open
        case (.firm, .a): return firmA
        case (.soft, .a): return softA
        case (.firm, .b): return firmB
        case (.soft, .b): return softB
        }
    }

    /// Every distinct sentence this topic can produce.
    var allSentences: Set<String> {
        (firmA + softA + firmB + softB + open).reduce(into: Set<String>()) {
            $0.formUnion(SentenceTemplate.expansions($1, slots: slots))
        }
    }
}
