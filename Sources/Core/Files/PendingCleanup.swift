import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to undo if the process is interrupted while it writes: the temporary files and folders of
/// ``StagedFile`` and ``StagedFolder``, and a previous output moved aside during a swap.
///
/// The staged writers register and unregister their own paths, so nothing else needs to know their
/// temporary names; the executable's signal handler calls ``performAll()`` before the process dies.
public enum PendingCleanup {
    /// One thing to undo.
    public enum Action: Sendable {
        /// Remove this file or folder.
        case remove(String)
        /// `aside` holds the previous output while a new one replaces `destination`: put it back when
        /// `destination` is missing, else remove it.
        case restore(aside: String, destination: String)
    }

    /// Identifies a registration, to unregister it.
    public struct Token: Hashable, Sendable {
        fileprivate let value: Int
    }

    private static let registry = Registry()

    /// Runs `action` if the process is interrupted before `unregister(token)`.
    @discardableResult
    public static func register(_ action: Action) -> Token {
        registry.add(action)
    }

    public static func unregister(_ token: Token) {
        registry.remove(token)
    }

    /// The registered actions, oldest first (for tests).
    public static var registered: [Action] { registry.snapshot() }

    /// Runs and forgets every registered action, newest first: what an interruption does before the
    /// process dies.
    public static func performAll() {
        for action in registry.takeAll().reversed() {
            perform(action)
        }
    }

    private static func perform(_ action: Action) {
        let fm = FileManager.default
        switch action {
        case .remove(let path):
            try? fm.removeItem(atPath: path)
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

        func add(_ action: Action) -> Token {
            lock.withLock {
                nextToken += 1
                let token = Token(value: nextToken)
                entries.append((token, action))
                return token
            }
        }

        func remove(_ token: Token) {
            lock.withLock { entries.removeAll { $0.token == token } }
        }

        func snapshot() -> [Action] {
            lock.withLock { entries.map(\.action) }
        }

        func takeAll() -> [Action] {
            lock.withLock {
                let actions = entries.map(\.action)
                entries = []
                return actions
            }
        }
    }
}
