import Foundation

/// The standard normal distribution, only what the module needs.
enum Normal {
    /// Phi^-1(0.975), the 95% two-sided critical value (scipy `norm.ppf(0.975)`).
    static let z975 = 1.959963984540054

    /// Two-sided p-value 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2), accurate far into the tail.
    static func twoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }
}
