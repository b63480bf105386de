import Foundation
import Testing
@testable import Embeddings

@Suite("input and output files")
struct FilesTests {
    @Test("npy files round-trip and start their data on a 64-byte boundary")
    func npy() throws {
        let rows: [[Float]] = [[1, -2.5, .pi], [0, 1e-30, -0]]
        let data = NpyFile.float32Matrix(rows, columns: 3)
        #expect(Array(data.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        #expect((data.count - 24) % 64 == 0)
        let read = try NpyFile.readFloat32Matrix(data, path: "x.npy")
        #expect(read.rows == 2 && read.columns == 3)
        #expect(read.values == rows.flatMap { $0 })
        let empty = try NpyFile.readFloat32Matrix(NpyFile.float32Matrix([], columns: 384), path: "e.npy")
        #expect(empty.rows == 0 && empty.columns == 384)
    }

    @Test("text files keep one row per line; JSONL reads the text field")
    func inputs() throws {
        let folder = try Fixtures.temporaryFolder()
        let text = folder.appendingPathComponent("texts.txt")
        try Data("first\r\n\n  third  \nlast\n".utf8).write(to: text)
        #expect(try TextInputFile.read(text) == ["first", "", "  third  ", "last"])
        let jsonl = folder.appendingPathComponent("texts.jsonl")
        try Data("{\"text\": \"a\"}\n\n{\"text\": \"<script>\", \"id\": 3}\n".utf8).write(to: jsonl)
        #expect(try TextInputFile.read(jsonl) == ["a", "<script>"])
        try Data("{\"text\": \"a\"}\n{\"txt\": \"b\"}\n".utf8).write(to: jsonl)
        #expect(throws: EmbeddingsError.invalidLine(path: jsonl.path, line: 2, reason: "missing \"text\" string")) {
            try TextInputFile.read(jsonl)
        }
        try Data([0x61, 0x0A, 0xC3, 0x28, 0x0A]).write(to: text)
        #expect(throws: EmbeddingsError.invalidLine(path: text.path, line: 2, reason: "not UTF-8")) {
            try TextInputFile.read(text)
        }
    }
}
