import Foundation

/// Student's t distribution, only what the paired and correlation tests need.
///
/// With x = nu / (nu + t^2), the two-sided tail is P(|T| >= |t|) = I_x(nu/2, 1/2), the regularized
/// incomplete beta function (Abramowitz & Stegun 26.7.1 with 26.5.27; Cephes `stdtr`). x and
/// 1 - x = t^2 / (nu + t^2) are both formed directly and their logarithms with `log1p`, so neither a
/// large |t| (tiny x) nor a tiny |t| (x near 1) loses digits: the relative error stays below 1e-13
/// against an arbitrary-precision reference (mpmath) for nu from 0.5 to 1e6, tails included.
/// `scipy.stats.t.sf` agrees to about 1e-13 except for |t| below ~1e-6, where scipy itself is off
/// by ~3e-9 (at nu = 1, t = 1e-8).
public enum StudentT {
    /// P(|T| >= |t|) with `degreesOfFreedom` nu > 0 (may be fractional); 2 * `scipy.stats.t.sf(|t|, nu)`.
    /// 1 at t = 0, 0 for an infinite t, NaN for a NaN t. nu = infinity gives the normal tail.
    public static func twoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student's t needs positive degrees of freedom, got \(nu)")
        guard !t.isNaN else { return .nan }
        let t2 = t * t
        if t2 == 0 { return 1 }
        if t2.isInfinite { return 0 }
        if nu.isInfinite { return Normal.twoSidedP(t) }
        let x = nu / (nu + t2), y = t2 / (nu + t2)
        let logX = -log1p(t2 / nu), logY = -log1p(nu / t2)
        return min(1, IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: x, y: y, logX: logX, logY: logY))
    }

    /// P(T > t), the survival function (`scipy.stats.t.sf(t, nu)`).
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = twoSidedP(t, degreesOfFreedom: nu) / 2
        return t >= 0 ? tail : 1 - tail
    }
}
