import Evaluation
import Foundation

/// The committed golden run: 16 labelled pairs and two precomputed-embedding models
/// (scripts/fixtures/make_report_fixtures.py), with the numbers scikit-learn and scipy give.
enum GoldenRun {
    static var folder: URL {
        Bundle.module.url(forResource: "golden", withExtension: nil, subdirectory: "Resources")
            ?? repositoryRoot.appendingPathComponent("Tests/ReportsTests/Resources/golden")
    }

    static var expected: [String: Any] {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func config(name: String = "golden", baseline: String? = nil) -> RunConfig {
        var config = RunConfig()
        config.name = name
        config.title = "Golden run"
        config.baseline = baseline ?? folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = folder.appendingPathComponent("finetuned.jsonl").path
        config.data = folder.appendingPathComponent("pairs.jsonl").path
        config.hyperparameters = [HyperparameterEntry(key: "epochs", value: "4")]
        return config
    }

    static func evaluate(_ config: RunConfig = config(), bootstrapSamples: Int = 200) throws -> RunResult {
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens", "report", "golden"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = bootstrapSamples
        return try evaluation.run()
    }

    /// The repository root, from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunelens-\(label)-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
