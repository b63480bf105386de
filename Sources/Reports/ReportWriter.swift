import Core
import Foundation

/// Writes a run's files so that the run folder appears complete or not at all.
///
/// The files go to a ``StagedFolder`` inside the output folder (same file system), which then replaces
/// `DIR/RUN` by two renames. Any failure or interruption before the swap removes the staging folder
/// and leaves an earlier report of the same name byte-for-byte as it was.
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
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ReportsError.write(path: destination.path, reason: "exists and is not a folder")
        }
        let staged: StagedFolder
        do {
            staged = try StagedFolder(destination: destination)
        } catch {
            throw ReportsError.write(path: outputFolder.path, reason: "cannot write into the output folder")
        }
        for file in files {
            let url = staged.staging.appendingPathComponent(file.name)
            guard fm.createFile(atPath: url.path, contents: file.bytes) else {
                staged.discard()
                throw ReportsError.write(path: destination.appendingPathComponent(file.name).path,
                                         reason: "cannot write the file")
            }
        }
        do {
            try staged.commit()
        } catch let error as FileSystemError {
            throw ReportsError.write(path: error.path, reason: error.reason)
        }
        return destination
    }
}
