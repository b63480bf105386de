/// How a model's embeddings are compared: sentence-transformers' `similarity_fn_name`.
///
/// Higher is more similar for all four: cosine; dot product; euclidean = -||a - b||;
/// manhattan = -||a - b||_1. A folder that names none is scored with cosine.
/// Source: sentence-transformers `util/similarity.py`, `SimilarityFunction`.
public enum SimilarityFunction: String, CaseIterable, Sendable {
    case cosine
    case dot
    case euclidean
    case manhattan

    /// The similarity of two equally long vectors, accumulated in double precision. Cosine of a zero
    /// vector is 0 (sentence-transformers normalises with a 1e-12 floor on the norm).
    public func score(_ a: [Float], _ b: [Float]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in score(a, b) } }
    }

    /// The same on two rows of an embedding matrix.
    public func score(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Double {
        precondition(a.count == b.count, "vectors of different lengths")
        switch self {
        case .cosine:
            var dot = 0.0, squaresA = 0.0, squaresB = 0.0
            for (x, y) in zip(a, b) {
                dot += Double(x) * Double(y)
                squaresA += Double(x) * Double(x)
                squaresB += Double(y) * Double(y)
            }
            return dot / (max(squaresA.squareRoot(), 1e-12) * max(squaresB.squareRoot(), 1e-12))
        case .dot:
            return zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        case .euclidean:
            return -zip(a, b).reduce(0) { $0 + (Double($1.0) - Double($1.1)) * (Double($1.0) - Double($1.1)) }.squareRoot()
        case .manhattan:
            return -zip(a, b).reduce(0) { $0 + abs(Double($1.0) - Double($1.1)) }
        }
    }
}
