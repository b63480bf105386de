import Foundation
import Testing
@testable import Metrics

/// Golden values written by scripts/fixtures/make_stats_fixtures.py from scipy, mpmath,
/// pytrec_eval, sentence-transformers and a plain-Python BM25, for the paired tests, Williams'
/// test, the ranking measures and BM25.
enum StatsFixtures {
    struct StudentTFile: Decodable { var cases: [StudentTCase] }

    struct StudentTCase: Decodable {
        var t: Double
        var nu: Double
        var two_sided_mpmath: Double
        var two_sided_scipy: Double
        var sf_scipy: Double
    }

    static let studentT: StudentTFile = try! Fixtures.load("student_t")

    struct PairedFile: Decodable {
        var cases: [PairedCase]
        var holm: [HolmCase]
    }

    struct PairedCase: Decodable, CustomTestStringConvertible {
        var name: String
        var baseline: [Double]
        var finetuned: [Double]
        var bootstrap_samples: Int
        var randomization_samples: Int
        var seed: UInt64
        var expected: PairedExpected
        var testDescription: String { name }
    }

    struct PairedExpected: Decodable {
        var count: Int
        var mean: Double
        var improved: Int
        var unchanged: Int
        var worsened: Int
        /// scipy's t; nil where scipy gives NaN or +-inf.
        var t: Double?
        var t_infinite: Bool
        var p: Double?
        var ci: [Double]?
        /// The sign-flip p recomputed in Python with the same draws; nil when not computed.
        var randomization_p: Double?
    }

    struct HolmCase: Decodable, CustomTestStringConvertible {
        var p: [Double?]
        var adjusted: [Double?]
        var testDescription: String { "\(p.count) p-values" }
    }

    static let paired: PairedFile = try! Fixtures.load("paired_tests")

    struct WilliamsFile: Decodable { var cases: [WilliamsCase] }

    struct WilliamsCase: Decodable, CustomTestStringConvertible {
        var name: String
        var gold: [Double]
        var baseline: [Double]
        var finetuned: [Double]
        var bootstrap_samples: Int
        var seed: UInt64
        var expected: WilliamsExpected
        var testDescription: String { name }
    }

    struct WilliamsExpected: Decodable {
        var r12: Double
        var r13: Double
        var r23: Double
        var t: Double
        var p: Double
        var delta_ci: [Double]
        var finetuned_spearman_ci: [Double]
    }

    static let williams: WilliamsFile = try! Fixtures.load("williams")

    struct RankingFile: Decodable {
        var rankings: [[Int]]
        /// Per query, [document, relevance] pairs.
        var qrels: [[[Int]]]
        var bootstrap_samples: Int
        var seed: UInt64
        var expected: RankingExpected

        var qrelDictionaries: [[Int: Int]] {
            qrels.map { pairs in Dictionary(uniqueKeysWithValues: pairs.map { ($0[0], $0[1]) }) }
        }
    }

    struct RankingExpected: Decodable {
        var evaluated: [Int]
        var skipped: Int
        var per_query: [String: [Double]]
        var mean: [String: Double]
        var ci: [String: [Double]]
        var recall_curve: [Double]
        var map_at_100_min_denominator_mean: Double
    }

    static let ranking: RankingFile = try! Fixtures.load("ranking")

    struct BM25File: Decodable {
        var small: BM25Small
        var large: BM25Large
    }

    struct BM25Small: Decodable {
        var documents: [String]
        var queries: [String]
        var k: Int
        var expected: BM25SmallExpected
    }

    struct BM25SmallExpected: Decodable {
        var terms: [[String]]
        var scores: [[Double]]
        var rankings: [[Int]]
    }

    struct BM25Large: Decodable {
        var documents: [String]
        var queries: [String]
        var expected: BM25LargeExpected
    }

    struct BM25LargeExpected: Decodable {
        var top10: [[Int]]
        var top10_scores: [[Double]]
        var all: [[Int]]
    }

    static let bm25: BM25File = try! Fixtures.load("bm25")
}

/// |a - e| / |e|, or |a - e| when e is 0.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    expected == 0 ? abs(actual - expected) : abs(actual - expected) / abs(expected)
}

func closeInterval(_ actual: ClosedInterval?, _ expected: [Double]?, _ tolerance: Double = metricTolerance) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a.lower - e[0]) <= tolerance && abs(a.upper - e[1]) <= tolerance
    default: return false
    }
}
