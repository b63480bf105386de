/// The special tokens put around one text (tokenizers' post-processor for a single sequence).
///
/// `BertProcessing` and `RobertaProcessing` wrap as `cls A sep`; `TemplateProcessing`'s `single`
/// template lists special tokens (each possibly several ids) around `$A`; a `Sequence` applies
/// each processor in turn, so the outer one wraps the inner; `ByteLevel` only moves offsets, and
/// no post-processor adds nothing. Every shape reduces to ids before and ids after the text.
/// Their total is tokenizers' `added_tokens(false)`, which truncation sets aside.
struct PostProcessor: Sendable, Equatable {
    var prefix: [Int32] = []
    var suffix: [Int32] = []

    var addedCount: Int { prefix.count + suffix.count }

    /// `outer` applied after `self`.
    func then(_ outer: PostProcessor) -> PostProcessor {
        PostProcessor(prefix: outer.prefix + prefix, suffix: suffix + outer.suffix)
    }
}
