import Evaluation
import Foundation
import Metrics

extension ReportView {
    /// The view of a pair-classification run (the retrieval section below it when the run has one).
    /// `embedCharts` is false for report.md, which carries the charts' tables only.
    init(result: RunResult, pairs p: PairOutcome, embedCharts: Bool, readingMinutes: Int) {
        let r = result
        let threshold = r.run.threshold
        let frame = ReportFrame(r, embedCharts: embedCharts, readingMinutes: readingMinutes)
        (title, runName, created, createdISO) = (frame.title, frame.runName, frame.created, frame.createdISO)
        (self.readingMinutes, toolVersion, commandLine, seed) = (frame.readingMinutes, frame.toolVersion, frame.commandLine, frame.seed)
        (notes, hyperparameters, training, probes) = (frame.notes, frame.hyperparameters, frame.training, frame.probes)
        (guards, matryoshka) = (frame.guards, frame.matryoshka)
        sentenceMatches = p.sentenceMatches.map(ReportView.SentenceMatchView.init)
        self.threshold = ReportFormat.fixed(threshold, 2)
        models = Models(baseline: Similarity(similarity: r.models.baseline.similarity),
                        finetuned: Similarity(similarity: r.models.finetuned.similarity))
        b = ModelView(p.baseline, role: "Before fine-tuning")
        f = ModelView(p.finetuned, role: "After fine-tuning")
        uniformitySampled = p.baseline.uniformitySampled || p.finetuned.uniformitySampled
        spaceContracted = p.finetuned.uniformity > p.baseline.uniformity + 0.5

        let c = p.comparison
        let significant = c.delongP.map { $0 < 0.05 } ?? false
        if significant && c.deltaAUC > 0 {
            outcome = Outcome(improved: true)
        } else if significant && c.deltaAUC < 0 {
            outcome = Outcome(worse: true)
        } else {
            outcome = Outcome(unchanged: true)
        }
        outcome.pastChance = [Diagnosis.weak, .strong].contains(p.finetuned.classification.diagnosis)
        let pairs = max(p.data.pairs, 1)
        data = DataView(
            file: p.data.file, digest: p.data.digest, digestShort: ReportFormat.shortDigest(p.data.digest),
            pairs: ReportFormat.count(p.data.pairs), positives: ReportFormat.count(p.data.positives),
            negatives: ReportFormat.count(p.data.negatives),
            positiveShare: ReportFormat.percent(Double(p.data.positives) / Double(pairs), 0),
            majorityShare: ReportFormat.percent(Double(max(p.data.positives, p.data.negatives)) / Double(pairs)),
            uniqueTexts: ReportFormat.count(p.data.uniqueTexts),
            trainFile: p.data.trainFile, trainPairs: p.data.trainPairs.map(ReportFormat.count))
        cmp = ComparisonView(
            deltaAUC: ReportFormat.signed(c.deltaAUC, 3), deltaAUCMagnitude: ReportFormat.fixed(abs(c.deltaAUC), 3),
            deltaAUCLo: ReportFormat.signed(c.deltaAUCCI?.lower, 3), deltaAUCHi: ReportFormat.signed(c.deltaAUCCI?.upper, 3),
            deltaD: ReportFormat.signed(c.deltaD, 2), deltaDLo: ReportFormat.signed(c.deltaDCI?.lower, 2),
            deltaDHi: ReportFormat.signed(c.deltaDCI?.upper, 2), samples: ReportFormat.count(c.bootstrapSamples),
            z: ReportFormat.signed(c.delongZ, 2), p: ReportFormat.pValue(c.delongP),
            fixed: ReportFormat.count(c.fixed), broken: ReportFormat.count(c.broken),
            stillWrong: ReportFormat.count(c.stillWrong), stillRight: ReportFormat.count(c.bothRight),
            own: VerdictsView(fixed: ReportFormat.count(c.ownThreshold.fixed), broken: ReportFormat.count(c.ownThreshold.broken),
                              stillWrong: ReportFormat.count(c.ownThreshold.stillWrong),
                              stillRight: ReportFormat.count(c.ownThreshold.stillRight), folds: String(c.ownThreshold.folds)),
            measures: c.measures.map { [threshold = self.threshold] in MeasureView($0, threshold: threshold) },
            measuresTested: String(c.measures.count))

        let pcaChart = ReportCharts.pca(p)
        charts = ChartsView(
            roc: ReportCharts.figure(ReportCharts.roc(p), caption:
                "ROC curves of both models on the same pairs. The diagonal is chance; a curve below it ranks pairs backwards.",
                embed: embedCharts),
            distributions: ReportCharts.figure(ReportCharts.distributions(p, threshold: r.run.threshold), caption:
                "How the cosine similarities of positive and negative pairs are spread, before and after, with the threshold marked. The less the two shapes overlap, the better the model separates the classes.",
                embed: embedCharts),
            pca: pcaChart.map { ReportCharts.figure($0, caption:
                "Each point is one text, placed by the first two principal components of its embedding and coloured by the class of its pair.",
                embed: embedCharts) })

        let highNegatives = p.failures.filter { $0.kind == .highNegative }.map { ExampleView($0) }
        let lowPositives = p.failures.filter { $0.kind == .lowPositive }.map { ExampleView($0) }
        examples = ExamplesView(highNegatives: highNegatives, lowPositives: lowPositives,
                                hasHighNegatives: !highNegatives.isEmpty, hasLowPositives: !lowPositives.isEmpty)

        let l = p.lexical
        lexical = LexicalView(
            overlapAUC: ReportFormat.fixed(l.overlapAUC, 2), baselineRho: ReportFormat.signed(l.baselineCorrelation, 2),
            finetunedRho: ReportFormat.signed(l.finetunedCorrelation, 2),
            meanPos: ReportFormat.percent(l.meanOverlapPositive, 0), meanNeg: ReportFormat.percent(l.meanOverlapNegative, 0),
            overlapMisleads: l.overlapAUC < 0.45, overlapHelps: l.overlapAUC > 0.55,
            overlapNeutral: (0.45...0.55).contains(l.overlapAUC),
            finetuneDecoupled: l.finetunedCorrelation.flatMap { f in l.baselineCorrelation.map { abs(f) < abs($0) - 0.1 } } ?? false)

        let e = p.remainingErrors
        let remaining = e.falsePositives + e.falseNegatives
        let lowShare = remaining > 0 ? Double(e.lowInformation) / Double(remaining) : 0
        let remainingExamples = e.examples.map { ExampleView($0) }
        limit = LimitView(
            remaining: ReportFormat.count(remaining), falsePositives: ReportFormat.count(e.falsePositives),
            falseNegatives: ReportFormat.count(e.falseNegatives), lowInformation: ReportFormat.count(e.lowInformation),
            lowInformationShare: ReportFormat.percent(lowShare),
            lowInformationOverall: ReportFormat.percent(e.lowInformationShareOverall),
            lowInformationOverrepresented: remaining >= 10 && lowShare > e.lowInformationShareOverall * 1.25,
            noBetterThanMajority: p.finetuned.classification.accuracy
                <= Double(max(p.data.positives, p.data.negatives)) / Double(pairs) + 0.005,
            hasErrors: remaining > 0, examples: remainingExamples, hasExamples: !remainingExamples.isEmpty)

        if let bs = p.baseline.sts, let fs = p.finetuned.sts {
            sts = STSView(baselineSpearman: ReportFormat.fixed(bs.spearman, 3), finetunedSpearman: ReportFormat.fixed(fs.spearman, 3),
                          baselinePearson: ReportFormat.fixed(bs.pearson, 3), finetunedPearson: ReportFormat.fixed(fs.pearson, 3))
        } else {
            sts = nil
        }
        retrieval = r.retrieval.map { outcome in
            var story = RetrievalStory(outcome, models: r.models, seed: r.run.seed, embedCharts: embedCharts)
            story.nested = true
            return story
        }
        leakage = p.overfitting.map { check in
            let gap = check.trainAUCFinetuned - p.finetuned.classification.auc
            return LeakageView(
                exactDuplicates: ReportFormat.count(check.exactDuplicates), nearDuplicates: ReportFormat.count(check.nearDuplicates),
                leakedPairs: ReportFormat.count(check.leakedPairs),
                clean: check.exactDuplicates == 0 && check.nearDuplicates == 0 && check.leakedPairs == 0,
                trainPairsMeasured: ReportFormat.count(check.trainPairsMeasured),
                trainAUCBaseline: ReportFormat.fixed(check.trainAUCBaseline, 3),
                trainAUCFinetuned: ReportFormat.fixed(check.trainAUCFinetuned, 3),
                heldOutAUCBaseline: ReportFormat.fixed(p.baseline.classification.auc, 3),
                heldOutAUCFinetuned: ReportFormat.fixed(p.finetuned.classification.auc, 3),
                gap: ReportFormat.signed(gap, 3), overfit: gap > 0.05)
        }
    }

    /// The training section, when the run has a loss curve.
    static func trainingView(_ log: TrainingSummary, embedCharts: Bool) -> TrainingView {
        let first = log.points.first?.loss ?? .nan
        let last = log.points.last?.loss ?? .nan
        let tailStart = log.points[min(log.points.count - 1, max(0, log.points.count * 4 / 5))].loss
        let plateaued = log.points.count >= 10 && abs(tailStart - last) < 0.05 * abs(tailStart)
        return TrainingView(
            source: log.source, steps: ReportFormat.count(log.points.last?.step ?? 0),
            firstLoss: ReportFormat.fixed(first, 4), lastLoss: ReportFormat.fixed(last, 4), plateaued: plateaued,
            chart: ReportCharts.loss(log).map { ReportCharts.figure($0, caption:
                "Training loss by step, as logged by the trainer.", embed: embedCharts) })
    }

    /// The probes table, when the run has probes.
    static func probesView(_ probes: [ProbeOutcome]) -> ProbesView? {
        probes.isEmpty ? nil : ProbesView(
            passed: ReportFormat.count(probes.filter(\.passed).count), total: ReportFormat.count(probes.count),
            rows: probes.map { .init(a: $0.textA, b: $0.textB, expected: $0.expectCloser ? "closer" : "farther",
                                     baseline: ReportFormat.fixed($0.baseline, 2), finetuned: ReportFormat.fixed($0.finetuned, 2),
                                     passed: $0.passed) })
    }

    /// An argument as a POSIX shell would need it quoted.
    static func shellQuoted(_ argument: String) -> String {
        let plain = argument.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./=:,@+".unicodeScalars.contains($0)
        }
        if plain && !argument.isEmpty { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension ReportView.ModelView {
    init(_ m: ModelResult, role: String) {
        let c = m.classification
        self.role = role
        name = m.name
        reference = m.reference
        digest = m.digest
        digestShort = ReportFormat.shortDigest(m.digest)
        dimension = String(m.dimension)
        auc = ReportFormat.fixed(c.auc, 2)
        aucLo = ReportFormat.fixed(c.aucCI.lower, 2)
        aucHi = ReportFormat.fixed(c.aucCI.upper, 2)
        d = ReportFormat.signed(c.cohensD, 2)
        dLo = ReportFormat.signed(c.cohensDCI?.lower, 2)
        dHi = ReportFormat.signed(c.cohensDCI?.upper, 2)
        effect = ReportFormat.effectSize(c.cohensD)
        margin = ReportFormat.signed(c.margin, 3)
        meanPos = ReportFormat.fixed(c.meanPositive, 3)
        meanNeg = ReportFormat.fixed(c.meanNegative, 3)
        meanAll = ReportFormat.fixed((c.meanPositive + c.meanNegative) / 2, 2)
        accuracy = ReportFormat.percent(c.accuracy)
        precision = ReportFormat.percent(c.precision)
        recall = ReportFormat.percent(c.recall)
        f1 = ReportFormat.fixed(c.f1, 3)
        mcc = ReportFormat.signed(c.mcc, 3)
        ap = ReportFormat.fixed(c.averagePrecision, 3)
        diagnosis = c.diagnosis.rawValue
        diag = ReportView.DiagnosisFlags(c.diagnosis)
        optimisticAccuracy = ReportFormat.percent(c.optimisticAccuracy)
        optimisticThreshold = ReportFormat.fixed(c.optimisticThreshold, 3)
        crossFittedAccuracy = ReportFormat.percent(c.crossFittedAccuracy)
        folds = String(c.crossFittedFolds)
        alignment = ReportFormat.fixed(m.alignment, 3)
        uniformity = ReportFormat.fixed(m.uniformity, 3)
    }
}

extension ReportView.ExampleView {
    init(_ example: FailureExample) {
        let shared = RetrievalStory.sharedKeys(example.pair.textA, example.pair.textB)
        index = String(example.pair.index)
        kind = example.pair.label ? "positive pair" : "negative pair"
        switch example.change {
        case .fixed: (tag, tagClass) = ("fixed by fine-tuning", "fixed")
        case .stillWrong: (tag, tagClass) = ("still wrong", "still-wrong")
        case .broken: (tag, tagClass) = ("broken by fine-tuning", "broken")
        case .stillRight: (tag, tagClass) = ("right both times", "still-right")
        }
        a = Self.segments(example.pair.textA, shared: shared, key: RetrievalStory.wordKey)
        b = Self.segments(example.pair.textB, shared: shared, key: RetrievalStory.wordKey)
        matched = example.sentences.flatMap(ReportView.MatchedView.init)
        baseline = ReportFormat.fixed(example.pair.baseline, 2)
        finetuned = ReportFormat.fixed(example.pair.finetuned, 2)
        sharedWords = example.sharedWords.joined(separator: ", ")
        hasShared = !example.sharedWords.isEmpty
    }

    /// Splits a text into runs of word characters and the rest, marking words whose `key` is in
    /// `shared` (by default the word lower-cased); adjacent unmarked runs are merged.
    static func segments(_ text: String, shared: Set<String>,
                         key: (String) -> String = { $0.lowercased() }) -> [ReportView.Segment] {
        let line = ReportEscaping.oneLine(text)
        var segments: [ReportView.Segment] = []
        var current = ""
        var currentIsWord = false
        func flush() {
            guard !current.isEmpty else { return }
            let isShared = currentIsWord && shared.contains(key(current))
            if !isShared, let last = segments.last, !last.shared {
                segments[segments.count - 1].text += current
            } else {
                segments.append(.init(text: current, shared: isShared))
            }
            current = ""
        }
        for ch in line {
            let isWord = ch.isLetter || ch.isNumber || ch == "'" && currentIsWord
            if isWord != currentIsWord { flush(); currentIsWord = isWord }
            current.append(ch)
        }
        flush()
        return segments
    }
}

extension ReportView.MeasureView {
    /// A row of the tested-measures table; accuracies read as percentages, changes in points.
    init(_ m: MeasureComparison, threshold: String) {
        let percent = ["accuracy", "recall", "cross_fitted_accuracy"].contains(m.key)
        let digits = m.key == "cohens_d" ? 2 : 3
        func value(_ x: Double) -> String { percent ? ReportFormat.percent(x) : ReportFormat.fixed(x, digits) }
        let shownDelta = percent ? ReportFormat.signed(m.delta * 100, 1) + " pp" : ReportFormat.signed(m.delta, digits)
        let roundsToZero = abs(percent ? m.delta * 100 : m.delta) < 0.5 * pow(10, -Double(percent ? 1 : digits))
        label = [
            "auc": "AUC-ROC", "cohens_d": "Cohen's d", "margin": "Margin (mean positive − mean negative)",
            "accuracy": "Accuracy at \(threshold)", "recall": "Recall at \(threshold)",
            "cross_fitted_accuracy": "Accuracy, threshold cross-fitted",
        ][m.key] ?? m.key
        baseline = value(m.baseline)
        finetuned = value(m.finetuned)
        delta = shownDelta
        method = m.method
        p = ReportFormat.pCell(m.p)
        adjustedP = ReportFormat.pCell(m.adjustedP)
        cssClass = m.isSignificant && !roundsToZero ? (m.delta > 0 ? "better" : "worse") : ""
    }
}
