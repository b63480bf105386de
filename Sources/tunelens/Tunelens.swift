import ArgumentParser

/// The `tunelens` command: did fine-tuning improve the embedding model, by how much, how sure, and why.
@main
struct Tunelens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunelens",
        abstract: "Did fine-tuning improve your text-embedding model, by how much, how sure are we, and why?",
        version: TunelensVersion.string,
        subcommands: [
            ReportCommand.self,
            DatasetCommand.self,
            EmbedCommand.self,
            BenchCommand.self,
            IndexCommand.self,
            DiffCommand.self,
            FinetuneCommand.self,
            DemoCommand.self,
        ]
    )
}

enum TunelensVersion {
    static let string = "0.1.0"
}
