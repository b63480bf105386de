import Core

extension TokenizerJSON {
    /// The `pre_tokenizer`: null, or one of `BertPreTokenizer`, `ByteLevel`, `Metaspace`,
    /// `Whitespace`, `WhitespaceSplit`, `Split`, `Punctuation`, `Digits`, `CharDelimiterSplit`,
    /// `Sequence` of these.
    func preTokenizer(_ value: JSONValue?, depth: Int = 0) throws -> PreTokenizer? {
        guard let object = value, !object.isNull else { return nil }
        guard depth < 32 else { throw malformed("pre_tokenizer Sequences nested too deeply") }
        let type = try type(of: object, "the pre_tokenizer")
        switch type {
        case "BertPreTokenizer":
            return .bert
        case "ByteLevel":
            return .byteLevel(ByteLevel.PreTokenizer(
                addPrefixSpace: object["add_prefix_space"]?.bool ?? true, useRegex: object["use_regex"]?.bool ?? true))
        case "Metaspace":
            return .metaspace(try metaspace(object))
        case "Whitespace":
            return .whitespace
        case "WhitespaceSplit":
            return .whitespaceSplit
        case "Split":
            let pattern: TextPattern
            do {
                pattern = try TextPattern.parse(object["pattern"])
            } catch let error as TokenizerRegex.SyntaxError {
                throw unsupported("Split pre-tokenizer: \(error.reason)")
            }
            return .split(pattern, try behavior(object["behavior"], default: nil), invert: object["invert"]?.bool ?? false)
        case "Punctuation":
            return .punctuation(try behavior(object["behavior"], default: .isolated))
        case "Digits":
            return .digits(individually: object["individual_digits"]?.bool ?? false)
        case "CharDelimiterSplit":
            guard let delimiter = object["delimiter"]?.string?.unicodeScalars, delimiter.count == 1 else {
                throw malformed("CharDelimiterSplit needs a one-character \"delimiter\"")
            }
            return .delimiter(delimiter.first!)
        case "Sequence":
            guard let parts = object["pretokenizers"]?.array else { throw malformed("pre_tokenizer Sequence has no \"pretokenizers\" array") }
            return .sequence(try parts.compactMap { try preTokenizer($0, depth: depth + 1) })
        default:
            throw unsupported("pre_tokenizer \(type)")
        }
    }

    /// Metaspace, including the older form with `add_prefix_space` instead of `prepend_scheme`.
    private func metaspace(_ object: JSONValue) throws -> MetaspacePreTokenizer {
        guard let replacement = object["replacement"]?.string?.unicodeScalars, replacement.count == 1 else {
            throw malformed("Metaspace needs a one-character \"replacement\"")
        }
        var scheme = MetaspacePreTokenizer.PrependScheme.always
        if let name = object["prepend_scheme"]?.string {
            guard let parsed = MetaspacePreTokenizer.PrependScheme(rawValue: name) else {
                throw malformed("Metaspace prepend_scheme \"\(name)\" is not always, first or never")
            }
            scheme = parsed
        }
        if object["add_prefix_space"]?.bool == false {
            // tokenizers refuses this unless prepend_scheme says "never" too (it defaults to "always").
            guard scheme == .never else { throw malformed("Metaspace add_prefix_space does not match prepend_scheme") }
            scheme = .never
        }
        return MetaspacePreTokenizer(replacement: replacement.first!, prependScheme: scheme,
                                     split: object["split"]?.bool ?? true)
    }

    private func behavior(_ value: JSONValue?, default fallback: SplitDelimiterBehavior?) throws -> SplitDelimiterBehavior {
        guard let name = value?.string else {
            if let fallback { return fallback }
            throw malformed("a split has no \"behavior\"")
        }
        guard let behavior = SplitDelimiterBehavior(rawValue: name) else {
            throw malformed("split behavior \"\(name)\" is not one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous")
        }
        return behavior
    }
}
