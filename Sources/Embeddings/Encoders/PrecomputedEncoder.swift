import Core
import Foundation

/// Embeddings computed elsewhere (an API model, another architecture), read from a JSONL file with one
/// `{"text": ..., "embedding": [...]}` per line.
///
/// Every embedding must be finite and of one length, at most ``maximumDimension`` values. A text listed
/// twice must carry the same embedding. Asking for a text the file does not hold is an error naming the file.
/// A prompt is looked up as part of the text (the text as it was encoded): the file holds whatever the
/// user's own job embedded, so "query: what is x" answers a query "what is x" with the prompt "query: ".
final class PrecomputedEncoder: TextEncoder {
    /// Only the texts of the file have embeddings.
    var encodesAnyText: Bool { false }
    /// The longest embedding accepted: 16 times the widest common models (4,096), so a hostile line
    /// of a million numbers is refused instead of becoming a million-column matrix per text.
    static let maximumDimension = 65_536

    let name: String
    let url: URL
    let dimension: Int
    let digest: String
    private let embeddings: [String: [Float]]

    init(url: URL) throws {
        self.url = url
        name = url.lastPathComponent
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EmbeddingsError.unreadable(path: path, reason: error.localizedDescription)
        }
        digest = ContentDigest.hex(of: data)
        var embeddings: [String: [Float]] = [:]
        var dimension: Int?
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            func bad(_ reason: String) -> EmbeddingsError {
                .invalidLine(path: path, line: lineNumber, reason: reason)
            }
            guard let text = String(data: Data(line), encoding: .utf8) else { throw bad("not UTF-8") }
            if text.allSatisfy(\.isWhitespace) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)),
                  let record = object as? [String: Any] else {
                throw bad("not a JSON object")
            }
            guard let key = record["text"] as? String else { throw bad("missing \"text\" string") }
            guard let list = record["embedding"] as? [Any], !list.isEmpty else {
                throw bad("missing \"embedding\" list of numbers")
            }
            guard list.count <= Self.maximumDimension else {
                throw bad("embedding has \(list.count) values; the most accepted is \(Self.maximumDimension)")
            }
            var vector: [Float] = []
            vector.reserveCapacity(list.count)
            for item in list {
                guard let number = item as? NSNumber, !(item is String) else {
                    throw bad("\"embedding\" holds a value that is not a number")
                }
                let value = Float(number.doubleValue)
                guard value.isFinite else { throw bad("\"embedding\" holds a value that is not finite") }
                vector.append(value)
            }
            if let dimension, vector.count != dimension {
                throw bad("embedding has \(vector.count) values, earlier lines have \(dimension)")
            }
            dimension = vector.count
            if let earlier = embeddings[key], earlier != vector {
                throw bad("the text \(EmbeddingsError.quoted(key)) appears earlier with a different embedding")
            }
            embeddings[key] = vector
        }
        guard let dimension else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "no embeddings in the file")
        }
        self.dimension = dimension
        self.embeddings = embeddings
    }

    func encode(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        let prefix = prompt ?? ""
        let vectors = try texts.map { text -> [Float] in
            guard let vector = embeddings[prefix + text] else {
                throw EmbeddingsError.textNotPrecomputed(path: url.path, text: prefix + text)
            }
            return vector
        }
        progress?(texts.count, texts.count)
        return vectors
    }
}
