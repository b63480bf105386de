import Foundation

/// One run of `tunelens report`, as its `metrics.json` describes it: what the index and the diff
/// pages show about the run.
struct RunSummary {
    /// The schema string every tunelens `metrics.json` carries.
    static let schema = "tunelens.metrics/1"

    /// One model's pair-classification results.
    struct Model {
        var name: String
        var digest: String?
        var auc: Double?
        var aucInterval: ClosedRange<Double>?
        var cohensD: Double?
        var cohensDInterval: ClosedRange<Double>?
        var accuracy: Double?
        var threshold: Double?
        var diagnosis: String?
        /// ROC points (false positive rate, true positive rate).
        var roc: [(x: Double, y: Double)]?
        var histogram: ScoreHistogram?
        /// Retrieval: nDCG@10 with its interval, and the verdict against BM25.
        var ndcg: Double?
        var ndcgInterval: ClosedRange<Double>?
        var bm25Verdict: String?
        /// Graded similarity: Spearman's rho with its interval, and the diagnosis on it.
        var spearman: Double?
        var spearmanInterval: ClosedRange<Double>?
        var stsDiagnosis: String?

        /// What the index's diagnosis column says: the pair diagnosis, else the STS one, else the
        /// verdict against BM25.
        var verdict: String? { diagnosis ?? stsDiagnosis ?? bm25Verdict }
    }

    /// Similarity counts of positive and negative pairs in shared bins.
    struct ScoreHistogram {
        var edges: [Double]
        var positive: [Int]
        var negative: [Int]
    }

    /// The folder name under the reports folder: the run's id in links and in `#diff=A,B`.
    var id: String
    var directory: URL
    /// The run's primary task (`pairs` for runs written before the key existed).
    var task: String
    var name: String
    /// `run.created` as written (ISO-8601).
    var created: String
    var createdDate: Date?
    var title: String?
    var toolVersion: String?
    var seed: String?
    var dataFile: String?
    var dataDigest: String?
    var pairCount: Int?
    var baseline: Model
    var finetuned: Model
    var threshold: Double?
    var hyperparameters: [String: String]
    var notes: String?
    var command: String?
    var document: MetricsTree

    /// Reads `directory/metrics.json`.
    ///
    /// Throws `SiteError` for a missing file, broken JSON, another tool's JSON, or a file that lacks
    /// the keys every row of the index needs (`run.name`, `run.created`, both model names).
    static func load(directory: URL) throws -> RunSummary {
        let file = directory.appendingPathComponent("metrics.json")
        let path = file.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SiteError.missingMetrics(path: directory.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw SiteError.io(path: path, reason: "cannot read")
        }
        let document = try MetricsTree(data: data, path: path)
        let schema = document.value("schema")
        guard let schemaText = schema as? String, schemaText == Self.schema else {
            throw SiteError.foreignMetrics(path: path, schema: schema.map { String(describing: $0) })
        }
        func required(_ key: String) throws -> String {
            guard let value = document.string(key) else { throw SiteError.missingKey(path: path, key: key) }
            return value
        }
        let name = try required("run.name")
        let created = try required("run.created")
        let baselineName = try required("models.baseline.name")
        let finetunedName = try required("models.finetuned.name")

        let threshold = document.number("config.threshold")
            ?? document.number("models.finetuned.pair_classification.threshold")
        return RunSummary(
            id: directory.lastPathComponent,
            directory: directory,
            task: document.string("task") ?? "pairs",
            name: name,
            created: created,
            createdDate: Self.parseDate(created),
            title: document.string("run.title"),
            toolVersion: document.string("run.tool_version"),
            seed: document.value("run.seed").flatMap(Self.scalarText),
            dataFile: document.string("data.file"),
            dataDigest: document.string("data.digest"),
            pairCount: document.number("data.pairs").map { Int($0) },
            baseline: model(document, "baseline", name: baselineName),
            finetuned: model(document, "finetuned", name: finetunedName),
            threshold: threshold,
            hyperparameters: Self.hyperparameters(document.value("config.hyperparameters")),
            notes: document.string("config.notes"),
            command: document.string("config.command") ?? commandLine(document.value("config.command_line")),
            document: document)
    }

    private static func model(_ document: MetricsTree, _ key: String, name: String) -> Model {
        let base = "models.\(key).pair_classification"
        var histogram: ScoreHistogram?
        if let edges = document.numbers("\(base).histogram.edges"),
           let positive = document.numbers("\(base).histogram.positive"),
           let negative = document.numbers("\(base).histogram.negative"),
           edges.count >= 2, positive.count == edges.count - 1, negative.count == edges.count - 1 {
            histogram = ScoreHistogram(edges: edges, positive: positive.map { Int($0) }, negative: negative.map { Int($0) })
        }
        return Model(
            name: name,
            digest: document.string("models.\(key).digest"),
            auc: document.number("\(base).auc"),
            aucInterval: document.interval("\(base).auc_ci95"),
            cohensD: document.number("\(base).cohens_d"),
            cohensDInterval: document.interval("\(base).cohens_d_ci95"),
            accuracy: document.number("\(base).accuracy"),
            threshold: document.number("\(base).threshold"),
            diagnosis: document.string("\(base).diagnosis"),
            roc: document.points("\(base).roc"),
            histogram: histogram,
            ndcg: document.number("models.\(key).retrieval.ndcg_at_10"),
            ndcgInterval: document.interval("models.\(key).retrieval.ndcg_at_10_ci95"),
            bm25Verdict: document.string("models.\(key).retrieval.bm25_verdict"),
            spearman: document.number("models.\(key).sts.spearman"),
            spearmanInterval: document.interval("models.\(key).sts.spearman_ci95"),
            stsDiagnosis: document.string("models.\(key).sts.diagnosis"))
    }

    /// Hyperparameters as display text, so that `5e-05` and `0.00005` compare equal as numbers
    /// but nested values still show.
    private static func hyperparameters(_ value: Any?) -> [String: String] {
        guard let object = value as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        for (key, item) in object {
            result[key] = scalarText(item) ?? jsonText(item)
        }
        return result
    }

    /// `config.command_line` (an array of arguments) as one line, arguments with spaces quoted.
    private static func commandLine(_ value: Any?) -> String? {
        guard let arguments = value as? [Any], !arguments.isEmpty else { return nil }
        return arguments.map { argument in
            let text = scalarText(argument) ?? ""
            return text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" }) ? "'\(text.replacingOccurrences(of: "'", with: "'\\''"))'" : text
        }.joined(separator: " ")
    }

    static func scalarText(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if value is NSNull { return "null" }
        if let number = value as? NSNumber {
            if MetricsTree.number(number) == nil, let flag = value as? Bool { return flag ? "true" : "false" }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return "\(double)"
        }
        return nil
    }

    private static func jsonText(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else {
            return String(describing: value)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// ISO-8601 with or without fractional seconds; `nil` when it is something else.
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
