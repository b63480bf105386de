import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal, so logs
/// and pipes stay quiet.
///
/// `label [##########----------] 512/1000  51%  340/s  ETA 0:01`, redrawn at most ten times a second.
/// Usable as a `(done, total)` callback: `encoder.encode(texts, progress: bar.update)`.
final class ProgressBar {
    /// What is being done; may change between updates (e.g. one stage per model).
    var label: String
    private let enabled: Bool
    private let width = 24
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.label = label
        self.enabled = enabled
    }

    /// Shows `done` of `total`; the final update (done == total) is always drawn.
    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        let line = Self.line(label: label, done: done, total: total, elapsed: now.timeIntervalSince(start), width: width)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// Ends the bar's line, if one was drawn.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drawn = false
    }

    /// The text of the bar (no carriage return), for a given state.
    static func line(label: String, done: Int, total: Int, elapsed: TimeInterval, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var text = "\(label) [\(bar)] \(done)/\(total) \(String(format: "%3d%%", Int(fraction * 100)))"
        if elapsed > 0, done > 0 {
            let rate = Double(done) / elapsed
            text += "  " + (rate >= 10 ? String(format: "%.0f/s", rate) : String(format: "%.1f/s", rate))
            let remaining = Int((Double(total - done) / rate).rounded())
            text += "  ETA \(remaining / 60):" + String(format: "%02d", remaining % 60)
        }
        return text
    }
}

/// A progress bar per stage of a long job ("baseline", "fine-tuned"; "encoding", "training"): a new bar
/// starts when the stage changes and the previous one is finished.
final class StagedProgress {
    private let label: (String) -> String
    private var current: (stage: String, bar: ProgressBar)?

    /// `label` names a stage's bar, e.g. `{ "encoding (\($0))" }`.
    init(label: @escaping (String) -> String = { $0 }) {
        self.label = label
    }

    func update(_ stage: String, _ done: Int, _ total: Int) {
        if current?.stage != stage {
            current?.bar.finish()
            current = (stage, ProgressBar(label: label(stage)))
        }
        current?.bar.update(done, total)
    }

    func finish() {
        current?.bar.finish()
        current = nil
    }
}
