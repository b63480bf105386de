import Foundation

/// A private scratch folder for one fuzzing process: the readers under test take files, so each
/// input is written here (under /dev/shm when it exists, to keep the disk out of the loop).
///
/// Compiled into every fuzz binary next to the module it exercises; not part of the package.
enum FuzzScratch {
    static let folder: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array("\(base)/tunelens-fuzz-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { fatalError("fuzz harness: cannot create a scratch folder in \(base)") }
        let path = String(cString: template)
        atexit { try? FileManager.default.removeItem(atPath: FuzzScratch.folder.path) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }()

    /// Writes `bytes` to `name` inside the scratch folder (creating subfolders) and returns its URL.
    @discardableResult
    static func write(_ bytes: some Collection<UInt8>, to name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        let parent = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: parent.path) {
            try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        do {
            try Data(bytes).write(to: url)
        } catch {
            fatalError("fuzz harness: cannot write \(url.path): \(error)")
        }
        return url
    }

    /// Removes everything written for the previous input.
    static func clear() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The fuzz target this process runs, from `FUZZ_TARGET`.
    static var target: String {
        ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    }

    /// Splits the input at the first `count - 1` NUL bytes into `count` parts (missing parts are empty).
    static func parts(_ data: UnsafeBufferPointer<UInt8>, count: Int) -> [ArraySlice<UInt8>] {
        let bytes = Array(data)
        var result = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false)
        while result.count < count { result.append([]) }
        return result
    }
}
