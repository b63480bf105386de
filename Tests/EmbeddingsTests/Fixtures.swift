import Foundation
import Testing
@testable import Embeddings

/// Paths and readers for the committed fixtures (made by scripts/fixtures/make_encoder_fixtures.py).
enum Fixtures {
    static let encoder = Bundle.module.url(forResource: "Resources", withExtension: nil)!.appendingPathComponent("encoder")
    static let tiny = encoder.appendingPathComponent("tiny")
    static let variants = encoder.appendingPathComponent("tiny_variants")

    /// The real all-MiniLM-L6-v2 folder: $TUNELENS_MODEL_DIR, else <repo>/.cache/models/all-MiniLM-L6-v2.
    static let miniLM: URL = {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }()

    static var hasMiniLM: Bool {
        FileManager.default.fileExists(atPath: miniLM.appendingPathComponent("model.safetensors").path)
    }

    struct TinyExpected: Decodable {
        let texts: [String]
        let max_seq_length: Int
        let token_ids: [[Int32]]
        let pooling: [String: [[Float]]]
        let dense: [String: [[Float]]]
        let pipeline: [[Float]]
        let f16: [[Float]]
        let bf16: [[Float]]
        let gelu_new: [[Float]]
        let sha256: String
    }

    static let tinyExpected: TinyExpected = {
        let data = try! Data(contentsOf: encoder.appendingPathComponent("tiny_expected.json"))
        return try! JSONDecoder().decode(TinyExpected.self, from: data)
    }()

    struct MiniLMGolden: Decodable {
        let texts: [String]
        let token_ids: [[Int32]]
    }

    static let miniLMGolden: (texts: [String], tokenIDs: [[Int32]], embeddings: [[Float]]) = {
        let json = try! JSONDecoder().decode(
            MiniLMGolden.self, from: Data(contentsOf: encoder.appendingPathComponent("minilm_golden.json")))
        let npy = encoder.appendingPathComponent("minilm_golden.npy")
        let matrix = try! NpyFile.readFloat32Matrix(Data(contentsOf: npy), path: npy.path)
        let rows = (0..<matrix.rows).map { Array(matrix.values[($0 * matrix.columns)..<(($0 + 1) * matrix.columns)]) }
        return (json.texts, json.token_ids, rows)
    }()

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunelens-embeddings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the tiny model folder that a test may modify.
    static func tinyCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("tiny")
        try FileManager.default.copyItem(at: tiny, to: folder)
        return folder
    }
}

/// Largest absolute difference between two equally long vectors.
func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return dot / max((na * nb).squareRoot(), 1e-30)
}

/// Expects every row of `actual` within `tolerance` of `expected`, naming the first row that is not.
func expectRows(_ actual: [[Float]], _ expected: [[Float]], tolerance: Float,
                sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(a.count == e.count, "row \(index) length", sourceLocation: sourceLocation)
        guard a.count == e.count else { return }
        let difference = maxAbsDifference(a, e)
        #expect(difference <= tolerance, "row \(index): max |diff| \(difference)", sourceLocation: sourceLocation)
    }
}
