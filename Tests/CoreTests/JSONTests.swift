import Core
import Foundation
import Testing

@Suite("JSON reading and quoting")
struct JSONTests {
    @Test("canonically equivalent keys stay two members; a byte-identical repeat is refused when asked")
    func keys() throws {
        let text = #"{"\u00e5": 1, "a\u030a": 2}"#
        let value = try JSONValue.parse(Array(text.utf8), rejectDuplicateKeys: true)
        #expect(value.members?.count == 2)
        #expect(value["\u{E5}"]?.number == 1)
        #expect(value["a\u{30A}"]?.number == 2)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(#"{"a": 1, "a": 2}"#.utf8), rejectDuplicateKeys: true) }
        #expect(try JSONValue.parse(Array(#"{"a": 1, "a": 2}"#.utf8))["a"]?.number == 1)
    }

    @Test("syntax errors say what and where", arguments: [
        (#"{"a" 1}"#, "expected ':' after key \"a\" at column 6"),
        (#"[01]"#, "leading zero in number at column 2"),
        (#"{"a": tru}"#, "invalid literal, expected true at column 7"),
        (#"{"a": 1} x"#, "unexpected text after the value at column 10"),
        (#""\ud800""#, "unpaired surrogate \u{5C}ud800 at column 8"),
    ])
    func errors(text: String, message: String) {
        do {
            _ = try JSONValue.parse(Array(text.utf8))
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("true is not 1, and numbers are exact integers only when whole")
    func types() throws {
        let value = try JSONValue.parse(Array(#"[true, 1, 1.5, -0, 1e2, null]"#.utf8))
        let items = try #require(value.array)
        #expect(items[0] == .bool(true) && items[1] == .number(1))
        #expect(items[1].integer == 1 && items[2].integer == nil && items[4].integer == 100)
        #expect(items[5].isNull && items[0].typeName == "true/false")
    }

    @Test("quoting round-trips through Foundation's parser and escapes for HTML only when asked")
    func quoting() throws {
        let text = "a\"b\\c\n\t\r\u{01}\u{1F}\u{2028}\u{2029}</script><!--&é😀"
        let plain = JSONText.quoted(text)
        let html = JSONText.quoted(text, escapingHTML: true)
        for literal in [plain, html] {
            let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
            #expect(back == text)
        }
        #expect(plain.contains("</script>") && plain.contains("\\u2028") && plain.contains("\\u0001"))
        #expect(!html.contains("<") && !html.contains(">") && !html.contains("&"))
        #expect(html.contains("\\u003c/script\\u003e"))
    }
}
