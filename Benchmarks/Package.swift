// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package, so library users never build them. Run them with
//   swift package --package-path Benchmarks benchmark
// (SMALLWINS_BENCH_WINS sets the district's size, 1,000,000 wins by default; see Documentation/Performance.md).
let package = Package(
    name: "SmallWinsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SmallWins", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The deterministic district every benchmark measures, built once per size and kept on disk (SQLite)
        // or in a schema (PostgreSQL).
        .target(
            name: "DistrictFixture",
            dependencies: [
                .product(name: "SmallWins", package: "SmallWins"),
                .product(name: "SmallWinsDemo", package: "SmallWins"),
                .product(name: "SmallWinsSQLite", package: "SmallWins"),
                .product(name: "SmallWinsPostgres", package: "SmallWins"),
            ]
        ),
        // The HTTP API under load (wrk, and 1,000 event-stream clients), next to the same calls made directly through
        // the library in the same process: `swift run -c release --package-path Benchmarks http-load`.
        .executableTarget(
            name: "http-load",
            dependencies: [
                "DistrictFixture",
                .product(name: "SmallWins", package: "SmallWins"),
                .product(name: "SmallWinsSQLite", package: "SmallWins"),
                .product(name: "SmallWinsServer", package: "SmallWins"),
            ],
            path: "Sources/HTTPLoad"
        ),
        .executableTarget(
            name: "SmallWinsBenchmarks",
            dependencies: [
                "DistrictFixture",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SmallWins", package: "SmallWins"),
                .product(name: "SmallWinsSQLite", package: "SmallWins"),
                .product(name: "SmallWinsPostgres", package: "SmallWins"),
                .product(name: "SmallWinsCSV", package: "SmallWins"),
                .product(name: "SmallWinsJSON", package: "SmallWins"),
                .product(name: "SmallWinsSVG", package: "SmallWins"),
                .product(name: "SmallWinsDemo", package: "SmallWins"),
            ],
            path: "Benchmarks/SmallWinsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
