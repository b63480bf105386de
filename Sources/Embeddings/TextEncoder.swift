import Foundation

/// Something that turns texts into fixed-size embeddings: a model folder, a model from the local
/// Hugging Face cache, or a file of precomputed embeddings. Load one with ``EncoderLoader/load(_:)``.
public protocol TextEncoder: AnyObject {
    /// What the user would call it: the folder name, the model id or the file name.
    var name: String { get }
    /// SHA-256 (hex) identifying the model: for a folder, over every file that decides its output
    /// (tokenizer, weights, modules and their configs); for precomputed embeddings, of the file.
    var digest: String { get }
    /// The length of every embedding.
    var dimension: Int { get }
    /// One embedding per text, in the order of `texts`. `progress` is called with the number of texts
    /// done so far and the total, from the calling thread.
    func encode(_ texts: [String], progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> [[Float]]
}

extension TextEncoder {
    /// One embedding per text, without progress reports.
    public func encode(_ texts: [String]) throws -> [[Float]] {
        try encode(texts, progress: nil)
    }
}
