/// Embeddings as one contiguous row-major Float32 matrix: row `i` is the embedding of text `i`.
///
/// One allocation for N x D values instead of N arrays: at 500,000 texts of 384 dimensions that is
/// 768 MB in one block, without N array headers and N heap allocations, and a block of rows can go
/// straight to BLAS or a dot-product loop.
public struct EmbeddingMatrix: Sendable {
    public private(set) var count: Int
    public let dimension: Int
    /// The values, row after row: `count * dimension` of them.
    public private(set) var values: [Float]

    /// `count` rows of zeros.
    public init(count: Int, dimension: Int) {
        precondition(count >= 0 && dimension >= 0, "a matrix shape is non-negative")
        self.count = count
        self.dimension = dimension
        values = [Float](repeating: 0, count: count * dimension)
    }

    /// The rows given, each of `dimension` values.
    public init(rows: [[Float]], dimension: Int) {
        precondition(rows.allSatisfy { $0.count == dimension }, "every row must have \(dimension) values")
        count = rows.count
        self.dimension = dimension
        values = []
        values.reserveCapacity(rows.count * dimension)
        for row in rows { values.append(contentsOf: row) }
    }

    /// A copy of row `index`.
    public func row(_ index: Int) -> [Float] {
        Array(values[(index * dimension)..<((index + 1) * dimension)])
    }

    /// Copies of the rows at `indices`, for the consumers that want arrays (small sets: probes, a
    /// sample); large sets use ``withUnsafeRows(_:)``.
    public func rows<S: Sequence>(_ indices: S) -> [[Float]] where S.Element == Int {
        indices.map(row)
    }

    /// Overwrites row `index` with `vector` (`dimension` values).
    public mutating func setRow(_ index: Int, _ vector: [Float]) {
        precondition(vector.count == dimension, "a row has \(dimension) values, got \(vector.count)")
        values.withUnsafeMutableBufferPointer { out in
            vector.withUnsafeBufferPointer { source in
                (out.baseAddress! + index * dimension).update(from: source.baseAddress!, count: dimension)
            }
        }
    }

    /// Calls `body` with the storage (row `i` starts at `i * dimension`); the pointer must not escape.
    public func withUnsafeRows<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with writable storage, for a loader that fills rows in place.
    public mutating func withUnsafeMutableRows<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        try values.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// A matrix of the rows at `indices`, in that order.
    public func selecting(_ indices: [Int]) -> EmbeddingMatrix {
        var out = EmbeddingMatrix(count: indices.count, dimension: dimension)
        out.values.withUnsafeMutableBufferPointer { target in
            values.withUnsafeBufferPointer { source in
                for (position, index) in indices.enumerated() {
                    (target.baseAddress! + position * dimension).update(from: source.baseAddress! + index * dimension, count: dimension)
                }
            }
        }
        return out
    }

    /// The same rows cut to their first `columns` values (a Matryoshka truncation).
    public func truncated(to columns: Int) -> EmbeddingMatrix {
        precondition(columns >= 0 && columns <= dimension, "a truncation keeps at most \(dimension) columns")
        var out = EmbeddingMatrix(count: count, dimension: columns)
        out.values.withUnsafeMutableBufferPointer { target in
            values.withUnsafeBufferPointer { source in
                for row in 0..<count {
                    (target.baseAddress! + row * columns).update(from: source.baseAddress! + row * dimension, count: columns)
                }
            }
        }
        return out
    }
}
