import Testing
@testable import Charts

// Placeholder suite; replaced by the module's real tests.
@Suite struct ChartsPlaceholderTests {}
