import Foundation
import Testing

/// Golden values written by scripts/fixtures/make_metrics_fixtures.py from scikit-learn, scipy,
/// sentence-transformers and a numpy port of yandexdataschool/roc_comparison.
enum Fixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"),
                               "fixture \(name).json is missing from the test bundle")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    struct PairFile: Decodable {
        var threshold: Double
        var cases: [PairCase]
    }

    struct PairCase: Decodable, CustomTestStringConvertible {
        var name: String
        var labels: [Bool]
        var baseline: [Double]
        var finetuned: [Double]
        var expected: PairExpected
        var testDescription: String { name }
    }

    struct PairExpected: Decodable {
        var baseline: ModelExpected
        var finetuned: ModelExpected
        var comparison: ComparisonExpected
        var spearman: Double?
        var pearson: Double?
    }

    struct ModelExpected: Decodable {
        var auc: Double
        var roc_count: Int
        /// [index, fpr, tpr, threshold or null]
        var roc: [[Double?]]
        var average_precision: Double
        var mean_positive: Double
        var mean_negative: Double
        var cohens_d: Double?
        var at_threshold: [String: Double]
        var best_accuracy: [String: Double]
        var best_f1: [String: Double]
        var delong_auc: Double
        var delong_variance: Double?
    }

    struct ComparisonExpected: Decodable {
        var delta_auc: Double
        var delong_z: Double?
        var delong_p: Double?
        var delta_d: Double?
    }

    static let pairFile: PairFile = try! load("pair_classification")

    struct RetrievalFile: Decodable { var cases: [RetrievalCase] }

    struct RetrievalCase: Decodable, CustomTestStringConvertible {
        var name: String
        var queries: [[Double]]
        var corpus: [[Double]]
        var relevant: [[Int]]
        var k: [Int]
        var expected: RetrievalExpected
        var testDescription: String { name }
    }

    struct RetrievalExpected: Decodable {
        var accuracy: [Double]
        var precision: [Double]
        var recall: [Double]
        var mrr10: Double
        var ndcg10: Double
        var map100: Double
        var queries_evaluated: Int
    }

    static let retrievalFile: RetrievalFile = try! load("retrieval")

    struct SpaceFile: Decodable { var cases: [SpaceCase] }

    struct SpaceCase: Decodable, CustomTestStringConvertible {
        var name: String
        var rows: [[Double]]
        var left: [[Double]]
        var right: [[Double]]
        var expected: SpaceExpected
        var testDescription: String { name }
    }

    struct SpaceExpected: Decodable {
        var uniformity: Double
        var alignment: Double
        var anisotropy: Double
        var pca: [[Double]]
    }

    static let spaceFile: SpaceFile = try! load("space")

    struct LexicalFile: Decodable { var `case`: LexicalCase }

    struct LexicalCase: Decodable {
        var left: [String]
        var right: [String]
        var labels: [Bool]
        var baseline: [Double]
        var finetuned: [Double]
        var expected: LexicalExpected
    }

    struct LexicalExpected: Decodable {
        var jaccard: [Double]
        var shared: [[String]]
        var overlap_auc: Double
        var baseline_spearman: Double
        var finetuned_spearman: Double
        var baseline_controlled: ControlExpected
        var finetuned_controlled: ControlExpected
    }

    struct ControlExpected: Decodable {
        var auc: Double
        var residual_auc: Double
        var slope: Double
        var intercept: Double
        var cohens_d: Double?
        var residual_cohens_d: Double?
        var separation_explained: Double
    }
}

/// Float rows as the fixtures' Python side sees them: decimals converted to Float32.
func float32Rows(_ rows: [[Double]]) -> [[Float]] {
    rows.map { $0.map(Float.init) }
}

/// Absolute tolerance for every metric compared with a reference.
let metricTolerance = 1e-9

func close(_ actual: Double?, _ expected: Double?, _ tolerance: Double = metricTolerance) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= tolerance
    default: return false
    }
}

/// p-values: within 1e-6 relative; values below 1e-300 (underflow) count as equal.
func closeP(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= 1e-6 * abs(e) || (a < 1e-300 && e < 1e-300)
    default: return false
    }
}
