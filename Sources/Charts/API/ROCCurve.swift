/// One model's ROC curve: (false positive rate, true positive rate) points and its AUC.
public struct ROCCurve: Sendable, Equatable {
    public var name: String
    /// Points in drawing order, both coordinates in [0, 1]; non-finite points are skipped.
    public var points: [ChartPoint]
    /// The area under the curve shown in the legend, e.g. "Fine-tuned (AUC 0.912)".
    public var auc: Double?
    /// `nil` takes the default style of the curve's position.
    public var style: SeriesStyle?

    public init(name: String, points: [ChartPoint], auc: Double?, style: SeriesStyle? = nil) {
        self.name = name
        self.points = points
        self.auc = auc
        self.style = style
    }

    /// A curve from parallel arrays of rates, as an ROC routine returns them.
    public init(name: String, falsePositiveRates: [Double], truePositiveRates: [Double], auc: Double?, style: SeriesStyle? = nil) {
        self.init(name: name, points: zip(falsePositiveRates, truePositiveRates).map { ChartPoint($0, $1) }, auc: auc, style: style)
    }

    var legendLabel: String {
        guard let auc, auc.isFinite else { return name }
        return "\(name) (AUC \(SVGNumber.format(auc, decimals: 3)))"
    }
}
