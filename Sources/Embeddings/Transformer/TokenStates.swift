/// The last hidden states of a batch of sequences, packed row after row with no padding.
///
/// Row `offsets[s] + t` is token `t` of sequence `s`. Packing leaves nothing to mask in the matrix
/// products; attention and pooling read only each sequence's own rows, which is what an attention
/// mask does in a padded batch.
struct TokenStates: Sendable {
    var values: [Float]
    let width: Int
    let lengths: [Int]
    let offsets: [Int]

    init(values: [Float], width: Int, lengths: [Int]) {
        precondition(values.count == width * lengths.reduce(0, +), "packed rows do not match the lengths")
        self.values = values
        self.width = width
        self.lengths = lengths
        var running = 0
        offsets = lengths.map { length in
            defer { running += length }
            return running
        }
    }

    var sequenceCount: Int { lengths.count }

    /// The hidden states of one sequence as `length x width` rows.
    func rows(of sequence: Int) -> ArraySlice<Float> {
        values[(offsets[sequence] * width)..<((offsets[sequence] + lengths[sequence]) * width)]
    }
}
