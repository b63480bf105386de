import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each writing command registers with ``SignalCleanup``: the temporary names its writer uses,
/// so an interruption leaves neither a partial folder nor a missing previous output.
extension SignalCleanup {
    /// `report`: `ReportWriter` stages the run in `DIR/.tunelens-staging-RUN-PID-TIME` and moves an
    /// earlier `DIR/RUN` aside to `<staging>-previous` while it swaps; `AtomicFile` writes
    /// `DIR/.index.html.PID-N.tmp` for the index and diff pages.
    static func guardReport(run: String, in folder: URL) -> [Token] {
        let pid = getpid()
        let directory = folder.standardizedFileURL.path
        let staging = ".tunelens-staging-\(run)-\(pid)-"
        let destination = (directory as NSString).appendingPathComponent(run)
        var tokens = guardIndex(in: folder)
        tokens.append(register(.sweep(folder: directory) { $0.hasPrefix(staging) && !$0.hasSuffix("-previous") }))
        // A sweep that restores: the aside folder's name is only known once the writer has made it.
        tokens.append(register(.sweep(folder: directory) { name in
            guard name.hasPrefix(staging), name.hasSuffix("-previous") else { return false }
            let aside = (directory as NSString).appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: destination), rename(aside, destination) == 0 { return false }
            return true
        }))
        return tokens
    }

    /// `index` (and the index update at the end of `report`): `AtomicFile` temporaries of this process.
    static func guardIndex(in folder: URL) -> [Token] {
        let marker = ".\(getpid())-"
        return [register(.sweep(folder: folder.standardizedFileURL.path) {
            $0.hasPrefix(".") && $0.hasSuffix(".tmp") && $0.contains(marker)
        })]
    }

    /// `finetune`: `AdapterModelWriter` builds `.NAME.tmp-PID` next to the output folder and moves an
    /// earlier output aside to `.NAME.old-PID` while it swaps.
    static func guardModelFolder(_ output: URL) -> [Token] {
        let out = output.standardizedFileURL
        let parent = out.deletingLastPathComponent()
        let pid = getpid()
        let staging = parent.appendingPathComponent(".\(out.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(pid)")
        return [
            register(.restore(aside: old.path, destination: out.path)),
            register(.remove(staging.path)),
        ]
    }

    static func unregister(_ tokens: [Token]) {
        for token in tokens { unregister(token) }
    }
}
