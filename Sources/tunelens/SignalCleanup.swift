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
/// Commands register actions while they write: remove a temporary path, sweep a folder of the
/// temporary entries this process made, or put a previous output back that was moved aside. The
/// signals are ignored at the process level and delivered to a `DispatchSource` on a private queue,
/// so the actions run as ordinary Swift code rather than inside an async-signal handler; they run
/// newest first, then the default action is restored and the signal raised again.
enum SignalCleanup {
    /// One thing to undo.
    enum Action: Sendable {
        /// Remove this file or folder.
        case remove(String)
        /// Remove every entry of `folder` whose name satisfies `matches`.
        case sweep(folder: String, matches: @Sendable (String) -> Bool)
        /// `aside` holds the previous output while a new one replaces `destination`: put it back when
        /// `destination` is missing, else remove it.
        case restore(aside: String, destination: String)
    }

    /// Identifies a registration, to unregister it.
    struct Token: Hashable, Sendable {
        fileprivate let value: Int
    }

    private static let registry = Registry()

    /// Starts watching SIGINT and SIGTERM; later calls do nothing.
    static func install() {
        registry.installOnce()
    }

    /// Runs `action` if the process is interrupted before `unregister(token)`.
    @discardableResult
    static func register(_ action: Action) -> Token {
        install()
        return registry.add(action)
    }

    /// Removes `url` (file or folder) if the process is interrupted before `unregister(url)`.
    static func register(_ url: URL) {
        register(.remove(url.standardizedFileURL.path))
    }

    static func unregister(_ token: Token) {
        registry.remove { $0.token == token }
    }

    /// Forgets every `.remove` of `url`: it became the finished output, or the command removed it.
    static func unregister(_ url: URL) {
        let path = url.standardizedFileURL.path
        registry.remove {
            if case .remove(let registered) = $0.action { return registered == path }
            return false
        }
    }

    /// Runs and forgets every registered action, newest first (what an interruption does before the
    /// process dies).
    static func performAll() {
        for action in registry.takeAll().reversed() {
            perform(action)
        }
    }

    private static func perform(_ action: Action) {
        let fm = FileManager.default
        switch action {
        case .remove(let path):
            try? fm.removeItem(atPath: path)
        case .sweep(let folder, let matches):
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where matches(name) {
                try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        case .restore(let aside, let destination):
            guard fm.fileExists(atPath: aside) else { return }
            if fm.fileExists(atPath: destination) {
                try? fm.removeItem(atPath: aside)
            } else {
                _ = rename(aside, destination)
            }
        }
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(token: Token, action: Action)] = []
        private var nextToken = 0
        private var sources: [DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "tunelens.signal-cleanup")

        func add(_ action: Action) -> Token {
            lock.withLock {
                nextToken += 1
                let token = Token(value: nextToken)
                entries.append((token, action))
                return token
            }
        }

        func remove(where predicate: ((token: Token, action: Action)) -> Bool) {
            lock.withLock { entries.removeAll(where: predicate) }
        }

        func takeAll() -> [Action] {
            lock.withLock {
                let actions = entries.map(\.action)
                entries = []
                return actions
            }
        }

        func installOnce() {
            lock.withLock {
                guard sources.isEmpty else { return }
                for signalNumber in [SIGINT, SIGTERM] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                    source.setEventHandler { SignalCleanup.interrupted(by: signalNumber) }
                    source.resume()
                    sources.append(source)
                }
            }
        }
    }

    /// Undoes the registered work, then lets the signal's default action end the process.
    private static func interrupted(by signalNumber: Int32) -> Never {
        performAll()
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
