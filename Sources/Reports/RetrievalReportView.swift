import Evaluation
import Foundation

/// What the retrieval report's templates see when retrieval is the run's primary task: the run's
/// frame (title, setup, training, probes, footer) around the retrieval story.
struct RetrievalReportView {
    var title: String
    var runName: String
    var created: String
    var createdISO: String
    var readingMinutes: Int
    var toolVersion: String
    var commandLine: String
    var seed: String
    var notes: String?
    var hyperparameters: [ReportView.KeyValue]
    var training: ReportView.TrainingView?
    var probes: ReportView.ProbesView?
    var baseline: Model
    var finetuned: Model
    var retrieval: RetrievalStory

    struct Model {
        var name: String
        var reference: String
        var digest: String
        var digestShort: String
        var dimension: String
        var similarity: String
    }

    init(result r: RunResult, retrieval: RetrievalOutcome, embedCharts: Bool, readingMinutes: Int) {
        title = r.run.title
        runName = r.run.name
        created = ReportFormat.date(r.run.created)
        createdISO = MetricsDocument.iso8601(r.run.created)
        self.readingMinutes = readingMinutes
        toolVersion = r.run.toolVersion
        commandLine = r.run.commandLine.map(ReportView.shellQuoted).joined(separator: " ")
        seed = String(r.run.seed)
        notes = r.run.notes.flatMap { $0.isEmpty ? nil : $0 }
        hyperparameters = r.run.hyperparameters.map { ReportView.KeyValue(key: $0.key, value: $0.value) }
        training = r.training.map { ReportView.trainingView($0, embedCharts: embedCharts) }
        probes = ReportView.probesView(r.probes)
        func model(_ m: ModelIdentity) -> Model {
            Model(name: m.name, reference: m.reference, digest: m.digest, digestShort: ReportFormat.shortDigest(m.digest),
                  dimension: String(m.dimension), similarity: m.similarity)
        }
        baseline = model(r.models.baseline)
        finetuned = model(r.models.finetuned)
        self.retrieval = RetrievalStory(retrieval, models: r.models, seed: r.run.seed, embedCharts: embedCharts)
    }
}
