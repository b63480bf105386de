import Evaluation
import Foundation
import Testing
@testable import Reports

/// Opens a rendered report in headless Chromium (installed by `make setup`) from file://, with every
/// host name unresolvable so any network request would fail, and checks what the browser built.
@Suite("The page in a real browser")
struct BrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func runChromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium, "chromium is missing: run make setup"))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(NSTemporaryDirectory())tunelens-chromium"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Chromium renders the headline, at least 3 SVG charts, no script, the hostile texts as text; screenshot saved")
    func renderedDOM() throws {
        let out = GoldenRun.temporaryFolder("browser")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = RunResultFixture.make(texts: RunResultFixture.hostileTexts + ["I love hiking"], name: "browser")
        let report = try ReportRenderer().render(result)
        let folder = try ReportWriter.write(report.files, run: try RunName("browser"), into: out)
        let page = folder.appendingPathComponent("index.html")

        let dom = try Self.runChromium(["--dump-dom", page.absoluteString])
        #expect(dom.contains("<h1>\(report.headline)</h1>"), "headline in the DOM")
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 3, "at least 3 inline SVG charts")
        #expect(!dom.contains("<script"), "no script element, not even an injected one")
        #expect(!dom.contains("<img"), "no image element")
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile text is shown as text")
        #expect(dom.contains("Content-Security-Policy"))

        let shots = GoldenRun.repositoryRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let shot = shots.appendingPathComponent("report.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try Self.runChromium(["--screenshot=\(shot.path)", "--window-size=1280,4000", "--hide-scrollbars", page.absoluteString])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot at \(shot.path)")
        #expect(png.count > 50_000, "the screenshot shows a rendered page, not a blank one")

        // prefers-color-scheme: dark switches the page's colours.
        let dark = shots.appendingPathComponent("report-dark.png")
        try? FileManager.default.removeItem(at: dark)
        _ = try Self.runChromium(["--force-dark-mode", "--blink-settings=preferredColorScheme=0", "--screenshot=\(dark.path)",
                                  "--window-size=1280,4000", "--hide-scrollbars", page.absoluteString])
        let darkPNG = try Data(contentsOf: dark)
        #expect(darkPNG.count > 50_000 && darkPNG != png, "a different, dark rendering at \(dark.path)")
    }
}
