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
        baseline = Model(r.models.baseline)
        finetuned = Model(r.models.finetuned)
        self.retrieval = RetrievalStory(retrieval, models: r.models, seed: r.run.seed, embedCharts: embedCharts)
    }
}

/// What the graded-similarity report's templates see when STS is the run's primary task: the run's
/// frame around the STS story.
struct StsReportView {
    var frame: ReportFrame
    var baseline: RetrievalReportView.Model
    var finetuned: RetrievalReportView.Model
    var sts: StsStory

    init(result r: RunResult, sts: StsOutcome, embedCharts: Bool, readingMinutes: Int) {
        frame = ReportFrame(r, embedCharts: embedCharts, readingMinutes: readingMinutes)
        baseline = RetrievalReportView.Model(r.models.baseline)
        finetuned = RetrievalReportView.Model(r.models.finetuned)
        self.sts = StsStory(sts, models: r.models, embedCharts: embedCharts)
    }
}

extension RetrievalReportView.Model {
    init(_ m: ModelIdentity) {
        self.init(name: m.name, reference: m.reference, digest: m.digest, digestShort: ReportFormat.shortDigest(m.digest),
                  dimension: String(m.dimension), similarity: m.similarity)
    }
}
