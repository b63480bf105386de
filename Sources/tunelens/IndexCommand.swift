import ArgumentParser
import Foundation
import Reports

/// `tunelens index [DIR]`: rebuilds DIR/index.html from the run folders in DIR.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild the index page of a reports folder (every run, a trend chart, diffs in the browser).")

    @Argument(help: "The reports folder.")
    var directory: String = "reports"

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        SignalCleanup.install()
        let outcome = try SiteIndex.rebuild(reportsDirectory: folder)
        print("wrote \(directory)/index.html: \(outcome.runs.count) run\(outcome.runs.count == 1 ? "" : "s")")
        for line in outcome.unreadable {
            FileHandle.standardError.write(Data("unreadable: \(line)\n".utf8))
        }
    }
}
