import Core

extension TokenizerJSON {
    /// The `normalizer`: null, or one of `BertNormalizer`, `NFC`, `NFD`, `NFKC`, `NFKD`,
    /// `Lowercase`, `Strip`, `StripAccents`, `Replace` (string or regex pattern), `Prepend`,
    /// `Precompiled`, `Nmt`, `ByteLevel`, `Sequence` of these.
    func normalizer(_ value: JSONValue?, depth: Int = 0) throws -> Normalizer? {
        guard let object = value, !object.isNull else { return nil }
        guard depth < 32 else { throw malformed("normalizer Sequences nested too deeply") }
        let type = try type(of: object, "the normalizer")
        switch type {
        case "BertNormalizer":
            return .bert(BertNormalizer(
                cleanText: object["clean_text"]?.bool ?? true,
                handleChineseChars: object["handle_chinese_chars"]?.bool ?? true,
                stripAccents: object["strip_accents"]?.bool,
                lowercase: object["lowercase"]?.bool ?? true))
        case "NFC", "NFD", "NFKC", "NFKD":
            return .unicode(UnicodeNormalizer.Form(rawValue: type)!)
        case "Lowercase":
            return .lowercase
        case "Strip":
            return .strip(left: object["strip_left"]?.bool ?? true, right: object["strip_right"]?.bool ?? true)
        case "StripAccents":
            return .stripAccents
        case "Nmt":
            return .nmt
        case "ByteLevel":
            return .byteLevel
        case "Prepend":
            guard let prepend = object["prepend"]?.string else { throw malformed("Prepend has no \"prepend\" string") }
            return .prepend(Array(prepend.unicodeScalars))
        case "Replace":
            guard let content = object["content"]?.string else { throw malformed("Replace has no \"content\" string") }
            do {
                return .replace(try TextPattern.parse(object["pattern"]), content: Array(content.unicodeScalars))
            } catch let error as TokenizerRegex.SyntaxError {
                throw unsupported("Replace normalizer: \(error.reason)")
            }
        case "Precompiled":
            guard let base64 = object["precompiled_charsmap"]?.string else {
                throw malformed("Precompiled has no \"precompiled_charsmap\" string")
            }
            do {
                return .precompiled(try PrecompiledCharsmap(base64: base64))
            } catch let error as PrecompiledCharsmap.FormatError {
                throw malformed("precompiled_charsmap: \(error.reason)")
            }
        case "Sequence":
            guard let parts = object["normalizers"]?.array else { throw malformed("normalizer Sequence has no \"normalizers\" array") }
            return .sequence(try parts.compactMap { try normalizer($0, depth: depth + 1) })
        default:
            throw unsupported("normalizer \(type)")
        }
    }
}
