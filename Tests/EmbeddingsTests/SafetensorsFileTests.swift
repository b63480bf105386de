import Foundation
import Testing
@testable import Embeddings

/// Builds safetensors files byte by byte, valid or not.
struct SafetensorsBytes {
    var header: [UInt8]
    var data: [UInt8]
    var declaredLength: UInt64?
    /// Keep only this many bytes of the file.
    var keptBytes: Int?

    init(header: String, data: [UInt8] = []) {
        self.header = Array(header.utf8)
        self.data = data
    }

    init(rawHeader: [UInt8], data: [UInt8] = []) {
        header = rawHeader
        self.data = data
    }

    var bytes: [UInt8] {
        let length = declaredLength ?? UInt64(header.count)
        let all = withUnsafeBytes(of: length.littleEndian, Array.init) + header + data
        return Array(all.prefix(keptBytes ?? all.count))
    }

    func write(named name: String = "model.safetensors", in folder: URL? = nil) throws -> URL {
        let url = try (folder ?? Fixtures.temporaryFolder()).appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}

func littleEndianBytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
}

func littleEndianBytes(_ values: [UInt16]) -> [UInt8] {
    values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
}

@Suite("safetensors reader")
struct SafetensorsFileTests {
    @Test("reads F32, F16 and BF16 tensors as Float, with metadata and a padded header")
    func readsDtypes() throws {
        let f32: [Float] = [1.5, -2.25, 3e-8]
        let f16 = littleEndianBytes([UInt16(0x3C00), 0xC000, 0x7BFF, 0x0001, 0x3800, 0x7C00])
        let bf16 = littleEndianBytes([UInt16(0x3F80), 0xBF00, 0x4049])
        let header = """
          {"__metadata__": {"format": "pt"},
           "b": {"dtype": "F16", "shape": [2, 3], "data_offsets": [12, 24]},
           "a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]},
           "c": {"dtype": "BF16", "shape": [3], "data_offsets": [24, 30]},
           "position_ids": {"dtype": "I64", "shape": [1, 0], "data_offsets": [30, 30]}}   
        """
        let url = try SafetensorsBytes(header: header, data: littleEndianBytes(f32) + f16 + bf16).write()
        let file = try SafetensorsFile(url: url)
        #expect(file.metadata == ["format": "pt"])
        #expect(try file.floats("a") == f32)
        #expect(try file.floats("b") == [1, -2, 65504, 0x1p-24, 0.5, .infinity])
        #expect(try file.floats("c") == [1, -0.5, 3.140625])
        #expect(file.tensors["position_ids"]?.dtype == .i64)
        #expect(try file.floats("missing") == nil)
        #expect(throws: EmbeddingsError.self) { try file.floats("position_ids") }
    }

    @Test("reads the real model's header", .enabled(if: Fixtures.hasMiniLM))
    func realModel() throws {
        let file = try SafetensorsFile(url: Fixtures.miniLM.appendingPathComponent("model.safetensors"))
        #expect(file.tensors["embeddings.word_embeddings.weight"]?.shape == [30522, 384])
    }

    static let hostile: [(String, SafetensorsBytes, String)] = {
        var short = SafetensorsBytes(header: "{}")
        short.keptBytes = 5
        var pastEnd = SafetensorsBytes(header: "{}")
        pastEnd.declaredLength = 1000
        var huge = SafetensorsBytes(header: "{}")
        huge.declaredLength = 100_000_001
        let two = littleEndianBytes([Float](repeating: 1, count: 4))
        return [
            ("a file shorter than 8 bytes", short, "5 bytes, shorter than"),
            ("a header length past the file", pastEnd, "runs past the end"),
            ("a header length over 100 MB", huge, "exceeds the limit"),
            ("a header that is not UTF-8", SafetensorsBytes(rawHeader: [0x7B, 0xFF, 0xFE, 0x7D]), "not UTF-8"),
            ("a header that is not JSON", SafetensorsBytes(header: "{\"a\": "), "not valid JSON"),
            ("a header that is a list", SafetensorsBytes(header: "[]"), "not a JSON object"),
            ("overlapping offsets", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                 "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}
                """, data: two), "overlaps"),
            ("a gap between tensors", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]},
                 "b": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}
                """, data: two), "gap"),
            ("a byte size disagreeing with the shape", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 16]}}
                """, data: two), "needs 12 bytes but has 16"),
            ("a shape whose size overflows", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [4611686018427387904, 4], "data_offsets": [0, 16]}}
                """, data: two), "more than Int.max"),
            ("bytes after the last tensor", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}
                """, data: two), "the file has"),
            ("a duplicate tensor name", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                 "a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}
                """, data: two), "twice"),
            ("an unknown dtype", SafetensorsBytes(header: """
                {"a": {"dtype": "F33", "shape": [4], "data_offsets": [0, 16]}}
                """, data: two), "unknown dtype"),
            ("negative offsets", SafetensorsBytes(header: """
                {"a": {"dtype": "F32", "shape": [4], "data_offsets": [-16, 0]}}
                """, data: two), "data_offsets"),
        ]
    }()

    @Test("hostile files throw one line naming the file", arguments: hostile)
    func hostileFiles(label: String, file: SafetensorsBytes, expected: String) throws {
        let url = try file.write()
        let error = #expect(throws: EmbeddingsError.self, "\(label)") { try SafetensorsFile(url: url) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(url.path + ": "), "\(label): \(message)")
        #expect(message.contains(expected), "\(label): \(message)")
        #expect(!message.contains("\n"), "\(label): \(message)")
    }

    @Test("a missing file is named")
    func missing() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("model.safetensors")
        #expect(throws: EmbeddingsError.missingFile(path: url.path)) { try SafetensorsFile(url: url) }
    }

    @Test("a truncated copy of a real checkpoint is rejected")
    func truncated() throws {
        let original = try Data(contentsOf: Fixtures.tiny.appendingPathComponent("model.safetensors"))
        let url = try SafetensorsBytes(rawHeader: []).write()
        try original.prefix(original.count - 100).write(to: url)
        let error = #expect(throws: EmbeddingsError.self) { try SafetensorsFile(url: url) }
        #expect(error?.description.contains("the file has \(original.count - 100) bytes") == true)
    }
}
