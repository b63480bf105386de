import Foundation

/// How a model folder says it should be used: the prompts, the default prompt and the similarity of
/// sentence-transformers' `config_sentence_transformers.json`, and whether its pooling counts prompt tokens.
///
/// A prompt is plain text prepended to each text before tokenization. sentence-transformers' `encode`
/// prepends the default prompt (``defaultPrompt``), `encode_query` the prompt named "query"
/// (``queryPrompt``), `encode_document` the first of "document", "passage", "corpus"
/// (``documentPrompt``). An empty prompt is no prompt and is dropped on reading. (sentence-transformers
/// 6.3 itself never reaches "passage" or "corpus": it pre-fills an empty "document" prompt, which wins.)
/// Source: sentence-transformers `SentenceTransformer.py` (`encode_query`, `encode_document`,
/// `_resolve_prompt`), `base/model.py`.
public struct ModelUsage: Sendable, Equatable {
    /// Prompt texts by name, e.g. `["query": "query: ", "document": "passage: "]`.
    public var prompts: [String: String]
    /// The prompt `encode` applies when given none; always a key of ``prompts``.
    public var defaultPromptName: String?
    /// The score the model was trained for; cosine when the folder names none.
    public var similarity: SimilarityFunction
    /// False when a Pooling module has `include_prompt: false`: the prompt's tokens (those of the prompt
    /// tokenized alone, without its closing special token) are left out of the pooled embedding, so
    /// encoding "query: x" and encoding "x" with the prompt "query: " give different embeddings.
    public var poolsPromptTokens: Bool

    public init(prompts: [String: String] = [:], defaultPromptName: String? = nil,
                similarity: SimilarityFunction = .cosine, poolsPromptTokens: Bool = true) {
        self.prompts = prompts
        self.defaultPromptName = defaultPromptName
        self.similarity = similarity
        self.poolsPromptTokens = poolsPromptTokens
    }

    /// The prompt `encode` applies when given none: the one named by `default_prompt_name`.
    public var defaultPrompt: String? { defaultPromptName.flatMap { prompts[$0] } }

    /// The prompt for queries (`encode_query`): the one named "query".
    public var queryPrompt: String? { prompts["query"] }

    /// The prompt for documents (`encode_document`): the first of "document", "passage", "corpus".
    public var documentPrompt: String? { ["document", "passage", "corpus"].lazy.compactMap { prompts[$0] }.first }

    /// The prompt to apply, as sentence-transformers' `encode(prompt=, prompt_name=)` resolves it: `text`
    /// when given, else the prompt called `name`, else the default prompt (nil: none).
    public func prompt(named name: String?, text: String?) throws -> String? {
        if let text { return text }
        if let name { return try prompt(named: name) }
        return defaultPrompt
    }

    /// The prompt called `name`; an error listing the names there are when there is none.
    public func prompt(named name: String) throws -> String {
        guard let prompt = prompts[name] else { throw EmbeddingsError.unknownPrompt(name: name, known: prompts.keys.sorted()) }
        return prompt
    }

    /// Reads `config_sentence_transformers.json` in `folder` (absent: no prompts, cosine).
    init(folder: URL, poolsPromptTokens: Bool) throws {
        self.init(poolsPromptTokens: poolsPromptTokens)
        guard let json = try JSONConfig.optional(folder.appendingPathComponent("config_sentence_transformers.json")) else {
            return
        }
        if json.has("prompts") {
            guard let values = json.values["prompts"] as? [String: Any] else {
                throw EmbeddingsError.invalidConfig(path: json.path, reason: "\"prompts\" must map names to texts")
            }
            for (name, value) in values {
                if value is NSNull { continue }
                guard let text = value as? String else {
                    throw EmbeddingsError.invalidConfig(path: json.path, reason: "prompt \"\(name)\" must be a string")
                }
                if !text.isEmpty { prompts[name] = text }
            }
        }
        if let name = try json.string("default_prompt_name") {
            // sentence-transformers 6 always has "query" and "document" prompts, empty unless set.
            let declared = (json.values["prompts"] as? [String: Any])?[name] != nil || ["query", "document"].contains(name)
            guard declared else {
                throw EmbeddingsError.invalidConfig(path: json.path, reason: "default_prompt_name \"\(name)\" is not one of the prompts")
            }
            // An empty default prompt is no prompt; it is dropped with the other empty ones.
            defaultPromptName = prompts[name] == nil ? nil : name
        }
        if let name = try json.string("similarity_fn_name") {
            guard let function = SimilarityFunction(rawValue: name) else {
                let known = SimilarityFunction.allCases.map(\.rawValue).joined(separator: ", ")
                throw EmbeddingsError.invalidConfig(path: json.path, reason: "similarity_fn_name \"\(name)\" is not one of \(known)")
            }
            similarity = function
        }
    }
}
