// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SmallWins",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "SmallWins", targets: ["SmallWins"]),
        .library(name: "SmallWinsSQLite", targets: ["SmallWinsSQLite"]),
        .library(name: "SmallWinsPostgres", targets: ["SmallWinsPostgres"]),
        .library(name: "SmallWinsCSV", targets: ["SmallWinsCSV"]),
        .library(name: "SmallWinsJSON", targets: ["SmallWinsJSON"]),
        .library(name: "SmallWinsSVG", targets: ["SmallWinsSVG"]),
        .library(name: "SmallWinsDemo", targets: ["SmallWinsDemo"]),
        .library(name: "SmallWinsStoreTesting", targets: ["SmallWinsStoreTesting"]),
        .library(name: "SmallWinsServer", targets: ["SmallWinsServer"]),
        .executable(name: "smallwins", targets: ["SmallWinsCLI"]),
        .plugin(name: "ExportWins", targets: ["ExportWins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // HMAC-SHA256 for pseudonyms (CryptoKit on Apple platforms; PostgresNIO needs it anyway).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP server: Hummingbird, with handlers generated from the OpenAPI contract (Scripts/generate-openapi.sh).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // District single sign-on: the identity provider's signed JWTs, checked against its JWKS.
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        // /metrics: swift-metrics instruments, kept in a Prometheus registry of each server.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // `swift package generate-documentation`: the DocC catalogs of every public module.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Domain values, validation, the WinStore protocol. Foundation, and Crypto for pseudonyms.
        .target(name: "SmallWins", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // What the SQL backends share and apps never see: the dialect, statements, rows, the dashboard's SQL.
        .target(name: "SmallWinsSQL", dependencies: ["SmallWins"]),
        // The embedded SQLite backend.
        .target(
            name: "SmallWinsSQLite",
            dependencies: [
                "SmallWins", "SmallWinsSQL", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C functions, as GRDB links them: rows are read from the statement without a copy.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The PostgreSQL backend for district deployments.
        .target(
            name: "SmallWinsPostgres",
            dependencies: [
                "SmallWins", "SmallWinsSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Exporters: CSV tables with a data dictionary (and CSV import), JSON snapshots, SVG charts.
        .target(name: "SmallWinsCSV", dependencies: ["SmallWins"]),
        .target(name: "SmallWinsJSON", dependencies: ["SmallWins"]),
        .target(name: "SmallWinsSVG", dependencies: ["SmallWins"]),
        // A realistic demo district, for the `demo` command, previews and trying things out.
        .target(name: "SmallWinsDemo", dependencies: ["SmallWins"]),
        // The HTTP API for web and phone front ends, on any store.
        .target(
            name: "SmallWinsServer",
            dependencies: [
                "SmallWins", "SmallWinsCSV", "SmallWinsJSON", "SmallWinsSVG",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["openapi.json", "openapi-generator-config.yaml"],
            // The reference web page, served at / from the binary itself.
            resources: [.embedInCode("Web/index.html"), .embedInCode("Web/app.js"), .embedInCode("Web/app.css")]
        ),
        // The store conformance suite every backend runs (no test framework inside).
        .target(name: "SmallWinsStoreTesting", dependencies: ["SmallWins", "SmallWinsDemo"]),
        // The `smallwins` command-line tool.
        .executableTarget(
            name: "SmallWinsCLI",
            dependencies: [
                "SmallWins", "SmallWinsSQLite", "SmallWinsPostgres", "SmallWinsCSV", "SmallWinsJSON", "SmallWinsSVG", "SmallWinsDemo",
                "SmallWinsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Records wins until killed: the crash-safety tests' victim.
        .executableTarget(name: "SmallWinsCrashWriter", dependencies: ["SmallWins", "SmallWinsSQLite", "SmallWinsPostgres"]),
        // `swift package export-wins`: CSV, JSON, JSON Lines or SVG files, through the smallwins tool.
        .plugin(
            name: "ExportWins",
            capability: .command(
                intent: .custom(verb: "export-wins", description: "Export CSV tables, a JSON snapshot, JSON Lines or SVG charts with the smallwins tool"),
                permissions: [.writeToPackageDirectory(reason: "Writes the exported files")])
        ),
        .testTarget(name: "SmallWinsTests", dependencies: ["SmallWins"]),
        .testTarget(name: "SmallWinsSQLTests", dependencies: ["SmallWinsSQL"]),
        .testTarget(
            name: "SmallWinsCSVTests", dependencies: ["SmallWinsCSV", "SmallWinsSQLite", "SmallWinsStoreTesting", "SmallWinsDemo"], exclude: ["Golden"]
        ),
        .testTarget(
            name: "SmallWinsJSONTests", dependencies: ["SmallWinsJSON", "SmallWinsSQLite", "SmallWinsStoreTesting", "SmallWinsDemo"], exclude: ["Golden"]
        ),
        .testTarget(
            name: "SmallWinsSVGTests",
            dependencies: ["SmallWinsSVG", "SmallWinsCSV", "SmallWinsJSON", "SmallWinsSQLite", "SmallWinsStoreTesting", "SmallWinsDemo"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "SmallWinsDemoTests", dependencies: ["SmallWinsDemo", "SmallWinsSQLite", "SmallWinsStoreTesting"]),
        .testTarget(name: "SmallWinsStoreTestingTests", dependencies: ["SmallWinsStoreTesting"]),
        .testTarget(
            name: "SmallWinsSQLiteTests",
            dependencies: ["SmallWinsSQLite", "SmallWinsStoreTesting", "SmallWinsDemo", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SmallWinsPostgresTests",
            dependencies: [
                "SmallWinsPostgres", "SmallWinsSQLite", "SmallWinsStoreTesting", "SmallWinsJSON", "SmallWinsCSV", "SmallWinsSVG", "SmallWinsCrashWriter",
                "SmallWinsDemo",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SmallWinsCLITests", dependencies: ["SmallWinsCLI", "SmallWins", "SmallWinsStoreTesting"]),
        .testTarget(
            name: "SmallWinsServerTests",
            dependencies: ["SmallWinsServer", "SmallWins", "SmallWinsSQLite", "SmallWinsPostgres", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "JWTKit", package: "jwt-kit"), .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ])
    target.swiftSettings = settings
}
