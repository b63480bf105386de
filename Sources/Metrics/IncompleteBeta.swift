import Foundation

/// The regularized incomplete beta function I_x(a, b), for Student's t.
///
/// I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * CF(a, b, x), with CF the continued fraction of
/// Numerical Recipes (3rd ed., section 6.4, `betacf`) evaluated by the modified Lentz method. It
/// converges fast for x < (a + 1) / (a + b + 2); above that the symmetry
/// I_x(a, b) = 1 - I_{1-x}(b, a) is used, which only subtracts when the result is not small, so a
/// small result keeps its relative accuracy.
///
/// Three things keep the relative error below 1e-13 where a plain transcription loses digits:
/// - the caller passes x, 1 - x and both logarithms, each computed without cancellation
///   (Student's t has x = nu / (nu + t^2) and 1 - x = t^2 / (nu + t^2) directly);
/// - ln B(a, b) for a large argument uses the difference ln Gamma(a) - ln Gamma(a + b) from
///   Stirling's series (the `algdiv` idea of TOMS 708, Didonato & Morris 1992), instead of
///   lgamma(a) + lgamma(b) - lgamma(a + b), whose rounding grows with a ln a;
/// - for b = 1/2, a >= 15 and x near 1 (Student's t with many degrees of freedom), the asymptotic
///   expansion `largeAHalfB` replaces the continued fraction, which is ill-conditioned in x there.
enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0, with `y` = 1 - x and `logX`, `logY` their natural logarithms.
    static func regularized(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double) -> Double {
        precondition(a > 0 && b > 0, "the incomplete beta function needs a, b > 0")
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        if x < (a + 1) / (a + b + 2) {
            if b == 0.5 && a >= 15 && y < 0.3 { return largeAHalfB(a: a, logX: logX) }
            return front(a: a, b: b, logX: logX, logY: logY) / a * continuedFraction(a: a, b: b, x: x)
        }
        return 1 - front(a: a, b: b, logX: logX, logY: logY) / b * continuedFraction(a: b, b: a, x: y)
    }

    /// I_x(a, 1/2) for a >= 15 and x near 1, by DiDonato & Morris's asymptotic expansion BGRAT
    /// (ACM TOMS 708, 1992, eqs. 9-9.6; Boost.Math's `beta_small_b_large_a_series`), specialised to
    /// b = 1/2 where Q(1/2, u) = erfc(sqrt u). With T = a + (b - 1)/2 and u = -T ln x:
    ///   I_x(a, b) = Gamma(a + b) / (Gamma(a) T^b) * sum_n p_n J_n,  J_0 = Q(b, u),
    /// the p_n and J_n by the paper's recurrences. The continued fraction needs x itself, and with
    /// x within 1e-6 of 1 (nu = 1e6, |t| = 2) one rounding of x moves 1 - x, and the result, by
    /// ~1e-11; this expansion only sees ln x, formed by `log1p` without that loss.
    private static func largeAHalfB(a: Double, logX: Double) -> Double {
        let b = 0.5, t = a + (b - 1) / 2, u = -t * logX
        let q = erfc(u.squareRoot())
        guard q > 0 else { return 0 }
        let h = (u.squareRoot() * exp(-u)) / Double.pi.squareRoot()  // u^b e^-u / Gamma(b)
        let scale = exp(-logGammaDifference(a, b)) / t.squareRoot()   // Gamma(a + b) / (Gamma(a) T^b)
        var p = [Double](repeating: 0, count: 30)
        p[0] = 1
        var j = q  // J_n scaled by h, so that nothing divides by an underflowing h
        var sum = scale * j
        let halfLog = logX / 2, halfLogSquared = halfLog * halfLog, t4 = 4 * t * t
        var logPower = 1.0, b2n = b
        for n in 1..<p.count {
            var value = 0.0
            for m in 1..<n { value += (Double(m) * b - Double(n)) * p[n - m] / oddFactorial[m] }
            p[n] = value / Double(n) + (b - 1) / oddFactorial[n]
            j = (b2n * (b2n + 1) * j + (u + b2n + 1) * logPower * h) / t4
            logPower *= halfLogSquared
            b2n += 2
            let term = scale * p[n] * j
            sum += term
            if abs(term) <= Double.ulpOfOne * abs(sum) { break }
        }
        return sum
    }

    /// (2m + 1)! for m = 0..<30.
    private static let oddFactorial: [Double] = (0..<30).map { m in
        (1...(2 * m + 1)).reduce(1.0) { $0 * Double($1) }
    }

    /// x^a (1 - x)^b / B(a, b), in logarithms so that neither factor underflows on its own.
    private static func front(a: Double, b: Double, logX: Double, logY: Double) -> Double {
        exp(a * logX + b * logY - logBeta(a, b))
    }

    /// ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let (small, large) = a < b ? (a, b) : (b, a)
        guard large >= 10 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        if small >= 10 {
            // Both large: Stirling for all three, with the logarithms arranged so the big terms cancel
            // analytically: (s - 1/2) ln(s / (s + l)) + l ln(l / (s + l)) + ...
            let sum = small + large
            return 0.5 * log(2 * Double.pi) - 0.5 * log(large)
                + (small - 0.5) * log(small / sum) + large * log1p(-small / sum)
                + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
        }
        return lgamma(small) + logGammaDifference(large, small)
    }

    /// ln Gamma(a) - ln Gamma(a + b) for a >= 10, without forming either (TOMS 708 `algdiv`):
    /// with ln Gamma(z) = (z - 1/2) ln z - z + ln(2 pi)/2 + w(z),
    /// the difference is -b ln a - (a + b - 1/2) ln(1 + b/a) + b + w(a) - w(a + b).
    static func logGammaDifference(_ a: Double, _ b: Double) -> Double {
        -b * log(a) - (a + b - 0.5) * log1p(b / a) + b + stirlingCorrection(a) - stirlingCorrection(a + b)
    }

    /// w(z) = ln Gamma(z) - ((z - 1/2) ln z - z + ln(2 pi)/2), by its asymptotic series
    /// sum B_2k / (2k (2k - 1) z^(2k - 1)); seven terms are below 1e-17 for z >= 10.
    static func stirlingCorrection(_ z: Double) -> Double {
        let r = 1 / z, r2 = r * r
        let series = 1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680
            - r2 * (1.0 / 1188 - r2 * (691.0 / 360_360 - r2 * (1.0 / 156))))))
        return series * r
    }

    /// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), modified Lentz.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300, epsilon = Double.ulpOfOne
        // Terms needed grow like sqrt(max(a, b)); the bound only stops a runaway on bad input.
        let maxIterations = 1000 + Int(20 * max(a, b).squareRoot())
        let sum = a + b, above = a + 1, below = a - 1
        var c = 1.0
        var d = 1 - sum * x / above
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maxIterations {
            let m = Double(m), twice = 2 * m
            var step = m * (b - m) * x / ((below + twice) * (a + twice))
            d = 1 + step * d
            if abs(d) < tiny { d = tiny }
            c = 1 + step / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            step = -(a + m) * (sum + m) * x / ((a + twice) * (above + twice))
            d = 1 + step * d
            if abs(d) < tiny { d = tiny }
            c = 1 + step / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }
}
