import Core
import Embeddings
import Foundation
import Testing
@testable import Evaluation
@testable import Reports

/// The `.npy` forms of precomputed embeddings (SPEC section 2) against the JSONL form of the same
/// values: one run, the same metrics.json.
@Suite("JSONL and .npy precomputed embeddings give the same report")
struct NpyEquivalenceTests {
    /// 5,000 texts (past the exact-uniformity limit and one PCA block), 3,000 labelled pairs, 16 dimensions.
    struct Data {
        var texts: [String] = []
        var baseline: [[Float]] = []
        var finetuned: [[Float]] = []
        var pairs = ""

        init(texts count: Int = 5_000, pairs pairCount: Int = 3_000, dimension: Int = 16) {
            var random = SplitMix64(seed: 11)
            let topics = 40
            let centres = (0..<topics).map { _ in (0..<dimension).map { _ in Float(random.unit() * 2 - 1) } }
            var topic: [Int] = []
            for i in 0..<count {
                topic.append(random.index(below: topics))
                texts.append("text \(i) on topic \(topic[i])" + (i % 7 == 0 ? " \"quoted\" ünï" : ""))
            }
            for (signal, target) in [(Float(0.4), 0), (Float(0.9), 1)] {
                let rows = (0..<count).map { i in
                    (0..<dimension).map { c in signal * centres[topic[i]][c] + Float(random.unit() * 2 - 1) }
                }
                if target == 0 { baseline = rows } else { finetuned = rows }
            }
            var members = [[Int]](repeating: [], count: topics)
            for (i, t) in topic.enumerated() { members[t].append(i) }
            for _ in 0..<pairCount {
                let a = random.index(below: count)
                let same = members[topic[a]]
                let b = random.unit() < 0.5 ? same[random.index(below: same.count)] : random.index(below: count)
                pairs += "{\"text_a\": \(quoted(texts[a])), \"text_b\": \(quoted(texts[b])), \"label\": \(topic[a] == topic[b] ? 1 : 0)}\n"
            }
        }
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        JSONText.append(text, to: &out)
        return out
    }

    /// `{"text": ...}` lines, one per row.
    static func textsFile(_ texts: [String]) -> Foundation.Data {
        Foundation.Data(texts.map { "{\"text\": \(quoted($0))}\n" }.joined().utf8)
    }

    /// `{"text", "embedding"}` lines; each Float written as its exact Double value so it reads back bit for bit.
    static func jsonl(_ texts: [String], _ rows: [[Float]]) -> Foundation.Data {
        Foundation.Data(zip(texts, rows).map { text, row in
            "{\"text\": \(quoted(text)), \"embedding\": [\(row.map { "\(Double($0))" }.joined(separator: ", "))]}\n"
        }.joined().utf8)
    }

    /// Shards of `size` rows over the texts in a shuffled order, as a distributed job writes them.
    static func shards(_ texts: [String], _ rows: [[Float]], size: Int, half: Bool) -> [String: Foundation.Data] {
        var order = Array(texts.indices)
        var random = SplitMix64(seed: 5)
        random.shuffle(&order)
        var files: [String: Foundation.Data] = [:]
        for (n, start) in stride(from: 0, to: order.count, by: size).enumerated() {
            let part = order[start..<min(order.count, start + size)]
            let name = String(format: "%05d", n)
            let matrix = part.map { rows[$0] }
            files["embeddings-\(name).npy"] = half ? NpyFile.float16Matrix(matrix, columns: rows[0].count)
                : NpyFile.float32Matrix(matrix, columns: rows[0].count)
            files["texts-\(name).jsonl"] = textsFile(part.map { texts[$0] })
        }
        return files
    }

    static func metrics(baseline: URL, finetuned: URL, pairs: URL) throws -> [String: Any] {
        var config = RunConfig()
        config.name = "equivalence"
        config.baseline = baseline.path
        config.finetuned = finetuned.path
        config.data = pairs.path
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 200
        let text = MetricsDocument.json(for: try evaluation.run()).serialized()
        return try #require(try JSONSerialization.jsonObject(with: Foundation.Data(text.utf8)) as? [String: Any])
    }

    /// Every number equal to 1e-12, every other value equal; the model's name and digest (which name
    /// the files) and the command line are left out.
    static func compare(_ a: Any, _ b: Any, path: String = "") -> [String] {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return ["\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())"] }
            return x.keys.filter { !["digest", "name", "command_line"].contains($0) }
                .flatMap { compare(x[$0]!, y[$0]!, path: path + "." + $0) }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) items"] }
            return zip(x, y).enumerated().flatMap { compare($1.0, $1.1, path: "\(path)[\($0)]") }
        case let (x as NSNumber, y as NSNumber):
            return abs(x.doubleValue - y.doubleValue) <= 1e-12 ? [] : ["\(path): \(x) vs \(y)"]
        case let (x as String, y as String):
            return x == y ? [] : ["\(path): \(x) vs \(y)"]
        default:
            return "\(a)" == "\(b)" ? [] : ["\(path): \(a) vs \(b)"]
        }
    }

    @Test("float32: one file and shards give the JSONL form's metrics.json; float16 shards give the JSONL of their values'")
    func sameMetrics() throws {
        let data = Data()
        let root = GoldenRun.temporaryFolder("npy-equivalence")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ files: [String: Foundation.Data], in folder: String) throws -> URL {
            let url = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, bytes) in files { try bytes.write(to: url.appendingPathComponent(name)) }
            return url
        }
        let pairs = root.appendingPathComponent("pairs.jsonl")
        try Foundation.Data(data.pairs.utf8).write(to: pairs)
        let half = { (rows: [[Float]]) in rows.map { $0.map { Float(Float16($0)) } } }
        for (label, rows) in [("baseline", data.baseline), ("finetuned", data.finetuned)] {
            _ = try write(["\(label).jsonl": Self.jsonl(data.texts, rows), "\(label)-f16.jsonl": Self.jsonl(data.texts, half(rows))], in: ".")
            _ = try write(["embeddings.npy": NpyFile.float32Matrix(rows, columns: rows[0].count),
                           "texts.jsonl": Self.textsFile(data.texts)], in: "\(label)-single")
            _ = try write(Self.shards(data.texts, rows, size: 1_700, half: false), in: "\(label)-shards")
            _ = try write(Self.shards(data.texts, rows, size: 2_048, half: true), in: "\(label)-f16-shards")
        }
        func run(_ baseline: String, _ finetuned: String) throws -> [String: Any] {
            try Self.metrics(baseline: root.appendingPathComponent(baseline), finetuned: root.appendingPathComponent(finetuned), pairs: pairs)
        }
        let reference = try run("baseline.jsonl", "finetuned.jsonl")
        let auc = try #require(((reference["models"] as? [String: Any])?["finetuned"] as? [String: Any])?["pair_classification"] as? [String: Any])
        #expect((auc["auc"] as? Double ?? 0) > 0.6, "the data separate the classes")
        #expect(Self.compare(reference, try run("baseline-single", "finetuned-single")) == [])
        #expect(Self.compare(reference, try run("baseline-shards", "finetuned-shards")) == [])
        #expect(Self.compare(reference, try run("baseline-single", "finetuned.jsonl")) == [])
        let halfReference = try run("baseline-f16.jsonl", "finetuned-f16.jsonl")
        #expect(Self.compare(halfReference, try run("baseline-f16-shards", "finetuned-f16-shards")) == [])
        #expect(!Self.compare(reference, halfReference).isEmpty, "float16 rounding changes the numbers: the check can fail")
    }
}
