/// Everything that can make a metric undefined or its input unusable.
///
/// Each `description` is one line a user can act on; nothing here is a crash.
public enum MetricsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input named `what` has no elements.
    case empty(what: String)
    /// Two inputs that must line up element by element do not.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A score (or embedding value) is NaN or infinite.
    case nonFinite(what: String, index: Int, value: Double)
    /// Only one class is present, so AUC and everything that compares the classes is undefined.
    case oneClass(positives: Int, negatives: Int)
    /// A statistic divides by a spread that is zero (for example Pearson of a constant vector).
    case zeroVariance(what: String)
    /// Vectors that must share a dimension do not.
    case dimensionMismatch(what: String, expected: Int, got: Int)
    /// An argument outside its domain (for example k = 0 or fewer than two folds).
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .empty(let what):
            return "\(what) is empty: nothing to measure"
        case .lengthMismatch(let what, let expected, let got):
            return "\(what): lengths differ (\(got) vs \(expected))"
        case .nonFinite(let what, let index, let value):
            return "\(what)[\(index)] is \(value): every value must be a finite number"
        case .oneClass(let positives, let negatives):
            let only = positives == 0 ? "negative" : "positive"
            return "only \(only) pairs (\(positives) positive, \(negatives) negative): AUC and class comparisons are undefined with one class"
        case .zeroVariance(let what):
            return "\(what) has zero variance: the statistic is undefined"
        case .dimensionMismatch(let what, let expected, let got):
            return "\(what): expected dimension \(expected), got \(got)"
        case .invalidParameter(let message):
            return message
        }
    }
}
