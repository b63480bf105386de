import Foundation
import Metrics

/// One model's measurements on the held-out pairs.
public struct ModelResult: Sendable {
    /// The model's display name and the reference it was loaded from.
    public var name: String
    public var reference: String
    /// The encoder's content digest (SHA-256 hex of its weights or embedding file).
    public var digest: String
    public var dimension: Int
    public var classification: ClassificationResult
    /// STS correlations between gold scores and cosine, when the data has scores.
    public var sts: STSResult?
    /// Wang & Isola's alignment (positive pairs) and uniformity of the embedding space.
    public var alignment: Double
    public var uniformity: Double
    /// Whether uniformity was estimated on a sample of text pairs rather than all of them.
    public var uniformitySampled: Bool
    /// The first two principal components of the model's embeddings of the pairs' texts.
    public var projection: Projection

    public init(name: String, reference: String, digest: String, dimension: Int,
                classification: ClassificationResult, sts: STSResult?, alignment: Double,
                uniformity: Double, uniformitySampled: Bool, projection: Projection) {
        self.name = name
        self.reference = reference
        self.digest = digest
        self.dimension = dimension
        self.classification = classification
        self.sts = sts
        self.alignment = alignment
        self.uniformity = uniformity
        self.uniformitySampled = uniformitySampled
        self.projection = projection
    }
}

/// Pair-classification numbers: a model's cosine similarity as a score for "is this a positive pair".
public struct ClassificationResult: Sendable {
    public var auc: Double
    /// 95% bootstrap interval of the AUC.
    public var aucCI: ClosedInterval
    /// Cohen's d and its interval; nil when undefined (constant scores within both classes).
    public var cohensD: Double?
    public var cohensDCI: ClosedInterval?
    public var margin: Double
    public var meanPositive: Double
    public var meanNegative: Double
    public var threshold: Double
    public var accuracy: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var mcc: Double
    public var averagePrecision: Double
    /// The diagnosis of this model on the pairs; its raw value is metrics.json's vocabulary.
    public var diagnosis: Diagnosis
    /// ROC corner points, starting at (0, 0).
    public var roc: [ROCPoint]
    /// sentence-transformers' best accuracy, its threshold chosen on these same pairs (optimistic).
    public var optimisticAccuracy: Double
    public var optimisticThreshold: Double
    /// Accuracy with the threshold fitted on the other folds (cross-fitting): an honest best.
    public var crossFittedAccuracy: Double
    public var crossFittedFolds: Int
    public var crossFittedThresholds: [Double]

    public init(auc: Double, aucCI: ClosedInterval, cohensD: Double?, cohensDCI: ClosedInterval?,
                margin: Double, meanPositive: Double, meanNegative: Double, threshold: Double,
                accuracy: Double, precision: Double, recall: Double, f1: Double, mcc: Double,
                averagePrecision: Double, diagnosis: Diagnosis, roc: [ROCPoint],
                optimisticAccuracy: Double, optimisticThreshold: Double, crossFittedAccuracy: Double,
                crossFittedFolds: Int, crossFittedThresholds: [Double]) {
        self.auc = auc
        self.aucCI = aucCI
        self.cohensD = cohensD
        self.cohensDCI = cohensDCI
        self.margin = margin
        self.meanPositive = meanPositive
        self.meanNegative = meanNegative
        self.threshold = threshold
        self.accuracy = accuracy
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.mcc = mcc
        self.averagePrecision = averagePrecision
        self.diagnosis = diagnosis
        self.roc = roc
        self.optimisticAccuracy = optimisticAccuracy
        self.optimisticThreshold = optimisticThreshold
        self.crossFittedAccuracy = crossFittedAccuracy
        self.crossFittedFolds = crossFittedFolds
        self.crossFittedThresholds = crossFittedThresholds
    }
}

/// Graded-similarity agreement with human scores.
public struct STSResult: Sendable {
    public var spearman: Double
    public var pearson: Double
    public init(spearman: Double, pearson: Double) {
        self.spearman = spearman
        self.pearson = pearson
    }
}

/// Texts projected on two principal components, each tagged with the class of its pair.
public struct Projection: Sendable {
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        /// Whether the text came from a positive pair.
        public var positive: Bool
        public init(x: Double, y: Double, positive: Bool) {
            self.x = x
            self.y = y
            self.positive = positive
        }
    }
    public var points: [Point]
    /// Share of variance the two components explain.
    public var explainedVariance: [Double]
    public init(points: [Point], explainedVariance: [Double]) {
        self.points = points
        self.explainedVariance = explainedVariance
    }
}
