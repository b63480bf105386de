import Foundation

/// An output file written under a hidden temporary name next to its destination and renamed into
/// place only when complete, so an error or an interruption never leaves a truncated file and never
/// damages the previous one.
///
/// The temporary file is created (empty) when the command starts, which also shows at once that the
/// output folder is writable, before minutes of work; it is registered with ``SignalCleanup`` so
/// Ctrl-C removes it.
final class StagedOutput {
    /// Where the finished file goes.
    let destination: URL
    /// The hidden file being written: `.<name>.partial-<pid>` in the destination's folder.
    let temporary: URL
    private var finished = false

    /// Creates the temporary file; `unwritable` says why the destination cannot be written.
    init(destination: URL, unwritable: (String) -> Error) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder), isFolder.boolValue {
            throw unwritable("is a folder")
        }
        SignalCleanup.register(temporary)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            SignalCleanup.unregister(temporary)
            throw unwritable("cannot create a file in \(folder.path)")
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes `data` to the temporary file and renames it over the destination.
    func commit(_ data: Data, unwritable: (String) -> Error) throws {
        do {
            try data.write(to: temporary)
            if rename(temporary.path, destination.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            discard()
            throw unwritable(error.localizedDescription)
        }
        finished = true
        SignalCleanup.unregister(temporary)
    }

    /// Removes the temporary file; the destination is left as it was.
    func discard() {
        try? FileManager.default.removeItem(at: temporary)
        SignalCleanup.unregister(temporary)
        finished = true
    }
}
