import Foundation
import Testing
@testable import Reports

/// A scratch copy of the fixture reports folder (Resources/site): three readable runs (two on
/// the same 60 pairs, one on other data), one broken metrics.json, one foreign metrics.json.
struct SiteFixture {
    static let first = "2026-11-01-lr2e-5"
    static let second = "2026-11-02-lr5e-5"
    static let otherData = "2026-11-03-billing"
    static let broken = "2026-11-04-broken"
    static let foreign = "2026-11-05-foreign"

    let root: URL

    static var source: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "site", withExtension: nil, subdirectory: "Resources"))
        }
    }

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunelens-site-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: try Self.source, to: root)
    }

    func run(_ id: String) -> URL { root.appendingPathComponent(id, isDirectory: true) }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The Python reference for the paired diff of the first two runs.
    struct ExpectedDiff: Decodable {
        var delta_auc: Double
        var delong_z: Double
        var delong_p: Double
        var changed: [Int]
        var fixed: Int
        var broken: Int
    }

    static func expectedDiff() throws -> ExpectedDiff {
        let data = try Data(contentsOf: try source.appendingPathComponent("expected-diff-1-2.json"))
        return try JSONDecoder().decode(ExpectedDiff.self, from: data)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The text of the first element with `id="<id>"` in `html` (a flat `<span id=...>text</span>`).
func elementText(_ html: String, id: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\">") else { return nil }
    guard let end = html[start.upperBound...].range(of: "<") else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}

/// How many times `needle` occurs in `haystack`.
func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
