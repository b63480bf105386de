import Foundation
import Testing
@testable import Metrics

@Suite("Student's t tail probabilities")
struct StudentTTests {
    /// Both values below the smallest normal double: an underflow on either side counts as equal.
    private func bothUnderflow(_ a: Double, _ b: Double) -> Bool { a < 1e-300 && b < 1e-300 }

    @Test("Two-sided p within 1e-12 relative of mpmath at 40 digits, from nu = 0.5 to 1e6 and t up to 1e5")
    func againstMpmath() {
        var worst = 0.0
        for c in StatsFixtures.studentT.cases {
            let p = StudentT.twoSidedP(c.t, degreesOfFreedom: c.nu)
            guard !bothUnderflow(p, c.two_sided_mpmath) else { continue }
            let error = relativeError(p, c.two_sided_mpmath)
            worst = max(worst, error)
            #expect(error <= 1e-12, "t = \(c.t), nu = \(c.nu): \(p) vs mpmath \(c.two_sided_mpmath)")
        }
        #expect(worst > 0, "a comparison that never differs in the last bit compared nothing")
    }

    @Test("Within 1e-9 relative of scipy.stats.t.sf where scipy itself is accurate (|t| >= 1e-6)")
    func againstScipy() {
        for c in StatsFixtures.studentT.cases where abs(c.t) >= 1e-6 || c.t == 0 {
            let p = StudentT.twoSidedP(c.t, degreesOfFreedom: c.nu)
            #expect(bothUnderflow(p, c.two_sided_scipy) || relativeError(p, c.two_sided_scipy) <= 1e-9,
                    "t = \(c.t), nu = \(c.nu): \(p) vs scipy \(c.two_sided_scipy)")
            let sf = StudentT.survival(c.t, degreesOfFreedom: c.nu)
            #expect(bothUnderflow(sf, c.sf_scipy) || relativeError(sf, c.sf_scipy) <= 1e-9,
                    "sf(\(c.t), \(c.nu)): \(sf) vs scipy \(c.sf_scipy)")
        }
    }

    @Test("Closed forms: nu = 1 is Cauchy, nu = 2 has p = 1 - |t| / sqrt(2 + t^2)")
    func closedForms() {
        for t in [0.01, 0.3, 1, 2.5, 7] {
            let cauchy = 1 - 2 * atan(t) / Double.pi
            #expect(relativeError(StudentT.twoSidedP(t, degreesOfFreedom: 1), cauchy) <= 1e-13)
            let two = 1 - t / (2 + t * t).squareRoot()
            #expect(relativeError(StudentT.twoSidedP(-t, degreesOfFreedom: 2), two) <= 1e-12)
        }
    }

    @Test("Special values: t = 0 gives 1, infinite t gives 0, NaN stays NaN, infinite nu is the normal")
    func specialValues() {
        #expect(StudentT.twoSidedP(0, degreesOfFreedom: 3) == 1)
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.twoSidedP(-.infinity, degreesOfFreedom: 0.5) == 0)
        #expect(StudentT.twoSidedP(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.twoSidedP(1.959963984540054, degreesOfFreedom: .infinity) == Normal.twoSidedP(1.959963984540054))
        #expect(abs(StudentT.twoSidedP(1.959963984540054, degreesOfFreedom: 1e9) - 0.05) < 1e-8)
        #expect(StudentT.survival(-2, degreesOfFreedom: 4) == 1 - StudentT.survival(2, degreesOfFreedom: 4))
    }
}
