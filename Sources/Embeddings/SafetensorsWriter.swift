import Core
import Foundation

/// Writes Float32 tensors as a `.safetensors` file that strict readers accept.
///
/// Layout (huggingface/safetensors, safetensors/src/tensor.rs): 8-byte little-endian header length N,
/// N bytes of UTF-8 JSON `{"__metadata__": {...}, name: {"dtype": "F32", "shape": [...],
/// "data_offsets": [begin, end]}, ...}`, then the data. Tensors are laid out in name order so the
/// offsets are sorted and tile the buffer exactly; the header is padded with spaces to a multiple of 8
/// (as the Rust writer does) so the data starts aligned. Output is deterministic: same tensors, same bytes.
public enum SafetensorsWriter {
    /// One tensor to write: row-major values whose count is the product of `shape`.
    public struct Tensor: Sendable {
        public var name: String
        public var shape: [Int]
        public var values: [Float]

        public init(name: String, shape: [Int], values: [Float]) {
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// The file's bytes. Precondition (programmer error): names are distinct and each shape matches
    /// its value count.
    public static func encode(_ tensors: [Tensor], metadata: [String: String] = [:]) -> Data {
        let sorted = tensors.sorted { $0.name < $1.name }
        precondition(Set(sorted.map(\.name)).count == sorted.count, "safetensors names must be unique")
        var entries: [String] = []
        if !metadata.isEmpty {
            let fields = metadata.keys.sorted().map { "\(JSONText.quoted($0)):\(JSONText.quoted(metadata[$0] ?? ""))" }
            entries.append("\"__metadata__\":{\(fields.joined(separator: ","))}")
        }
        var offset = 0
        for tensor in sorted {
            precondition(tensor.shape.reduce(1, *) == tensor.values.count && tensor.shape.allSatisfy { $0 >= 0 },
                         "tensor \(tensor.name) shape does not match its values")
            let end = offset + 4 * tensor.values.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(JSONText.quoted(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Data("{\(entries.joined(separator: ","))}".utf8)
        let padding = (8 - header.count % 8) % 8
        header.append(contentsOf: [UInt8](repeating: 0x20, count: padding))

        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        for tensor in sorted {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// Encodes and writes atomically (a temporary file renamed into place); rethrows Foundation's
    /// file error for the caller to name in its own module's error.
    public static func write(_ tensors: [Tensor], metadata: [String: String] = [:], to url: URL) throws {
        try encode(tensors, metadata: metadata).write(to: url, options: .atomic)
    }
}
