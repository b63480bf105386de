/// The k best (index, score) candidates seen so far, by score descending then index ascending:
/// a binary min-heap whose root is the worst candidate kept.
/// - Complexity: O(log k) per offer, O(k log k) to read the result.
struct TopKSelection {
    struct Candidate {
        var index: Int
        var score: Double
    }

    let k: Int
    private var heap: [Candidate] = []

    init(k: Int) {
        self.k = k
        heap.reserveCapacity(k)
    }

    /// Whether `a` ranks below `b`: lower score, or the same score and a later index.
    @inline(__always)
    private static func below(_ a: Candidate, _ b: Candidate) -> Bool {
        a.score < b.score || (a.score == b.score && a.index > b.index)
    }

    mutating func offer(index: Int, score: Double) {
        let candidate = Candidate(index: index, score: score)
        if heap.count < k {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if k > 0, Self.below(heap[0], candidate) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept candidates, best first.
    func ranked() -> [Candidate] {
        heap.sorted { Self.below($1, $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.below(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && Self.below(heap[left], heap[worst]) { worst = left }
            if right < heap.count && Self.below(heap[right], heap[worst]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
