import Dispatch
import Foundation

/// Splits work over the machine's cores with `DispatchQueue.concurrentPerform`.
enum Parallel {
    /// The number of cores the encoder uses.
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body` on contiguous, nearly equal slices of `0..<count`, at most one slice per core
    /// (and none smaller than `minimumSlice`, so tiny work stays on one thread).
    static func forEachSlice(of count: Int, minimumSlice: Int = 1, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let slices = max(1, min(workers, count / max(1, minimumSlice)))
        if slices == 1 {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            body((slice * count / slices)..<((slice + 1) * count / slices))
        }
    }

    /// Runs `body` for each index in `0..<count`, spread over the cores.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        if count == 1 || workers == 1 {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
