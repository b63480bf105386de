import Foundation
import Testing
@testable import Embeddings

/// all-MiniLM-L6-v2 against sentence-transformers' own embeddings of varied texts
/// (Unicode, CJK, emoji, zero-width characters, texts past 256 tokens, empty ones).
@Suite("all-MiniLM-L6-v2 parity", .enabled(if: Fixtures.hasMiniLM, "needs .cache/models/all-MiniLM-L6-v2 (make model)"))
struct MiniLMParityTests {
    static let golden = Fixtures.miniLMGolden

    static func expectParity(_ vectors: [[Float]], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(vectors.count == golden.embeddings.count, sourceLocation: sourceLocation)
        for (index, (vector, expected)) in zip(vectors, golden.embeddings).enumerated() {
            let similarity = cosine(vector, expected)
            let difference = maxAbsDifference(vector, expected)
            #expect(similarity >= 0.9999, "text \(index): cosine \(similarity)", sourceLocation: sourceLocation)
            #expect(difference <= 1e-4, "text \(index): max |diff| \(difference)", sourceLocation: sourceLocation)
        }
    }

    @Test("texts to embeddings: the same tokens and vectors as sentence-transformers")
    func texts() throws {
        let encoder = try SentenceTransformerEncoder(folder: Fixtures.miniLM, name: "all-MiniLM-L6-v2")
        #expect(encoder.maxSequenceLength == 256)
        #expect(encoder.dimension == 384)
        for (index, text) in Self.golden.texts.enumerated() {
            #expect(encoder.tokenIDs(text) == Self.golden.tokenIDs[index], "text \(index)")
        }
        Self.expectParity(try encoder.encode(Self.golden.texts))
    }

    @Test("token ids to embeddings, independent of the tokenizer")
    func tokenIDs() throws {
        let encoder = try SentenceTransformerEncoder(folder: Fixtures.miniLM, name: "all-MiniLM-L6-v2")
        Self.expectParity(try encoder.embed(tokenIDs: Self.golden.tokenIDs))
    }
}
