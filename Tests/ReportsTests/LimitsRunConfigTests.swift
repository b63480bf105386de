import Foundation
import Testing
@testable import Evaluation

/// A hostile `tunelens.yaml`: nesting ten thousand deep (flow and JSON style; block style 2,000) is refused by
/// libyaml's nesting limit of 1,000 with one line naming the file, never a stack overflow.
@Suite("Run config: limits that hold")
struct LimitsRunConfigTests {
    static let documents: [(String, String)] = [
        ("flow", "hyperparameters: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
        ("json", String(repeating: "{\"a\": ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n"),
        // Block style indents every level, so 2,000 levels (already past the limit) keep the file at 2 MB.
        ("block", (0..<2_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"),
    ]

    @Test("a run config nested ten thousand deep is an error naming the file", arguments: documents.map(\.0))
    func deepConfig(style: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tunelens.yaml")
        try Data(Self.documents.first { $0.0 == style }!.1.utf8).write(to: file)
        let error = #expect(throws: EvaluationError.self) { _ = try RunConfig.read(file) }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.hasPrefix(file.path + ": "))
        #expect(!message.contains("\n"))
    }
}
