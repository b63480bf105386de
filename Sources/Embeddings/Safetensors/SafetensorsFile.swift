import Core
import Foundation

/// One tensor's entry in a safetensors header.
struct TensorInfo: Equatable, Sendable {
    let name: String
    let dtype: TensorDType
    let shape: [Int]
    /// Byte range in the data buffer (after the header), end exclusive.
    let begin: Int
    let end: Int

    var elementCount: Int { shape.reduce(1, *) }
}

/// A validated, memory-mapped safetensors file.
///
/// Layout: 8 bytes little-endian u64 `N`, `N` bytes of UTF-8 JSON header, then the data buffer.
/// The checks run in the order of huggingface/safetensors `safetensors/src/tensor.rs`
/// (`read_metadata`, `Metadata::validate`): file at least 8 bytes; `N` at most 100,000,000; the header
/// within the file; UTF-8 JSON; tensors sorted by `(begin, end)` tile the buffer from 0 with no gap or
/// overlap, each holding exactly `elements x dtype size` bytes (overflow-checked); the last end plus
/// `8 + N` is the file length. Duplicate names are rejected too (the Rust reader's serde map does).
final class SafetensorsFile: @unchecked Sendable {
    static let maxHeaderLength = 100_000_000

    let path: String
    /// Tensors by name.
    let tensors: [String: TensorInfo]
    /// The optional `__metadata__` string map.
    let metadata: [String: String]
    private let file: MappedFile
    private let dataStart: Int

    convenience init(url: URL) throws {
        try self.init(path: url.path)
    }

    init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path)
        let fileLength = file.count
        func invalid(_ reason: String) -> EmbeddingsError {
            .invalidSafetensors(path: path, reason: reason)
        }
        guard fileLength >= 8 else {
            throw invalid("the file is \(fileLength) bytes, shorter than its 8-byte header length")
        }
        let headerLength = file.withBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(Self.maxHeaderLength) else {
            throw invalid("header length \(headerLength) exceeds the limit of \(Self.maxHeaderLength) bytes")
        }
        let headerEnd = 8 + Int(headerLength)
        guard headerEnd <= fileLength else {
            throw invalid("header length \(headerLength) runs past the end of the \(fileLength)-byte file")
        }
        let headerBytes = file.withBytes { Data($0[8..<headerEnd]) }
        guard String(data: headerBytes, encoding: .utf8) != nil else {
            throw invalid("the header is not UTF-8")
        }
        let parsed = try Self.parseHeader(headerBytes, invalid: invalid)
        metadata = parsed.metadata

        var byName: [String: TensorInfo] = [:]
        for info in parsed.tensors { byName[info.name] = info }
        let sorted = parsed.tensors.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var expectedBegin = 0
        for info in sorted {
            guard info.begin == expectedBegin, info.end >= info.begin else {
                let problem = info.begin > expectedBegin ? "leaves a gap" : "overlaps another tensor"
                throw invalid("tensor \"\(info.name)\" at bytes \(info.begin)..<\(info.end) \(problem)")
            }
            var bytes = info.dtype.size
            var overflow = false
            for dimension in info.shape where !overflow {
                (bytes, overflow) = bytes.multipliedReportingOverflow(by: dimension)
            }
            guard !overflow, bytes == info.end - info.begin else {
                throw invalid("tensor \"\(info.name)\" of shape \(info.shape) and dtype \(info.dtype.rawValue) "
                    + "needs \(overflow ? "more than Int.max" : String(bytes)) bytes but has \(info.end - info.begin)")
            }
            expectedBegin = info.end
        }
        guard expectedBegin + headerEnd == fileLength else {
            throw invalid("the tensors end at byte \(expectedBegin + headerEnd) but the file has \(fileLength) bytes")
        }
        tensors = byName
        dataStart = headerEnd
    }

    /// The tensor named `name` converted to `Float`, row-major; nil when the file has no such tensor.
    func floats(_ name: String) throws -> [Float]? {
        guard let info = tensors[name] else { return nil }
        guard info.dtype.isConvertibleToFloat else {
            throw EmbeddingsError.invalidWeights(
                path: path, reason: "tensor \"\(name)\" has dtype \(info.dtype.rawValue); expected F32, F16 or BF16")
        }
        let count = info.elementCount
        let start = dataStart + info.begin
        return file.withBytes { bytes in
            Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                switch info.dtype {
                case .f32 where UInt32(littleEndian: 1) == 1:
                    if count > 0, let source = bytes.baseAddress {
                        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source + start, byteCount: 4 * count)
                    }
                case .f32:
                    for i in 0..<count {
                        buffer[i] = Float(bitPattern: UInt32(littleEndian:
                            bytes.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)))
                    }
                case .f16:
                    for i in 0..<count {
                        buffer[i] = HalfPrecision.float(fromF16: UInt16(littleEndian:
                            bytes.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self)))
                    }
                default:
                    for i in 0..<count {
                        buffer[i] = HalfPrecision.float(fromBF16: UInt16(littleEndian:
                            bytes.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self)))
                    }
                }
                initialized = count
            }
        }
    }

    // MARK: - Header

    private static func parseHeader(
        _ bytes: Data, invalid: (String) -> EmbeddingsError
    ) throws -> (tensors: [TensorInfo], metadata: [String: String]) {
        guard String(data: bytes, encoding: .utf8) != nil else { throw invalid("the header is not valid JSON") }
        let object: JSONValue
        do {
            object = try JSONValue.parse([UInt8](bytes))
        } catch {
            throw invalid("the header is not valid JSON")
        }
        guard let entries = object.members else {
            throw invalid("the header is not a JSON object")
        }
        var seen = Set<[UInt8]>()
        if let duplicate = entries.first(where: { !seen.insert(Array($0.key.utf8)).inserted }) {
            throw invalid("the header names \"\(duplicate.key)\" twice")
        }
        var metadata: [String: String] = [:]
        var tensors: [TensorInfo] = []
        for (name, value) in entries {
            if name == "__metadata__" {
                guard let map = value.members else {
                    throw invalid("__metadata__ is not an object")
                }
                for (key, item) in map {
                    guard let text = item.string else {
                        throw invalid("__metadata__ value for \"\(key)\" is not a string")
                    }
                    metadata[key] = text
                }
                continue
            }
            guard value.members != nil,
                  let dtypeName = value["dtype"]?.string,
                  let shape = nonNegativeIntegers(value["shape"]),
                  let offsets = nonNegativeIntegers(value["data_offsets"]), offsets.count == 2 else {
                throw invalid("tensor \"\(name)\" needs dtype, shape and two data_offsets")
            }
            guard let dtype = TensorDType(rawValue: dtypeName) else {
                throw invalid("tensor \"\(name)\" has unknown dtype \(dtypeName)")
            }
            tensors.append(TensorInfo(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1]))
        }
        return (tensors, metadata)
    }

    /// Whole non-negative numbers that fit an `Int`, as the header's shapes and offsets must be.
    private static func nonNegativeIntegers(_ value: JSONValue?) -> [Int]? {
        guard let items = value?.array else { return nil }
        var result: [Int] = []
        for item in items {
            guard let integer = item.integer, integer >= 0 else { return nil }
            result.append(integer)
        }
        return result
    }
}
