import Foundation

/// Small readers shared by the two file formats and `tokenizer_config.json`.
enum TokenizerFiles {
    /// The JSON object in `url`, or nil when the file does not exist.
    static func readObjectIfPresent(_ url: URL) throws -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try readObject(url)
    }

    static func readObject(_ url: URL) throws -> [String: Any] {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "cannot be read")
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "not valid JSON")
        }
        guard let object = value as? [String: Any] else {
            throw TokenizerError.malformed(file: name, reason: "top level is not a JSON object")
        }
        return object
    }

    /// `model_max_length` as a limit; transformers writes a huge number (1e30) for "no limit".
    static func modelMaxLength(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double >= 1, double < 1e12 else { return nil }
        return Int(double)
    }

    /// A token setting that is either a string or `{"content": "..."}` (an `AddedToken`).
    static func tokenContent(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let object = value as? [String: Any] { return object["content"] as? String }
        return nil
    }

    static func bool(_ value: Any?) -> Bool? {
        guard let number = value as? NSNumber else { return nil }
        return number.boolValue
    }
}
