/// An encoder whose embeddings are a *head* applied to a *stage* that other models may share: for a
/// sentence-transformers folder, the stage is the tokenizer, the Transformer and its Pooling, and the
/// head the Dense and Normalize modules after them (see ``SentenceTransformerModules``).
///
/// Two encoders with one ``stageDigest`` give the same stage rows for the same texts and prompt, so the
/// stage may be computed (or stored, by ``CachedEncoder``) once and finished by each model's own head:
/// `applyHead(encodeStage(texts))` equals `encode(texts)` bit for bit.
protocol StagedEncoder: TextEncoder {
    /// SHA-256 identifying the stage's output; empty when there is no stage to share.
    var stageDigest: String { get }
    /// The length of a stage row (the Pooling's output).
    var stageDimension: Int { get }
    /// The stage rows of `texts`, each encoded after `prompt`, in input order.
    func encodeStage(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]]
    /// This model's embeddings of stage rows, one per row, each depending on its row alone.
    func applyHead(_ stage: [[Float]]) -> [[Float]]
}
