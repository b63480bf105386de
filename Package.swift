// swift-tools-version:6.0
import PackageDescription

// The pipeline, bottom to top: Embeddings (encode) and Datasets (read) -> Metrics (measure)
// -> Charts (draw) -> Evaluation (one run's numbers) -> Reports (render, site) -> tunelens (CLI).
// Beneath them, Core holds what several of them need (the seeded generator, JSON reading and
// quoting, content digests, file locks, staged writes) and LinearAlgebra is the one door to BLAS.
let package = Package(
    name: "tunelens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tunelens", targets: ["tunelens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),

        .target(name: "Core", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "LinearAlgebra", dependencies: ["CBLAS"]),
        .target(name: "CEncoderKernels"),
        .target(name: "Embeddings", dependencies: [
            "Core", "LinearAlgebra", "CEncoderKernels", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Datasets", dependencies: ["Core"]),
        .target(name: "Metrics", dependencies: ["Core", "LinearAlgebra"]),
        .target(name: "Charts"),
        .target(name: "FineTuning", dependencies: ["Core", "Embeddings", "Datasets", "LinearAlgebra"]),
        .target(name: "Evaluation", dependencies: [
            "Core", "Embeddings", "Datasets", "Metrics", "LinearAlgebra",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Reports", dependencies: [
            "Core", "Evaluation", "Metrics", "Charts", "CCmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "tunelens", dependencies: [
            "Core", "Embeddings", "Datasets", "Metrics", "Evaluation", "Reports", "FineTuning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "Core", "LinearAlgebra"], resources: [.copy("Resources")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Core"], resources: [.copy("Resources")]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Core"], resources: [.copy("Resources")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Core"], resources: [.copy("Resources")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Evaluation"], resources: [.copy("Resources")]),
        .testTarget(name: "FineTuningTests", dependencies: ["FineTuning", "Embeddings", "Core"], resources: [.copy("Resources")]),
        .testTarget(name: "tunelensTests", dependencies: ["tunelens", "Embeddings"]),
    ],
    swiftLanguageModes: [.v5]
)
