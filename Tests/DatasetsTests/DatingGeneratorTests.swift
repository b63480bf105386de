import Core
import Foundation
import Testing
@testable import Datasets

@Suite("Dating generator")
struct DatingGeneratorTests {
    private func profile(_ stances: [(String, DatingTopic.Side, DatingTopic.Strength)]) -> DatingProfile {
        DatingProfile(text: "", stances: stances.map { .init(topic: $0.0, side: $0.1, strength: $0.2) })
    }

    @Test("same seed gives byte-identical files; another seed gives other data")
    func deterministic() throws {
        let folder = try Fixtures.write("x", "").deletingLastPathComponent()
        let first = folder.appendingPathComponent("a.jsonl"), second = folder.appendingPathComponent("b.jsonl")
        try DatingGenerator.write(DatingGenerator(seed: 7).makeSplits(train: 200, test: 80).train, to: first)
        try DatingGenerator.write(DatingGenerator(seed: 7).makeSplits(train: 200, test: 80).train, to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let other = DatingGenerator(seed: 8).makeSplits(train: 200, test: 80).train
        #expect(other.map(\.jsonLine) != DatingGenerator(seed: 7).makeSplits(train: 200, test: 80).train.map(\.jsonLine))
    }

    @Test("the test split depends only on the seed and its size, and shares no profile text with training")
    func noLeakage() {
        let small = DatingGenerator(seed: 3).makeSplits(train: 100, test: 300)
        let large = DatingGenerator(seed: 3).makeSplits(train: 900, test: 300)
        #expect(small.test.map(\.jsonLine) == large.test.map(\.jsonLine))
        let trainTexts = Set(large.train.flatMap { [$0.profileA.text, $0.profileB.text] })
        let testTexts = Set(large.test.flatMap { [$0.profileA.text, $0.profileB.text] })
        #expect(trainTexts.isDisjoint(with: testTexts))
        #expect(large.train.count == 900 && large.test.count == 300)
    }

    @Test("stance rules: firm opposite stances conflict, firm against soft is ambiguous, the rest compatible")
    func relations() {
        let nonSmoker = profile([("smoking", .a, .firm), ("pets", .a, .firm)])
        #expect(DatingPair.relate(nonSmoker, profile([("smoking", .b, .firm)])).relation == .conflict)
        #expect(DatingPair.relate(nonSmoker, profile([("smoking", .b, .firm)])).clashing == ["smoking"])
        #expect(DatingPair.relate(nonSmoker, profile([("smoking", .b, .soft)])).relation == .ambiguous)
        #expect(DatingPair.relate(profile([("smoking", .a, .soft)]), profile([("smoking", .b, .soft)])).relation == .agreement)
        #expect(DatingPair.relate(nonSmoker, profile([("smoking", .b, .open)])).relation == .agreement)
        #expect(DatingPair.relate(nonSmoker, profile([("smoking", .a, .firm)])).relation == .agreement)
        #expect(DatingPair.relate(nonSmoker, profile([("diet", .b, .firm)])).relation == .unrelated)
        #expect(DatingPair.relate(nonSmoker, profile([])).relation == .unrelated)
        #expect(DatingPair.relate(nonSmoker, profile([("pets", .a, .firm), ("smoking", .b, .firm)])).shared == ["smoking", "pets"])
    }

    @Test("before noise, conflicts are 0 and agreements 1; exactly the stated share of labels is flipped")
    func labelsAndNoise() {
        let splits = DatingGenerator(seed: 11).makeSplits(train: 2000, test: 1469)
        for pairs in [splits.train, splits.test] {
            for pair in pairs {
                switch pair.relation {
                case .conflict: #expect(pair.ruleLabel == false)
                case .agreement, .unrelated: #expect(pair.ruleLabel == true)
                case .ambiguous: break
                }
            }
            let flipped = pairs.filter(\.isFlipped).count
            #expect(flipped == Int((0.04 * Double(pairs.count)).rounded()))
        }
        let ambiguous = splits.train.filter { $0.relation == .ambiguous }
        #expect(!ambiguous.isEmpty)
        #expect(ambiguous.contains { $0.ruleLabel } && ambiguous.contains { !$0.ruleLabel })
        #expect(splits.test.contains { $0.relation == .conflict } && splits.test.contains { $0.relation == .agreement })
    }

    @Test("about 12% of profiles are platitudes only; the rest take 1 to 3 stances")
    func profileMix() {
        var rng = SplitMix64(seed: 5)
        let generator = DatingGenerator(seed: 5)
        let profiles = (0..<4000).map { _ in generator.makeProfile(rng: &rng) }
        let bare = Double(profiles.filter(\.stances.isEmpty).count) / Double(profiles.count)
        #expect(abs(bare - 0.12) < 0.02)
        #expect(profiles.allSatisfy { $0.stances.count <= 3 && !$0.text.isEmpty })
    }

    @Test("the generator writes hundreds of distinct sentences over at least eight topics")
    func variety() {
        #expect(DatingTopic.catalog.count >= 8)
        #expect(DatingGenerator.sentenceCount >= 500)
        for topic in DatingTopic.catalog {
            for side in [DatingTopic.Side.a, .b] {
                #expect(topic.templates(side: side, strength: .firm).count >= 4, "\(topic.name) \(side)")
            }
        }
    }

    @Test("both sides of every topic share vocabulary (the mechanism the data models)")
    func sharedVocabulary() {
        func words(_ templates: [String], _ slots: [String: [String]]) -> Set<String> {
            let sentences = templates.flatMap { SentenceTemplate.expansions($0, slots: slots) }
            return Set(sentences.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
                .filter { $0.count >= 5 })
        }
        for topic in DatingTopic.catalog {
            let sideA = words(topic.firmA + topic.softA, topic.slots)
            let sideB = words(topic.firmB + topic.softB, topic.slots)
            let generic = words(GenericProfileText.platitudes + GenericProfileText.hobbies, GenericProfileText.slots)
                .union(["partner", "someone", "match", "person"])
            #expect(!sideA.intersection(sideB).subtracting(generic).isEmpty, "\(topic.name)")
        }
    }

    @Test("generated files read back through PairDataset with the same labels")
    func roundTrip() throws {
        let pairs = DatingGenerator(seed: 2).makeSplits(train: 0, test: 120).test
        let url = try Fixtures.write("test.jsonl", "")
        try DatingGenerator.write(pairs, to: url)
        let data = try PairDataset.read(url)
        try data.validateForPairClassification()
        #expect(data.pairs.map(\.label) == pairs.map(\.label))
        #expect(data.pairs.map(\.textA) == pairs.map(\.profileA.text))
    }
}
