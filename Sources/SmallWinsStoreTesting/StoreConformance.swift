import Foundation
import SmallWins

/// The conformance suite: what every `WinStore` backend must do, as runnable cases.
///
/// It uses no test framework, so a third-party backend can run it from any test runner:
/// give each case a fresh, empty store and report what it throws.
///
/// ```swift
/// @Test(arguments: StoreConformance.cases)
/// func conformance(_ test: ConformanceCase) async throws {
///     try await withTemporaryStore { store in
///         do {
///             try await test.run(on: store)
///         } catch let failure as ConformanceFailure {
///             Issue.record(Comment(rawValue: failure.message),
///                          sourceLocation: SourceLocation(fileID: "SmallWinsStoreTesting/\((failure.filePath as NSString).lastPathComponent)",
///                                                         filePath: failure.filePath, line: failure.line, column: 1))
///         }
///     }
/// }
/// ```
public enum StoreConformance {
    /// Every case, grouped by area.
    public static var cases: [ConformanceCase] {
        teamCases + memberCases + codebookCases + goalCases + winCases + restoreCases + queryCases + pagingCases
            + celebrationCases + scopeCases + changeCases + dashboardCases + randomDashboardCases + injectionCases
            + isolationCases + transactionCases + policyCases + accessTokenCases
    }
}

/// One conformance test: a name and a body to run against a fresh, empty store.
public struct ConformanceCase: Sendable, CustomStringConvertible {
    /// The test's name, unique in the suite.
    public let name: String
    private let body: @Sendable (any WinStore) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (any WinStore) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the case; throws ``ConformanceFailure`` when the store breaks a rule.
    public func run(on store: any WinStore) async throws {
        try await body(store)
    }

    public var description: String { name }
}

/// A rule the store broke: what was expected, and where in the suite.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The suite file that checked it.
    public let filePath: String
    /// The line that checked it.
    public let line: Int

    public var description: String { "\(message) (\((filePath as NSString).lastPathComponent):\(line))" }
}

// MARK: Checks

func check(_ condition: Bool, _ message: @autoclosure () -> String,
           filePath: String = #filePath, line: Int = #line) throws {
    if !condition { throw ConformanceFailure(message: message(), filePath: filePath, line: line) }
}

func checkEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String = "value",
                              filePath: String = #filePath, line: Int = #line) throws {
    if actual != expected {
        throw ConformanceFailure(message: "\(what): expected \(expected), got \(actual)", filePath: filePath, line: line)
    }
}

/// Runs `body` and checks it throws exactly `expected`.
func checkThrows<T>(_ expected: SmallWinsError, filePath: String = #filePath, line: Int = #line,
                    _ body: () async throws -> T) async throws {
    try await checkThrows(where: { $0 == expected }, "\(expected)", filePath: filePath, line: line, body)
}

/// Runs `body` and checks it throws ``SmallWinsError/invalid(field:reason:)`` naming `field`.
func checkInvalid<T>(_ field: String, filePath: String = #filePath, line: Int = #line,
                     _ body: () async throws -> T) async throws {
    try await checkThrows(where: {
        if case .invalid(field, _) = $0 { return true } else { return false }
    }, "invalid \(field)", filePath: filePath, line: line, body)
}

/// Runs `body` and checks it throws ``SmallWinsError/conflict(field:reason:)`` naming `field`.
func checkConflict<T>(_ field: String, filePath: String = #filePath, line: Int = #line,
                      _ body: () async throws -> T) async throws {
    try await checkThrows(where: {
        if case .conflict(field, _) = $0 { return true } else { return false }
    }, "conflict on \(field)", filePath: filePath, line: line, body)
}

/// Runs `body` and checks it throws ``SmallWinsError/inUse(_:id:referencedBy:)`` for this record.
func checkInUse<T>(_ kind: EntityKind, _ id: UUID, filePath: String = #filePath, line: Int = #line,
                   _ body: () async throws -> T) async throws {
    try await checkThrows(where: {
        if case .inUse(kind, id, _) = $0 { return true } else { return false }
    }, "in use \(kind) \(id)", filePath: filePath, line: line, body)
}

func checkThrows<T>(where matches: (SmallWinsError) -> Bool, _ expected: String, filePath: String, line: Int,
                    _ body: () async throws -> T) async throws {
    do {
        let value = try await body()
        throw ConformanceFailure(message: "expected error \(expected), got result \(value)", filePath: filePath, line: line)
    } catch let error as SmallWinsError {
        try check(matches(error), "expected error \(expected), got \(error)", filePath: filePath, line: line)
    }
}

/// A day from `YYYY-MM-DD`, for fixtures.
func day(_ text: String) -> Day { try! Day(iso: text) }
