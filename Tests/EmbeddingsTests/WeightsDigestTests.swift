import Datasets
import Testing
@testable import Embeddings

@Suite("weights digest")
struct WeightsDigestTests {
    @Test("a weights file's digest matches Python's hashlib")
    func file() throws {
        let url = Fixtures.tiny.appendingPathComponent("model.safetensors")
        #expect(try SHA256.hex(ofFile: url) == Fixtures.tinyExpected.sha256)
    }
}
