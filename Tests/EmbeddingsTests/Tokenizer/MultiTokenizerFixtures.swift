import Core
import Foundation
@testable import Embeddings

/// The tokenizers trained by scripts/fixtures/make_tokenizer_fixtures_multi.py and their golden ids
/// (Resources/tokenizer/multi): RoBERTa, ModernBERT, XLM-R, MPNet styles and variants of them.
enum MultiTokenizerFixtures {
    static func resource(_ path: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Resources/tokenizer/multi/\(path)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return url
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue.parse([UInt8](Data(contentsOf: resource(path))))
    }

    /// cases.json: the texts, and for each tokenizer its base, patch, ids and truncated encodings.
    static let cases: JSONValue = {
        do { return try json("cases.json") } catch { fatalError("cases.json: \(error)") }
    }()

    static var texts: [String] { cases["texts"]?.array?.compactMap(\.string) ?? [] }

    static var names: [String] { cases["tokenizers"]?.members?.map(\.key).sorted() ?? [] }

    static func entry(_ name: String) -> JSONValue { cases["tokenizers"]?[name] ?? .null }

    /// The tokenizer.json of `name`: its base file with its patch applied, as the script does.
    static func tokenizerJSON(_ name: String) throws -> JSONValue {
        let entry = entry(name)
        let base = try json("\(entry["base"]?.string ?? name)/tokenizer.json")
        guard let patch = entry["patch"]?.members else { return base }
        var root = base
        for (key, value) in patch {
            var resolved = resolve(value, in: base)
            if key == "model", case .object(let changes) = resolved, let model = base["model"] {
                var merged = model
                for (field, fieldValue) in changes { merged = merged.setting(field, fieldValue) }
                resolved = merged
            }
            root = root.setting(key, resolved)
        }
        return root
    }

    static func tokenizer(_ name: String) throws -> Tokenizer {
        try TokenizerJSON(file: "\(name)/tokenizer.json").tokenizer(root: tokenizerJSON(name), modelMaxLength: nil)
    }

    /// `{"$base": "a.b.0"}` stands for that part of the base file.
    private static func resolve(_ value: JSONValue, in base: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            if members.count == 1, members[0].key == "$base", let path = members[0].value.string {
                return path.split(separator: ".").reduce(base) { node, part in
                    if let index = Int(part), let array = node.array { return array[index] }
                    return node[String(part)] ?? .null
                }
            }
            return .object(members.map { ($0.key, resolve($0.value, in: base)) })
        case .array(let elements):
            return .array(elements.map { resolve($0, in: base) })
        default:
            return value
        }
    }
}

extension JSONValue {
    /// This object with `key` set to `value` (replaced in place, or appended).
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }
}
