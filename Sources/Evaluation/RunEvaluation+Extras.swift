import Core
import Datasets
import Embeddings
import Foundation
import LinearAlgebra
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

    func probeOutcomes(_ probes: ProbeSet?, _ ids: [(Int, Int)], _ baselineRows: EmbeddingMatrix,
                       _ finetunedRows: EmbeddingMatrix) throws -> [ProbeOutcome] {
        guard let probes else { return [] }
        return try zip(probes.probes, ids).map { probe, id in
            let result = try ProbeResult(
                name: "\(probes.url.lastPathComponent):\(probe.line)", first: probe.a, second: probe.b,
                expect: probe.expect == .closer ? .closer : .farther,
                baseline: (baselineRows.row(id.0), baselineRows.row(id.1)), finetuned: (finetunedRows.row(id.0), finetunedRows.row(id.1)))
            return ProbeOutcome(textA: probe.a, textB: probe.b, expectCloser: probe.expect == .closer,
                                baseline: result.before, finetuned: result.after, passed: result.passed)
        }
    }
}
