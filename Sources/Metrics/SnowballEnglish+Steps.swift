/// The suffix tables of the Snowball English stemmer, longest first: like Snowball's `among`, a
/// step acts on the longest suffix of its table that the word ends with, and if that suffix's
/// condition fails the step does nothing (it never falls back to a shorter suffix).
enum SnowballSuffix {
    enum Action {
        case replace([UInt8])
        case delete
        /// Step 2 `ogi`: -> "og" only after "l".
        case ogiAfterL
        /// Step 2 `li`: deleted only after a valid li-ending (c d e g h k m n r t).
        case liAfterValidEnding
        /// Step 3 `ative`: deleted only in R2.
        case deleteInR2
        /// Step 4 `ion`: deleted only after "s" or "t".
        case ionAfterSOrT
    }

    typealias Table = [(suffix: [UInt8], action: Action)]

    static func table(_ entries: [(String, Action)]) -> Table {
        entries.map { (Array($0.0.utf8), $0.1) }.sorted { $0.suffix.count > $1.suffix.count }
    }

    static let past = Array("past".utf8)

    static let step2 = table([
        ("tional", .replace(u("tion"))), ("enci", .replace(u("ence"))), ("anci", .replace(u("ance"))),
        ("abli", .replace(u("able"))), ("entli", .replace(u("ent"))),
        ("izer", .replace(u("ize"))), ("ization", .replace(u("ize"))),
        ("ational", .replace(u("ate"))), ("ation", .replace(u("ate"))), ("ator", .replace(u("ate"))),
        ("alism", .replace(u("al"))), ("aliti", .replace(u("al"))), ("alli", .replace(u("al"))),
        ("fulness", .replace(u("ful"))),
        ("ousli", .replace(u("ous"))), ("ousness", .replace(u("ous"))),
        ("iveness", .replace(u("ive"))), ("iviti", .replace(u("ive"))),
        ("biliti", .replace(u("ble"))), ("bli", .replace(u("ble"))),
        ("ogist", .replace(u("og"))), ("ogi", .ogiAfterL),
        ("fulli", .replace(u("ful"))), ("lessli", .replace(u("less"))),
        ("li", .liAfterValidEnding),
    ])

    static let step3 = table([
        ("tional", .replace(u("tion"))), ("ational", .replace(u("ate"))), ("alize", .replace(u("al"))),
        ("icate", .replace(u("ic"))), ("iciti", .replace(u("ic"))), ("ical", .replace(u("ic"))),
        ("ful", .delete), ("ness", .delete),
        ("ative", .deleteInR2),
    ])

    static let step4 = table([
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].map { ($0, Action.delete) } + [("ion", .ionAfterSOrT)])

    static func u(_ s: String) -> [UInt8] { Array(s.utf8) }

    enum Step1bEnding { case eed, ing, ed }

    /// Step 1b's endings, longest first ("edly" and "ingly" behave as "ed").
    static let step1bEndings: [(suffix: [UInt8], kind: Step1bEnding)] = [
        (u("ingly"), .ed), (u("eedly"), .eed), (u("edly"), .ed), (u("eed"), .eed), (u("ing"), .ing), (u("ed"), .ed),
    ]
    /// "proceed", "exceed", "succeed" keep their -eed.
    static let eedExceptions: [[UInt8]] = ["proc", "exc", "succ"].map { Array($0.utf8) }
    /// inning, outing, canning, herring, earring, evening keep their -ing.
    static let ingExceptions: [[UInt8]] = ["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf8) }
    static let ee = u("ee"), ie = u("ie"), og = u("og")
    static let sses = u("sses"), ied = u("ied"), ies = u("ies"), us = u("us"), ss = u("ss")
    static let addE: [[UInt8]] = ["at", "bl", "iz"].map { Array($0.utf8) }
    /// Doubles undoubled after -ed/-ing: bb dd ff gg mm nn pp rr tt.
    static let doubles = SnowballGrouping("bdfgmnprt")
}

extension SnowballWord {
    /// The longest suffix in `table` that the word ends with.
    func longestSuffix(in table: SnowballSuffix.Table) -> (start: Int, action: SnowballSuffix.Action)? {
        for entry in table where ends(with: entry.suffix) { return (w.count - entry.suffix.count, entry.action) }
        return nil
    }

    /// Step 0 and 1a: the possessive, then plurals (sses -> ss; ied/ies -> i or ie; s dropped when
    /// a vowel occurs before the letter preceding it; us and ss kept).
    mutating func step1a() {
        if ends(with: [0x27, 0x73, 0x27]) { drop(3) }       // 's'
        else if ends(with: [0x27, 0x73]) { drop(2) }        // 's
        else if ends(with: [0x27]) { drop(1) }              // '

        let n = w.count
        if ends(with: SnowballSuffix.sses) {
            drop(2)
        } else if ends(with: SnowballSuffix.ied) || ends(with: SnowballSuffix.ies) {
            drop(n - 3 >= 2 ? 2 : 1)                         // cries -> cri, ties -> tie
        } else if ends(with: SnowballSuffix.us) || ends(with: SnowballSuffix.ss) {
            return
        } else if ends(with: [0x73]) {                       // s
            if n - 1 >= 1 && containsVowel(before: n - 2) { drop(1) }
        }
    }

    /// Step 1b: eed/eedly -> ee in R1; ed, edly, ing, ingly deleted when a vowel precedes them,
    /// then at/bl/iz gain an e, a final double is undoubled, or a short word gains an e.
    mutating func step1b() {
        guard let (ending, kind) = SnowballSuffix.step1bEndings.first(where: { ends(with: $0.suffix) }) else { return }
        let bra = w.count - ending.count
        switch kind {
        case .eed:
            if bra >= p1 && !SnowballSuffix.eedExceptions.contains(where: { prefixIs($0, count: bra) }) {
                replaceSuffix(length: ending.count, with: SnowballSuffix.ee)
            }
            return
        case .ing:
            // dying -> die, lying -> lie, tying -> tie, vying -> vie
            if bra == 2 && w[1] == Self.lowerY && !Self.isVowel(w[0]) {
                replaceSuffix(length: 4, with: SnowballSuffix.ie)
                return
            }
            if SnowballSuffix.ingExceptions.contains(where: { prefixIs($0, count: bra) }) { return }
        case .ed:
            break
        }
        // ed, edly, ing, ingly: deleted if a vowel precedes them
        guard containsVowel(before: bra) else { return }
        drop(ending.count)
        let n = w.count
        if SnowballSuffix.addE.contains(where: { ends(with: $0) }) {
            w.append(0x65)                                                  // luxuriat -> luxuriate
        } else if n >= 2 && w[n - 1] == w[n - 2] && SnowballSuffix.doubles.contains(w[n - 1]) {
            if !(n == 3 && Self.aeo.contains(w[0])) { drop(1) }              // hopp -> hop; add stays
        } else if n == p1 && endsInShortSyllable(at: n) {
            w.append(0x65)                                                  // hop -> hope
        }
    }

    /// Step 1c: a final y or Y becomes i after a non-vowel that is not the first letter.
    mutating func step1c() {
        let n = w.count
        guard n >= 3, w[n - 1] == Self.lowerY || w[n - 1] == Self.upperY, !Self.isVowel(w[n - 2]) else { return }
        w[n - 1] = 0x69
    }

    mutating func step2() {
        guard let (start, action) = longestSuffix(in: SnowballSuffix.step2), start >= p1 else { return }
        apply(action, start: start)
    }

    mutating func step3() {
        guard let (start, action) = longestSuffix(in: SnowballSuffix.step3), start >= p1 else { return }
        apply(action, start: start)
    }

    mutating func step4() {
        guard let (start, action) = longestSuffix(in: SnowballSuffix.step4), start >= p2 else { return }
        apply(action, start: start)
    }

    /// Step 5: a final e goes in R2, or in R1 unless it follows a short syllable; a final l goes
    /// in R2 after another l.
    mutating func step5() {
        guard let last = w.last else { return }
        let start = w.count - 1
        if last == 0x65 {                                                   // e
            if start >= p2 || (start >= p1 && !endsInShortSyllable(at: start)) { drop(1) }
        } else if last == 0x6C {                                            // l
            if start >= p2 && start >= 1 && w[start - 1] == 0x6C { drop(1) }
        }
    }

    private mutating func apply(_ action: SnowballSuffix.Action, start: Int) {
        let length = w.count - start
        switch action {
        case .replace(let replacement):
            replaceSuffix(length: length, with: replacement)
        case .delete:
            drop(length)
        case .ogiAfterL:
            if start >= 1 && w[start - 1] == 0x6C { replaceSuffix(length: length, with: SnowballSuffix.og) }
        case .liAfterValidEnding:
            if start >= 1 && Self.validLI.contains(w[start - 1]) { drop(length) }
        case .deleteInR2:
            if start >= p2 { drop(length) }
        case .ionAfterSOrT:
            if start >= 1 && (w[start - 1] == 0x73 || w[start - 1] == 0x74) { drop(length) }
        }
    }
}
