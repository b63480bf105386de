/// A word's symbols while BPE merges them (tokenizers `models/bpe/word.rs`, `Word::merge_all`).
///
/// Symbols form a linked list. Every adjacent pair with a merge goes into a min-heap ordered by
/// (rank, position); the top is popped, skipped if stale (a side was merged away, or the pair at
/// that position no longer merges into the same id), otherwise merged, and the new pairs it forms
/// with its neighbours are pushed. Ties between equal (rank, position) entries are identical, so
/// the result does not depend on the heap's layout.
/// - Complexity: O(n log n) for n symbols.
struct BPEWord {
    private struct Symbol {
        var id: Int32
        var previous: Int
        var next: Int
        var length: Int
    }

    private struct Candidate {
        let rank: Int32
        let position: Int
        let newID: Int32

        func precedes(_ other: Candidate) -> Bool {
            rank != other.rank ? rank < other.rank : position < other.position
        }
    }

    private var symbols: [Symbol] = []

    mutating func add(_ id: Int32, length: Int) {
        let index = symbols.count
        if index > 0 { symbols[index - 1].next = index }
        symbols.append(Symbol(id: id, previous: index - 1, next: -1, length: length))
    }

    /// The ids left after merging, in order.
    var ids: [Int32] { symbols.filter { $0.length != 0 }.map(\.id) }

    mutating func mergeAll(_ merges: [UInt64: BPEModel.Merge]) {
        guard symbols.count > 1, !merges.isEmpty else { return }
        var heap = Heap()
        for index in 0..<(symbols.count - 1) {
            if let merge = merges[BPEModel.pairKey(symbols[index].id, symbols[index + 1].id)] {
                heap.push(Candidate(rank: merge.rank, position: index, newID: merge.newID))
            }
        }
        while let top = heap.pop() {
            let position = top.position
            guard symbols[position].length != 0, symbols[position].next != -1 else { continue }
            let nextPosition = symbols[position].next
            let right = symbols[nextPosition]
            guard let current = merges[BPEModel.pairKey(symbols[position].id, right.id)],
                  current.newID == top.newID else { continue }
            symbols[position].id = top.newID
            symbols[position].length += right.length
            symbols[position].next = right.next
            symbols[nextPosition].length = 0
            if right.next > -1 && right.next < symbols.count { symbols[right.next].previous = position }
            let merged = symbols[position]
            if merged.previous >= 0,
               let merge = merges[BPEModel.pairKey(symbols[merged.previous].id, merged.id)] {
                heap.push(Candidate(rank: merge.rank, position: merged.previous, newID: merge.newID))
            }
            if merged.next >= 0 && merged.next < symbols.count,
               let merge = merges[BPEModel.pairKey(merged.id, symbols[merged.next].id)] {
                heap.push(Candidate(rank: merge.rank, position: position, newID: merge.newID))
            }
        }
    }

    /// A binary min-heap of merge candidates.
    private struct Heap {
        private var items: [Candidate] = []

        mutating func push(_ item: Candidate) {
            items.append(item)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child].precedes(items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Candidate? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var smallest = parent
                    if left < items.count && items[left].precedes(items[smallest]) { smallest = left }
                    if right < items.count && items[right].precedes(items[smallest]) { smallest = right }
                    if smallest == parent { break }
                    items.swapAt(parent, smallest)
                    parent = smallest
                }
            }
            return first
        }
    }
}
