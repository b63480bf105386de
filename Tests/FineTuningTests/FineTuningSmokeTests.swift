import Testing
@testable import FineTuning

// Placeholder suite; replaced by the module's real tests.
@Suite struct FineTuningPlaceholderTests {}
