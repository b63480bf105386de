/// What a data set asks of the models; metrics.json's `task` vocabulary.
///
/// Every task follows the same story: read the data, score its items with the shared encoder,
/// measure each model, compare the two paired on the same items, pick the failure examples.
public enum TaskKind: String, Sendable {
    /// Pair classification: is this a positive pair? (AUC)
    case pairs
    /// Graded similarity against gold scores. (Spearman)
    case sts
    /// Search: queries against a corpus with judged relevant documents. (nDCG@10)
    case retrieval
}
