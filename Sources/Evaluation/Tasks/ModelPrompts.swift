import Embeddings

/// The prompts a model is used with in a run: the texts put before pair texts, queries and documents
/// before tokenization. They are the model folder's own (``ModelUsage``: `config_sentence_transformers.json`'s
/// `prompts` and `default_prompt_name`, as sentence-transformers' `encode`, `encode_query` and
/// `encode_document` apply them), unless `--query-prompt` / `--document-prompt` override them.
public struct ModelPrompts: Sendable, Equatable {
    public var plain: String?
    public var query: String?
    public var document: String?

    public init(plain: String? = nil, query: String? = nil, document: String? = nil) {
        self.plain = plain
        self.query = query
        self.document = document
    }

    /// The model's own prompts, then the run's overrides.
    init(usage: ModelUsage, query: String?, document: String?) {
        self.init(plain: usage.defaultPrompt, query: query ?? usage.queryPrompt, document: document ?? usage.documentPrompt)
    }

    /// The prompt of a role; nil (or empty) means the text is encoded as it is.
    public func prompt(for role: TextRole) -> String? {
        switch role {
        case .plain: return plain
        case .query: return query
        case .document: return document
        }
    }
}
