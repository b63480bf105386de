import Foundation

/// Pairs the user expects fine-tuning to move together (`closer`) or apart (`farther`).
public struct ProbeSet: Sendable {
    /// Which way the user expects a probe pair's similarity to move.
    public enum Expectation: String, Sendable, Equatable {
        case closer, farther
    }

    /// One probe: two texts, the expected direction, and its line in the file.
    public struct Probe: Sendable, Equatable {
        public var a: String
        public var b: String
        public var expect: Expectation
        public var line: Int

        public init(a: String, b: String, expect: Expectation, line: Int) {
            self.a = a
            self.b = b
            self.expect = expect
            self.line = line
        }
    }

    public let url: URL
    public let probes: [Probe]
    public let digest: String

    public init(url: URL, probes: [Probe], digest: String) {
        self.url = url
        self.probes = probes
        self.digest = digest
    }

    /// Reads `{"a": ..., "b": ..., "expect": "closer" | "farther"}` lines (JSONL; CSV/TSV with those
    /// columns also work).
    public static func read(_ url: URL) throws -> ProbeSet {
        let reader = try TableReader(url: url)
        var probes: [Probe] = []
        while let record = try reader.next() {
            let a = try record.text("a")
            let b = try record.text("b")
            let word = try record.string("expect")
            guard let expect = Expectation(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw DatasetError.invalidValue(file: reader.file, line: record.line, column: "expect",
                                                detail: "must be \"closer\" or \"farther\", got \"\(TableRecord.clip(word))\"")
            }
            probes.append(Probe(a: a, b: b, expect: expect, line: record.line))
        }
        guard !probes.isEmpty else { throw DatasetError.emptyData(file: reader.file) }
        return ProbeSet(url: url, probes: probes, digest: try reader.fileDigest())
    }
}
