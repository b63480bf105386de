import Foundation

/// SentencePiece's `precompiled_charsmap`: a double-array trie over UTF-8 bytes whose leaves point
/// into a blob of NUL-terminated replacement strings (huggingface/spm_precompiled `src/lib.rs`,
/// after google/sentencepiece `normalizer.cc` and darts-clone).
///
/// Layout: a little-endian u32 `trie_size` in bytes, then `trie_size / 4` little-endian u32 units,
/// then the blob (the rest, UTF-8). A unit packs, as darts-clone does: bit 8 "has a leaf", the
/// label in bits 0-7 (bit 31 set means "no label"), the offset to the children in bits 10-30
/// (shifted left 8 more when bit 9 is set); a leaf unit's low 31 bits are a blob index.
///
/// tokenizers indexes the trie without bounds checks and panics on a bad file. Here every unit
/// reachable from the root is checked when the file is read: each reachable node's block of
/// children lies inside the trie and each leaf points at the start of a character in the blob.
/// Real charsmaps pass (their trie size is a multiple of 256); anything else is a one-line error.
struct PrecompiledCharsmap: Sendable {
    struct FormatError: Error {
        let reason: String
    }

    /// The largest decoded charsmap accepted (real ones are a few hundred KiB).
    static let maximumSize = 16 << 20

    let units: [UInt32]
    let blob: [UInt8]

    init(bytes: [UInt8]) throws {
        guard bytes.count <= Self.maximumSize else {
            throw FormatError(reason: "it is larger than \(Self.maximumSize >> 20) MiB")
        }
        guard bytes.count >= 4 else { throw FormatError(reason: "it is shorter than its 4-byte header") }
        func u32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        let unitCount = Int(u32(at: 0) / 4)
        guard unitCount <= (bytes.count - 4) / 4 else {
            throw FormatError(reason: "its header announces \(unitCount) trie units but the data holds \((bytes.count - 4) / 4)")
        }
        units = (0..<unitCount).map { u32(at: 4 + 4 * $0) }
        blob = Array(bytes[(4 + 4 * unitCount)...])
        guard String(validating: blob, as: UTF8.self) != nil else {
            throw FormatError(reason: "its replacement strings are not UTF-8")
        }
        guard !units.isEmpty else { throw FormatError(reason: "its trie is empty") }
        try validate()
    }

    init(base64: String) throws {
        guard let data = Data(base64Encoded: base64) else { throw FormatError(reason: "it is not base64") }
        try self.init(bytes: [UInt8](data))
    }

    @inline(__always) static func hasLeaf(_ unit: UInt32) -> Bool { (unit >> 8) & 1 == 1 }
    @inline(__always) static func value(_ unit: UInt32) -> Int { Int(unit & 0x7FFF_FFFF) }
    @inline(__always) static func label(_ unit: UInt32) -> UInt32 { unit & (0x8000_0000 | 0xFF) }
    @inline(__always) static func offset(_ unit: UInt32) -> Int { Int((unit >> 10) << ((unit & (1 << 9)) >> 6)) }

    /// Walks every node reachable from the root (each at most once).
    private func validate() throws {
        let count = units.count
        func blockInside(_ base: Int) -> Bool { (base | 0xFF) < count }
        let root = Self.offset(units[0])
        guard blockInside(root) else { throw FormatError(reason: "its trie points outside itself") }
        var visited = Set<Int>([root])
        var pending = [root]
        while let base = pending.popLast() {
            for byte in 1...255 {
                let position = base ^ byte
                let unit = units[position]
                guard Self.label(unit) == UInt32(byte) else { continue }
                let child = position ^ Self.offset(unit)
                guard blockInside(child) else { throw FormatError(reason: "its trie points outside itself") }
                if Self.hasLeaf(unit) {
                    let index = Self.value(units[child])
                    guard index <= blob.count, index == blob.count || blob[index] & 0xC0 != 0x80 else {
                        throw FormatError(reason: "a replacement points outside its strings")
                    }
                }
                if visited.insert(child).inserted { pending.append(child) }
            }
        }
    }

    /// The replacement for `key` (spm_precompiled `transform`): the string of the *shortest*
    /// prefix of `key` that the trie holds, or nil. The search stops at a NUL byte.
    func replacement(for key: some Sequence<UInt8>) -> ArraySlice<UInt8>? {
        var node = Self.offset(units[0])
        for byte in key {
            if byte == 0 { return nil }
            node ^= Int(byte)
            let unit = units[node]
            guard Self.label(unit) == UInt32(byte) else { return nil }
            node ^= Self.offset(unit)
            if Self.hasLeaf(unit) {
                let start = Self.value(units[node])
                var end = start
                while end < blob.count && blob[end] != 0 { end += 1 }
                return blob[start..<end]
            }
        }
        return nil
    }
}
