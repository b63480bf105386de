import Core
import Foundation

/// The prompts a model is used with: the texts prepended to queries, documents and other texts before
/// tokenization, as sentence-transformers does with `config_sentence_transformers.json`'s `prompts`
/// and `default_prompt_name`; `--query-prompt` and `--document-prompt` override them.
public struct ModelPrompts: Sendable, Equatable {
    public var plain: String?
    public var query: String?
    public var document: String?

    public init(plain: String? = nil, query: String? = nil, document: String? = nil) {
        self.plain = plain
        self.query = query
        self.document = document
    }

    /// The prompt of a role; nil (or empty) means the text is encoded as it is.
    public func prompt(for role: TextRole) -> String? {
        switch role {
        case .plain: return plain
        case .query: return query
        case .document: return document
        }
    }

    /// What a model folder says (nothing for a model id, a precomputed file or a folder without the
    /// file), then the overrides.
    ///
    /// `encode_query` uses the prompt named "query"; `encode_document` the first of "document",
    /// "passage", "corpus"; `encode` the one `default_prompt_name` names.
    static func read(model reference: String, query: String?, document: String?) throws -> ModelPrompts {
        var prompts = ModelPrompts()
        let file = URL(fileURLWithPath: reference).appendingPathComponent("config_sentence_transformers.json")
        if FileManager.default.fileExists(atPath: file.path) {
            let value: JSONValue
            do {
                value = try JSONValue.parse([UInt8](try Data(contentsOf: file)))
            } catch {
                throw EvaluationError.invalidInput(file: file.path, reason: "not a readable JSON object (\(error))")
            }
            let named = Dictionary((value["prompts"]?.members ?? []).compactMap { member in
                member.value.string.map { (member.key, $0) }
            }, uniquingKeysWith: { first, _ in first })
            prompts.query = named["query"]
            prompts.document = named["document"] ?? named["passage"] ?? named["corpus"]
            prompts.plain = value["default_prompt_name"]?.string.flatMap { named[$0] }
        }
        if let query { prompts.query = query }
        if let document { prompts.document = document }
        return prompts
    }
}
