import Core
import Embeddings
import Foundation

/// Writes a trained adapter as a sentence-transformers model folder that loads as is.
///
/// The folder holds the base model's files (hard-linked where the file system allows, else copied),
/// its modules unchanged, then one `N_Dense` module per adapter layer and a final `N_Normalize`, and
/// `modules.json` listing them all. The adapter was trained on the base pipeline's output (after its own
/// Pooling, Dense and Normalize modules, whatever they are), so it is appended after them, never
/// spliced in. Plus `training_log.jsonl` and `tunelens_training.json`.
/// Dense folders follow sentence-transformers' `Dense.save`: `config.json` with `in_features`,
/// `out_features`, `bias`, `activation_function` (a torch class path), and `model.safetensors` with
/// `linear.weight` [out, in] and `linear.bias`. Only those four config keys are written: older
/// releases pass every key to `Dense(**config)`.
/// Writing is atomic: everything goes to a ``StagedFolder`` beside the output, swapped into place at the
/// end; a failure or an interruption leaves an earlier model folder as it was.
public enum AdapterModelWriter {
    /// Files of the base folder that describe the base model only and are not carried over.
    static let skippedBaseFiles: Set<String> = ["modules.json", "README.md"]

    public static func write(adapter: Adapter, baseFolder: URL, log: [TrainingLogEntry],
                             record: TrainingRecord, to output: URL, force: Bool) throws {
        let fm = FileManager.default
        let out = output.standardizedFileURL
        if let existing = try? fm.contentsOfDirectory(atPath: out.path), !existing.isEmpty, !force {
            throw FineTuningError.outputExists(path: out.path)
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: out.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw FineTuningError.outputExists(path: out.path)
        }
        let modulesURL = baseFolder.appendingPathComponent("modules.json")
        let baseModules = try readModules(modulesURL)

        do {
            try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            let staged = try StagedFolder(destination: out)
            let staging = staged.staging
            try linkOrCopyContents(of: baseFolder, into: staging)

            var modules = baseModules
            for layer in adapter.layers {
                let folder = "\(modules.count)_Dense"
                try writeDense(layer, to: staging.appendingPathComponent(folder))
                modules.append(module(index: modules.count, path: folder, type: "sentence_transformers.models.Dense"))
            }
            let normalize = "\(modules.count)_Normalize"
            let normalizeURL = staging.appendingPathComponent(normalize)
            try replaceDirectory(normalizeURL)
            try writeJSON(["module_input_name": "sentence_embedding", "module_output_name": "sentence_embedding"],
                          to: normalizeURL.appendingPathComponent("config.json"))
            modules.append(module(index: modules.count, path: normalize, type: "sentence_transformers.models.Normalize"))
            try writeJSON(modules, to: staging.appendingPathComponent("modules.json"))

            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = Data()
            for entry in log {
                lines.append(try encoder.encode(entry))
                lines.append(0x0A)
            }
            try lines.write(to: staging.appendingPathComponent("training_log.jsonl"), options: .atomic)
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(record).write(to: staging.appendingPathComponent("tunelens_training.json"), options: .atomic)

            try staged.commit()
        } catch let error as FineTuningError {
            throw error
        } catch {
            throw FineTuningError.io(path: out.path, detail: "cannot write the model folder (\(error))")
        }
    }

    /// One Dense module folder: `config.json` and `model.safetensors`.
    static func writeDense(_ layer: DenseLayer, to folder: URL) throws {
        try replaceDirectory(folder)
        let config: [String: Any] = [
            "in_features": layer.inFeatures,
            "out_features": layer.outFeatures,
            "bias": true,
            "activation_function": layer.activation.torchClassPath,
        ]
        try writeJSON(config, to: folder.appendingPathComponent("config.json"))
        try SafetensorsWriter.write([
            .init(name: "linear.weight", shape: [layer.outFeatures, layer.inFeatures], values: layer.weight),
            .init(name: "linear.bias", shape: [layer.outFeatures], values: layer.bias),
        ], metadata: ["format": "pt"], to: folder.appendingPathComponent("model.safetensors"))
    }

    static func module(index: Int, path: String, type: String) -> [String: Any] {
        ["idx": index, "name": String(index), "path": path, "type": type]
    }

    static func readModules(_ url: URL) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FineTuningError.baseModel(path: url.path, detail: "missing: the base must be a sentence-transformers folder")
        }
        guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], !list.isEmpty else {
            throw FineTuningError.baseModel(path: url.path, detail: "not a JSON list of modules")
        }
        return list
    }

    /// Hard-links every regular file (recursively) from `source` into `destination`, copying when a link
    /// is impossible (another file system); hidden files and `skippedBaseFiles` at the top are left out.
    static func linkOrCopyContents(of source: URL, into destination: URL) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: source.path).sorted() {
            if name.hasPrefix(".") || skippedBaseFiles.contains(name) { continue }
            try linkOrCopy(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }

    static func linkOrCopy(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        let resolved = source.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            try fm.createDirectory(at: destination, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: resolved.path).sorted() where !name.hasPrefix(".") {
                try linkOrCopy(resolved.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        } else if (try? fm.linkItem(at: resolved, to: destination)) == nil {
            try fm.copyItem(at: resolved, to: destination)
        }
    }

    static func replaceDirectory(_ url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    static func writeJSON(_ object: Any, to url: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try (data + Data([0x0A])).write(to: url, options: .atomic)
    }
}
