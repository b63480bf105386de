import Testing
@testable import Evaluation

// Placeholder suite; replaced by the module's real tests.
@Suite struct EvaluationPlaceholderTests {}
