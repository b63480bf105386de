import Testing
@testable import Datasets

// Placeholder suite; replaced by the module's real tests.
@Suite struct DatasetsPlaceholderTests {}
