import Foundation

/// Why an import was refused, with where each problem is; nothing was written.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One problem and where it is; an importer throws it for one record and gathers it into an ``ImportError``.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Where: "line 7" in a CSV file, "wins[3].win.day" or "line 2, column 5" in a JSON snapshot.
        public var location: String
        /// The field at fault, when one is.
        public var field: String?
        /// What is wrong.
        public var reason: String

        /// A problem.
        public init(location: String, field: String? = nil, reason: String) {
            self.location = location
            self.field = field
            self.reason = reason
        }

        public var description: String {
            "\(location)\(field.map { ", \($0)" } ?? ""): \(reason)"
        }
    }

    /// Importers stop checking after this many problems: enough to mend a file by, and bounded for a hostile one.
    package static let checkLimit = 1000

    /// Every problem found, in file order (importers stop checking after the first 1,000).
    public var problems: [Problem]

    /// An import error with at least one problem.
    public init(_ problems: [Problem]) { self.problems = problems }

    /// An import error with one problem.
    public init(location: String, field: String? = nil, reason: String) {
        problems = [Problem(location: location, field: field, reason: reason)]
    }

    /// The first problems, one per line after a summary line.
    public var description: String {
        let shown = problems.prefix(20).map { "  \($0)" }
        let more = problems.count > 20 ? ["  … and \(problems.count - 20) more"] : []
        return (["import refused, nothing was written (\(problems.count) problem\(problems.count == 1 ? "" : "s")):"] + shown + more)
            .joined(separator: "\n")
    }
}
