import Foundation
import Testing
@testable import Embeddings

/// Every architecture against transformers + sentence-transformers on tiny random models: accents,
/// CJK, emoji, empty texts, texts past max_seq_length, batches of mixed lengths (sentence-transformers
/// padded them, tunelens packs them), prompts, and the folder's own settings.
@Suite("architectures: parity with sentence-transformers")
struct ArchitectureParityTests {
    static let tolerance: Float = 1e-5
    static let expected = ArchitectureFixtures.expected

    @Test("token ids in, sentence-transformers' embeddings out: no prompt, default, query and document prompts",
          arguments: ArchitectureFixtures.names)
    func tokenIDs(name: String) throws {
        let model = ArchitectureFixtures.model(name)
        let modules = try SentenceTransformerModules(folder: ArchitectureFixtures.url(name))
        #expect(modules.transformer.config.architecture.family.rawValue == model.model_type)
        for variant in ArchitectureFixtures.Variant.allCases {
            let (ids, promptName, embeddings) = variant.expectation(for: model)
            let promptLength = promptName.map { model.prompt_lengths[$0] ?? 0 } ?? 0
            let vectors = try modules.embed(tokenIDs: ids, promptLength: promptLength)
            let worst = worstDifference(vectors, embeddings)
            #expect(worst <= Self.tolerance, "\(name) \(variant.rawValue): max |diff| \(worst)")
        }
    }

    @Test("each text alone gives what the padded batch gave", arguments: ArchitectureFixtures.names)
    func batchIndependence(name: String) throws {
        let model = ArchitectureFixtures.model(name)
        let modules = try SentenceTransformerModules(folder: ArchitectureFixtures.url(name))
        let alone = try model.ids.map { try modules.embed(tokenIDs: [$0])[0] }
        let worst = worstDifference(alone, model.raw)
        #expect(worst <= Self.tolerance, "\(name): max |diff| \(worst)")
        #expect(model.ids.contains { $0.count == model.max_seq_length }, "\(name): some text reaches max_seq_length")
    }

    @Test("every architecture from text: the same token ids and embeddings, prompts applied as encode, encode_query and encode_document do",
          arguments: ArchitectureFixtures.names)
    func texts(name: String) throws {
        let model = ArchitectureFixtures.model(name)
        let encoder = try #require(try EncoderLoader.load(ArchitectureFixtures.url(name).path) as? SentenceTransformerEncoder)
        let texts = Self.expected.texts
        #expect(encoder.maxSequenceLength == model.max_seq_length)
        #expect(texts.map(encoder.tokenIDs) == model.ids)
        let query = try #require(encoder.usage.queryPrompt)
        let document = try #require(encoder.usage.documentPrompt)
        #expect(texts.map { encoder.tokenIDs(query + $0) } == model.query_ids)
        #expect(texts.map { encoder.tokenIDs(document + $0) } == model.document_ids)
        if !encoder.usage.poolsPromptTokens {
            #expect(encoder.promptLength(query) == model.prompt_lengths["query"])
            #expect(encoder.promptLength(document) == model.prompt_lengths["document"])
        }
        let cases: [(String, [[Float]], [[Float]])] = [
            ("no prompt", try encoder.encode(texts, prompt: nil), model.raw),
            ("default", try encoder.encode(texts), model.default),
            ("query", try encoder.encodeQueries(texts), model.query),
            ("document", try encoder.encodeDocuments(texts), model.document),
            ("query by name", try encoder.encode(texts, prompt: encoder.usage.prompt(named: "query")), model.query),
        ]
        for (label, vectors, embeddings) in cases {
            let worst = worstDifference(vectors, embeddings)
            #expect(worst <= Self.tolerance, "\(name) \(label): max |diff| \(worst)")
        }
    }

    @Test("prompts, default prompt, similarity and include_prompt are read from the folder",
          arguments: ArchitectureFixtures.names)
    func usage(name: String) throws {
        let model = ArchitectureFixtures.model(name)
        let modules = try SentenceTransformerModules(folder: ArchitectureFixtures.url(name))
        let usage = try ModelUsage(folder: ArchitectureFixtures.url(name), poolsPromptTokens: modules.poolsPromptTokens)
        #expect(usage.prompts == model.prompts)
        #expect(usage.defaultPromptName == model.default_prompt_name)
        #expect(usage.similarity.rawValue == model.similarity_fn_name)
        #expect(usage.poolsPromptTokens == !["distilbert", "roberta"].contains(name))
    }

    @Test("the fixtures exercise what they are for: MPNet's dot similarity and default prompts differ from plain encode")
    func fixturesExerciseSettings() throws {
        #expect(ArchitectureFixtures.model("mpnet").similarity_fn_name == "dot")
        #expect(ArchitectureFixtures.model("bert").default_prompt_name == "query")
        for name in ArchitectureFixtures.names {
            let model = ArchitectureFixtures.model(name)
            #expect(worstDifference(model.query, model.raw) > 1e-3, "\(name): the query prompt changes the embeddings")
        }
        // include_prompt false: the prompt's tokens are left out, so the query embedding is not the one of
        // the same ids pooled over every token.
        let distil = ArchitectureFixtures.model("distilbert")
        let modules = try SentenceTransformerModules(folder: ArchitectureFixtures.url("distilbert"))
        let pooledOverAll = try modules.embed(tokenIDs: distil.query_ids, promptLength: 0)
        #expect(worstDifference(pooledOverAll, distil.query) > 1e-3)
    }
}
