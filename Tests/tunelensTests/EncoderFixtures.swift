import Foundation
import Testing

/// The tiny random BERT and its expected outputs that EmbeddingsTests commit
/// (scripts/fixtures/make_encoder_fixtures.py), read from the repository for the CLI tests.
enum EncoderFixtures {
    static let folder = TunelensProcess.repositoryRoot.appendingPathComponent("Tests/EmbeddingsTests/Resources/encoder")
    static let tiny = folder.appendingPathComponent("tiny")

    struct TinyExpected: Decodable {
        let texts: [String]
        let pipeline: [[Float]]
    }

    static let tinyExpected: TinyExpected = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("tiny_expected.json"))
        return try! JSONDecoder().decode(TinyExpected.self, from: data)
    }()

    /// The tiny models of every architecture (scripts/fixtures/make_architecture_fixtures.py).
    static let architectures = TunelensProcess.repositoryRoot.appendingPathComponent("Tests/EmbeddingsTests/Resources/architectures")

    struct ArchitectureExpected: Decodable {
        struct Model: Decodable {
            let raw: [[Float]]
            let `default`: [[Float]]
            let query: [[Float]]
            let document: [[Float]]
        }
        let texts: [String]
        let models: [String: Model]
    }

    static let architectureExpected: ArchitectureExpected = {
        let data = try! Data(contentsOf: architectures.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(ArchitectureExpected.self, from: data)
    }()

    /// A scratch copy of the tiny model, to damage.
    static func tinyCopy() throws -> URL {
        let copy = TunelensProcess.temporaryFolder("tiny").appendingPathComponent("tiny")
        try FileManager.default.copyItem(at: tiny, to: copy)
        return copy
    }
}

/// Every row within `tolerance` of the expected row, element by element.
func expectRows(_ actual: [[Float]], _ expected: [[Float]], tolerance: Float,
                sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(a.count == e.count, "row \(index) length", sourceLocation: sourceLocation)
        let difference = zip(a, e).map { abs($0 - $1) }.max() ?? 0
        #expect(difference <= tolerance, "row \(index): max |diff| \(difference)", sourceLocation: sourceLocation)
    }
}
