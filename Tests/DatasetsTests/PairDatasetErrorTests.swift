import Foundation
import Testing
@testable import Datasets

@Suite("Pair datasets: bad input gets one line naming file and line")
struct PairDatasetErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let contents: String
        let message: String
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(name: "broken.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n{\"text_a\":\"a\" \"text_b\":\"b\"}\n",
             message: "broken.jsonl:2: malformed JSON: expected ',' or '}' at column 15"),
        Case(name: "array.jsonl", contents: "[1, 2]\n", message: "array.jsonl:1: malformed JSON: expected an object, got a list"),
        Case(name: "dupkey.jsonl", contents: "{\"text_a\":\"a\",\"text_a\":\"b\"}\n",
             message: "dupkey.jsonl:1: malformed JSON: duplicate key \"text_a\" at column 15"),
        Case(name: "quote.csv", contents: "text_a,text_b,label\na,b,1\n\"never closed,b,1\n",
             message: "quote.csv:3: malformed CSV: quoted field never closed"),
        Case(name: "after.csv", contents: "text_a,text_b,label\n\"a\"x,b,1\n",
             message: "after.csv:2: malformed CSV: text after a closing quote in field 1"),
        Case(name: "fields.csv", contents: "text_a,text_b,label\na,b,1\na,b\n",
             message: "fields.csv:3: malformed CSV: expected 3 fields as in the header, got 2"),
        Case(name: "nolabel.csv", contents: "text_a,text_b\na,b\n", message: "nolabel.csv:1: missing column \"label\""),
        Case(name: "notext.jsonl", contents: "{\"text_a\":\"a\",\"label\":1}\n", message: "notext.jsonl:1: missing column \"text_b\""),
        Case(name: "later.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n{\"text_a\":\"a\",\"text_b\":\"b\"}\n",
             message: "later.jsonl:2: missing column \"label\""),
        Case(name: "nulllabel.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":null}\n",
             message: "nulllabel.jsonl:2: missing column \"label\""),
        Case(name: "dup.csv", contents: "text_a,label,text_b,label\n", message: "dup.csv:1: duplicate column \"label\" in the header"),
        Case(name: "yes.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":\"yes\"}\n",
             message: "yes.jsonl:1: label must be 0 or 1, got \"yes\""),
        Case(name: "two.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":2}\n", message: "two.jsonl:1: label must be 0 or 1, got 2"),
        Case(name: "half.csv", contents: "text_a,text_b,label\na,b,0.5\n", message: "half.csv:2: label must be 0 or 1, got \"0.5\""),
        Case(name: "empty.jsonl", contents: "", message: "empty.jsonl: no data rows"),
        Case(name: "blank.jsonl", contents: "\n  \n", message: "blank.jsonl: no data rows"),
        Case(name: "header.csv", contents: "text_a,text_b,label\n", message: "header.csv: no data rows"),
        Case(name: "emptytext.csv", contents: "text_a,text_b,label\na,b,1\n   ,b,0\n", message: "emptytext.csv:3: \"text_a\" is empty"),
        Case(name: "number.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":42,\"label\":1}\n",
             message: "number.jsonl:1: \"text_b\" must be text, got a number"),
        Case(name: "score.jsonl", contents: "{\"text_a\":\"a\",\"text_b\":\"b\",\"score\":\"high\"}\n",
             message: "score.jsonl:1: \"score\" must be a number, got \"high\""),
        Case(name: "data.txt", contents: "a,b,1\n", message: "data.txt: unsupported file type; expected .jsonl, .ndjson, .csv or .tsv"),
    ]

    @Test("each malformed file names its file and line", arguments: cases)
    func badInput(_ badCase: Case) throws {
        let url = try Fixtures.write(badCase.name, badCase.contents)
        #expect(Fixtures.message { _ = try PairDataset.read(url) } == badCase.message)
    }

    @Test("a text over 100,000 characters is refused, saying the limit")
    func enormousText() throws {
        let url = try Fixtures.write("huge.jsonl", "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n"
            + "{\"text_a\":\"\(String(repeating: "é", count: 100_001))\",\"text_b\":\"b\",\"label\":0}\n")
        #expect(Fixtures.message { _ = try PairDataset.read(url) }
            == "huge.jsonl:2: \"text_a\" has 100001 characters; the limit is 100000")
    }

    @Test("a text of exactly 100,000 characters is accepted")
    func textAtLimit() throws {
        let url = try Fixtures.write("limit.jsonl", "{\"text_a\":\"\(String(repeating: "é", count: 100_000))\",\"text_b\":\"b\",\"label\":1}\n")
        #expect(try PairDataset.read(url).pairs[0].textA.count == 100_000)
    }

    @Test("bytes that are not UTF-8 are reported with their line", arguments: ["latin1.csv", "latin1.jsonl"])
    func notUTF8(name: String) throws {
        let header = name.hasSuffix(".csv") ? "text_a,text_b,label\na,b,1\n" : "{\"text_a\":\"a\",\"text_b\":\"b\",\"label\":1}\n"
        let bad: [UInt8] = name.hasSuffix(".csv") ? Array("caf".utf8) + [0xE9] + Array(",b,0\n".utf8)
            : Array("{\"text_a\":\"caf".utf8) + [0xE9] + Array("\",\"text_b\":\"b\",\"label\":0}\n".utf8)
        let url = try Fixtures.write(name, bytes: Array(header.utf8) + bad)
        let line = name.hasSuffix(".csv") ? 3 : 2
        #expect(Fixtures.message { _ = try PairDataset.read(url) } == "\(name):\(line): bytes that are not valid UTF-8")
    }

    @Test("one class only fails pair-classification validation", arguments: [(1, "1"), (0, "0")])
    func oneClass(label: Int, cell: String) throws {
        let url = try Fixtures.write("one.csv", "text_a,text_b,label\na,b,\(cell)\nc,d,\(cell)\n")
        let data = try PairDataset.read(url)
        #expect(Fixtures.message { try data.validateForPairClassification() }
            == "one.csv: all 2 pairs have label \(label); pair classification needs both classes")
    }

    @Test("scores without labels fail pair-classification validation")
    func scoresOnly() throws {
        let data = try PairDataset.read(Fixtures.resource("sts.tsv"))
        #expect(Fixtures.message { try data.validateForPairClassification() } == "sts.tsv:2: missing column \"label\"")
    }

    @Test("a missing file is one clear line")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/folder/pairs.jsonl")
        #expect(Fixtures.message { _ = try PairDataset.read(url) } == "pairs.jsonl: cannot read: no such file")
    }
}

@Suite("Graded similarity files: recognised by their scores, refused with file and line")
struct GradedSimilarityFileTests {
    @Test("scores without labels are graded similarity; a label anywhere makes the file pairs")
    func recognition() throws {
        let graded = try PairDataset.read(try Fixtures.write("graded.jsonl", (0..<5).map {
            "{\"sentence1\":\"a\($0)\",\"sentence2\":\"b\",\"score\":\($0).5}"
        }.joined(separator: "\n")))
        #expect(graded.isGradedSimilarity)
        #expect(throws: Never.self) { try graded.validateForSimilarity() }
        let both = try PairDataset.read(try Fixtures.write("both.csv", "text_a,text_b,label,score\na,b,1,4.5\nc,d,0,1.0\n"))
        #expect(!both.isGradedSimilarity)
    }

    @Test("each graded file that cannot be measured names its file and line", arguments: [
        ("gap.jsonl", "{\"text_a\":\"a\",\"text_b\":\"b\",\"score\":1}\n{\"text_a\":\"a\",\"text_b\":\"b\"}\n{\"text_a\":\"c\",\"text_b\":\"b\",\"score\":2}\n{\"text_a\":\"d\",\"text_b\":\"b\",\"score\":3}\n",
         "gap.jsonl:2: missing column \"score\""),
        ("few.csv", "text_a,text_b,score\na,b,1\nc,d,2\ne,f,3\n",
         "few.csv:4: \"score\" has 3 values; graded similarity needs at least 4 scored pairs"),
        ("flat.csv", "text_a,text_b,score\na,b,2\nc,d,2\ne,f,2\ng,h,2\n",
         "flat.csv:5: \"score\" is 2.0 on every pair; a correlation needs scores that differ"),
    ])
    func refused(name: String, contents: String, message: String) throws {
        let url = try Fixtures.write(name, contents)
        #expect(Fixtures.message { try PairDataset.read(url).validateForSimilarity() } == message)
    }
}
