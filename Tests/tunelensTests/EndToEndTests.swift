import Foundation
import Testing

/// The real all-MiniLM-L6-v2 as the baseline (a real BERT forward pass in Swift), a precomputed
/// fine-tuned side, on the golden pairs; the baseline's numbers must match sentence-transformers'.
@Suite("End to end with all-MiniLM-L6-v2")
struct EndToEndTests {
    static var modelFolder: URL {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"] { return URL(fileURLWithPath: dir) }
        return TunelensProcess.repositoryRoot.appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }

    @Test("tunelens report with the real model: page, metrics and scores agree with sentence-transformers")
    func realModel() throws {
        let out = TunelensProcess.temporaryFolder("e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let g = TunelensProcess.golden
        let outcome = try TunelensProcess.run([
            "report", "--baseline", Self.modelFolder.path, "--finetuned", g.appendingPathComponent("finetuned.jsonl").path,
            "--data", g.appendingPathComponent("pairs.jsonl").path, "--name", "minilm", "--out", out.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let run = out.appendingPathComponent("minilm")
        let html = try String(contentsOf: run.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(html.contains("all-MiniLM-L6-v2"))

        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: g.appendingPathComponent("expected.json"))) as? [String: Any])
        let minilm = try #require(expected["minilm"] as? [String: Any])
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("metrics.json"))) as? [String: Any])
        let baseline = try #require((metrics["models"] as? [String: Any])?["baseline"] as? [String: Any])
        let auc = try #require((baseline["pair_classification"] as? [String: Any])?["auc"] as? Double)
        #expect(abs(auc - (minilm["auc"] as? Double ?? .nan)) < 1e-9)

        let scores = try #require(minilm["scores"] as? [Double])
        let lines = try String(contentsOf: run.appendingPathComponent("pairs.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == scores.count)
        for (line, reference) in zip(lines, scores) {
            let pair = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let cosine = try #require(pair["baseline"] as? Double)
            #expect(abs(cosine - reference) < 1e-4, "cosine \(cosine) vs sentence-transformers \(reference)")
        }
    }
}
