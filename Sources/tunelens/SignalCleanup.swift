import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files and folders a command registered when the process gets SIGINT
/// (Ctrl-C) or SIGTERM, then dies of that same signal, so the shell sees the conventional status
/// (130 for SIGINT, 143 for SIGTERM) and no half-written output is left behind.
///
/// The signals are ignored at the process level and delivered to a `DispatchSource` on a private
/// queue, so the cleanup runs as ordinary Swift code rather than inside an async-signal handler. The
/// handler removes every registered path, restores the default action and sends the signal again.
enum SignalCleanup {
    private static let registry = Registry()

    /// Starts watching SIGINT and SIGTERM; later calls do nothing.
    static func install() {
        registry.installOnce()
    }

    /// Removes `url` (file or folder) if the process is interrupted before `unregister(url)`.
    static func register(_ url: URL) {
        install()
        registry.add(url.standardizedFileURL.path)
    }

    /// Forgets `url`: it became the finished output, or the command removed it itself.
    static func unregister(_ url: URL) {
        registry.remove(url.standardizedFileURL.path)
    }

    /// The paths currently registered, in registration order.
    static var registeredPaths: [String] { registry.snapshot() }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        private var sources: [DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "tunelens.signal-cleanup")

        func add(_ path: String) {
            lock.withLock { if !paths.contains(path) { paths.append(path) } }
        }

        func remove(_ path: String) {
            lock.withLock { paths.removeAll { $0 == path } }
        }

        func snapshot() -> [String] {
            lock.withLock { paths }
        }

        func installOnce() {
            lock.withLock {
                guard sources.isEmpty else { return }
                for signalNumber in [SIGINT, SIGTERM] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                    source.setEventHandler { [unowned self] in self.interrupted(by: signalNumber) }
                    source.resume()
                    sources.append(source)
                }
            }
        }

        /// Removes the registered paths (newest first, so a file goes before its folder), then lets
        /// the signal's default action end the process.
        private func interrupted(by signalNumber: Int32) -> Never {
            let doomed = lock.withLock { () -> [String] in
                let all = paths
                paths = []
                return all
            }
            for path in doomed.reversed() {
                try? FileManager.default.removeItem(atPath: path)
            }
            // Dispatch reads signals through a signalfd and blocks them in the threads it knows, so
            // unblock it in this thread before raising it, or it would stay pending forever.
            signal(signalNumber, SIG_DFL)
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, signalNumber)
            pthread_sigmask(SIG_UNBLOCK, &only, nil)
            raise(signalNumber)
            // Only reached if the signal was swallowed (a debugger): exit with the shell's code for it.
            exit(128 + signalNumber)
        }
    }
}
