import Core
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Undoes a command's half-done file work when the process gets SIGINT (Ctrl-C) or SIGTERM, then
/// dies of that same signal, so the shell sees the conventional status (130 for SIGINT, 143 for
/// SIGTERM) and no partial output is left behind.
///
/// What to undo is whatever the library's staged writers (`StagedFile`, `StagedFolder`) have
/// registered in `PendingCleanup` at that moment. The signals are ignored at the process level and
/// delivered to a `DispatchSource` on a private queue, so the cleanup runs as ordinary Swift code
/// rather than inside an async-signal handler; then the default action is restored and the signal
/// raised again.
enum SignalCleanup {
    private static let sources = Sources()

    /// Starts watching SIGINT and SIGTERM; later calls do nothing. Every command that writes calls it
    /// first.
    static func install() {
        sources.installOnce()
    }

    private final class Sources: @unchecked Sendable {
        private let lock = NSLock()
        private var installed: [DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "tunelens.signal-cleanup")

        func installOnce() {
            lock.withLock {
                guard installed.isEmpty else { return }
                for signalNumber in [SIGINT, SIGTERM] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                    source.setEventHandler { SignalCleanup.interrupted(by: signalNumber) }
                    source.resume()
                    installed.append(source)
                }
            }
        }
    }

    /// Undoes the registered work, then lets the signal's default action end the process.
    private static func interrupted(by signalNumber: Int32) -> Never {
        PendingCleanup.performAll()
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
