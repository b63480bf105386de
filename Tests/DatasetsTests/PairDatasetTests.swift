import Core
import Foundation
import Testing
@testable import Datasets

@Suite("Pair datasets: reading good files")
struct PairDatasetTests {
    @Test("CSV: quoted commas, doubled quotes, a field spanning two lines, every label spelling")
    func csvQuoting() throws {
        let data = try PairDataset.read(Fixtures.resource("pairs.csv"))
        #expect(data.pairs.map(\.textA) == ["plain text", "has, a comma", "spans\ntwo lines", "  spaced  "])
        #expect(data.pairs[1].textB == "has \"quotes\" inside")
        #expect(data.pairs.map(\.label) == [true, false, true, false])
        #expect(data.pairs.map(\.line) == [2, 3, 4, 6])
        #expect(data.hasLabels && !data.hasScores)
        #expect(data.positiveCount == 2 && data.negativeCount == 2)
        #expect(data.positives.map(\.line) == [2, 4])
        try data.validateForPairClassification()
    }

    @Test("TSV with sentence1/sentence2 and STS scores")
    func stsTSV() throws {
        let data = try PairDataset.read(Fixtures.resource("sts.tsv"))
        #expect(data.columns.textA == "sentence1" && data.columns.textB == "sentence2")
        #expect(data.pairs.map(\.score) == [4.6, 0.2])
        #expect(data.hasScores && !data.hasLabels)
        #expect(data.pairs[0].textB == "A person plays guitar.")
    }

    @Test("JSONL: blank lines skipped, escapes decoded, extra keys ignored, labels as 1, \"1\", false")
    func jsonLines() throws {
        let data = try PairDataset.read(Fixtures.resource("pairs.jsonl"))
        #expect(data.pairs.map(\.line) == [1, 3, 4, 5])
        #expect(data.pairs[2].textA == "café 😀")
        #expect(data.pairs[2].textB == "tab\there")
        #expect(data.pairs.map(\.label) == [true, false, true, false])
    }

    @Test("custom column names")
    func customColumns() throws {
        let url = try Fixtures.write("custom.csv", "left,right,match,sim\nx,y,1,0.9\nz,w,0,0.1\n")
        let data = try PairDataset.read(url, columns: PairColumns(textA: "left", textB: "right", label: "match", score: "sim"))
        #expect(data.pairs.map(\.textA) == ["x", "z"])
        #expect(data.pairs.map(\.label) == [true, false])
        #expect(data.pairs.map(\.score) == [0.9, 0.1])
    }

    @Test("CRLF line ends and a byte-order mark are tolerated")
    func crlfAndBOM() throws {
        let url = try Fixtures.write("windows.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("text_a,text_b,label\r\na,b,1\r\nc,d,0\r\n".utf8))
        let data = try PairDataset.read(url)
        #expect(data.pairs.map(\.textB) == ["b", "d"])
        #expect(data.pairs.map(\.label) == [true, false])
    }

    @Test("the digest is the SHA-256 of the file's bytes")
    func digest() throws {
        let contents = "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n"
        let url = try Fixtures.write("d.jsonl", contents)
        #expect(try PairDataset.read(url).digest == ContentDigest.hex(of: Array(contents.utf8)))
    }

    @Test("a file over a few megabytes streams through with every line number right")
    func largeFile() throws {
        var text = "text_a\ttext_b\tlabel\n"
        let rows = 60_000
        for i in 0..<rows { text += "first text number \(i) with some padding words\tsecond text \(i)\t\(i % 2)\n" }
        let url = try Fixtures.write("big.tsv", text)
        let data = try PairDataset.read(url)
        #expect(data.pairs.count == rows)
        #expect(data.pairs.last?.line == rows + 1)
        #expect(data.pairs.last?.textB == "second text \(rows - 1)")
        #expect(data.digest == ContentDigest.hex(of: Array(text.utf8)))
    }
}
