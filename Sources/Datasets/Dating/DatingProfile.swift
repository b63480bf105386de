/// One generated dating profile: its text and the stances it takes (the ground truth behind labels).
public struct DatingProfile: Sendable, Equatable {
    /// A position on one topic.
    public struct Stance: Sendable, Equatable {
        public var topic: String
        public var side: DatingTopic.Side
        public var strength: DatingTopic.Strength
    }

    public let text: String
    /// The stances the text expresses, one per topic mentioned; empty for an all-platitude profile.
    public let stances: [Stance]

    public func stance(on topic: String) -> Stance? { stances.first { $0.topic == topic } }
}
