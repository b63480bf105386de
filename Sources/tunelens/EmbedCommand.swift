import Core
import ArgumentParser
import Embeddings
import Foundation

/// `tunelens embed`: encode texts with a model and write the embeddings as a float32 `.npy` matrix.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Encode texts into a float32 .npy matrix (N x D), rows in input order.",
        discussion: """
            INPUT is a text file with one text per line (every line is a row, blank lines too), or JSONL \
            (.jsonl, or lines that are JSON objects) with a "text" field. MODEL is a sentence-transformers \
            folder, a model id found in the local Hugging Face cache (never downloaded), or a JSONL of \
            precomputed embeddings. Each text is encoded after a prompt, as sentence-transformers' encode \
            does: --prompt TEXT, or --prompt-name NAME from the model's config_sentence_transformers.json \
            (e.g. query, document), or else the model's default prompt if it names one.
            """
    )

    @Option(name: .long, help: "A model folder, an ORG/NAME id in the Hugging Face cache, or precomputed embeddings (.jsonl).")
    var model: String

    @Argument(help: "Texts: one per line, or JSONL with a \"text\" field.")
    var input: String

    @Option(name: .long, help: "Where to write the .npy file (default: INPUT with its extension replaced by .npy).")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A prompt of the model's config_sentence_transformers.json to put before each text (e.g. query).",
                                            valueName: "name"))
    var promptName: String?

    @Option(name: .long, help: ArgumentHelp("Text to put before each text (instead of the model's default prompt).", valueName: "text"))
    var prompt: String?

    @OptionGroup var cache: CacheOptions

    @Flag(name: .long, help: .hidden)
    var timings = false

    func validate() throws {
        if promptName != nil, prompt != nil {
            throw ValidationError("--prompt-name and --prompt are mutually exclusive")
        }
    }

    func run() throws {
        let inputURL = URL(fileURLWithPath: input)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? inputURL.deletingPathExtension().appendingPathExtension("npy")
        guard outputURL.standardizedFileURL.path != inputURL.standardizedFileURL.path else {
            throw EmbeddingsError.invalidConfig(path: outputURL.path, reason: "the output would overwrite the input")
        }
        let started = Date()
        let texts = try TextInputFile.read(inputURL)
        SignalCleanup.install()
        let staged = try StagedFile(destination: outputURL)
        let encoder = try cache.loadEncoder(model)
        let chosenPrompt = try encoder.usage.prompt(named: promptName, text: prompt)
        let loaded = Date()
        let bar = ProgressBar(label: "embedding")
        let vectors = try encoder.encode(texts, prompt: chosenPrompt, progress: bar.update)
        bar.finish()
        if timings {
            // For scripts/bench.sh: reading and loading, then encoding alone (tokenizing included).
            let encoded = Date()
            let work = (encoder as? EncoderWorkReporting)?.lastWork
            FileHandle.standardError.write(Data(String(format: "timings: load %.4f s, encode %.4f s, %d texts, %d tokens, %.6e linear FLOPs\n",
                loaded.timeIntervalSince(started), encoded.timeIntervalSince(loaded), texts.count,
                work?.tokens ?? 0, work?.linearFLOPs ?? 0).utf8))
        }
        let data = NpyFile.float32Matrix(vectors, columns: encoder.dimension)
        try staged.commit(data)
    }
}
