/// The tensor names of one family's checkpoints: module paths without `.weight` / `.bias`.
///
/// Checked against each family's `modeling_*.py` in huggingface/transformers (the `nn.Module`
/// attribute names make the state-dict keys). A checkpoint saved from a task model (`BertForMaskedLM`,
/// `RobertaForSequenceClassification`, `ModernBertForMaskedLM`, ...) puts the base model's prefix
/// (`base_model_prefix`) before every name; ``prefix`` is tried when the plain name is absent.
struct WeightNames: Equatable, Sendable {
    enum Layout: Equatable, Sendable {
        /// `embeddings.*`, `encoder.layer.I.attention.self.{query,key,value}`, ... (BERT, RoBERTa, XLM-R).
        case bert
        /// BERT's, with `encoder.layer.I.attention.attn.{q,k,v,o}` and `encoder.relative_attention_bias`.
        case mpnet
        /// `transformer.layer.I.attention.{q_lin,k_lin,v_lin,out_lin}`, `sa_layer_norm`, `ffn.lin1/lin2`.
        case distilbert
        /// `embeddings.tok_embeddings`, `layers.I.attn.Wqkv`, `layers.I.mlp.Wi/Wo`, `final_norm`.
        case modernbert
    }

    /// How one layer's query, key and value projections are stored.
    enum Projections: Equatable, Sendable {
        case separate(query: String, key: String, value: String)
        /// One `[3H, H]` matrix, queries then keys then values (`attn.Wqkv`).
        case fused(String)
    }

    /// One layer's module paths. For post-norm layers, ``attentionNorm`` follows the attention and
    /// ``feedForwardNorm`` the feed-forward block; for pre-norm layers they precede them.
    struct Layer: Equatable, Sendable {
        let projections: Projections
        let attentionOutput: String
        /// nil: the layer has no attention norm (ModernBERT's layer 0, an `nn.Identity`).
        let attentionNorm: String?
        let feedForwardInput: String
        let feedForwardOutput: String
        let feedForwardNorm: String
    }

    let layout: Layout
    let prefix: String

    static func bert(prefix: String) -> WeightNames { WeightNames(layout: .bert, prefix: prefix) }
    static let mpnet = WeightNames(layout: .mpnet, prefix: "mpnet.")
    static let distilbert = WeightNames(layout: .distilbert, prefix: "distilbert.")
    static let modernbert = WeightNames(layout: .modernbert, prefix: "model.")

    var wordEmbeddings: String {
        layout == .modernbert ? "embeddings.tok_embeddings" : "embeddings.word_embeddings"
    }

    var positionEmbeddings: String? { layout == .modernbert ? nil : "embeddings.position_embeddings" }

    var tokenTypeEmbeddings: String { "embeddings.token_type_embeddings" }

    var embeddingNorm: String { layout == .modernbert ? "embeddings.norm" : "embeddings.LayerNorm" }

    /// MPNet's table of relative-position biases, `[buckets, heads]`, shared by every layer.
    var relativeAttentionBias: String { "encoder.relative_attention_bias" }

    /// The norm after the last layer (pre-norm layouts only).
    var finalNorm: String { "final_norm" }

    func layer(_ index: Int) -> Layer {
        switch layout {
        case .bert:
            let base = "encoder.layer.\(index)."
            return Layer(
                projections: .separate(query: base + "attention.self.query", key: base + "attention.self.key",
                                       value: base + "attention.self.value"),
                attentionOutput: base + "attention.output.dense", attentionNorm: base + "attention.output.LayerNorm",
                feedForwardInput: base + "intermediate.dense", feedForwardOutput: base + "output.dense",
                feedForwardNorm: base + "output.LayerNorm")
        case .mpnet:
            let base = "encoder.layer.\(index)."
            return Layer(
                projections: .separate(query: base + "attention.attn.q", key: base + "attention.attn.k",
                                       value: base + "attention.attn.v"),
                attentionOutput: base + "attention.attn.o", attentionNorm: base + "attention.LayerNorm",
                feedForwardInput: base + "intermediate.dense", feedForwardOutput: base + "output.dense",
                feedForwardNorm: base + "output.LayerNorm")
        case .distilbert:
            let base = "transformer.layer.\(index)."
            return Layer(
                projections: .separate(query: base + "attention.q_lin", key: base + "attention.k_lin",
                                       value: base + "attention.v_lin"),
                attentionOutput: base + "attention.out_lin", attentionNorm: base + "sa_layer_norm",
                feedForwardInput: base + "ffn.lin1", feedForwardOutput: base + "ffn.lin2",
                feedForwardNorm: base + "output_layer_norm")
        case .modernbert:
            let base = "layers.\(index)."
            return Layer(
                projections: .fused(base + "attn.Wqkv"), attentionOutput: base + "attn.Wo",
                attentionNorm: index == 0 ? nil : base + "attn_norm",
                feedForwardInput: base + "mlp.Wi", feedForwardOutput: base + "mlp.Wo",
                feedForwardNorm: base + "mlp_norm")
        }
    }
}
