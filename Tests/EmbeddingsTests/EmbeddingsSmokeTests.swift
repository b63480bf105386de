import Testing
@testable import Embeddings

// Placeholder suite; replaced by the module's real tests.
@Suite struct EmbeddingsPlaceholderTests {}
