import ArgumentParser
import Foundation

/// The `tunelens` command: did fine-tuning improve the embedding model, by how much, how sure, and why.
@main
struct Tunelens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunelens",
        abstract: "Did fine-tuning improve your text-embedding model, by how much, how sure are we, and why?",
        version: TunelensVersion.string,
        subcommands: [
            ReportCommand.self,
            DiffCommand.self,
            IndexCommand.self,
            EmbedCommand.self,
            FinetuneCommand.self,
            DatasetCommand.self,
            DemoCommand.self,
            BenchCommand.self,
        ]
    )

    /// Parses and runs a command; every failure, from the parser or from the work, is one line on
    /// stderr, `tunelens COMMAND: message`, and a non-zero exit status (help and version go to stdout).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let name = configuration.subcommands.first { $0.configuration.commandName == arguments.first }?
                .configuration.commandName
            fail(error, command: name, hint: name.map { " (see tunelens \($0) --help)" } ?? " (see tunelens --help)")
        }
        do {
            try command.run()
        } catch {
            fail(error, command: type(of: command).configuration.commandName, hint: "")
        }
        Foundation.exit(0)
    }

    private static func fail(_ error: Error, command: String?, hint: String) -> Never {
        let code = exitCode(for: error)
        let message = message(for: error)
        if code == .success {
            // --help and --version are not failures.
            print(fullMessage(for: error))
            Foundation.exit(code.rawValue)
        }
        if !message.isEmpty {
            let prefix = ["tunelens", command].compactMap { $0 }.joined(separator: " ")
            let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data("\(prefix): \(line)\(hint)\n".utf8))
        }
        Foundation.exit(code.rawValue)
    }
}

enum TunelensVersion {
    static let string = "0.1.0"
}
