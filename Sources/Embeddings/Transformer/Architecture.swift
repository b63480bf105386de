/// What sets one encoder family apart from the others: how tokens get positions, where the LayerNorms
/// sit, what is added to the attention scores, the feed-forward block and the tensor names.
///
/// Every family runs the same layer (``TransformerModel``); these are its switches. Sources, each checked
/// in huggingface/transformers: `models/bert/modeling_bert.py`, `models/roberta/modeling_roberta.py`,
/// `models/xlm_roberta/modeling_xlm_roberta.py`, `models/mpnet/modeling_mpnet.py`,
/// `models/distilbert/modeling_distilbert.py`, `models/modernbert/modeling_modernbert.py`.
struct Architecture: Equatable, Sendable {
    /// The families, by the `model_type` of `config.json`.
    enum Family: String, CaseIterable, Sendable {
        case bert
        case roberta
        case xlmRoberta = "xlm-roberta"
        case mpnet
        case distilbert
        case modernbert

        /// What the family is called in messages.
        var displayName: String {
            switch self {
            case .bert: "BERT"
            case .roberta: "RoBERTa"
            case .xlmRoberta: "XLM-RoBERTa"
            case .mpnet: "MPNet"
            case .distilbert: "DistilBERT"
            case .modernbert: "ModernBERT"
            }
        }
    }

    /// Where a token's position enters the model.
    enum Positions: Equatable, Sendable {
        /// Learned position embeddings of rows 0, 1, 2, ... (BERT, DistilBERT).
        case absolute
        /// Learned position embeddings of rows `padding + 1, padding + 2, ...`: fairseq's `make_positions`,
        /// padding_idx + cumsum(id != padding_idx) for every non-padding id, padding_idx for padding ids
        /// (RoBERTa, XLM-RoBERTa, MPNet).
        case afterPadding(index: Int)
        /// No position embeddings: queries and keys are rotated by their position (ModernBERT).
        case rotary
    }

    /// Where each sublayer's LayerNorm sits.
    enum NormPlacement: Equatable, Sendable {
        /// x = LN(x + f(x)) after attention and after the feed-forward block (BERT and its descendants).
        case post
        /// x = x + f(LN(x)), the first layer's attention without a norm, then a final LN (ModernBERT).
        case pre
    }

    /// The feed-forward block between the attention sublayers.
    enum FeedForward: Equatable, Sendable {
        /// act(x W_i^T + b_i) W_o^T + b_o.
        case dense
        /// GeGLU: x W_i^T projects to twice the intermediate size, split into input and gate;
        /// (act(input) * gate) W_o^T (ModernBERT's `mlp.Wi` / `mlp.Wo`).
        case gated
    }

    let family: Family
    let positions: Positions
    /// Adds the embedding of token type 0 (BERT, RoBERTa, XLM-RoBERTa).
    let tokenTypes: Bool
    let norm: NormPlacement
    /// MPNet: every layer adds the T5-style relative position bias of one shared
    /// `relative_attention_bias` table to its attention scores.
    let relativeAttentionBias: Bool
    let feedForward: FeedForward
    let names: WeightNames

    static func of(_ family: Family) -> Architecture {
        switch family {
        case .bert:
            Architecture(family: family, positions: .absolute, tokenTypes: true, norm: .post,
                         relativeAttentionBias: false, feedForward: .dense, names: .bert(prefix: "bert."))
        case .roberta, .xlmRoberta:
            // The padding index is config.json's pad_token_id, filled in by TransformerConfig.
            Architecture(family: family, positions: .afterPadding(index: 1), tokenTypes: true, norm: .post,
                         relativeAttentionBias: false, feedForward: .dense, names: .bert(prefix: "roberta."))
        case .mpnet:
            // MPNetEmbeddings fixes padding_idx at 1, whatever pad_token_id says.
            Architecture(family: family, positions: .afterPadding(index: 1), tokenTypes: false, norm: .post,
                         relativeAttentionBias: true, feedForward: .dense, names: .mpnet)
        case .distilbert:
            Architecture(family: family, positions: .absolute, tokenTypes: false, norm: .post,
                         relativeAttentionBias: false, feedForward: .dense, names: .distilbert)
        case .modernbert:
            Architecture(family: family, positions: .rotary, tokenTypes: false, norm: .pre,
                         relativeAttentionBias: false, feedForward: .gated, names: .modernbert)
        }
    }

    /// The same architecture with another padding index for `.afterPadding` positions.
    func withPaddingIndex(_ index: Int) -> Architecture {
        guard case .afterPadding = positions else { return self }
        return Architecture(family: family, positions: .afterPadding(index: index), tokenTypes: tokenTypes,
                            norm: norm, relativeAttentionBias: relativeAttentionBias, feedForward: feedForward,
                            names: names)
    }
}
