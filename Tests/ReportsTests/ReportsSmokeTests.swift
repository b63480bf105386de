import Testing
@testable import Reports

// Placeholder suite; replaced by the module's real tests.
@Suite struct ReportsPlaceholderTests {}
