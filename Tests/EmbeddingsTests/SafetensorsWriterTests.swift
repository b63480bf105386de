import Foundation
import Testing
@testable import Embeddings

@Suite("SafetensorsWriter")
struct SafetensorsWriterTests {
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("tunelens-st-writer-\(ProcessInfo.processInfo.processIdentifier)-\(name).safetensors")
    }

    @Test("what the writer writes, the strict reader reads back bit for bit")
    func roundTrip() throws {
        let weight: [Float] = [1, -0.5, .leastNonzeroMagnitude, 3e38, -0.0, 0.1]
        let bias: [Float] = [0.25, -7]
        let url = Self.temporaryFile("round-trip")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafetensorsWriter.write([
            .init(name: "linear.weight", shape: [2, 3], values: weight),
            .init(name: "linear.bias", shape: [2], values: bias),
        ], metadata: ["format": "pt", "note": "quote \" and \\ and\nnewline"], to: url)
        let file = try SafetensorsFile(url: url)
        #expect(try file.floats("linear.weight")?.map(\.bitPattern) == weight.map(\.bitPattern))
        #expect(try file.floats("linear.bias") == bias)
        #expect(file.tensors["linear.weight"]?.shape == [2, 3])
        #expect(file.metadata["note"] == "quote \" and \\ and\nnewline")
    }

    @Test("header length is a multiple of 8, padded with spaces, and the data tiles the rest exactly")
    func layout() throws {
        for count in 0..<9 {
            let data = SafetensorsWriter.encode([.init(name: String(repeating: "w", count: count + 1),
                                                       shape: [count], values: [Float](repeating: 1, count: count))])
            let n = data.prefix(8).enumerated().reduce(0) { $0 | (Int($1.element) << (8 * $1.offset)) }
            #expect(n % 8 == 0)
            #expect(data.count == 8 + n + 4 * count)
            let header = String(decoding: data[8..<(8 + n)], as: UTF8.self)
            #expect(header.hasPrefix("{"))
            #expect(header.trimmingCharacters(in: .init(charactersIn: " ")).hasSuffix("}"))
        }
    }

    @Test("tensors are laid out in name order with sorted, contiguous offsets; output is deterministic")
    func offsets() throws {
        let tensors: [SafetensorsWriter.Tensor] = [
            .init(name: "b", shape: [3], values: [1, 2, 3]),
            .init(name: "a", shape: [1, 2], values: [4, 5]),
        ]
        let data = SafetensorsWriter.encode(tensors)
        #expect(data == SafetensorsWriter.encode(tensors.reversed()))
        let url = Self.temporaryFile("offsets")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let file = try SafetensorsFile(url: url)
        #expect(file.tensors["a"]?.begin == 0 && file.tensors["a"]?.end == 8)
        #expect(file.tensors["b"]?.begin == 8 && file.tensors["b"]?.end == 20)
        #expect(try file.floats("b") == [1, 2, 3])
    }
}
