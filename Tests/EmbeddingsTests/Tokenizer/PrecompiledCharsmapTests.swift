import Foundation
import Testing
@testable import Embeddings

/// The SentencePiece charsmap: its quirks as tokenizers applies it, and hostile charsmaps.
@Suite("Precompiled charsmap")
struct PrecompiledCharsmapTests {
    /// Builds a charsmap in the darts-clone layout that spm_precompiled reads: every node gets its
    /// own 256-unit block, so the child for byte c of a node whose block starts at B sits at B ^ c.
    static func charsmap(_ rules: [(String, String)]) -> [UInt8] {
        final class Node {
            var children: [UInt8: Node] = [:]
            var value: Int?
        }
        let root = Node()
        var blob: [UInt8] = []
        for (key, replacement) in rules {
            var node = root
            for byte in key.utf8 {
                if node.children[byte] == nil { node.children[byte] = Node() }
                node = node.children[byte]!
            }
            node.value = blob.count
            blob += Array(replacement.utf8) + [0]
        }
        var units = [UInt32](repeating: 0, count: 256)
        func newBlock() -> Int {
            units += [UInt32](repeating: 0, count: 256)
            return units.count - 256
        }
        func place(_ node: Node, base: Int) {
            for (byte, child) in node.children.sorted(by: { $0.key < $1.key }) {
                let position = base ^ Int(byte)
                let childBase = newBlock()
                units[position] = UInt32(byte) | (child.value != nil ? 1 << 8 : 0) | UInt32(position ^ childBase) << 10
                if let value = child.value { units[childBase] = UInt32(value) }
                place(child, base: childBase)
            }
        }
        let rootBase = newBlock()
        units[0] = UInt32(rootBase) << 10
        place(root, base: rootBase)
        var bytes = withUnsafeBytes(of: UInt32(units.count * 4).littleEndian, Array.init)
        for unit in units { bytes += withUnsafeBytes(of: unit.littleEndian, Array.init) }
        return bytes + blob
    }

    static let rules = [("\u{FF21}", "A"), ("\u{FB01}", "fi"), ("\u{7F}", ""), ("e\u{301}", "\u{E9}"), ("\u{2460}", "1")]

    static func normalize(_ text: String, _ bytes: [UInt8] = charsmap(rules)) throws -> String {
        let charsmap = try PrecompiledCharsmap(bytes: bytes)
        return String(String.UnicodeScalarView(charsmap.normalize(Array(text.unicodeScalars))))
    }

    @Test("a grapheme under 6 bytes is replaced whole by its shortest known prefix; longer ones scalar by scalar", arguments: [
        ("\u{FF21}bc", "Abc"),
        ("\u{FF21}\u{301}", "A"),  // the mark is lost, as in tokenizers
        ("\u{FF21}\u{301}\u{301}", "A\u{301}\u{301}"),  // 7 bytes: each scalar on its own
        ("\u{FB01}ne", "fine"),
        ("e\u{301}x", "\u{E9}x"),
        ("a\u{7F}b", "ab"),
        ("\u{2460}\u{2460}", "11"),
        ("plain", "plain"),
    ])
    func graphemes(input: String, expected: String) throws {
        #expect(try Self.normalize(input) == expected)
    }

    static func tokenizerJSON(_ charsmap: [UInt8]) -> String {
        HostileTokenizerJSONTests.unigramJSON(
            normalizer: #"{"type": "Precompiled", "precompiled_charsmap": "\#(Data(charsmap).base64EncodedString())"}"#)
    }

    static func corrupted(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = charsmap(rules)
        change(&bytes)
        return bytes
    }

    static func setUnit(_ bytes: inout [UInt8], _ index: Int, _ value: UInt32) {
        for byte in 0..<4 { bytes[4 + 4 * index + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(byte))) }
    }

    static let unitCount = (charsmap(rules).count - rules.map { $0.1.utf8.count + 1 }.reduce(0, +) - 4) / 4

    @Test("a charsmap that points outside itself or its strings is a one-line error", arguments: [
        (corrupted { setUnit(&$0, 0, UInt32(1 << 20) << 10) }, "points outside itself"),
        (corrupted { setUnit(&$0, 256 ^ 0xEF, 0xEF | UInt32(0x1F_FF00) << 10) }, "points outside itself"),
        (corrupted { $0.removeLast(6) }, "points outside its strings"),
        (corrupted { bytes in bytes.replaceSubrange((4 + 4 * unitCount)..., with: [0xFF, 0]) }, "not UTF-8"),
        (corrupted { $0[0] = 0xFF; $0[1] = 0xFF }, "header announces"),
        ([0, 0, 0, 0, 0x61], "trie is empty"),
        ([1, 2], "shorter than its 4-byte header"),
    ] as [([UInt8], String)])
    func hostile(bytes: [UInt8], needle: String) throws {
        let error = try HostileTokenizerJSONTests.error(Self.tokenizerJSON(bytes))
        guard case .malformed(_, let reason) = error else { Issue.record("got \(error)"); return }
        #expect(reason.hasPrefix("precompiled_charsmap: "))
        #expect(reason.contains(needle), "\(reason)")
    }

    @Test("a charsmap that is not base64 is refused")
    func notBase64() throws {
        let json = HostileTokenizerJSONTests.unigramJSON(normalizer: #"{"type": "Precompiled", "precompiled_charsmap": "***"}"#)
        #expect(try HostileTokenizerJSONTests.error(json).description.contains("not base64"))
    }

    @Test("a well-formed built charsmap loads inside a tokenizer")
    func loads() throws {
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": Self.tokenizerJSON(Self.charsmap(Self.rules))]))
        // DEL maps to nothing, ａ is not mapped: ▁ then one unknown piece.
        #expect(tokenizer.encode("\u{7F}\u{FF41}", maxLength: 8) == [3, 0])
        #expect(tokenizer.encode("\u{FF21}", maxLength: 8) == [3, 0], "Ａ becomes A, which is not in the vocabulary")
    }
}
