import Foundation
import Testing
@testable import Metrics

/// Reads a stemmer list: `word<TAB>stem`, or the word alone when it is its own stem; '#' lines are
/// comments.
func snowballPairs(at url: URL) throws -> [(word: String, stem: String)] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var pairs: [(word: String, stem: String)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        pairs.append((String(fields[0]), String(fields.count > 1 ? fields[1] : fields[0])))
    }
    return pairs
}

func snowballMismatches(_ pairs: [(word: String, stem: String)]) -> [String] {
    pairs.compactMap { pair in
        let actual = SnowballEnglish.stem(pair.word)
        return actual == pair.stem ? nil : "\(pair.word): expected \(pair.stem), got \(actual)"
    }
}

@Suite("Snowball English (Porter2) stemmer")
struct SnowballEnglishTests {
    @Test("Every word of snowball-data's english/voc.txt stems to its line in english/output.txt")
    func publishedVocabulary() throws {
        let url = try #require(Bundle.module.url(forResource: "snowball_english", withExtension: "tsv", subdirectory: "Resources"),
                               "fixture snowball_english.tsv is missing from the test bundle")
        let pairs = try snowballPairs(at: url)
        #expect(pairs.count == 42_649)
        #expect(pairs.filter { $0.word != $0.stem }.count == 27_015)
        let mismatches = snowballMismatches(pairs)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) differ, e.g. \(mismatches.prefix(20))")
    }

    /// A further list in the same format, e.g. a large dictionary stemmed by the reference:
    /// SNOWBALL_ENGLISH_EXTRA=/path/to/list.tsv swift test --filter SnowballEnglish
    @Test("An optional extra list named by SNOWBALL_ENGLISH_EXTRA")
    func extraList() throws {
        guard let path = ProcessInfo.processInfo.environment["SNOWBALL_ENGLISH_EXTRA"] else { return }
        let pairs = try snowballPairs(at: URL(fileURLWithPath: path))
        let mismatches = snowballMismatches(pairs)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) differ, e.g. \(mismatches.prefix(20))")
    }

    @Test("smoke, smokes, smoking and smoked share the stem smoke", arguments: ["smoke", "smokes", "smoking", "smoked"])
    func smoke(_ word: String) {
        #expect(SnowballEnglish.stem(word) == "smoke")
    }

    /// Expected stems below are the reference's (english.sbl compiled by Snowball 3.1.1).
    static let exceptionalForms: [(String, String)] = [
        ("skis", "ski"), ("skies", "sky"), ("sky", "sky"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"),
        ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"),
        ("andes", "andes"),
        // -ing after a lone consonant + y, and the -ing/-eed words that keep their ending
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("vying", "vie"), ("flying", "fli"),
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"), ("evening", "evening"),
        ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"), ("succeeding", "succeed"),
        ("proceeding", "proceed"), ("agreed", "agre"), ("feed", "feed"),
        // R1 begins after gener/commun/arsen/past/univers/later/emerg/organ/inter
        ("generously", "generous"), ("generous", "generous"), ("generate", "generat"),
        ("general", "general"), ("generic", "generic"), ("communism", "communism"),
        ("arsenal", "arsenal"), ("university", "universiti"), ("lateral", "lateral"),
        ("emergency", "emergenc"), ("organic", "organic"), ("international", "internat"),
        ("paste", "paste"), ("pasted", "paste"), ("pasting", "paste"),
    ]

    @Test("Exceptional forms, invariant words and region prefixes", arguments: exceptionalForms)
    func exceptional(_ word: String, _ stem: String) {
        #expect(SnowballEnglish.stem(word) == stem)
    }

    /// One or more words per rule after Step 1a; none of them is reachable by dropping a final s.
    static let laterSteps: [(String, String)] = [
        // Step 1a
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"), ("gas", "gas"),
        ("gaps", "gap"), ("this", "this"), ("kiwis", "kiwi"),
        // Step 1b: delete, then add e (at bl iz), undouble, or lengthen a short word
        ("hopping", "hop"), ("hoped", "hope"), ("hoping", "hope"), ("luxuriating", "luxuri"),
        ("troubled", "troubl"), ("sized", "size"), ("added", "add"), ("filing", "file"),
        ("failing", "fail"), ("yelling", "yell"), ("abed", "abe"), ("bed", "bed"),
        // a short syllable never ends in w, x or Y, but may start with w
        ("boxes", "box"), ("played", "play"), ("snowing", "snow"), ("bowed", "bow"), ("wade", "wade"),
        // Step 1c and the y/Y marking
        ("happy", "happi"), ("cry", "cri"), ("fly", "fli"), ("flies", "fli"), ("by", "by"),
        ("say", "say"), ("youth", "youth"), ("ayyy", "ayyy"),
        // Step 2
        ("conditional", "condit"), ("relational", "relat"), ("valenci", "valenc"), ("hesitanci", "hesit"),
        ("digitizer", "digit"), ("rationalization", "ration"), ("operator", "oper"),
        ("feudalism", "feudal"), ("sensitiviti", "sensit"), ("generosity", "generos"),
        ("geology", "geolog"), ("biologist", "biolog"), ("analogies", "analog"),
        ("callousness", "callous"), ("decisiveness", "decis"), ("fruitfulli", "fruit"),
        ("formally", "formal"),
        // Step 3
        ("hopefulness", "hope"), ("hopeful", "hope"), ("electrical", "electr"), ("goodness", "good"),
        ("formative", "format"),
        // Step 4
        ("electricity", "electr"), ("adjustment", "adjust"), ("adoption", "adopt"),
        ("viviparous", "vivipar"),
        // Step 5
        ("controll", "control"), ("roll", "roll"), ("rolls", "roll"),
    ]

    @Test("Steps 1a to 5, rule by rule", arguments: laterSteps)
    func laterStep(_ word: String, _ stem: String) {
        #expect(SnowballEnglish.stem(word) == stem)
    }

    /// Only U+0027 is an apostrophe to the reference; ’ (U+2019) and non-ASCII letters are
    /// ordinary non-vowels, and words shorter than three scalars are returned as they are.
    static let edges: [(String, String)] = [
        ("apostle's", "apostl"), ("dog's", "dog"), ("dogs'", "dog"), ("he's", "he"), ("'tis", "tis"),
        ("'", "'"), ("''", "''"), ("'''", "'"), ("'a", "'a"), ("'as", "as"),
        ("dog’s", "dog’"), ("’s", "’s"),
        ("naïve", "naïv"), ("café", "café"), ("caféing", "café"), ("éies", "éie"),
        ("a", "a"), ("is", "is"), ("", ""),
        // Uppercase is not folded; a Y the prelude marks turns every Y back into y.
        ("Yay", "yay"), ("sYy", "sYi"),
    ]

    @Test("Apostrophes, non-ASCII and short words as the reference treats them", arguments: edges)
    func edge(_ word: String, _ stem: String) {
        #expect(SnowballEnglish.stem(word) == stem)
    }
}
