import Core
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("the sequence is Vigna's splitmix64.c (seed 1234567)")
    func reference() {
        var generator = SplitMix64(seed: 1_234_567)
        // First outputs of the reference C implementation for this seed.
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        #expect(generator.next() == 9_817_491_932_198_370_423)
    }

    @Test("index(below:) is unbiased: every residue of a bound that does not divide 2^64 is as likely")
    func unbiased() {
        // With bound 3 * 2^62, `next() % bound` would draw the first 2^62 values twice as often as
        // the rest; Lemire's method draws the three thirds evenly.
        let bound = 3 << 62 as UInt64
        var generator = SplitMix64(seed: 7)
        var thirds = [0, 0, 0]
        for _ in 0..<30_000 { thirds[generator.index(below: Int(bound >> 1)) / (1 << 61)] += 1 }
        for count in thirds { #expect(abs(count - 10_000) < 600, "\(thirds)") }
    }

    @Test("streams of one seed differ, and a shuffle is a permutation that depends only on the seed")
    func streamsAndShuffle() {
        var a = SplitMix64(seed: 9, stream: 1), b = SplitMix64(seed: 9, stream: 2)
        #expect(a.next() != b.next())
        var first = Array(0..<100), second = Array(0..<100)
        var g1 = SplitMix64(seed: 3), g2 = SplitMix64(seed: 3)
        g1.shuffle(&first)
        g2.shuffle(&second)
        #expect(first == second && first.sorted() == Array(0..<100) && first != Array(0..<100))
    }
}
