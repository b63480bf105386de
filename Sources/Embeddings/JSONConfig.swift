import Foundation

/// A JSON object read from a configuration file, with typed accessors whose errors name the file.
struct JSONConfig {
    let path: String
    let values: [String: Any]

    init(path: String, values: [String: Any]) {
        self.path = path
        self.values = values
    }

    /// Reads `url` as one JSON object; a missing file is `EmbeddingsError.missingFile`.
    init(url: URL) throws {
        path = url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EmbeddingsError.missingFile(path: url.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EmbeddingsError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw EmbeddingsError.invalidConfig(path: url.path, reason: "not valid JSON")
        }
        guard let values = object as? [String: Any] else {
            throw EmbeddingsError.invalidConfig(path: url.path, reason: "expected a JSON object")
        }
        self.values = values
    }

    /// Reads `url` when it exists, nil otherwise.
    static func optional(_ url: URL) throws -> JSONConfig? {
        FileManager.default.fileExists(atPath: url.path) ? try JSONConfig(url: url) : nil
    }

    func has(_ key: String) -> Bool {
        values[key] != nil && !(values[key] is NSNull)
    }

    func int(_ key: String) throws -> Int? {
        guard has(key) else { return nil }
        guard let number = values[key] as? NSNumber, let value = Int(exactly: number.doubleValue) else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "\"\(key)\" must be an integer")
        }
        return value
    }

    func requiredInt(_ key: String, atLeast minimum: Int = 1) throws -> Int {
        guard let value = try int(key) else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "missing \"\(key)\"")
        }
        guard value >= minimum else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "\"\(key)\" must be at least \(minimum), got \(value)")
        }
        return value
    }

    func double(_ key: String) throws -> Double? {
        guard has(key) else { return nil }
        guard let number = values[key] as? NSNumber, number.doubleValue.isFinite else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "\"\(key)\" must be a finite number")
        }
        return number.doubleValue
    }

    func bool(_ key: String) throws -> Bool? {
        guard has(key) else { return nil }
        guard let value = values[key] as? Bool else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "\"\(key)\" must be true or false")
        }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        guard let value = values[key] as? String else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "\"\(key)\" must be a string")
        }
        return value
    }
}
