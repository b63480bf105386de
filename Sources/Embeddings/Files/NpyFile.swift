import Foundation

/// NumPy `.npy` version 1.0 files of little-endian float32 (or float16) matrices, the format `tunelens embed`
/// writes (float32).
///
/// Layout: magic `\x93NUMPY`, version 1 0, little-endian u16 header length, an ASCII Python dict
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }` padded with spaces and a newline so
/// the data starts at a multiple of 64 bytes, then the values row-major.
/// Source: numpy `lib/format.py`.
public enum NpyFile {
    /// The bytes of an `N x D` float32 `.npy` file; every row must have `columns` values.
    public static func float32Matrix(_ rows: [[Float]], columns: Int) -> Data {
        matrix(rows, columns: columns, descr: "<f4") { value, data in
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
    }

    /// The same as float16 (`<f2`), each value rounded to the nearest half (as numpy's `astype`).
    public static func float16Matrix(_ rows: [[Float]], columns: Int) -> Data {
        matrix(rows, columns: columns, descr: "<f2") { value, data in
            withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
    }

    private static func matrix(_ rows: [[Float]], columns: Int, descr: String, append: (Float, inout Data) -> Void) -> Data {
        precondition(rows.allSatisfy { $0.count == columns }, "every row must have \(columns) values")
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(rows.count), \(columns)), }"
        let unpadded = 6 + 2 + 2 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.reserveCapacity(data.count + rows.count * columns * 4)
        for row in rows {
            for value in row { append(value, &data) }
        }
        return data
    }

    /// Reads a float32 (`<f4`), C-order, two-dimensional `.npy` file: (rows, columns, values).
    public static func readFloat32Matrix(_ data: Data, path: String) throws -> (rows: Int, columns: Int, values: [Float]) {
        let bytes = [UInt8](data)
        func invalid(_ reason: String) -> EmbeddingsError {
            .invalidConfig(path: path, reason: "not a float32 .npy matrix: \(reason)")
        }
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
            throw invalid("bad magic")
        }
        let major = bytes[6]
        let headerLengthSize = major == 1 ? 2 : 4
        guard major >= 1, major <= 3, bytes.count >= 8 + headerLengthSize else { throw invalid("unknown version") }
        var headerLength = 0
        for i in 0..<headerLengthSize { headerLength |= Int(bytes[8 + i]) << (8 * i) }
        let dataStart = 8 + headerLengthSize + headerLength
        guard dataStart <= bytes.count,
              let header = String(bytes: bytes[(8 + headerLengthSize)..<dataStart], encoding: .utf8) else {
            throw invalid("header runs past the file")
        }
        guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
              let open = header.range(of: "'shape': ("),
              let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw invalid("expected descr '<f4', C order and a shape")
        }
        let dimensions = header[open.upperBound..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { Int($0) ?? -1 }
        guard dimensions.count == 2, dimensions.allSatisfy({ $0 >= 0 }) else {
            throw invalid("expected two non-negative dimensions")
        }
        // A hostile shape such as (2^62, 4) must not overflow: the data size decides.
        let (count, overflow) = dimensions[0].multipliedReportingOverflow(by: dimensions[1])
        guard !overflow, count <= (bytes.count - dataStart) / 4, bytes.count - dataStart == count * 4 else {
            throw invalid("data size does not match the shape")
        }
        let values = (0..<count).map { i -> Float in
            let offset = dataStart + 4 * i
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
        return (dimensions[0], dimensions[1], values)
    }
}
