/// L2 normalisation of a sentence embedding: x / max(||x||, 1e-12).
///
/// Source: sentence-transformers `base/modules/normalize.py` (`torch.nn.functional.normalize`).
enum Normalize {
    static func apply(_ vector: [Float]) -> [Float] {
        var squares: Float = 0
        for value in vector { squares += value * value }
        let scale = 1 / max(squares.squareRoot(), 1e-12)
        return vector.map { $0 * scale }
    }
}
