/// A read-only trie over byte strings, for Unigram's common-prefix search (tokenizers
/// `models/unigram/trie.rs` keeps a hash map per node; this packs the same trie into flat arrays).
///
/// Nodes are numbered breadth first, so the children of a node are consecutive and sorted by
/// label: `firstChild[n] ..< firstChild[n] + childCount[n]`, found by binary search on `labels`.
/// - Complexity: building O(total key bytes + k log k) for k keys; a prefix search O(m log 256)
///   for a match of m bytes.
struct ByteTrie: Sendable {
    private var firstChild: [Int32] = []
    private var childCount: [UInt16] = []
    private var labels: [UInt8] = []
    /// The value of the key that ends at each node, or -1.
    private var values: [Int32] = []

    /// Builds the trie; when a key appears more than once the later value wins (a hash map insert).
    init(_ entries: [(key: [UInt8], value: Int32)]) {
        // Sort by key, later entries after earlier ones among equal keys, then keep the last of each.
        let order = entries.indices.sorted { a, b in
            let left = entries[a].key, right = entries[b].key
            if left.lexicographicallyPrecedes(right) { return true }
            if right.lexicographicallyPrecedes(left) { return false }
            return a < b
        }
        var keys: [[UInt8]] = []
        var keyValues: [Int32] = []
        keys.reserveCapacity(order.count)
        for index in order {
            if let last = keys.last, last == entries[index].key {
                keyValues[keyValues.count - 1] = entries[index].value
            } else {
                keys.append(entries[index].key)
                keyValues.append(entries[index].value)
            }
        }
        // Breadth-first: each queued node covers keys[low..<high], all sharing their first `depth` bytes.
        var ranges: [(low: Int, high: Int, depth: Int)] = [(0, keys.count, 0)]
        labels = [0]
        var node = 0
        while node < ranges.count {
            var (low, high, depth) = ranges[node]
            var value: Int32 = -1
            if low < high && keys[low].count == depth {
                value = keyValues[low]
                low += 1
            }
            values.append(value)
            firstChild.append(Int32(ranges.count))
            var children = 0
            var start = low
            while start < high {
                let label = keys[start][depth]
                var end = start + 1
                while end < high && keys[end][depth] == label { end += 1 }
                ranges.append((start, end, depth + 1))
                labels.append(label)
                children += 1
                start = end
            }
            childCount.append(UInt16(children))
            node += 1
        }
    }

    private func child(of node: Int, _ label: UInt8) -> Int? {
        var low = Int(firstChild[node])
        var high = low + Int(childCount[node])
        while low < high {
            let middle = (low + high) / 2
            if labels[middle] < label { low = middle + 1 } else { high = middle }
        }
        return low < Int(firstChild[node]) + Int(childCount[node]) && labels[low] == label ? low : nil
    }

    /// Calls `body(length, value)` for every key that is a prefix of `bytes[start...]`, shortest first.
    func forEachPrefix(of bytes: [UInt8], from start: Int, _ body: (Int, Int32) -> Void) {
        var node = 0
        var index = start
        while index < bytes.count, let next = child(of: node, bytes[index]) {
            node = next
            index += 1
            if values[node] >= 0 { body(index - start, values[node]) }
        }
    }

    /// The value of exactly `key`, if it is in the trie.
    func value(of key: some Collection<UInt8>) -> Int32? {
        var node = 0
        for byte in key {
            guard let next = child(of: node, byte) else { return nil }
            node = next
        }
        return values[node] >= 0 ? values[node] : nil
    }
}
