import Foundation

/// The per-pair scores of one run, from its `pairs.jsonl`: one line per evaluated pair in data
/// order, `{"i": 0, "text_a": ..., "text_b": ..., "label": 1, "baseline": 0.43, "finetuned": 0.81}`.
struct PairScores {
    struct Pair {
        var index: Int
        var textA: String
        var textB: String
        var label: Int
        var baseline: Double
        var finetuned: Double
    }

    var pairs: [Pair]
    var labels: [Bool]
    var finetuned: [Double]
    /// Every pair's gold similarity (`"score"`), when every line has one (graded pairs).
    var gold: [Double]?
    /// Whether the pairs carry labels (pair classification); graded pairs of an STS run do not, and
    /// then there is no AUC, no verdict and no class histogram to compare.
    var labelled = true
    /// FNV-1a (64 bit) over every pair's texts and label, so that two runs' pairs compare in O(1)
    /// when the index compares many runs.
    var fingerprint: UInt64

    init(pairs: [Pair], gold: [Double]? = nil) {
        self.pairs = pairs
        self.gold = gold?.count == pairs.count ? gold : nil
        labels = pairs.map { $0.label == 1 }
        finetuned = pairs.map(\.finetuned)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        for pair in pairs {
            mix(pair.textA.utf8)
            mix([0xff])
            mix(pair.textB.utf8)
            mix([0xfe, UInt8(pair.label)])
        }
        fingerprint = hash
    }

    private struct Line: Decodable {
        var i: Int?
        var text_a: String
        var text_b: String
        var label: Int?
        var baseline: Double
        var finetuned: Double
        var score: Double?
    }

    /// Reads `directory/pairs.jsonl`; `nil` when the run has none.
    static func load(directory: URL) throws -> PairScores? {
        let file = directory.appendingPathComponent("pairs.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw SiteError.io(path: file.path, reason: "cannot read")
        }
        let decoder = JSONDecoder()
        var pairs: [Pair] = []
        var gold: [Double]? = []
        var labelled: Bool?
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
                continue
            }
            let decoded: Line
            do {
                decoded = try decoder.decode(Line.self, from: Data(line))
            } catch {
                throw SiteError.malformedPairs(path: file.path, line: lineNumber, reason: Self.reason(error))
            }
            // A graded pair (an STS run) has a gold score and no label; a labelled pair a 0 or a 1.
            if let label = decoded.label {
                guard label == 0 || label == 1 else {
                    throw SiteError.malformedPairs(path: file.path, line: lineNumber, reason: "label must be 0 or 1, got \(label)")
                }
                labelled = labelled ?? true
            } else {
                guard decoded.score != nil else {
                    throw SiteError.malformedPairs(path: file.path, line: lineNumber, reason: "missing key \"label\" (or \"score\" for a graded pair)")
                }
                labelled = labelled ?? false
            }
            guard labelled == (decoded.label != nil) else {
                throw SiteError.malformedPairs(path: file.path, line: lineNumber, reason: "some lines have a label and some do not")
            }
            pairs.append(Pair(index: decoded.i ?? pairs.count, textA: decoded.text_a, textB: decoded.text_b,
                              label: decoded.label ?? 0, baseline: decoded.baseline, finetuned: decoded.finetuned))
            if let score = decoded.score, score.isFinite { gold?.append(score) } else { gold = nil }
        }
        var scores = PairScores(pairs: pairs, gold: gold)
        scores.labelled = labelled ?? true
        return scores
    }

    /// Whether `other` holds the same pairs (texts and labels) in the same order: the condition
    /// for a paired comparison, checked rather than trusted from the digest alone (texts by their
    /// 64-bit fingerprint, labels one by one).
    func scoresSamePairs(as other: PairScores) -> Bool {
        pairs.count == other.pairs.count && fingerprint == other.fingerprint && labels == other.labels
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _):
            return "missing key \"\(key.stringValue)\""
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            let key = context.codingPath.last?.stringValue ?? "value"
            return "\"\(key)\" has the wrong type"
        case DecodingError.dataCorrupted:
            return "not valid JSON"
        default:
            return "cannot read the line"
        }
    }
}
