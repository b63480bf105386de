/// Which of a model's prompts a text is encoded with, as sentence-transformers' `encode`,
/// `encode_query` and `encode_document` choose it.
public enum TextRole: Hashable, Sendable {
    /// Pairs and similarity data: the model's default prompt, if any.
    case plain
    /// Retrieval queries: the "query" prompt.
    case query
    /// Retrieval documents: the "document" (or "passage", "corpus") prompt.
    case document
}

/// Every text a run needs encoded, each (text, role) once, in order of first request: the tasks
/// register what they need and get back row numbers, so texts shared by the data sets of a run are
/// encoded once per model.
struct TextRequests {
    struct Key: Hashable {
        var text: String
        var role: TextRole
    }

    private(set) var keys: [Key] = []
    private var rows: [Key: Int] = [:]

    /// The row of `text` encoded as `role`, registering it on first use.
    mutating func row(_ text: String, _ role: TextRole = .plain) -> Int {
        let key = Key(text: text, role: role)
        if let row = rows[key] { return row }
        rows[key] = keys.count
        keys.append(key)
        return keys.count - 1
    }

    var count: Int { keys.count }
}
