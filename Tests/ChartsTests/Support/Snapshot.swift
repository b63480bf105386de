import Foundation
import Testing

/// Golden-file comparison for rendered SVG, byte for byte.
///
/// Goldens live in `Tests/ChartsTests/Resources/snapshots/` and are read from the test bundle;
/// `RECORD_SNAPSHOTS=1 swift test --filter ChartsTests` rewrites them in the source tree instead
/// of comparing (review the diff, then commit).
enum Snapshot {
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    }

    static func sourceURL(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/snapshots/\(name).svg")
    }

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try Data(actual.utf8).write(to: sourceURL(name), options: .atomic)
            return
        }
        let url = Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Resources/snapshots")
        let golden = try #require(url.flatMap { try? String(contentsOf: $0, encoding: .utf8) },
                                  "missing snapshot \(name).svg: run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        if golden != actual {
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = goldenLines.indices.first { $0 >= actualLines.count || goldenLines[$0] != actualLines[$0] } ?? goldenLines.count
            Issue.record("snapshot \(name).svg differs at line \(first + 1); RECORD_SNAPSHOTS=1 rewrites it", sourceLocation: sourceLocation)
        }
    }
}
