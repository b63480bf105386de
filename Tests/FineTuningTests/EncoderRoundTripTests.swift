import Core
import Embeddings
import Foundation
import Testing
@testable import FineTuning

/// The saved folder read back by the shared encoder gives what the adapter computes by hand.
@Suite("Saved model round-trips through the encoder")
struct EncoderRoundTripTests {
    /// all-MiniLM-L6-v2 at `<repo>/.cache/models/all-MiniLM-L6-v2` or `$TUNELENS_MODEL_DIR`.
    static let modelFolder: URL? = {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("modules.json").path) ? folder : nil
    }()

    static let texts = [
        "I hike every weekend and want someone who loves the outdoors.",
        "Vegan for ten years; I would rather not date a meat eater.",
        "Honestly I just like long walks and good conversation.",
    ]

    @Test("Dense-applied embeddings equal the weights applied by hand, for both adapters",
          .enabled(if: modelFolder != nil, "needs all-MiniLM-L6-v2 (make setup, or TUNELENS_MODEL_DIR)"),
          arguments: [AdapterKind.linear, .mlp])
    func roundTrip(_ kind: AdapterKind) throws {
        let base = try #require(Self.modelFolder)
        let d = 384
        var adapter = kind == .linear ? Adapter.linear(dimension: d)
            : Adapter.mlp(dimension: d, hidden: 2 * d, activation: .relu, seed: 5)
        var rng = SplitMix64(seed: 99)
        adapter.parameters = adapter.parameters.map { $0.map { $0 + rng.uniform(0.05) } }

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-ft-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let record = AdapterModelWriterTests.record(adapter)
        try AdapterModelWriter.write(adapter: adapter, baseFolder: base, log: [], record: record, to: out, force: false)

        let baseEmbeddings = try EncoderLoader.load(base.path).encode(Self.texts)
        let tuned = try EncoderLoader.load(out.path)
        #expect(tuned.dimension == d)
        let tunedEmbeddings = try tuned.encode(Self.texts)
        let byHand = adapter.apply(baseEmbeddings).map { row -> [Float] in
            let norm = max(row.map { $0 * $0 }.reduce(0, +).squareRoot(), 1e-12)
            return row.map { $0 / norm }
        }
        for (got, expected) in zip(tunedEmbeddings, byHand) {
            let worst = zip(got, expected).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst < 1e-5, "max |encoder - by hand| = \(worst)")
        }
        // The adapter really moved the embeddings (the check above would be empty otherwise).
        let moved = zip(tunedEmbeddings[0], baseEmbeddings[0]).map { abs($0 - $1) }.max() ?? 0
        #expect(moved > 1e-3)
    }
}
