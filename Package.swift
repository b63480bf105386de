// swift-tools-version:6.0
import PackageDescription

// The pipeline, bottom to top: Embeddings (encode) and Datasets (read) -> Metrics (measure)
// -> Charts (draw) -> Evaluation (one run's numbers) -> Reports (render, site) -> tunelens (CLI).
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
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),

        .target(name: "CEncoderKernels"),
        .target(name: "Embeddings", dependencies: [
            "Datasets", "CBLAS", "CEncoderKernels", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Datasets"),
        .target(name: "Metrics", dependencies: ["CBLAS"]),
        .target(name: "Charts"),
        .target(name: "FineTuning", dependencies: ["Embeddings", "Datasets", "CBLAS"]),
        .target(name: "Evaluation", dependencies: [
            "Embeddings", "Datasets", "Metrics",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Reports", dependencies: [
            "Evaluation", "Metrics", "Charts", "CCmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "tunelens", dependencies: [
            "Embeddings", "Datasets", "Metrics", "Evaluation", "Reports", "FineTuning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "Datasets"], resources: [.copy("Resources")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], resources: [.copy("Resources")]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"], resources: [.copy("Resources")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], resources: [.copy("Resources")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Evaluation"], resources: [.copy("Resources")]),
        .testTarget(name: "FineTuningTests", dependencies: ["FineTuning", "Embeddings"], resources: [.copy("Resources")]),
        .testTarget(name: "tunelensTests", dependencies: ["tunelens"]),
    ],
    swiftLanguageModes: [.v5]
)
