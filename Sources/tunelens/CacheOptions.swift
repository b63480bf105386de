import ArgumentParser
import Embeddings
import Foundation

/// The embedding cache flags, shared by every command that encodes texts (`@OptionGroup var cache: CacheOptions`).
///
/// Embeddings are kept per model digest and text in a SQLite file under the cache folder, so a second
/// run with the same model encodes only new texts.
struct CacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Encode every text, neither reading nor writing the embedding cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(
        "Where the embedding cache lives (default: $TUNELENS_CACHE_DIR, else $XDG_CACHE_HOME/tunelens, else ~/.cache/tunelens).",
        valueName: "dir"))
    var cacheDir: String?

    /// The cache to use, or nil with --no-cache. A cache that cannot be opened (a read-only folder, say)
    /// is reported on stderr and the command goes on without it.
    func store() -> EmbeddingStore? {
        guard !noCache else { return nil }
        let directory = cacheDir.map { URL(fileURLWithPath: $0) } ?? EmbeddingStore.defaultDirectory()
        do {
            return try EmbeddingStore(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("warning: \(error); continuing without the embedding cache\n".utf8))
            return nil
        }
    }

    /// Loads a model reference with this cache (see ``EncoderLoader/load(_:cache:)``).
    func loadEncoder(_ reference: String) throws -> any TextEncoder {
        try EncoderLoader.load(reference, cache: store())
    }
}
