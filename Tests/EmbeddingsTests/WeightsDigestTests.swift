import Core
import Testing
@testable import Embeddings

@Suite("weights digest")
struct WeightsDigestTests {
    @Test("a weights file's digest matches Python's hashlib")
    func file() throws {
        let url = Fixtures.tiny.appendingPathComponent("model.safetensors")
        #expect(try ContentDigest.hex(ofFile: url) == Fixtures.tinyExpected.sha256)
    }
}
