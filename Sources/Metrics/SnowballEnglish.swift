/// The Snowball English ("Porter2") stemmer, so that "smoke", "smokes" and "smoking" are counted as
/// one word when two texts are compared by stem.
///
/// A transcription of the reference, `algorithms/english.sbl` in snowballstem/snowball (Snowball
/// 3.1, with the 2025 additions: the `past`/`univers`/`later`/`emerg`/`organ`/`inter` region
/// prefixes, `-ogist` -> `-og`, the `-ing` exceptions `inn`/`out`/`cann`/`herr`/`earr`/`even`,
/// and `past` counting as a short syllable), described at
/// https://snowballstem.org/algorithms/english/stemmer.html. It is checked against every pair in
/// snowball-data's `english/voc.txt` and `english/output.txt`.
///
/// - Input: one word, already lowercased by the caller. The stemmer does not lowercase: an
///   uppercase letter is an ordinary consonant to it (an uppercase "Y" is even read as the
///   consonant-y marker, exactly as in the reference).
/// - Apostrophes: only U+0027 (') is one. As in the reference, one leading apostrophe is removed
///   and a trailing `'`, `'s` or `'s'` is removed. The typographic apostrophe U+2019 (’) is an
///   ordinary non-vowel character to the reference and so to this stemmer; callers that want
///   "dog’s" to stem like "dog's" must map ’ to ' first.
/// - Non-ASCII: not skipped. The reference works on Unicode scalars and treats every non-ASCII
///   scalar as a non-vowel, so "naïve" -> "naïv"; this does the same.
/// - Words of fewer than three scalars, and the exceptional forms ("skis", "news", "early", ...),
///   are handled before anything else, as in the reference.
///
/// A pure function of its argument; safe to call from any thread.
public enum SnowballEnglish {
    public static func stem(_ word: String) -> String {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars { scalars.append(scalar.value) }

        if let special = exceptionalForm(scalars) { return special }
        guard scalars.count >= 3 else { return word }

        var stemmer = SnowballWord(scalars)
        stemmer.prelude()
        stemmer.markRegions()
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.step2()
        stemmer.step3()
        stemmer.step4()
        stemmer.step5()
        stemmer.postlude()
        return stemmer.string
    }

    /// `exception1`: whole words with a fixed stem, tested on the word as given (before the
    /// leading apostrophe is removed). The invariant forms map to themselves.
    static let exceptionalForms: [(word: [UInt8], stem: String)] = [
        ("skis", "ski"), ("skies", "sky"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (Array($0.0.utf8), $0.1) }

    static func exceptionalForm(_ scalars: [UInt32]) -> String? {
        for form in exceptionalForms where form.word.count == scalars.count {
            if zip(form.word, scalars).allSatisfy({ UInt32($0) == $1 }) { return form.stem }
        }
        return nil
    }
}

/// A set of ASCII characters (a Snowball `grouping`). Non-ASCII scalars are never members.
struct SnowballGrouping {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ members: String) {
        for byte in members.utf8 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    @inline(__always) func contains(_ c: UInt32) -> Bool {
        if c < 64 { return low >> UInt64(c) & 1 == 1 }
        if c < 128 { return high >> UInt64(c - 64) & 1 == 1 }
        return false
    }
}

/// The word being stemmed: its Unicode scalars, with the reference's R1/R2 start positions
/// (`p1`, `p2`, indices into `w`; equal to the length when the region is empty). The steps only
/// ever change the end of the word, so the positions stay valid as it shrinks.
struct SnowballWord {
    var w: [UInt32]
    var p1 = 0
    var p2 = 0
    var yFound = false

    static let v = SnowballGrouping("aeiouy")
    static let vWXY = SnowballGrouping("aeiouywxY")
    static let aeo = SnowballGrouping("aeo")
    static let validLI = SnowballGrouping("cdeghkmnrt")

    static let apostrophe: UInt32 = 0x27
    static let lowerY: UInt32 = 0x79
    static let upperY: UInt32 = 0x59

    /// Prefixes after which R1 starts, whatever the vowels say (generate, communism, arsenal,
    /// paste, university, lateral, emergency, organic, international).
    static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen", "past", "univers", "later",
                                            "emerg", "organ", "inter"].map { Array($0.utf8) }

    init(_ scalars: [UInt32]) { w = scalars }

    var string: String {
        var view = String.UnicodeScalarView()
        for c in w { view.append(Unicode.Scalar(c)!) }
        return String(view)
    }

    @inline(__always) static func isVowel(_ c: UInt32) -> Bool { v.contains(c) }

    /// Whether `literal` occurs in `w` starting at `start` (false when it would not fit).
    func has(_ literal: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + literal.count <= w.count else { return false }
        for (k, byte) in literal.enumerated() where w[start + k] != UInt32(byte) { return false }
        return true
    }

    func ends(with suffix: [UInt8]) -> Bool { has(suffix, at: w.count - suffix.count) }

    /// Whether the first `count` scalars are exactly `literal`.
    func prefixIs(_ literal: [UInt8], count: Int) -> Bool { literal.count == count && has(literal, at: 0) }

    func containsVowel(before end: Int) -> Bool {
        var i = 0
        while i < end { if Self.isVowel(w[i]) { return true }; i += 1 }
        return false
    }

    mutating func drop(_ count: Int) { w.removeLast(count) }

    mutating func replaceSuffix(length: Int, with literal: [UInt8]) {
        w.removeLast(length)
        for byte in literal { w.append(UInt32(byte)) }
    }

    /// Removes one leading apostrophe, then marks an initial y, and every y after a vowel, as the
    /// consonant Y (left to right, so in "ayy" only the first y is marked).
    mutating func prelude() {
        if w.first == Self.apostrophe { w.removeFirst() }
        if w.first == Self.lowerY { w[0] = Self.upperY; yFound = true }
        var i = 1
        while i < w.count {
            if w[i] == Self.lowerY && Self.isVowel(w[i - 1]) { w[i] = Self.upperY; yFound = true }
            i += 1
        }
    }

    /// R1 starts after the first non-vowel following a vowel (or after one of `regionPrefixes`);
    /// R2 is the same rule applied again from the start of R1.
    mutating func markRegions() {
        p1 = w.count
        p2 = w.count
        let start: Int
        if let prefix = Self.regionPrefixes.first(where: { has($0, at: 0) }) {
            start = prefix.count
        } else if let end = pastVowelThenNonVowel(from: 0) {
            start = end
        } else {
            return
        }
        p1 = start
        if let end = pastVowelThenNonVowel(from: start) { p2 = end }
    }

    /// Snowball's `gopast v gopast non-v` from `start`: the index just after the first non-vowel
    /// that follows a vowel, or nil.
    func pastVowelThenNonVowel(from start: Int) -> Int? {
        var i = start
        while i < w.count && !Self.isVowel(w[i]) { i += 1 }
        guard i < w.count else { return nil }
        i += 1
        while i < w.count && Self.isVowel(w[i]) { i += 1 }
        guard i < w.count else { return nil }
        return i + 1
    }

    /// Whether the word up to `end` ends in a short syllable: non-vowel, vowel, then a non-vowel
    /// other than w, x or Y; or a vowel then a non-vowel as the whole word; or "past".
    /// (english.sbl reads `non-v_WXY v non-v` backwards, so the w/x/Y exclusion is the last letter.)
    func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 3, !Self.vWXY.contains(w[end - 1]), Self.isVowel(w[end - 2]), !Self.isVowel(w[end - 3]) {
            return true
        }
        if end == 2, !Self.isVowel(w[1]), Self.isVowel(w[0]) { return true }
        return end >= 4 && has(SnowballSuffix.past, at: end - 4)
    }

    /// Turns the Y markers back into y (only if the prelude set any, as in the reference).
    mutating func postlude() {
        guard yFound else { return }
        for i in w.indices where w[i] == Self.upperY { w[i] = Self.lowerY }
    }
}
