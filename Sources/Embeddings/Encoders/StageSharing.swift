import LinearAlgebra

/// Runs a stage once for all the models of one run that share it: the base model and a folder written
/// by `tunelens finetune` on it run the Transformer once, and each applies its own head (see
/// ``StagedEncoder``).
///
/// The first model to encode some texts with a prompt computes their stage rows (through its
/// ``CachedEncoder``, when it has one, so they are also stored for later runs); a later model with the
/// same stage digest, texts and prompt applies its head to those rows. Rows are kept only for stage
/// digests that more than one of the run's models have, until the sharing object is released. A model
/// without a stage, or with a stage of its own, encodes as it always does.
public final class StageSharing {
    private struct Computed {
        let stageDigest: String
        let prompt: String
        let texts: [String]
        let rows: [[Float]]
    }

    /// Stage digests that two or more of the models have.
    private let sharedDigests: Set<String>
    private var computed: [Computed] = []

    public init(models: [any TextEncoder]) {
        var seen = Set<String>(), shared = Set<String>()
        for case let model as StagedEncoder in models where !model.stageDigest.isEmpty {
            if !seen.insert(model.stageDigest).inserted { shared.insert(model.stageDigest) }
        }
        sharedDigests = shared
    }

    /// Whether some of the models share a stage.
    public var sharesAnything: Bool { !sharedDigests.isEmpty }

    /// `encoder.encode(texts, prompt:, into:, rows:, progress:)`, through the shared stage when the
    /// encoder's is shared (see the other `encode`).
    public func encode(_ texts: [String], prompt: String?, with encoder: any TextEncoder, into matrix: inout EmbeddingMatrix,
                       rows: [Int], progress: ((Int, Int) -> Void)?) throws {
        guard let staged = encoder as? StagedEncoder, sharedDigests.contains(staged.stageDigest) else {
            return try encoder.encode(texts, prompt: prompt, into: &matrix, rows: rows, progress: progress)
        }
        try matrix.store(try encode(texts, prompt: prompt, with: encoder, progress: progress), at: rows, from: encoder.name)
    }

    /// `encoder.encode(texts, prompt: prompt, progress: progress)`, with the stage taken from an earlier
    /// call for another model of the run when there was one.
    public func encode(_ texts: [String], prompt: String?, with encoder: any TextEncoder,
                       progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        guard let staged = encoder as? StagedEncoder, sharedDigests.contains(staged.stageDigest) else {
            return try encoder.encode(texts, prompt: prompt, progress: progress)
        }
        let digest = staged.stageDigest, promptText = prompt ?? ""
        if let earlier = computed.first(where: { $0.stageDigest == digest && $0.prompt == promptText && $0.texts == texts }) {
            progress?(texts.count, texts.count)
            return staged.applyHead(earlier.rows)
        }
        let rows = try staged.encodeStage(texts, prompt: prompt, progress: progress)
        computed.append(Computed(stageDigest: digest, prompt: promptText, texts: texts, rows: rows))
        return staged.applyHead(rows)
    }
}
