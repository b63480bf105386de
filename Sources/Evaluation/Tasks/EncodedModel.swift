import Embeddings
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
    let rows: [[Float]]
    /// The embedding width: the encoder's, or the truncation's (Matryoshka).
    var dimension: Int { rows.first?.count ?? encoder.dimension }

    /// The same embeddings cut to their first `dimension` components, compared with the same
    /// similarity (cosine renormalises implicitly), as sentence-transformers' `truncate_dim` does.
    func truncated(to dimension: Int) -> EncodedModel {
        EncodedModel(encoder: encoder, reference: reference, prompts: prompts, similarity: similarity,
                     rows: rows.map { Array($0.prefix(dimension)) })
    }

    /// The similarity of two rows under this model's similarity function. Cosine goes through Metrics
    /// (which refuses a zero vector, as the pair task always has).
    func score(_ a: Int, _ b: Int) throws -> Double {
        guard similarity != .cosine else { return try metric(encoder) { try ProbeResult.cosine(rows[a], rows[b]) } }
        return similarity.score(rows[a], rows[b])
    }

    /// Encodes each requested text once, grouped by role so each group gets its prompt (the encoder
    /// puts it before the text, and leaves it out of the pooling when the model says so). Through
    /// `sharing`, a model whose Transformer another model of the run has already run applies only its head.
    static func encode(_ requests: TextRequests, with encoder: any TextEncoder, reference: String, prompts: ModelPrompts,
                       similarity: SimilarityFunction, sharing: StageSharing,
                       progress: ((Int, Int) -> Void)?) throws -> EncodedModel {
        var rows = [[Float]](repeating: [], count: requests.count)
        var done = 0
        for role in [TextRole.plain, .query, .document] {
            let indices = requests.keys.indices.filter { requests.keys[$0].role == role }
            guard !indices.isEmpty else { continue }
            let texts = indices.map { requests.keys[$0].text }
            let base = done
            let vectors = try sharing.encode(texts, prompt: prompts.prompt(for: role), with: encoder) { finished, _ in
                progress?(base + finished, requests.count)
            }
            guard vectors.count == texts.count else {
                throw EvaluationError.inconsistent("\(encoder.name): returned \(vectors.count) embeddings for \(texts.count) texts")
            }
            for (index, vector) in zip(indices, vectors) {
                guard vector.count == encoder.dimension else {
                    throw EvaluationError.inconsistent("\(encoder.name): an embedding has \(vector.count) dimensions, expected \(encoder.dimension)")
                }
                rows[index] = vector
            }
            done += texts.count
        }
        return EncodedModel(encoder: encoder, reference: reference, prompts: prompts, similarity: similarity, rows: rows)
    }
}
