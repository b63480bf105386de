import ArgumentParser
import Foundation
import Reports

/// `tunelens diff RUN_DIR_A RUN_DIR_B [--out FILE]`: a page comparing two runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs: metric deltas, a significance test, curves, changed pairs, config.")

    @Argument(help: "The first run's folder (A).")
    var runA: String

    @Argument(help: "The second run's folder (B); deltas are B - A.")
    var runB: String

    @Option(name: .long, help: "The page to write (default: <reports folder of A>/diffs/A__B.html).")
    var out: String?

    func run() throws {
        let outcome = try SiteDiff.write(runA: URL(fileURLWithPath: runA, isDirectory: true),
                                         runB: URL(fileURLWithPath: runB, isDirectory: true),
                                         output: out.map { URL(fileURLWithPath: $0) })
        print(outcome.summary)
        print("wrote \(outcome.file.path)")
    }
}
