// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tre",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tre", targets: ["tre"]),
        .library(name: "TreCore", targets: ["TreCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The generator: load → parse → understand → site model → render → write.
        .target(
            name: "TreCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Theme"), .copy("Starter")],
            // ICU's regular expressions, called directly (Text/CompiledExpression.swift): the toolchain's own copy,
            // the one Foundation's NSRegularExpression runs on Linux, so nothing more to install (README, "Speed").
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]
        ),
        // The preview server, apart so the generator builds without Hummingbird.
        .target(
            name: "TreServer",
            dependencies: [
                "TreCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Commands, testable without spawning a process.
        .target(
            name: "TreCLI",
            dependencies: [
                "TreCore",
                "TreServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Benchmark: a synthetic corpus built by tre, Hugo and a bare libcmark loop (not a test).
        .executableTarget(name: "tre-bench", dependencies: ["CCmark"]),
        // mimalloc (Debian: libmimalloc-dev) takes the place of glibc's malloc in the `tre` program: a 10,000-document
        // build allocates some 40 million blocks from two threads, and glibc's malloc made it 10–15 % slower (README, "Speed").
        .executableTarget(
            name: "tre",
            dependencies: ["TreCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "TreCoreTests", dependencies: ["TreCore"]),
        .testTarget(name: "TreCLITests", dependencies: ["TreCLI", "TreCore"]),
        .testTarget(name: "TreServerTests", dependencies: [
            "TreServer", "TreCore",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
