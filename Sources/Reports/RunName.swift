import Foundation

/// A run's folder name inside the reports folder, checked so it cannot leave that folder.
public struct RunName: Sendable, Equatable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    /// Names the static site uses for itself.
    static let reserved: Set<String> = ["diffs", "index.html", "assets"]

    /// Accepts a single plain path component: no `/` or `\`, no NUL or control character, no leading
    /// dot (so neither `.`, `..` nor hidden folders), at most 200 bytes, not a name the site reserves.
    public init(_ value: String) throws {
        func reject(_ reason: String) -> ReportsError { .invalidRunName(value, reason: reason) }
        guard !value.isEmpty else { throw reject("must not be empty") }
        guard value.utf8.count <= 200 else { throw reject("longer than 200 bytes") }
        guard !value.contains("/"), !value.contains("\\") else { throw reject("must not contain a path separator") }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw reject("must not contain NUL or control characters")
        }
        guard !value.hasPrefix(".") else { throw reject("must not start with a dot") }
        guard value.trimmingCharacters(in: .whitespaces) == value else {
            throw reject("must not start or end with a space")
        }
        guard !Self.reserved.contains(value.lowercased()) else { throw reject("is reserved for the site's own files") }
        self.value = value
    }

    /// A default name for a run: the fine-tuned model's folder or file name, made safe.
    public static func derived(from reference: String) -> String {
        let last = reference.split(separator: "/").last.map(String.init) ?? "run"
        var name = ""
        for scalar in last.unicodeScalars {
            let ok = CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            name.unicodeScalars.append(ok ? scalar : "-")
        }
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        if name.hasSuffix(".jsonl") { name.removeLast(6) }
        return name.isEmpty ? "run" : String(name.prefix(100))
    }
}
