// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package, so library users never build them.
let package = Package(
    name: "SmallWinsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SmallWins", path: ".."),
    ],
    targets: [
        // `district-scale`: builds a district of N wins on SQLite (and PostgreSQL when given a URL) and times dashboards.
        .executableTarget(
            name: "district-scale",
            dependencies: [
                .product(name: "SmallWins", package: "SmallWins"),
                .product(name: "SmallWinsSQLite", package: "SmallWins"),
                .product(name: "SmallWinsPostgres", package: "SmallWins"),
                .product(name: "SmallWinsStoreTesting", package: "SmallWins"),
            ],
            path: "Sources/DistrictScale"
        ),
    ]
)
