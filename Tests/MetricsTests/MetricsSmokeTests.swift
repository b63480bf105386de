import Testing
@testable import Metrics

// Placeholder suite; replaced by the module's real tests.
@Suite struct MetricsPlaceholderTests {}
