import Foundation
import LinearAlgebra
import Testing
@testable import Embeddings

/// Writes `.npy` embedding folders for tests: the header as numpy's `format.py` writes it.
enum NpyFixture {
    /// A `.npy` file of `rows` x `columns` little-endian values of `descr` ('<f4' or '<f2'), with
    /// `header` replacing the usual dict when given.
    static func npy(_ values: [Float], rows: Int, columns: Int, descr: String = "<f4", header: String? = nil,
                    version: UInt8 = 1) -> Data {
        var dict = header ?? "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let lengthSize = version == 1 ? 2 : 4
        let unpadded = 8 + lengthSize + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [version, 0])
        let length = dict.utf8.count
        for i in 0..<lengthSize { data.append(UInt8((length >> (8 * i)) & 0xFF)) }
        data.append(contentsOf: Array(dict.utf8))
        for value in values {
            if descr == "<f2" {
                withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            } else {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    static func texts(_ texts: [String]) -> Data {
        Data(texts.map { "{\"text\": \(quoted($0))}\n" }.joined().utf8)
    }

    static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    /// A fresh folder with `files` (name to bytes) in it.
    static func folder(_ files: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
        return url
    }
}

@Suite("precomputed embeddings as .npy folders")
struct NpyEmbeddingsEncoderTests {
    static let texts = ["heart attack", "myocardial infarction", "a \"quoted\" text\\", "ünïcödé", "fifth"]
    static let values: [Float] = (0..<15).map { Float($0) * 0.25 - 1.5 }

    /// The five texts in one file, or split 2 + 3 as shards.
    static func single() throws -> URL {
        try NpyFixture.folder(["embeddings.npy": NpyFixture.npy(values, rows: 5, columns: 3),
                               "texts.jsonl": NpyFixture.texts(texts)])
    }

    static func sharded(descr: String = "<f4") throws -> URL {
        try NpyFixture.folder([
            "embeddings-00000.npy": NpyFixture.npy(Array(values[0..<6]), rows: 2, columns: 3, descr: descr),
            "texts-00000.jsonl": NpyFixture.texts(Array(texts[0..<2])),
            "embeddings-00001.npy": NpyFixture.npy(Array(values[6...]), rows: 3, columns: 3, descr: descr, version: 2),
            "texts-00001.jsonl": NpyFixture.texts(Array(texts[2...])),
        ])
    }

    @Test("single and sharded folders give each text its row, in the order asked")
    func lookup() throws {
        for folder in [try Self.single(), try Self.sharded()] {
            let encoder = try EncoderLoader.load(folder.path)
            #expect(encoder is NpyEmbeddingsEncoder)
            #expect(encoder.dimension == 3)
            let asked = ["fifth", "heart attack", "ünïcödé"]
            #expect(try encoder.encode(asked) == [Array(Self.values[12..<15]), Array(Self.values[0..<3]), Array(Self.values[9..<12])])
            var matrix = EmbeddingMatrix(count: 4, dimension: 3)
            try encoder.encode(["a \"quoted\" text\\"], prompt: nil, into: &matrix, rows: [2], progress: nil)
            #expect(matrix.row(2) == Array(Self.values[6..<9]))
            #expect(matrix.row(1) == [0, 0, 0])
        }
    }

    @Test("float16 shards read as the float16 values, exactly")
    func float16() throws {
        let encoder = try EncoderLoader.load(try Self.sharded(descr: "<f2").path)
        let rows = try encoder.encode(Self.texts)
        #expect(rows.flatMap { $0 } == Self.values.map { Float(Float16($0)) })
        let odd: [Float] = [1e-7, 65504, -0.1, 3.14159]
        let folder = try NpyFixture.folder(["embeddings.npy": NpyFixture.npy(odd, rows: 1, columns: 4, descr: "<f2"),
                                            "texts.jsonl": NpyFixture.texts(["x"])])
        #expect(try EncoderLoader.load(folder.path).encode(["x"]) == [odd.map { Float(Float16($0)) }])
    }

    @Test("the digest covers the files' contents")
    func digest() throws {
        let a = try EncoderLoader.load(try Self.sharded().path).digest
        var changed = Self.values
        changed[4] += 1
        let other = try NpyFixture.folder([
            "embeddings-00000.npy": NpyFixture.npy(Array(changed[0..<6]), rows: 2, columns: 3),
            "texts-00000.jsonl": NpyFixture.texts(Array(Self.texts[0..<2])),
            "embeddings-00001.npy": NpyFixture.npy(Array(changed[6...]), rows: 3, columns: 3, version: 2),
            "texts-00001.jsonl": NpyFixture.texts(Array(Self.texts[2...])),
        ])
        #expect(a.count == 64)
        #expect(try EncoderLoader.load(other.path).digest != a)
        #expect(try EncoderLoader.load(try Self.sharded().path).digest == a)
    }

    /// Each bad folder, the file its error must name (relative to the folder; "" is the folder),
    /// the line (0: none) and a phrase of the reason.
    static let badFolders: [(String, [String: Data], String, Int, String)] = {
        let e = { (rows: Int, descr: String) in NpyFixture.npy([Float](repeating: 0.5, count: rows * 2), rows: rows, columns: 2, descr: descr) }
        let t = { (names: [String]) in NpyFixture.texts(names) }
        return [
            ("counts disagree", ["embeddings-00000.npy": e(2, "<f4"), "texts-00000.jsonl": t(["a", "b"]),
                                 "embeddings-00001.npy": e(3, "<f4"), "texts-00001.jsonl": t(["c", "d"])],
             "texts-00001.jsonl", 0, "2 texts, but embeddings-00001.npy has 3 rows"),
            ("more texts than rows", ["embeddings.npy": e(1, "<f4"), "texts.jsonl": t(["a", "b"])],
             "texts.jsonl", 0, "2 texts, but embeddings.npy has 1 rows"),
            ("a missing shard", ["embeddings-00000.npy": e(1, "<f4"), "texts-00000.jsonl": t(["a"]),
                                 "embeddings-00002.npy": e(1, "<f4"), "texts-00002.jsonl": t(["c"])],
             "embeddings-00001.npy", 0, "shard 1 of 0...2 is missing"),
            ("a shard without texts", ["embeddings-00000.npy": e(1, "<f4"), "texts-00000.jsonl": t(["a"]),
                                       "embeddings-00001.npy": e(1, "<f4")],
             "texts-00001.jsonl", 0, "is missing"),
            ("texts without embeddings", ["texts-00000.jsonl": t(["a"]), "embeddings.npy": e(1, "<f4")],
             "embeddings.npy", 0, "also holds numbered shards"),
            ("single without texts", ["embeddings.npy": e(1, "<f4")], "texts.jsonl", 0, "file not found"),
            ("dimensions disagree", ["embeddings-00000.npy": e(1, "<f4"), "texts-00000.jsonl": t(["a"]),
                                     "embeddings-00001.npy": NpyFixture.npy([1, 2, 3], rows: 1, columns: 3), "texts-00001.jsonl": t(["b"])],
             "embeddings-00001.npy", 0, "3 dimensions, embeddings-00000.npy has 2"),
            ("float64", ["embeddings.npy": NpyFixture.npy([], rows: 0, columns: 2, descr: "<f8"), "texts.jsonl": Data()],
             "embeddings.npy", 0, "dtype <f8"),
            ("big-endian", ["embeddings.npy": NpyFixture.npy([], rows: 0, columns: 2, descr: ">f4"), "texts.jsonl": Data()],
             "embeddings.npy", 0, "dtype >f4"),
            ("Fortran order", ["embeddings.npy": NpyFixture.npy([1, 2], rows: 1, columns: 2,
                                                                header: "{'descr': '<f4', 'fortran_order': True, 'shape': (1, 2), }"),
                               "texts.jsonl": t(["a"])], "embeddings.npy", 0, "Fortran order"),
            ("three dimensions", ["embeddings.npy": NpyFixture.npy([1, 2], rows: 1, columns: 2,
                                                                   header: "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 1), }"),
                                  "texts.jsonl": t(["a"])], "embeddings.npy", 0, "shape has 3 dimensions"),
            ("a shape the data does not fill", ["embeddings.npy": NpyFixture.npy([1, 2], rows: 4611686018427387904, columns: 4),
                                                "texts.jsonl": t(["a"])], "embeddings.npy", 0, "needs more bytes"),
            ("truncated data", ["embeddings.npy": NpyFixture.npy([1, 2, 3], rows: 2, columns: 2), "texts.jsonl": t(["a", "b"])],
             "embeddings.npy", 0, "needs 16 bytes of data, the file has 12"),
            ("Python in the header", ["embeddings.npy": NpyFixture.npy([1, 2], rows: 1, columns: 2,
                                                                       header: "{'descr': __import__('os'), 'shape': (1, 2)}"),
                                      "texts.jsonl": t(["a"])], "embeddings.npy", 0, "not a dict literal"),
            ("bad magic", ["embeddings.npy": Data("NUMPY and more bytes".utf8), "texts.jsonl": t(["a"])],
             "embeddings.npy", 0, "bad magic"),
            ("a texts line that is not JSON", ["embeddings.npy": e(2, "<f4"), "texts.jsonl": Data("{\"text\": \"a\"}\n{text: b}\n".utf8)],
             "texts.jsonl", 2, "not JSON"),
            ("a texts line without text", ["embeddings.npy": e(1, "<f4"), "texts.jsonl": Data("{\"id\": 3}\n".utf8)],
             "texts.jsonl", 1, "missing \"text\""),
            ("a text twice, two embeddings", ["embeddings.npy": NpyFixture.npy([1, 2, 3, 4], rows: 2, columns: 2),
                                              "texts.jsonl": t(["a", "a"])], "texts.jsonl", 2, "different embedding"),
            ("an empty folder", ["notes.txt": Data()], "embeddings.npy", 0, "file not found"),
        ]
    }()

    @Test("bad folders give one line naming the file", arguments: badFolders.indices)
    func badFolder(_ index: Int) throws {
        let (label, files, named, line, phrase) = Self.badFolders[index]
        let folder = try NpyFixture.folder(files)
        let path = folder.appendingPathComponent(named).path
        let error = #expect(throws: EmbeddingsError.self, "\(label)") {
            // An empty folder is a model folder to the loader; the shard reader says what it lacks.
            _ = files.keys.contains("notes.txt") ? try NpyEmbeddingsEncoder(folder: folder) : try EncoderLoader.load(folder.path)
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(line > 0 ? "\(path):\(line): " : "\(path): "), "\(label): \(message)")
        #expect(message.contains(phrase), "\(label): \(message)")
        #expect(!message.contains("\n"), "\(label): one line")
    }

    @Test("a text in no shard, and a non-finite row asked for, name the folder or file")
    func askedForBadRows() throws {
        let encoder = try EncoderLoader.load(try Self.sharded().path)
        let missing = #expect(throws: EmbeddingsError.self) { try encoder.encode(["heart attack", "not there"]) }
        #expect(missing?.description.hasSuffix(": no precomputed embedding for the text \"not there\"") == true)
        #expect(missing?.description.contains("/tunelens-npy-") == true)

        let folder = try NpyFixture.folder(["embeddings.npy": NpyFixture.npy([1, 2, .nan, 4], rows: 2, columns: 2),
                                            "texts.jsonl": NpyFixture.texts(["fine", "broken"])])
        let nan = try EncoderLoader.load(folder.path)
        #expect(try nan.encode(["fine"]) == [[1, 2]])
        let error = #expect(throws: EmbeddingsError.self) { try nan.encode(["broken"]) }
        #expect(error?.description.hasPrefix(folder.appendingPathComponent("texts.jsonl").path + ":2: ") == true, "\(String(describing: error))")
        #expect(error?.description.contains("nan") == true)
    }

    @Test("shard numbers are matched by number, not by listing order")
    func numbering() throws {
        let folder = try NpyFixture.folder([
            "embeddings-10.npy": NpyFixture.npy([5, 5], rows: 1, columns: 2), "texts-10.jsonl": NpyFixture.texts(["k"]),
        ] .merging((0..<10).flatMap { n in
            [("embeddings-\(n).npy", NpyFixture.npy([Float(n), 0], rows: 1, columns: 2)), ("texts-\(n).jsonl", NpyFixture.texts(["t\(n)"]))]
        }, uniquingKeysWith: { a, _ in a }))
        let encoder = try EncoderLoader.load(folder.path)
        #expect(try encoder.encode(["t9", "k", "t0"]) == [[9, 0], [5, 5], [0, 0]])
    }
}
