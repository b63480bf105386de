import Foundation
import Testing
@testable import Embeddings

@Suite("sentence-transformers folders")
struct SentenceTransformerEncoderTests {
    static let expected = Fixtures.tinyExpected

    @Test("the tiny pipeline (Transformer, Pooling, Dense, Normalize) matches from text to embedding")
    func pipeline() throws {
        let encoder = try EncoderLoader.load(Fixtures.tiny.path)
        #expect(encoder.dimension == 16)
        #expect(encoder.name == "tiny")
        #expect(encoder.digest.count == 64)
        var reports: [Int] = []
        let vectors = try encoder.encode(Self.expected.texts) { done, total in
            #expect(total == Self.expected.texts.count)
            reports.append(done)
        }
        expectRows(vectors, Self.expected.pipeline, tolerance: 2e-5)
        #expect(reports.first == 0 && reports.last == Self.expected.texts.count && reports == reports.sorted())
    }

    @Test("the digest covers every file that decides the output, so an adapter changes it")
    func digestCoversModules() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-digest-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.tiny, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let original = try SentenceTransformerEncoder(folder: Fixtures.tiny, name: "tiny")
        #expect(try SentenceTransformerEncoder(folder: copy, name: "copy").digest == original.digest)
        #expect(original.definingFiles.contains("2_Dense/model.safetensors"))
        #expect(original.definingFiles.contains("model.safetensors"))

        // Same Transformer weights, different Dense config: a different model, so a different digest.
        let denseConfig = copy.appendingPathComponent("2_Dense/config.json")
        let edited = try String(contentsOf: denseConfig, encoding: .utf8) + "\n"
        try edited.write(to: denseConfig, atomically: true, encoding: .utf8)
        #expect(try SentenceTransformerEncoder(folder: copy, name: "copy").digest != original.digest)
    }

    @Test("without max_seq_length, the limit is min(max_position_embeddings, model_max_length)")
    func sequenceLimit() throws {
        let encoder = try SentenceTransformerEncoder(folder: Fixtures.tiny, name: "tiny")
        #expect(encoder.maxSequenceLength == 24)
        #expect(Self.expected.texts.map(encoder.tokenIDs) == Self.expected.token_ids)
    }

    @Test("rows come back in input order, whatever the batching")
    func order() throws {
        let encoder = try EncoderLoader.load(Fixtures.tiny.path)
        let texts = Self.expected.texts
        let reversed = try encoder.encode(texts.reversed())
        expectRows(reversed.reversed(), Self.expected.pipeline, tolerance: 2e-5)
        #expect(try encoder.encode([]).isEmpty)
    }

    @Test("a folder without modules.json is run with mean pooling")
    func plainCheckpoint() throws {
        let folder = try Fixtures.tinyCopy()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("modules.json"))
        let encoder = try SentenceTransformerEncoder(folder: folder, name: "plain")
        #expect(encoder.dimension == 32)
        expectRows(try encoder.embed(tokenIDs: Self.expected.token_ids), Self.expected.pooling["mean"]!, tolerance: 2e-5)
    }

    @Test("sentence_bert_config.json's max_seq_length truncates")
    func truncation() throws {
        let folder = try Fixtures.tinyCopy()
        try Data(#"{"max_seq_length": 5}"#.utf8).write(to: folder.appendingPathComponent("sentence_bert_config.json"))
        let encoder = try SentenceTransformerEncoder(folder: folder, name: "short")
        #expect(encoder.tokenIDs("the cat sat on the mat.") == [2, 10, 12, 14, 3])
    }

    /// Edits a copy of the tiny folder, loads it, and returns the error's text.
    static func loadError(_ edit: (URL) throws -> Void) throws -> String {
        let folder = try Fixtures.tinyCopy()
        try edit(folder)
        let error = #expect(throws: (any Error).self) { try EncoderLoader.load(folder.path) }
        return error.map { "\($0)" } ?? ""
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test("broken folders give one line naming the file")
    func brokenFolders() throws {
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("not an encoder tunelens runs", { try Self.write(#"{"model_type": "qwen3"}"#, to: $0.appendingPathComponent("config.json")) },
             "config.json: unsupported model: model_type \"qwen3\" is not one tunelens runs (BERT, RoBERTa, XLM-RoBERTa, MPNet, DistilBERT, ModernBERT); use precomputed embeddings for it"),
            ("remote code", { try Self.write(#"{"model_type": "nomic_bert", "auto_map": {"AutoModel": "nomic-ai/nomic-bert-2048--modeling_hf_nomic_bert.NomicBertModel"}}"#, to: $0.appendingPathComponent("config.json")) },
             "config.json: unsupported model: model_type \"nomic_bert\" is not one tunelens runs"),
            ("no weights", { try FileManager.default.removeItem(at: $0.appendingPathComponent("model.safetensors")) },
             "model.safetensors: file not found"),
            ("pickle only", { folder in
                try FileManager.default.moveItem(at: folder.appendingPathComponent("model.safetensors"),
                                                 to: folder.appendingPathComponent("pytorch_model.bin"))
            }, "pytorch_model.bin: unsupported model: only PyTorch pickle weights"),
            ("no config", { try FileManager.default.removeItem(at: $0.appendingPathComponent("config.json")) },
             "config.json: file not found"),
            ("wrong shape", { folder in
                var config = try String(contentsOf: folder.appendingPathComponent("config.json"), encoding: .utf8)
                config = config.replacingOccurrences(of: "\"intermediate_size\": 37", with: "\"intermediate_size\": 38")
                try Self.write(config, to: folder.appendingPathComponent("config.json"))
            }, "has shape [37, 32], config.json implies [38, 32]"),
            ("unknown module", { folder in
                try Self.write(#"[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},{"idx":1,"name":"1","path":"1_LSTM","type":"sentence_transformers.models.LSTM"}]"#,
                               to: folder.appendingPathComponent("modules.json"))
            }, "modules.json: unsupported model: module \"sentence_transformers.models.LSTM\""),
            ("dense wrong width", { folder in
                try Self.write(#"{"in_features": 31, "out_features": 16}"#, to: folder.appendingPathComponent("2_Dense/config.json"))
            }, "2_Dense/model.safetensors: tensor \"linear.weight\" has shape [16, 32]"),
            ("bad pooling mode", { folder in
                try Self.write(#"{"embedding_dimension": 32, "pooling_mode": "median"}"#,
                               to: folder.appendingPathComponent("1_Pooling/config.json"))
            }, "1_Pooling/config.json: unknown pooling mode \"median\""),
            ("truncated weights", { folder in
                let url = folder.appendingPathComponent("model.safetensors")
                try Data(contentsOf: url).prefix(1000).write(to: url)
            }, "model.safetensors: not a valid safetensors file"),
        ]
        for (label, edit, expected) in cases {
            let message = try Self.loadError(edit)
            #expect(message.contains(expected), "\(label): \(message)")
            #expect(!message.contains("\n"), "\(label): \(message)")
        }
    }
}

@Suite("Pooling configuration")
struct PoolingConfigTests {
    static func pooling(_ json: String) throws -> Pooling {
        let values = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return try Pooling(config: JSONConfig(path: "1_Pooling/config.json", values: values))
    }

    @Test("legacy booleans concatenate in sentence-transformers' order, whatever the key order")
    func legacy() throws {
        let pooling = try Self.pooling("""
            {"word_embedding_dimension": 8, "pooling_mode_lasttoken": true, "pooling_mode_mean_tokens": true,
             "pooling_mode_cls_token": true, "pooling_mode_max_tokens": false}
            """)
        #expect(pooling.modes == [.cls, .mean, .lastToken])
        #expect(pooling.outputDimension == 24)
    }

    @Test("no mode switched on means mean pooling")
    func defaultMean() throws {
        #expect(try Self.pooling(#"{"word_embedding_dimension": 8, "pooling_mode_cls_token": false}"#).modes == [.mean])
    }

    @Test("the pooling_mode string and list forms keep their order")
    func newForm() throws {
        #expect(try Self.pooling(#"{"embedding_dimension": 8, "pooling_mode": "weightedmean"}"#).modes == [.weightedMean])
        #expect(try Self.pooling(#"{"embedding_dimension": 8, "pooling_mode": ["max", "cls"]}"#).modes == [.max, .cls])
    }

    @Test("a missing dimension is an error naming the file")
    func missingDimension() {
        let error = #expect(throws: EmbeddingsError.self) { try Self.pooling(#"{"pooling_mode": "mean"}"#) }
        #expect(error?.description == "1_Pooling/config.json: missing \"embedding_dimension\"")
    }
}

@Suite("how a folder says to use the model")
struct ModelUsageTests {
    static func usage(_ json: String) throws -> ModelUsage {
        let folder = try Fixtures.temporaryFolder()
        try Data(json.utf8).write(to: folder.appendingPathComponent("config_sentence_transformers.json"))
        return try ModelUsage(folder: folder, poolsPromptTokens: true)
    }

    @Test("prompts, the default prompt and the similarity; empty prompts are no prompts")
    func reads() throws {
        let usage = try Self.usage(#"{"prompts": {"query": "query: ", "passage": "passage: ", "document": ""}, "default_prompt_name": "query", "similarity_fn_name": "manhattan"}"#)
        #expect(usage.prompts == ["query": "query: ", "passage": "passage: "])
        #expect(usage.defaultPrompt == "query: " && usage.queryPrompt == "query: ")
        #expect(usage.documentPrompt == "passage: ", "the first of document, passage, corpus that is set")
        #expect(usage.similarity == .manhattan)
        #expect(try Self.usage("{}") == ModelUsage())
        // sentence-transformers 6 has empty "query" and "document" prompts by default, so naming one is no error.
        #expect(try Self.usage(#"{"default_prompt_name": "document"}"#).defaultPrompt == nil)
        #expect(try ModelUsage(folder: Fixtures.temporaryFolder(), poolsPromptTokens: false) == ModelUsage(poolsPromptTokens: false))
    }

    @Test("bad settings are one-line errors naming the file")
    func errors() throws {
        let cases = [
            (#"{"similarity_fn_name": "jaccard"}"#, "similarity_fn_name \"jaccard\" is not one of cosine, dot, euclidean, manhattan"),
            (#"{"prompts": {"query": "q: "}, "default_prompt_name": "passage"}"#, "default_prompt_name \"passage\" is not one of the prompts"),
            (#"{"prompts": ["query: "]}"#, "\"prompts\" must map names to texts"),
        ]
        for (json, message) in cases {
            let error = #expect(throws: EmbeddingsError.self) { try Self.usage(json) }
            #expect(error?.description.hasSuffix("config_sentence_transformers.json: " + message) == true, "\(error?.description ?? "")")
        }
        let unknown = #expect(throws: EmbeddingsError.self) { try ModelUsage(prompts: ["query": "q: "]).prompt(named: "doc") }
        #expect(unknown?.description == "no prompt named \"doc\"; the model's prompts are query")
    }

    @Test("the four similarities, higher is more similar", arguments: SimilarityFunction.allCases)
    func similarity(function: SimilarityFunction) {
        let a: [Float] = [1, 2, 2], b: [Float] = [2, 0, 1]
        let expected: Double = switch function {
        case .cosine: 4 / (3 * 5.0.squareRoot())
        case .dot: 4
        case .euclidean: -6.0.squareRoot()
        case .manhattan: -4
        }
        #expect(abs(function.score(a, b) - expected) <= 1e-12)
        #expect(function.score(a, a) >= function.score(a, b))
    }
}
