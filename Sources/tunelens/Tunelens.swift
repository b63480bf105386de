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
            DiffCommand.self,
            IndexCommand.self,
            EmbedCommand.self,
            FinetuneCommand.self,
            DatasetCommand.self,
            DemoCommand.self,
            BenchCommand.self,
        ]
    )
}

enum TunelensVersion {
    static let string = "0.1.0"
}
