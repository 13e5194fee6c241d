import Foundation

/// Keeps code examples in the docs true: the code between `// <name> begin` and `// <name> end` in a
/// test file (which compiles and runs it) must appear, unindented, in the document (a Markdown page, or a
/// Swift file whose doc comment shows it).
public enum DocumentedExample {
    /// Why a document does not show an example.
    public struct Missing: Error, CustomStringConvertible {
        /// The example, as its test has it.
        public let example: String
        /// The document that must show it.
        public let document: String
        public var description: String { "\(document) must show the example '\(example)' exactly as its test has it" }
    }

    /// Throws unless `document` (a path from the package root) shows the example `name` of `testFile`.
    /// `testFile` is the test's `#filePath`, which also locates the package root (`Tests/<Target>/<file>`).
    public static func check(_ name: String, in testFile: String, shownIn document: String) throws {
        let source = try String(contentsOfFile: testFile, encoding: .utf8)
        guard let begin = source.range(of: "// \(name) begin\n"),
              let end = source.range(of: "// \(name) end", range: begin.upperBound..<source.endIndex) else {
            throw Missing(example: name, document: document)
        }
        let lines = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let snippet = lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
        let root = URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        if document.hasSuffix(".swift") {
            // A doc comment's example: compare its lines without the `///` and the space after it.
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("///") else { return String(line) }
                let body = trimmed.dropFirst(3)
                return String(body.hasPrefix(" ") ? body.dropFirst() : body)
            }.joined(separator: "\n")
        }
        guard text.contains(snippet) else { throw Missing(example: name, document: document) }
    }
}
