import Core
import Foundation

/// Generates the built-in dating-compatibility data: pairs of profile texts labelled compatible (1)
/// or incompatible (0) from the stances the profiles take, never from any model's scores.
///
/// Profiles take stances on dealbreaker topics (`DatingTopic.catalog`) phrased from both sides with
/// shared vocabulary, mixed with platitudes and hobbies. A pair is incompatible when both mention a
/// topic with firm opposite stances; firm-against-soft is ambiguous and gets a seeded coin flip; and
/// a fixed fraction of labels is then flipped as annotation noise. Test pairs are drawn first, from
/// their own profiles; training profiles never repeat a test profile's text. See docs/dating-generator.md.
public struct DatingGenerator: Sendable {
    /// The generator's knobs; the defaults are the documented built-in dataset.
    public struct Configuration: Sendable {
        /// Share of profiles that take no stance at all (only platitudes and hobbies).
        public var platitudeOnlyRate = 0.12
        /// Weights of mentioning 1, 2 or 3 topics (for profiles that take stances).
        public var topicCountWeights = [0.35, 0.45, 0.20]
        /// Weights of a stance being firm, soft or open.
        public var strengthWeights = [0.70, 0.15, 0.15]
        /// Share of pairs whose second profile is drawn among those mentioning a topic of the first
        /// (as a matching app that pairs people who write about the same things); the rest are uniform.
        public var sharedTopicPairRate = 0.5
        /// Probability that an ambiguous pair is labelled compatible.
        public var ambiguousCompatibleRate = 0.5
        /// Exact share of each split's labels flipped as annotation noise.
        public var labelNoiseRate = 0.04

        public init() {}
    }

    public let seed: UInt64
    public let configuration: Configuration

    public init(seed: UInt64, configuration: Configuration = .init()) {
        self.seed = seed
        self.configuration = configuration
    }

    /// The training and held-out pairs. The test split depends only on the seed and `test`; the
    /// training split is made from different profile texts.
    public func makeSplits(train: Int, test: Int) -> (train: [DatingPair], test: [DatingPair]) {
        var testRandom = SplitMix64(seed: seed, stream: 1)
        var seenTexts = Set<String>()
        let testPool = makeProfiles(count: poolSize(forPairs: test), excluding: &seenTexts, rng: &testRandom)
        let testPairs = makePairs(count: test, from: testPool, rng: &testRandom)

        var trainRandom = SplitMix64(seed: seed, stream: 2)
        let trainPool = makeProfiles(count: poolSize(forPairs: train), excluding: &seenTexts, rng: &trainRandom)
        let trainPairs = makePairs(count: train, from: trainPool, rng: &trainRandom)
        return (trainPairs, testPairs)
    }

    /// Writes pairs as JSONL (`text_a`, `text_b`, `label`), one per line, byte-for-byte reproducible.
    public static func write(_ pairs: [DatingPair], to url: URL) throws {
        var out = ""
        for pair in pairs {
            out += pair.jsonLine
            out += "\n"
        }
        try Data(out.utf8).write(to: url, options: .atomic)
    }

    /// Every distinct sentence the generator can write (topics, platitudes, hobbies, openers).
    public static var sentenceCount: Int {
        DatingTopic.catalog.reduce(GenericProfileText.allSentences) { $0.union($1.allSentences) }.count
    }

    // MARK: - Profiles

    /// As many profiles as pairs, so each profile appears in about two pairs.
    private func poolSize(forPairs pairs: Int) -> Int { pairs == 0 ? 0 : max(4, pairs) }

    private func makeProfiles(count: Int, excluding seen: inout Set<String>, rng: inout SplitMix64) -> [DatingProfile] {
        var profiles: [DatingProfile] = []
        var attempts = 0
        while profiles.count < count && attempts < count * 100 {
            attempts += 1
            let profile = makeProfile(rng: &rng)
            if seen.insert(profile.text).inserted { profiles.append(profile) }
        }
        return profiles
    }

    func makeProfile(rng: inout SplitMix64) -> DatingProfile {
        var stances: [DatingProfile.Stance] = []
        var sentences: [String] = []
        if !rng.chance(configuration.platitudeOnlyRate) {
            var topics = DatingTopic.catalog
            rng.shuffle(&topics)
            let count = rng.weighted(configuration.topicCountWeights) + 1
            for topic in topics.prefix(count) {
                let side: DatingTopic.Side = rng.chance(topic.sideAShare) ? .a : .b
                let strength: DatingTopic.Strength = [.firm, .soft, .open][rng.weighted(configuration.strengthWeights)]
                stances.append(.init(topic: topic.name, side: side, strength: strength))
                var templates = topic.templates(side: side, strength: strength)
                rng.shuffle(&templates)
                let sentenceCount = strength == .firm && rng.chance(0.3) ? 2 : 1
                for template in templates.prefix(sentenceCount) {
                    sentences.append(SentenceTemplate.fill(template, slots: topic.slots, rng: &rng))
                }
            }
        }
        let platitudeCount = stances.isEmpty ? 2 + rng.index(below: 3) : 1 + rng.index(below: 2)
        sentences += genericSentences(GenericProfileText.platitudes, count: platitudeCount, rng: &rng)
        sentences += genericSentences(GenericProfileText.hobbies, count: rng.index(below: 3), rng: &rng)
        rng.shuffle(&sentences)
        if rng.chance(0.25) { sentences.insert(rng.pick(GenericProfileText.openers), at: 0) }
        return DatingProfile(text: sentences.joined(separator: " "), stances: stances)
    }

    private func genericSentences(_ templates: [String], count: Int, rng: inout SplitMix64) -> [String] {
        var shuffled = templates
        rng.shuffle(&shuffled)
        return shuffled.prefix(count).map { SentenceTemplate.fill($0, slots: GenericProfileText.slots, rng: &rng) }
    }

    // MARK: - Pairs

    func makePairs(count: Int, from pool: [DatingProfile], rng: inout SplitMix64) -> [DatingPair] {
        guard count > 0, pool.count >= 2 else { return [] }
        var byTopic: [String: [Int]] = [:]
        for (index, profile) in pool.enumerated() {
            for stance in profile.stances { byTopic[stance.topic, default: []].append(index) }
        }
        var chosen = Set<[Int]>()
        var pairs: [DatingPair] = []
        var attempts = 0
        while pairs.count < count {
            attempts += 1
            let first = rng.index(below: pool.count)
            var second = rng.index(below: pool.count)
            if rng.chance(configuration.sharedTopicPairRate), let stance = pool[first].stances.isEmpty ? nil
                : rng.pick(pool[first].stances), let candidates = byTopic[stance.topic], candidates.count > 1 {
                second = rng.pick(candidates)
            }
            guard first != second else { continue }
            guard chosen.insert([min(first, second), max(first, second)]).inserted || attempts > count * 50 else { continue }
            let (relation, shared, clashing) = DatingPair.relate(pool[first], pool[second])
            let ruleLabel: Bool
            switch relation {
            case .conflict: ruleLabel = false
            case .ambiguous: ruleLabel = rng.chance(configuration.ambiguousCompatibleRate)
            case .agreement, .unrelated: ruleLabel = true
            }
            pairs.append(DatingPair(profileA: pool[first], profileB: pool[second], relation: relation,
                                    sharedTopics: shared, clashingTopics: clashing, ruleLabel: ruleLabel, label: ruleLabel))
        }
        var order = Array(pairs.indices)
        rng.shuffle(&order)
        let flips = Int((configuration.labelNoiseRate * Double(count)).rounded())
        for index in order.prefix(flips) {
            let pair = pairs[index]
            pairs[index] = DatingPair(profileA: pair.profileA, profileB: pair.profileB, relation: pair.relation,
                                      sharedTopics: pair.sharedTopics, clashingTopics: pair.clashingTopics,
                                      ruleLabel: pair.ruleLabel, label: !pair.ruleLabel)
        }
        return pairs
    }
}
