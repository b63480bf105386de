import Foundation
import Testing

/// sentence-transformers (Python) loads folders written by `tunelens finetune` and gets the embeddings
/// `tunelens embed` gets. The fixtures are the JSON results of scripts/fixtures/check_finetune_st.py, run on
/// folders trained from all-MiniLM-L6-v2 on generated dating pairs (the script's docstring has the commands).
@Suite("Python sentence-transformers parity (committed results of scripts/fixtures/check_finetune_st.py)")
struct SentenceTransformersParityTests {
    @Test("sentence-transformers' embeddings of the saved folder match tunelens embed (cosine >= 0.9999)",
          arguments: [("st_parity_linear", 1), ("st_parity_mlp", 2)])
    func parity(_ fixture: String, _ denseModules: Int) throws {
        let url = try #require(Bundle.module.url(forResource: fixture, withExtension: "json", subdirectory: "Resources"))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(result["script"] as? String == "scripts/fixtures/check_finetune_st.py")
        #expect(result["dense_modules_checked"] as? Int == denseModules)
        #expect((result["texts"] as? Int ?? 0) >= 100)
        let minCosine = try #require(result["min_cosine"] as? Double)
        #expect(minCosine >= 0.9999)
        #expect((result["max_abs_diff"] as? Double ?? 1) < 1e-3)
        let modules = result["modules"] as? [String] ?? []
        #expect(modules.last?.hasSuffix(":Normalize") == true)
    }
}
