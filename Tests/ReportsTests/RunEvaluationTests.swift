import Foundation
import Testing
@testable import Reports
@testable import Evaluation
import Metrics

@Suite("The evaluation pipeline's optional inputs")
struct RunEvaluationTests {
    @Test("Probes, a BEIR folder and a training split reach the result, metrics.json and the page")
    func extras() throws {
        var config = GoldenRun.config()
        config.probes = GoldenRun.folder.appendingPathComponent("probes.jsonl").path
        config.retrieval = GoldenRun.folder.appendingPathComponent("beir").path
        // The held-out pairs as their own training split: every text and pair leaks.
        config.train = GoldenRun.folder.appendingPathComponent("pairs.jsonl").path
        let result = try GoldenRun.evaluate(config)

        #expect(result.probes.count == 2)
        #expect(result.probes.allSatisfy { $0.baseline.isFinite && $0.finetuned.isFinite })
        let retrieval = try #require(result.retrieval)
        #expect(retrieval.queries.count == 3 && retrieval.documents == 6)
        #expect(retrieval.baseline.mrrAt10.perQuery.count == 3)
        let pairs = try #require(result.pairs)
        let leakage = try #require(pairs.overfitting)
        #expect(leakage.exactDuplicates == pairs.data.uniqueTexts)
        #expect(leakage.leakedPairs == 16)
        #expect(abs(leakage.trainAUCFinetuned - pairs.finetuned.classification.auc) < 1e-12, "same pairs, same AUC")

        let document = MetricsDocument.json(for: result).serialized()
        #expect(document.contains("\"leaked_pairs\": 16"))
        let page = try ReportRenderer().render(result).html
        #expect(page.contains("Leakage and overfitting"))
        #expect(page.contains("MRR@10"))
        #expect(page.contains("Probes"))
    }

    @Test("The comparison carries own-threshold verdicts and the tested measures, Holm-adjusted together, to metrics.json and the page")
    func honestComparison() throws {
        let result = try GoldenRun.evaluate()
        let pairs = try #require(result.pairs)
        let c = pairs.comparison
        #expect(c.ownThreshold.fixed + c.ownThreshold.broken + c.ownThreshold.stillWrong + c.ownThreshold.stillRight == pairs.data.pairs)
        #expect(c.measures.map(\.key) == ["auc", "cohens_d", "margin", "accuracy", "recall", "cross_fitted_accuracy"])
        #expect(c.measures.map(\.adjustedP) == Holm.adjusted(c.measures.map(\.p)))
        // The table's numbers are the ones the rest of the page shows.
        let auc = try #require(c.measures.first)
        #expect(abs(auc.delta - c.deltaAUC) < 1e-12 && auc.p == c.delongP)
        let crossFitted = try #require(c.measures.last)
        #expect(crossFitted.finetuned == pairs.finetuned.classification.crossFittedAccuracy)
        #expect(crossFitted.baseline == pairs.baseline.classification.crossFittedAccuracy)

        let document = MetricsDocument.json(for: result).serialized()
        #expect(document.contains("\"fixed_own_threshold\": \(c.ownThreshold.fixed)"))
        let page = try ReportRenderer().render(result).html
        #expect(page.contains("id=\"tested-measures\""))
        #expect(page.contains("Verdicts, each model at its own threshold"))
    }

    @Test("A run config with an unknown key names the file and line")
    func unknownKey() throws {
        let folder = GoldenRun.temporaryFolder("yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tunelens.yaml")
        try "title: t\ndata: pairs.jsonl\nthreshold: 0.4\nbaslines: x\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try RunConfig.read(file)
        } throws: { error in
            "\(error)".hasPrefix(file.path + ":4: unknown key \"baslines\"")
        }
    }

    @Test("Relative paths in a run config resolve against its folder; a model id stays an id")
    func relativePaths() throws {
        let folder = GoldenRun.temporaryFolder("yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tunelens.yaml")
        try "data: sub/pairs.jsonl\nbaseline: sentence-transformers/all-MiniLM-L6-v2\nthreshold: 0.3\nseed: 7\ncolumns:\n  text_a: question\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let config = try RunConfig.read(file)
        #expect(config.data == folder.appendingPathComponent("sub/pairs.jsonl").path)
        #expect(config.baseline == "sentence-transformers/all-MiniLM-L6-v2")
        #expect(config.threshold == 0.3 && config.seed == 7)
        #expect(config.columns == ["text_a": "question"])
    }
}

@Suite("Settings from tunelens finetune")
struct TrainingRecordTests {
    @Test("tunelens_training.json in the fine-tuned folder fills the setup's hyperparameters, in a fixed order")
    func record() throws {
        let folder = GoldenRun.temporaryFolder("record")
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"schema": "tunelens.training/1", "epochs": 4, "learning_rate": 0.001, "loss": "CosineSimilarityLoss", "base_model": {"name": "all-MiniLM-L6-v2", "digest": "ab"}, "stopped_early": false, "train_seconds": 16.3}"#
            .write(to: folder.appendingPathComponent("tunelens_training.json"), atomically: true, encoding: .utf8)
        let evaluation = RunEvaluation(config: RunConfig(), commandLine: [], toolVersion: "test", created: Date())
        let settings = evaluation.trainingRecordSettings(folder.path)
        #expect(settings.map(\.key) == ["base_model", "loss", "epochs", "learning_rate", "stopped_early"])
        #expect(settings.map(\.value) == ["all-MiniLM-L6-v2", "CosineSimilarityLoss", "4", "0.001", "no"])
    }

    @Test("--similarity changes how pairs are scored and is recorded; cosine stays the default")
    func similarity() throws {
        var embeddings: [String: [Float]] = [:]
        let file = GoldenRun.folder.appendingPathComponent("baseline.jsonl")
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            embeddings[object["text"] as! String] = (object["embedding"] as! [Double]).map(Float.init)
        }
        var config = GoldenRun.config()
        config.similarity = "euclidean"
        let result = try GoldenRun.evaluate(config)
        let pair = try #require(result.pairs?.pairs.first)
        let a = try #require(embeddings[pair.textA]), b = try #require(embeddings[pair.textB])
        let distance = zip(a, b).map { Double($0) - Double($1) }.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(abs(pair.baseline + distance) < 1e-12, "euclidean similarity is -||a - b||")
        #expect(result.models.baseline.similarity == "euclidean")
        let document = MetricsDocument.json(for: result).serialized()
        #expect(document.contains("\"similarity\": \"euclidean\""))
        #expect(try GoldenRun.evaluate().models.finetuned.similarity == "cosine")
        config.similarity = "jaccard"
        #expect(throws: EvaluationError.self) { try GoldenRun.evaluate(config) }
    }
}
