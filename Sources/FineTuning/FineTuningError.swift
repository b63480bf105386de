import Foundation

/// Everything that can go wrong while training an adapter or writing the model folder.
///
/// `description` is one line naming the file (and line, for data) so the CLI can print it as is.
public enum FineTuningError: Error, CustomStringConvertible, Equatable {
    /// The loss needs labels of a kind the data does not have (e.g. cosine loss on unlabelled pairs).
    case missingLabels(file: String, loss: String, need: String)
    /// MultipleNegativesRankingLoss was asked to train on data without a single positive pair.
    case noPositivePairs(file: String)
    /// Too little data to train or validate on.
    case notEnoughData(file: String, detail: String)
    /// An embedding that is not finite or whose dimension differs from the others.
    case invalidEmbedding(detail: String)
    /// A hyperparameter outside its range.
    case invalidOption(name: String, detail: String)
    /// The output folder exists and is not empty, and `--force` was not given.
    case outputExists(path: String)
    /// The base model folder lacks a file the output needs.
    case baseModel(path: String, detail: String)
    /// Reading or writing a file failed.
    case io(path: String, detail: String)

    public var description: String {
        switch self {
        case .missingLabels(let file, let loss, let need):
            return "\(file): \(loss) needs \(need) on every pair"
        case .noPositivePairs(let file):
            return "\(file): MultipleNegativesRankingLoss needs positive pairs (label 1), found none"
        case .notEnoughData(let file, let detail):
            return "\(file): \(detail)"
        case .invalidEmbedding(let detail):
            return "embeddings: \(detail)"
        case .invalidOption(let name, let detail):
            return "--\(name): \(detail)"
        case .outputExists(let path):
            return "\(path): output folder exists and is not empty (use --force to replace it)"
        case .baseModel(let path, let detail):
            return "\(path): \(detail)"
        case .io(let path, let detail):
            return "\(path): \(detail)"
        }
    }
}
