import Foundation
import Testing
@testable import Embeddings

/// Inputs found by the `precomputed` fuzz target (Fuzz/Targets/EmbeddingsFuzz.swift) that crashed
/// or were wrongly accepted by the `.npy` reader; each must now be a one-line error.
@Suite("Regression: hostile .npy headers")
struct RegressionNpyTests {
    /// A version 1.0 `.npy` whose header declares `shape` and whose data is `dataBytes` zero bytes.
    static func npy(shape: String, dataBytes: Int = 0) -> Data {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
        header += String(repeating: " ", count: (64 - (11 + header.utf8.count) % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        bytes += [UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        return Data(bytes + Array(header.utf8) + [UInt8](repeating: 0, count: dataBytes))
    }

    @Test("a shape whose element count overflows is refused, not a trap", arguments: [
        "(4611686018427387904, 4)", "(9223372036854775807, 9223372036854775807)", "(2305843009213693952, 4)",
    ])
    func overflowingShape(shape: String) {
        #expect(throws: EmbeddingsError.invalidConfig(
            path: "m.npy", reason: "not a float32 .npy matrix: data size does not match the shape")) {
            try NpyFile.readFloat32Matrix(Self.npy(shape: shape), path: "m.npy")
        }
    }

    @Test("negative or non-integer dimensions are refused", arguments: ["(-1, 0)", "(0, -4)", "(2, x, 3)", "(2, 3.0)"])
    func badDimensions(shape: String) {
        #expect(throws: EmbeddingsError.invalidConfig(
            path: "m.npy", reason: "not a float32 .npy matrix: expected two non-negative dimensions")) {
            try NpyFile.readFloat32Matrix(Self.npy(shape: shape, dataBytes: 24), path: "m.npy")
        }
    }

    @Test("a well-formed header still reads")
    func wellFormed() throws {
        let matrix = try NpyFile.readFloat32Matrix(Self.npy(shape: "(2, 3)", dataBytes: 24), path: "m.npy")
        #expect(matrix.rows == 2 && matrix.columns == 3 && matrix.values == [Float](repeating: 0, count: 6))
    }
}
