import Foundation

/// Writes a run's files so that the run folder appears complete or not at all.
///
/// The files go to a hidden temporary folder inside the output folder (same file system), which then
/// replaces `DIR/RUN` by two renames (the old folder aside, the new one in; the old one is put back if
/// the second fails). Any failure before the swap removes the temporary folder and leaves an earlier
/// report of the same name byte-for-byte as it was.
public enum ReportWriter {
    /// Writes `files` (name -> bytes) as `outputFolder/run/`, returning that folder.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: Data)], run: RunName, into outputFolder: URL) throws -> URL {
        let fm = FileManager.default
        let destination = outputFolder.appendingPathComponent(run.value, isDirectory: true)
        do {
            try fm.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw ReportsError.write(path: outputFolder.path, reason: "cannot create the output folder")
        }
        let token = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1e6))"
        let staging = outputFolder.appendingPathComponent(".tunelens-staging-\(run.value)-\(token)", isDirectory: true)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportsError.write(path: outputFolder.path, reason: "cannot write into the output folder")
        }
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                guard fm.createFile(atPath: url.path, contents: file.bytes) else {
                    throw ReportsError.write(path: destination.appendingPathComponent(file.name).path,
                                             reason: "cannot write the file")
                }
            }
            try swapIntoPlace(staging: staging, destination: destination)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return destination
    }

    private static func swapIntoPlace(staging: URL, destination: URL) throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw ReportsError.write(path: destination.path, reason: "exists and is not a folder")
        }
        if !exists {
            guard rename(staging.path, destination.path) == 0 else {
                throw ReportsError.write(path: destination.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        let aside = staging.deletingLastPathComponent()
            .appendingPathComponent(staging.lastPathComponent + "-previous", isDirectory: true)
        guard rename(destination.path, aside.path) == 0 else {
            throw ReportsError.write(path: destination.path, reason: String(cString: strerror(errno)))
        }
        guard rename(staging.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside.path, destination.path)
            throw ReportsError.write(path: destination.path, reason: reason)
        }
        try? fm.removeItem(at: aside)
    }
}
