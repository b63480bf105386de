import Embeddings
import LinearAlgebra
import Metrics

/// One model's embeddings of every text the run requested (rows in request order), with the model and
/// the prompts they were made with: what a task measures.
struct EncodedModel {
    let encoder: any TextEncoder
    /// The model as the user named it.
    let reference: String
    let prompts: ModelPrompts
    /// How this model's embeddings are compared: the run's `--similarity`, else the model's own.
    let similarity: SimilarityFunction
    /// Row `i` is the embedding of the run's text request `i`: one contiguous matrix, so half a million
    /// texts are one allocation and pairs are scored in blocks.
    let rows: EmbeddingMatrix
    /// The embedding width: the encoder's, or the truncation's (Matryoshka).
    var dimension: Int { rows.dimension }

    /// The same embeddings cut to their first `dimension` components, compared with the same
    /// similarity (cosine renormalises implicitly), as sentence-transformers' `truncate_dim` does.
    func truncated(to dimension: Int) -> EncodedModel {
        EncodedModel(encoder: encoder, reference: reference, prompts: prompts, similarity: similarity,
                     rows: rows.truncated(to: dimension))
    }

    /// The similarity of each pair of rows under this model's similarity function, in blocks. Cosine
    /// goes through Metrics (which refuses a zero vector, as the pair task always has).
    func scores(_ pairs: [(Int, Int)]) throws -> [Double] {
        guard similarity != .cosine else { return try metric(encoder) { try PairSimilarity.cosine(rows, pairs: pairs) } }
        let similarity = self.similarity
        return PairSimilarity.scores(rows, pairs) { a, b, storage, d in
            similarity.score(UnsafeBufferPointer(rebasing: storage[(a * d)..<((a + 1) * d)]),
                             UnsafeBufferPointer(rebasing: storage[(b * d)..<((b + 1) * d)]))
        }
    }

    /// Encodes each requested text once, grouped by role so each group gets its prompt (the encoder
    /// puts it before the text, and leaves it out of the pooling when the model says so). Through
    /// `sharing`, a model whose Transformer another model of the run has already run applies only its head.
    static func encode(_ requests: TextRequests, with encoder: any TextEncoder, reference: String, prompts: ModelPrompts,
                       similarity: SimilarityFunction, sharing: StageSharing,
                       progress: ((Int, Int) -> Void)?) throws -> EncodedModel {
        var rows = EmbeddingMatrix(count: requests.count, dimension: encoder.dimension)
        var done = 0
        for role in [TextRole.plain, .query, .document] {
            let indices = requests.keys.indices.filter { requests.keys[$0].role == role }
            guard !indices.isEmpty else { continue }
            let texts = indices.map { requests.keys[$0].text }
            let base = done
            try sharing.encode(texts, prompt: prompts.prompt(for: role), with: encoder, into: &rows, rows: indices) { finished, _ in
                progress?(base + finished, requests.count)
            }
            done += texts.count
        }
        return EncodedModel(encoder: encoder, reference: reference, prompts: prompts, similarity: similarity, rows: rows)
    }
}
