import Core
import Foundation

/// `tunelens diff RUN_A RUN_B`: a page putting two runs side by side, with every metric's delta,
/// a significance test of the fine-tuned AUC difference (paired when both runs scored the same
/// pairs), both ROC curves and distributions overlaid, the pairs whose verdict changed, and the
/// differences in models and configuration.
public enum SiteDiff {
    public struct Outcome: Sendable, Equatable {
        public var file: URL
        /// One line for the terminal: the AUC delta and the test.
        public var summary: String
    }

    /// `<reports folder of A>/diffs/A__B.html`.
    public static func defaultOutput(runA: URL, runB: URL) -> URL {
        let a = runA.standardizedFileURL, b = runB.standardizedFileURL
        return a.deletingLastPathComponent()
            .appendingPathComponent(RunCatalog.diffsFolder, isDirectory: true)
            .appendingPathComponent(SitePaths.diffFileName(a.lastPathComponent, b.lastPathComponent))
    }

    /// Writes the diff of `runA` and `runB` to `output` (default: `defaultOutput`), atomically.
    /// When the page lands in its reports folder's `diffs/`, that folder's index is rebuilt so it
    /// links the new page.
    ///
    /// - Throws: `SiteError` when either run folder cannot be read, or the page cannot be written.
    @discardableResult
    public static func write(runA: URL, runB: URL, output: URL? = nil) throws -> Outcome {
        let a = try RunSummary.load(directory: runA.standardizedFileURL)
        let b = try RunSummary.load(directory: runB.standardizedFileURL)
        let file = (output ?? defaultOutput(runA: runA, runB: runB)).standardizedFileURL
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SiteError.io(path: folder.path, reason: "cannot create the folder")
        }
        let comparison = RunComparison.make(a, b)
        let page = DiffPage(comparison: comparison, pageFolder: folder)
        let html = try SiteTemplates().render("diff.html.mustache", page.context())
        try StagedFile.write(html, to: file)

        let reports = a.directory.deletingLastPathComponent()
        if folder.path == reports.appendingPathComponent(RunCatalog.diffsFolder).path,
           FileManager.default.fileExists(atPath: reports.appendingPathComponent("index.html").path) {
            try SiteIndex.rebuild(reportsDirectory: reports)
        }
        return Outcome(file: file, summary: summary(comparison))
    }

    static func summary(_ comparison: RunComparison) -> String {
        let significance = comparison.significance
        if comparison.a.finetuned.auc == nil, comparison.b.finetuned.auc == nil,
           let search = comparison.search {
            var text = "\(comparison.b.name) against \(comparison.a.name): fine-tuned nDCG@10 "
                + "\(SiteNumberFormat.fixed(comparison.a.finetuned.ndcg, 3)) -> \(SiteNumberFormat.fixed(comparison.b.finetuned.ndcg, 3))"
            if let test = search.tests.first {
                text += " (\(SiteNumberFormat.signed(test.test.meanDifference, 3))); paired over \(search.queries) queries, "
                    + "t-test p = \(test.test.tTestP.map(SiteNumberFormat.pValue) ?? "n/a")"
            } else {
                text += "; not the same queries, no paired test"
            }
            return text
        }
        if comparison.a.task == "sts" || comparison.b.task == "sts" {
            var text = "\(comparison.b.name) against \(comparison.a.name): fine-tuned Spearman "
                + "\(SiteNumberFormat.fixed(comparison.a.finetuned.spearman, 3)) -> \(SiteNumberFormat.fixed(comparison.b.finetuned.spearman, 3))"
            if let test = comparison.metricTests.tests["models.finetuned.sts.spearman"] {
                text += "; Williams' test on the same pairs, p = \(SiteNumberFormat.pValue(test.p))"
            } else {
                text += "; no test (not the same pairs, or the same scores)"
            }
            return text
        }
        var text = "\(comparison.b.name) against \(comparison.a.name): fine-tuned AUC "
            + "\(SiteNumberFormat.fixed(comparison.a.finetuned.auc, 3)) -> \(SiteNumberFormat.fixed(comparison.b.finetuned.auc, 3))"
        if let delta = significance.deltaAUC { text += " (\(SiteNumberFormat.signed(delta, 3)))" }
        if let p = significance.p {
            text += "; \(significance.kind), z = \(SiteNumberFormat.fixed(significance.z, 2)), p = \(SiteNumberFormat.pValue(p))"
        } else {
            text += "; no test"
        }
        return text
    }
}
