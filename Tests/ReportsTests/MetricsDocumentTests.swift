import Evaluation
import Foundation
import Testing
@testable import Reports

@Suite("metrics.json on the golden run")
struct MetricsDocumentTests {
    static func document() throws -> [String: Any] {
        let text = MetricsDocument.json(for: try GoldenRun.evaluate()).serialized()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func value(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    @Test("Every key of the SPEC section 6 contract and of the site's extensions is present")
    func contractKeys() throws {
        let doc = try Self.document()
        var keys = ["schema", "run.name", "run.created", "run.tool_version", "run.seed", "run.title",
                    "data.pairs", "data.positives", "data.negatives", "data.file", "data.digest",
                    "comparison.delta_auc", "comparison.delong_p", "comparison.delong_z", "comparison.fixed",
                    "comparison.broken", "comparison.still_wrong", "comparison.fixed_own_threshold",
                    "comparison.broken_own_threshold",
                    "config.threshold", "config.hyperparameters", "config.notes", "config.command_line"]
        for m in ["baseline", "finetuned"] {
            keys += ["models.\(m).name", "models.\(m).digest", "models.\(m).space.alignment", "models.\(m).space.uniformity",
                     "models.\(m).sts.spearman", "models.\(m).sts.pearson"]
            keys += ["auc", "auc_ci95", "cohens_d", "cohens_d_ci95", "margin", "mean_positive", "mean_negative", "threshold",
                     "accuracy", "precision", "recall", "f1", "mcc", "average_precision", "diagnosis", "roc",
                     "histogram.edges", "histogram.positive", "histogram.negative"].map { "models.\(m).pair_classification.\($0)" }
        }
        for key in keys {
            #expect(Self.value(doc, key) != nil, "missing \(key)")
        }
        #expect(Self.value(doc, "schema") as? String == "tunelens.metrics/1")
        #expect(Self.value(doc, "run.created") as? String == "2023-11-14T22:13:20Z")
        #expect(Self.value(doc, "data.pairs") as? Int == 16)
        #expect(Self.value(doc, "data.positives") as? Int == 8)
        // 16 pairs: the baseline's AUC of 0.27 has an interval reaching 0.5, so it is "random", not "backwards".
        #expect(Self.value(doc, "models.baseline.pair_classification.diagnosis") as? String == "random")
        #expect(Self.value(doc, "models.finetuned.pair_classification.diagnosis") as? String == "strong")
        #expect((Self.value(doc, "models.baseline.pair_classification.histogram.edges") as? [Double])?.count == 41)
    }

    @Test("Values match scikit-learn and scipy on the same embeddings", arguments: ["baseline", "finetuned"])
    func goldenValues(model: String) throws {
        let doc = try Self.document()
        let expected = try #require(GoldenRun.expected[model] as? [String: Any])
        let pc = "models.\(model).pair_classification."
        let pairs: [(String, String)] = [
            ("auc", pc + "auc"), ("average_precision", pc + "average_precision"), ("accuracy", pc + "accuracy"),
            ("precision", pc + "precision"), ("recall", pc + "recall"), ("f1", pc + "f1"), ("mcc", pc + "mcc"),
            ("cohens_d", pc + "cohens_d"), ("mean_positive", pc + "mean_positive"), ("mean_negative", pc + "mean_negative"),
            ("spearman", "models.\(model).sts.spearman"), ("pearson", "models.\(model).sts.pearson"),
            ("alignment", "models.\(model).space.alignment"), ("uniformity", "models.\(model).space.uniformity"),
        ]
        for (name, path) in pairs {
            let actual = try #require(Self.value(doc, path) as? Double, "\(path)")
            let reference = try #require(expected[name] as? Double)
            #expect(abs(actual - reference) < 1e-5, "\(path): \(actual) vs scikit-learn/scipy \(reference)")
        }
    }

    @Test("DeLong's z and p match the reference implementation")
    func delong() throws {
        let doc = try Self.document()
        let expected = try #require(GoldenRun.expected["comparison"] as? [String: Double])
        for key in ["delong_z", "delong_p", "delta_auc"] {
            let actual = try #require(Self.value(doc, "comparison.\(key)") as? Double)
            let reference = try #require(expected[key])
            #expect(abs(actual - reference) <= 1e-6 + 1e-6 * abs(reference), "\(key): \(actual) vs \(reference)")
        }
    }

    @Test("pairs.jsonl has one line per pair in data order with both similarities")
    func pairsFile() throws {
        let result = try GoldenRun.evaluate()
        let lines = MetricsDocument.pairsJSONL(for: try #require(result.pairs)).split(separator: "\n")
        #expect(lines.count == 16)
        let scores = try #require((GoldenRun.expected["finetuned"] as? [String: Any])?["scores"] as? [Double])
        for (i, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["i"] as? Int == i)
            #expect(abs((object["finetuned"] as? Double ?? .nan) - scores[i]) < 1e-6)
        }
        #expect(lines[0].hasPrefix("{\"baseline\":"), "keys are sorted")
    }

    @Test("Non-finite numbers are written as null, keys sorted, output stable")
    func serialization() {
        let value = MetricsJSON.object(["b": .number(.nan), "a": .array([.number(0.25), .int(3)]), "c": .string("x\"\n")])
        #expect(value.serialized(pretty: false) == #"{"a":[0.25,3],"b":null,"c":"x\"\n"}"#)
    }
}
