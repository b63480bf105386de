import Core

extension TokenizerJSON {
    /// The `post_processor` for a single text: null (nothing added), `BertProcessing`,
    /// `RobertaProcessing`, `TemplateProcessing`, `ByteLevel` (offsets only) or a `Sequence`.
    func postProcessor(_ value: JSONValue?, depth: Int = 0) throws -> PostProcessor {
        guard let object = value, !object.isNull else { return PostProcessor() }
        guard depth < 32 else { throw malformed("post_processor Sequences nested too deeply") }
        let type = try type(of: object, "the post_processor")
        switch type {
        case "BertProcessing", "RobertaProcessing":
            guard let cls = object["cls"]?.array, cls.count == 2, cls[0].string != nil, let clsID = cls[1].id,
                  let sep = object["sep"]?.array, sep.count == 2, sep[0].string != nil, let sepID = sep[1].id else {
                throw malformed("\(type) needs \"cls\" and \"sep\" as [token, id]")
            }
            return PostProcessor(prefix: [clsID], suffix: [sepID])
        case "TemplateProcessing":
            return try template(object)
        case "ByteLevel":
            return PostProcessor()
        case "Sequence":
            guard let parts = object["processors"]?.array else { throw malformed("post_processor Sequence has no \"processors\" array") }
            return try parts.reduce(PostProcessor()) { $0.then(try postProcessor($1, depth: depth + 1)) }
        default:
            throw unsupported("post_processor \(type)")
        }
    }

    /// TemplateProcessing's `single`: special tokens (their `ids` from `special_tokens`) around one `$A`.
    private func template(_ object: JSONValue) throws -> PostProcessor {
        guard let single = object["single"]?.array else { throw malformed("TemplateProcessing has no \"single\" template") }
        var processor = PostProcessor()
        var sawSequence = false
        for piece in single {
            if let sequence = piece["Sequence"] {
                guard sequence["id"]?.string == "A", !sawSequence else {
                    throw unsupported("TemplateProcessing single template must hold $A once and no $B")
                }
                sawSequence = true
            } else if let name = piece["SpecialToken"]?["id"]?.string {
                guard let ids = object["special_tokens"]?[name]?["ids"]?.array else {
                    throw malformed("TemplateProcessing special token \"\(name)\" is not in \"special_tokens\"")
                }
                let values = try ids.map { value -> Int32 in
                    guard let id = value.id else { throw malformed("TemplateProcessing special token \"\(name)\" has a bad id") }
                    return id
                }
                if sawSequence { processor.suffix += values } else { processor.prefix += values }
            } else {
                throw malformed("TemplateProcessing piece is neither Sequence nor SpecialToken")
            }
        }
        guard sawSequence else { throw unsupported("TemplateProcessing single template must hold $A once and no $B") }
        return processor
    }
}
