import Core
import Foundation

/// Reads huggingface/tokenizers' `tokenizer.json` (`tokenizer/serialization.rs`) into a ``Tokenizer``.
///
/// Every part the file names is either reproduced exactly or refused with a one-line
/// ``TokenizerError`` naming the file: see ``TokenizerJSON/normalizer(_:)``,
/// ``TokenizerJSON/preTokenizer(_:)``, ``TokenizerJSON/model(_:)`` and
/// ``TokenizerJSON/postProcessor(_:)``. Hostile files (huge, deeply nested, merges naming unknown
/// tokens, a charsmap pointing outside itself, non-finite scores) are errors, never a crash.
struct TokenizerJSON {
    /// The largest `tokenizer.json` read (real ones are at most a few tens of MiB).
    static let maximumFileSize = 256 << 20
    /// The file's path, for messages.
    let file: String
    /// The most vocabulary entries, merges or added tokens accepted (real vocabularies hold up to
    /// ~260k; 2^22 keeps a hostile file's memory bounded).
    var maximumEntries = 1 << 22

    func malformed(_ reason: String) -> TokenizerError { .malformed(file: file, reason: reason) }
    func unsupported(_ reason: String) -> TokenizerError { .unsupported(file: file, reason: reason) }

    static func tokenizer(file url: URL, modelMaxLength: Int?, padToken: String? = nil) throws -> Tokenizer {
        let reader = TokenizerJSON(file: url.path)
        return try reader.tokenizer(root: reader.read(url), modelMaxLength: modelMaxLength, padToken: padToken)
    }

    /// Builds the tokenizer from the parsed file.
    func tokenizer(root: JSONValue, modelMaxLength: Int?, padToken: String? = nil) throws -> Tokenizer {
        if let version = root["version"], version.string != "1.0" {
            throw unsupported("version \(version.string.map { "\"\($0)\"" } ?? "is not a string"), expected \"1.0\"")
        }
        let model = try model(root["model"])
        let normalizer = try normalizer(root["normalizer"])
        let preTokenizer = try preTokenizer(root["pre_tokenizer"])
        let addedTokens = try addedTokens(root["added_tokens"])
        let added = AddedVocabulary(addedTokens, model: model, normalizer: normalizer)
        func id(_ token: String) -> Int32? { added.id(of: token) ?? model.id(of: Array(token.utf8)) }
        let postProcessor = try postProcessor(root["post_processor"])
        let padID = padToken.flatMap(id) ?? root["padding"]?["pad_id"]?.id
            ?? id("[PAD]") ?? id("<pad>") ?? 0
        return Tokenizer(
            addedVocabulary: added, normalizer: normalizer, preTokenizer: preTokenizer, model: model,
            postProcessor: postProcessor, padID: padID, modelMaxLength: modelMaxLength)
    }

    /// The parsed file; one-line errors for unreadable, oversized, non-UTF-8 or invalid JSON.
    private func read(_ url: URL) throws -> JSONValue {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            guard size <= Self.maximumFileSize else {
                throw malformed("the file is larger than \(Self.maximumFileSize >> 20) MiB")
            }
            data = try Data(contentsOf: url)
        } catch let error as TokenizerError {
            throw error
        } catch {
            throw malformed("cannot be read")
        }
        guard String(data: data, encoding: .utf8) != nil else { throw malformed("not UTF-8 text") }
        let root: JSONValue
        do {
            root = try JSONValue.parse([UInt8](data))
        } catch {
            throw malformed("invalid JSON at byte \(error.offset): \(error.reason)")
        }
        guard root.members != nil else { throw malformed("top level is not a JSON object") }
        return root
    }

    /// `added_tokens`: content and flags; the `id` field is not used (see ``AddedVocabulary``).
    private func addedTokens(_ value: JSONValue?) throws -> [AddedVocabulary.Token] {
        guard let value, !value.isNull else { return [] }
        guard let array = value.array else { throw malformed("\"added_tokens\" is not an array") }
        guard array.count <= maximumEntries else {
            throw malformed("\(array.count) added tokens; the most accepted is \(maximumEntries)")
        }
        return try array.map { token in
            guard let content = token["content"]?.string, token["id"]?.id != nil else {
                throw malformed("an added token lacks \"content\" or \"id\"")
            }
            let special = token["special"]?.bool ?? false
            return AddedVocabulary.Token(
                content: content, singleWord: token["single_word"]?.bool ?? false,
                leftStrip: token["lstrip"]?.bool ?? false, rightStrip: token["rstrip"]?.bool ?? false,
                normalized: token["normalized"]?.bool ?? !special)
        }
    }

    /// The `type` of a component, or an error naming what lacks one.
    func type(of object: JSONValue, _ what: String) throws -> String {
        guard object.members != nil else { throw malformed("\(what) is not an object") }
        guard let type = object["type"]?.string else { throw malformed("\(what) has no \"type\"") }
        return type
    }
}
