import Evaluation
import Foundation

/// What the retrieval report's templates see when retrieval is the run's primary task: the run's
/// frame (title, setup, training, probes, footer) around the retrieval story.
struct RetrievalReportView {
    /// What every page says about its run (title, dates, command, settings, training, probes).
    var frame: ReportFrame
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
        frame = ReportFrame(r, embedCharts: embedCharts, readingMinutes: readingMinutes)
        func model(_ m: ModelIdentity) -> Model {
            Model(name: m.name, reference: m.reference, digest: m.digest, digestShort: ReportFormat.shortDigest(m.digest),
                  dimension: String(m.dimension), similarity: m.similarity)
        }
        baseline = model(r.models.baseline)
        finetuned = model(r.models.finetuned)
        self.retrieval = RetrievalStory(retrieval, models: r.models, seed: r.run.seed, embedCharts: embedCharts)
    }
}
