import Foundation
import Testing
@testable import Metrics

@Suite("Results encode to JSON for metrics.json")
struct EncodingTests {
    @Test("Pair classification and paired comparison encode (no infinity leaks) and round-trip")
    func encodes() throws {
        let c = try #require(Fixtures.pairFile.cases.first { $0.name == "backwards_baseline" })
        let result = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 50)
        let data = try JSONEncoder().encode(result)
        let decoded = try JSONDecoder().decode(PairClassification.self, from: data)
        #expect(decoded == result)
        #expect(decoded.roc.first?.threshold == .infinity)
        #expect(String(decoding: data, as: UTF8.self).contains(#""diagnosis":"backwards""#))
        // A zero-variance difference has an infinite z; it is left out rather than breaking JSON.
        let perfect = try #require(Fixtures.pairFile.cases.first { $0.name == "inverted_separation" })
        let comparison = try PairedComparison(baseline: perfect.baseline, finetuned: perfect.finetuned,
                                              labels: perfect.labels, bootstrapSamples: 20)
        #expect(comparison.delongP == 0 && comparison.delongZ == nil)
        _ = try JSONEncoder().encode(comparison)
    }
}
