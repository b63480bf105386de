import Core
import Datasets
import Embeddings
import Foundation
import Metrics

extension RunEvaluation {
    /// The training log: the config's, else `training_log.jsonl` / `trainer_state.json` inside the
    /// fine-tuned model folder (written by `tunelens finetune` or a Hugging Face trainer).
    func readTrainingLog(finetunedReference: String) throws -> TrainingSummary? {
        var url: URL?
        if let path = config.trainingLog {
            url = URL(fileURLWithPath: path)
        } else {
            let folder = URL(fileURLWithPath: finetunedReference)
            for name in ["training_log.jsonl", "trainer_state.json"] {
                let candidate = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { url = candidate; break }
            }
        }
        guard let url else { return nil }
        let log = try TrainingLog.read(url)
        guard !log.points.isEmpty else { return nil }
        return TrainingSummary(source: url.lastPathComponent,
                               points: log.points.map { .init(step: $0.step, epoch: $0.epoch, loss: $0.loss) })
    }

    /// Settings from `tunelens_training.json` in the fine-tuned model folder, when there is one.
    func trainingRecordSettings(_ finetunedReference: String) -> [HyperparameterEntry] {
        let url = URL(fileURLWithPath: finetunedReference).appendingPathComponent("tunelens_training.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        // The settings a reader compares between runs, under the record's own key names.
        let keys = ["base_model", "train_file", "training_pairs", "loss", "adapter", "hidden", "optimizer", "epochs",
                    "epochs_run", "best_epoch", "learning_rate", "batch_size", "weight_decay", "warmup_ratio", "seed",
                    "stopped_early"]
        return keys.compactMap { key -> HyperparameterEntry? in
            let label = key
            guard let value = object[key] else { return nil }
            if key == "stopped_early", let flag = value as? Bool {
                return HyperparameterEntry(key: label, value: flag ? "yes" : "no")
            }
            if let nested = value as? [String: Any], let name = nested["name"] as? String {
                return HyperparameterEntry(key: label, value: name)
            }
            if let number = value as? NSNumber { return HyperparameterEntry(key: label, value: "\(number)") }
            if let text = value as? String { return HyperparameterEntry(key: label, value: text) }
            return nil
        }
    }

    /// Up to `trainPairsForGap` labelled training pairs, a seeded sample when there are more.
    func sampleTrainPairs(_ pairs: [LabeledPair]) -> [LabeledPair] {
        let labelled = pairs.filter { $0.label != nil }
        guard labelled.count > trainPairsForGap else { return labelled }
        var generator = SplitMix64(seed: config.seed)
        var indices = Array(labelled.indices)
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            indices.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        return indices.prefix(trainPairsForGap).sorted().map { labelled[$0] }
    }

    func probeOutcomes(_ probes: ProbeSet?, _ ids: [(Int, Int)], _ baselineRows: [[Float]],
                       _ finetunedRows: [[Float]]) throws -> [ProbeOutcome] {
        guard let probes else { return [] }
        return try zip(probes.probes, ids).map { probe, id in
            let result = try ProbeResult(
                name: "\(probes.url.lastPathComponent):\(probe.line)", first: probe.a, second: probe.b,
                expect: probe.expect == .closer ? .closer : .farther,
                baseline: (baselineRows[id.0], baselineRows[id.1]), finetuned: (finetunedRows[id.0], finetunedRows[id.1]))
            return ProbeOutcome(textA: probe.a, textB: probe.b, expectCloser: probe.expect == .closer,
                                baseline: result.before, finetuned: result.after, passed: result.passed)
        }
    }

    func retrievalComparison(_ data: RetrievalDataset?, _ baseline: any TextEncoder,
                             _ finetuned: any TextEncoder) throws -> RetrievalComparison? {
        guard let data else { return nil }
        let index = Dictionary(data.corpus.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let relevant = data.queries.map { query in Set(data.relevant(to: query.id).compactMap { index[$0] }) }
        func measure(_ encoder: any TextEncoder) throws -> Retrieval {
            let corpus = try encoder.encode(data.corpus.map(\.text))
            let queries = try encoder.encode(data.queries.map(\.text))
            return try wrap(encoder) { try Retrieval(queries: queries, corpus: corpus, relevant: relevant) }
        }
        let before = try measure(baseline)
        let after = try measure(finetuned)
        var rows: [RetrievalComparison.Row] = []
        for (b, a) in zip(before.atK, after.atK) {
            rows.append(.init(metric: "recall@\(b.k)", baseline: b.recall, finetuned: a.recall))
        }
        rows.append(.init(metric: "MRR@10", baseline: before.mrrAt10, finetuned: after.mrrAt10))
        rows.append(.init(metric: "nDCG@10", baseline: before.ndcgAt10, finetuned: after.ndcgAt10))
        rows.append(.init(metric: "MAP@100", baseline: before.mapAt100, finetuned: after.mapAt100))
        return RetrievalComparison(folder: data.folder.lastPathComponent, queries: before.queriesEvaluated,
                                   documents: before.corpusSize, rows: rows)
    }

    func overfittingCheck(train: PairDataset?, sample: [LabeledPair], trainIDs: [(Int, Int)], evalPairs: [LabeledPair],
                          evalTexts: [String], baselineRows: [[Float]], finetunedRows: [[Float]],
                          baselineEncoder: any TextEncoder, finetunedEncoder: any TextEncoder) throws -> OverfittingCheck? {
        guard let train else { return nil }
        let trainTexts = train.pairs.flatMap { [$0.textA, $0.textB] }
        let leakage = Leakage(evalTexts: evalTexts, trainTexts: trainTexts)
        func key(_ a: String, _ b: String) -> String {
            let (x, y) = (Leakage.normalize(a), Leakage.normalize(b))
            return x < y ? x + "\u{0}" + y : y + "\u{0}" + x
        }
        let trainPairKeys = Set(train.pairs.map { key($0.textA, $0.textB) })
        let leakedPairs = evalPairs.filter { trainPairKeys.contains(key($0.textA, $0.textB)) }.count

        let labels = sample.map { $0.label == true }
        var trainAUC: (Double, Double) = (.nan, .nan)
        if labels.contains(true) && labels.contains(false) {
            func auc(_ rows: [[Float]], _ encoder: any TextEncoder) throws -> Double {
                let scores = try trainIDs.map { a, b in try wrap(encoder) { try ProbeResult.cosine(rows[a], rows[b]) } }
                return try wrap(encoder) {
                    try PairClassification(scores: scores, labels: labels, threshold: config.threshold,
                                           bootstrapSamples: 0, seed: config.seed).auc
                }
            }
            trainAUC = (try auc(baselineRows, baselineEncoder), try auc(finetunedRows, finetunedEncoder))
        }
        return OverfittingCheck(exactDuplicates: leakage.exact, nearDuplicates: leakage.normalized - leakage.exact,
                                leakedPairs: leakedPairs, trainAUCBaseline: trainAUC.0, trainAUCFinetuned: trainAUC.1,
                                trainPairsMeasured: sample.count)
    }
}
