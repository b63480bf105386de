import Foundation

/// The module list of a sentence-transformers folder (`modules.json`).
///
/// Each entry is `{idx, name, path, type}`; `type` is a Python class path that differs across
/// sentence-transformers versions (`sentence_transformers.models.Pooling`,
/// `sentence_transformers.sentence_transformer.modules.pooling.Pooling`, ...), so it is matched on the
/// class name. A folder without `modules.json` but with a `config.json` is a plain transformers
/// checkpoint, which sentence-transformers runs with mean pooling; so does this.
/// Source: sentence-transformers `SentenceTransformer.py` (`_load_sbert_model`, `_load_auto_model`).
struct ModuleManifest: Equatable {
    enum Kind: String, Equatable {
        case transformer = "Transformer"
        case pooling = "Pooling"
        case dense = "Dense"
        case normalize = "Normalize"
    }

    struct Entry: Equatable {
        let kind: Kind
        /// The module's folder relative to the model folder ("" is the model folder itself);
        /// nil for the mean pooling implied by a folder without `modules.json`.
        let path: String?
    }

    let entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries
    }

    init(folder: URL) throws {
        let url = folder.appendingPathComponent("modules.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("config.json").path) else {
                throw EmbeddingsError.missingFile(path: url.path)
            }
            entries = [Entry(kind: .transformer, path: ""), Entry(kind: .pooling, path: nil)]
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EmbeddingsError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        guard let list = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
            throw EmbeddingsError.invalidConfig(path: url.path, reason: "expected a JSON list of modules")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            guard let module = item as? [String: Any], let type = module["type"] as? String else {
                throw EmbeddingsError.invalidConfig(path: url.path, reason: "module \(index) has no \"type\"")
            }
            let className = type.split(separator: ".").last.map(String.init) ?? type
            guard let kind = Kind(rawValue: className) else {
                throw EmbeddingsError.unsupportedModel(
                    path: url.path, reason: "module \"\(type)\" is not one of Transformer, Pooling, Dense, Normalize")
            }
            let path = module["path"] as? String ?? ""
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw EmbeddingsError.invalidConfig(path: url.path, reason: "module path \"\(path)\" leaves the model folder")
            }
            entries.append(Entry(kind: kind, path: path))
        }
        guard entries.first?.kind == .transformer,
              entries.dropFirst().allSatisfy({ $0.kind != .transformer }) else {
            throw EmbeddingsError.unsupportedModel(path: url.path, reason: "expected one Transformer module, first")
        }
        self.entries = entries
    }
}
