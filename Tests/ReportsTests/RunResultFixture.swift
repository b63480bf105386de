import Metrics
import Evaluation
import Foundation

/// A hand-made run result for rendering tests: numbers chosen to read like a backwards baseline that
/// fine-tuning fixed, texts chosen by the caller (hostile ones for the escaping tests).
enum RunResultFixture {
    static let hostileTexts = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1))",
        "{{#x}}boom{{/x}} {{{y}}}",
        "*bold* _under_ `code` # not a heading",
        "1. not a list\n\n<div>two paragraphs</div>",
    ]

    static func make(texts: [String]? = nil, name: String = "fixture-run", notes: String? = "A note with <b>markup</b>",
                     diagnosis: Diagnosis = .backwards, finetunedDiagnosis: Diagnosis = .strong) -> RunResult {
        let pool = texts ?? [
            "I never smoke and cannot stand cigarette smoke",
            "I smoke with friends on weekends",
            "Hiking every Sunday keeps me sane",
            "Weekend hikes in the mountains are my favourite thing",
            "I want three kids someday",
            "Children are not in my plans",
        ]
        var pairs: [ScoredPair] = []
        for i in 0..<60 {
            let label = i % 2 == 0
            let base: Double = label ? 0.30 + Double(i % 7) * 0.03 : 0.45 + Double(i % 5) * 0.04
            let tuned: Double = label ? 0.65 + Double(i % 6) * 0.05 : 0.05 + Double(i % 8) * 0.04
            pairs.append(ScoredPair(index: i, textA: pool[i % pool.count], textB: pool[(i + 1) % pool.count],
                                    label: label, score: nil, baseline: base, finetuned: tuned))
        }
        let roc = [ROCPoint(fpr: 0, tpr: 0, threshold: .infinity), ROCPoint(fpr: 0.5, tpr: 0.2, threshold: 0.4),
                   ROCPoint(fpr: 1, tpr: 1, threshold: -1)]
        let rocTuned = [ROCPoint(fpr: 0, tpr: 0, threshold: .infinity), ROCPoint(fpr: 0.1, tpr: 0.8, threshold: 0.5),
                        ROCPoint(fpr: 1, tpr: 1, threshold: -1)]
        func classification(auc: Double, d: Double, diagnosis: Diagnosis, roc: [ROCPoint]) -> ClassificationResult {
            let aucLo: Double = auc - 0.04
            let aucHi: Double = auc + 0.04
            let dLo: Double = d - 0.2
            let dHi: Double = d + 0.2
            let margin: Double = d / 10
            let accuracy: Double = 0.5 + (auc - 0.5) / 2
            return ClassificationResult(auc: auc, aucCI: ClosedInterval(lower: aucLo, upper: aucHi), cohensD: d, cohensDCI: ClosedInterval(lower: dLo, upper: dHi),
                                 margin: margin, meanPositive: 0.4, meanNegative: 0.4 - margin, threshold: 0.5,
                                 accuracy: accuracy, precision: 0.6, recall: 0.7, f1: 0.65, mcc: 0.3,
                                 averagePrecision: auc, diagnosis: diagnosis, roc: roc, optimisticAccuracy: 0.86,
                                 optimisticThreshold: 0.41, crossFittedAccuracy: 0.84, crossFittedFolds: 5,
                                 crossFittedThresholds: [0.4, 0.42, 0.41, 0.39, 0.43])
        }
        let points: [Projection.Point] = (0..<40).map { (k: Int) -> Projection.Point in
            let x = Double(k % 9) - 4.0
            let y = Double(k % 5) - 2.0
            return Projection.Point(x: x, y: y, positive: k % 2 == 0)
        }
        let baseline = ModelResult(name: pool[0], reference: "/models/base", digest: String(repeating: "ab", count: 32), dimension: 384,
                                   classification: classification(auc: 0.40, d: -0.36, diagnosis: diagnosis, roc: roc),
                                   sts: nil, alignment: 0.61, uniformity: -2.1, uniformitySampled: false,
                                   projection: Projection(points: points, explainedVariance: [0.2, 0.1]))
        let finetuned = ModelResult(name: pool[1], reference: "/models/tuned", digest: String(repeating: "cd", count: 32), dimension: 384,
                                    classification: classification(auc: 0.91, d: 2.17, diagnosis: finetunedDiagnosis, roc: rocTuned),
                                    sts: nil, alignment: 0.31, uniformity: -3.2, uniformitySampled: false,
                                    projection: Projection(points: points.reversed(), explainedVariance: [0.3, 0.1]))
        let failures = [
            FailureExample(pair: pairs[1], kind: .highNegative, sharedWords: ["smoke"], change: .fixed),
            FailureExample(pair: pairs[2], kind: .lowPositive, sharedWords: [], change: .stillWrong),
        ]
        let lossPoints: [TrainingSummary.Point] = (1...20).map { (k: Int) -> TrainingSummary.Point in
            let loss: Double = 0.3 / Double(k) + 0.05
            return TrainingSummary.Point(step: k * 10, epoch: Double(k) / 5, loss: loss)
        }
        let outcome = PairOutcome(
            data: DataSummary(file: "pairs.jsonl", digest: String(repeating: "ef", count: 32), pairs: 60, positives: 30,
                              negatives: 30, uniqueTexts: pool.count, hasScores: false, trainFile: nil, trainPairs: nil),
            baseline: baseline, finetuned: finetuned,
            comparison: ComparisonResult(deltaAUC: 0.51, deltaAUCCI: ClosedInterval(lower: 0.45, upper: 0.57), deltaD: 2.53, deltaDCI: ClosedInterval(lower: 2.2, upper: 2.9),
                                         bootstrapSamples: 1000, delongZ: 9.3, delongP: 1e-12, fixed: 20, broken: 2,
                                         stillWrong: 5, bothRight: 33,
                                         ownThreshold: VerdictCounts(fixed: 17, broken: 3, stillWrong: 6, stillRight: 34, folds: 5),
                                         measures: [
                                            MeasureComparison(key: "auc", baseline: 0.40, finetuned: 0.91, method: "DeLong", p: 1e-12, adjustedP: 6e-12),
                                            MeasureComparison(key: "cohens_d", baseline: -0.36, finetuned: 2.17, method: "paired bootstrap", p: 0.002, adjustedP: 0.008),
                                            MeasureComparison(key: "accuracy", baseline: 0.45, finetuned: 0.705, method: "McNemar", p: 0.0003, adjustedP: 0.0015),
                                            MeasureComparison(key: "recall", baseline: 0.60, finetuned: 0.62, method: "McNemar", p: 0.02, adjustedP: 0.04),
                                            MeasureComparison(key: "cross_fitted_accuracy", baseline: 0.70, finetuned: 0.66, method: "McNemar", p: 0.03, adjustedP: 0.06),
                                            MeasureComparison(key: "margin", baseline: -0.05, finetuned: -0.0502, method: "Welch t", p: 0.001, adjustedP: 0.004),
                                         ]),
            pairs: pairs, failures: failures,
            lexical: LexicalAnalysis(overlapAUC: 0.41, baselineCorrelation: 0.52, finetunedCorrelation: 0.12,
                                     meanOverlapPositive: 0.08, meanOverlapNegative: 0.15),
            remainingErrors: RemainingErrors(falsePositives: 3, falseNegatives: 4, examples: [failures[1]], lowInformation: 4,
                                             lowInformationShareOverall: 0.2),
            overfitting: nil)
        func identity(_ m: ModelResult) -> ModelIdentity {
            ModelIdentity(name: m.name, reference: m.reference, digest: m.digest, dimension: m.dimension, prompts: ModelPrompts())
        }
        return RunResult(
            run: RunInfo(name: name, title: pool[2], created: Date(timeIntervalSince1970: 1_700_000_000), toolVersion: "0.1.0",
                         seed: 42, threshold: 0.5, hyperparameters: [HyperparameterEntry(key: "epochs", value: pool[3])],
                         notes: notes, commandLine: ["tunelens", "report", "--name", name]),
            task: .pairs, models: (identity(baseline), identity(finetuned)), pairs: outcome, retrieval: nil,
            training: TrainingSummary(source: "training_log.jsonl", points: lossPoints),
            probes: [ProbeOutcome(textA: pool[4], textB: pool[5], expectCloser: false, baseline: 0.6, finetuned: 0.2, passed: true)])
    }
}
