import Evaluation
import Foundation

/// Renders a run, writes `DIR/RUN/` atomically, then rebuilds the site's `DIR/index.html`.
public enum ReportPublisher {
    /// What was written.
    public struct Outcome: Sendable {
        public var folder: URL
        public var report: RenderedReport
        /// The index page, or why it could not be rebuilt (the run itself is written either way).
        public var index: Result<URL, ReportsError>
    }

    public static func publish(_ result: RunResult, run: RunName, into outputFolder: URL,
                               renderer: ReportRenderer = ReportRenderer()) throws -> Outcome {
        precondition(result.run.name == run.value, "the result must carry the validated run name")
        let report = try renderer.render(result)
        let folder = try ReportWriter.write(report.files, run: run, into: outputFolder)
        let index: Result<URL, ReportsError>
        do {
            index = .success(try SiteIndex.rebuild(reportsDirectory: outputFolder).file)
        } catch {
            index = .failure(.write(path: outputFolder.appendingPathComponent("index.html").path, reason: "\(error)"))
        }
        return Outcome(folder: folder, report: report, index: index)
    }
}
