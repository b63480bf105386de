import Core
/// Two generated profiles, how their stances relate, and the label written to the data.
public struct DatingPair: Sendable, Equatable {
    /// How two profiles' stances relate, before any label noise.
    public enum Relation: String, Sendable, CaseIterable {
        /// Firm opposite stances on a topic both mention: incompatible (label 0).
        case conflict
        /// Opposite sides on a shared topic where one is firm and the other soft: the label is a coin flip.
        case ambiguous
        /// They share topics and no stance clashes: compatible (label 1).
        case agreement
        /// No topic in common: compatible (label 1).
        case unrelated
    }

    public let profileA: DatingProfile
    public let profileB: DatingProfile
    public let relation: Relation
    /// Topics both profiles mention.
    public let sharedTopics: [String]
    /// Shared topics whose stances clash (firm against firm, or firm against soft).
    public let clashingTopics: [String]
    /// The label the stances give (for ambiguous pairs, the seeded coin's choice).
    public let ruleLabel: Bool
    /// The label written to the data: `ruleLabel`, flipped for the pairs chosen as label noise.
    public let label: Bool

    /// Whether label noise flipped this pair.
    public var isFlipped: Bool { label != ruleLabel }

    /// The relation between two profiles' stances: conflict when both mention a topic from opposite
    /// sides with firm stances; ambiguous when opposite sides are firm against soft; otherwise
    /// agreement (shared topics) or unrelated (none). Open stances never clash, nor do two soft ones.
    static func relate(_ a: DatingProfile, _ b: DatingProfile) -> (relation: Relation, shared: [String], clashing: [String]) {
        var shared: [String] = []
        var clashing: [String] = []
        var conflict = false
        var ambiguous = false
        for stanceA in a.stances {
            guard let stanceB = b.stance(on: stanceA.topic) else { continue }
            shared.append(stanceA.topic)
            guard stanceA.strength != .open, stanceB.strength != .open, stanceA.side != stanceB.side else { continue }
            switch (stanceA.strength, stanceB.strength) {
            case (.firm, .firm):
                conflict = true
                clashing.append(stanceA.topic)
            case (.firm, .soft), (.soft, .firm):
                ambiguous = true
                clashing.append(stanceA.topic)
            default:
                break
            }
        }
        let relation: Relation = conflict ? .conflict : ambiguous ? .ambiguous : shared.isEmpty ? .unrelated : .agreement
        return (relation, shared, clashing)
    }

    /// The pair as one JSONL line: `{"text_a":...,"text_b":...,"label":0|1}`.
    public var jsonLine: String {
        "{\"text_a\":\(JSONText.quoted(profileA.text)),\"text_b\":\(JSONText.quoted(profileB.text)),\"label\":\(label ? 1 : 0)}"
    }
}
