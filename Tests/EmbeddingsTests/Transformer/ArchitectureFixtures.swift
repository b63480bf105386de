import Foundation
@testable import Embeddings

/// The tiny models of every architecture and sentence-transformers' outputs on them
/// (Resources/architectures, made by scripts/fixtures/make_architecture_fixtures.py).
enum ArchitectureFixtures {
    static let folder = Fixtures.encoder.deletingLastPathComponent().appendingPathComponent("architectures")

    /// Every fixture model; the first three have WordPiece tokenizers, which tunelens runs end to end.
    static let names = ["bert", "mpnet", "distilbert", "roberta", "xlm_roberta", "modernbert"]

    struct Model: Decodable {
        let model_type: String
        let max_seq_length: Int
        let prompts: [String: String]
        let default_prompt_name: String?
        let similarity_fn_name: String
        /// Token ids of the texts with no prompt, after the query prompt, after the document prompt.
        let ids: [[Int32]]
        let query_ids: [[Int32]]
        let document_ids: [[Int32]]
        /// The tokens sentence-transformers leaves out of pooling when `include_prompt` is false.
        let prompt_lengths: [String: Int]
        /// `encode(prompt="")`, `encode()`, `encode_query()`, `encode_document()`.
        let raw: [[Float]]
        let `default`: [[Float]]
        let query: [[Float]]
        let document: [[Float]]
    }

    struct Buckets: Decodable {
        let first_offset: Int
        let buckets: [Int]
    }

    struct Expected: Decodable {
        let texts: [String]
        let models: [String: Model]
        let mpnet_relative_buckets: Buckets
    }

    static let expected: Expected = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    static func model(_ name: String) -> Model { expected.models[name]! }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// A copy of one fixture folder that a test may modify.
    static func copy(_ name: String) throws -> URL {
        let copy = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: url(name), to: copy)
        return copy
    }

    /// The four ways sentence-transformers encoded the texts: the ids it fed the model, the prompt
    /// length it excluded (when the pooling excludes prompts), and the embeddings it produced.
    enum Variant: String, CaseIterable {
        case raw, `default`, query, document

        func expectation(for model: Model) -> (ids: [[Int32]], promptName: String?, embeddings: [[Float]]) {
            switch self {
            case .raw: return (model.ids, nil, model.raw)
            case .query: return (model.query_ids, "query", model.query)
            case .document: return (model.document_ids, "document", model.document)
            case .default:
                switch model.default_prompt_name {
                case "query": return (model.query_ids, "query", model.default)
                case "document": return (model.document_ids, "document", model.default)
                default: return (model.ids, nil, model.default)
                }
            }
        }
    }
}

/// The largest absolute difference over all rows.
func worstDifference(_ actual: [[Float]], _ expected: [[Float]]) -> Float {
    zip(actual, expected).map { $0.count == $1.count ? maxAbsDifference($0, $1) : .infinity }.max() ?? 0
}
