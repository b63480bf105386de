import Foundation
import Testing
import Core

@Suite("Content digests (SHA-256)")
struct ContentDigestTests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(ContentDigest.hex(of: Data(input.utf8)) == digest)
    }

    @Test("a million 'a' fed in uneven pieces")
    func million() {
        var digest = ContentDigest()
        var remaining = 1_000_000
        var piece = 1
        while remaining > 0 {
            let count = min(piece, remaining)
            digest.update(Data(repeating: UInt8(ascii: "a"), count: count))
            remaining -= count
            piece = piece * 3 % 1001 + 1
        }
        #expect(digest.hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a file's digest equals the digest of its bytes, and a missing file is a one-line error")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).bin")
        let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ContentDigest.hex(ofFile: url) == ContentDigest.hex(of: bytes))
        #expect(throws: FileSystemError.self) { try ContentDigest.hex(ofFile: url.appendingPathExtension("missing")) }
    }
}
