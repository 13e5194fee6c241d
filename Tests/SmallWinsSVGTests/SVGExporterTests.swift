import Foundation
import SmallWins
import SmallWinsSVG
import SmallWinsStoreTesting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every chart is well-formed XML, accessible, escapes user text and matches its golden file.
///
/// Set `SMALLWINS_UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change, then look at
/// them in a browser (`Scripts/render-charts.sh` renders each with headless Chromium).
@Suite("SVG exporter")
struct SVGExporterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: DashboardChart.allCases)
    func chartMatchesItsGoldenFile(_ chart: DashboardChart) async throws {
        try GoldenFile.check(try await SVGExporter(chart).data(SampleDashboard.schoolYear()), "\(chart.rawValue).svg", in: Self.golden)
    }

    @Test(arguments: DashboardChart.allCases)
    func chartIsWellFormedAndAccessible(_ chart: DashboardChart) async throws {
        for board in [SampleDashboard.schoolYear(), SampleDashboard.hostile(), SampleDashboard.empty()] {
            let data = try await SVGExporter(chart).data(board)
            let document = try XMLShape(data)
            #expect(document.root == "svg")
            #expect(document.rootAttributes["role"] == "img")
            #expect(document.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(document.elements.first { $0 != "svg" } == "title", "the accessible name comes first")
            #expect(document.elements.contains("desc"))
            #expect(!document.elements.contains("script"))
            #expect(!document.elements.contains("image"), "no external resources")
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("http://evil") || text.contains("=HYPERLINK(&quot;http://evil&quot;)"))
            #expect(!text.contains("<script>"))
        }
    }

    @Test func hostileTextIsEscapedAndKeptReadable() async throws {
        let svg = String(decoding: try await SVGExporter(.dashboard).data(SampleDashboard.hostile()), as: UTF8.self)
        #expect(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(svg.contains("&lt;/title&gt;&lt;svg onload=alert(1)&gt;"))
        #expect(!svg.contains("\u{0007}"), "characters XML forbids are dropped")
        #expect(svg.contains("]]&gt; &lt;!-- --&gt; &amp;amp;"))
    }

    @Test func outputIsDeterministicAndSized() async throws {
        let board = SampleDashboard.schoolYear()
        let once = try await SVGExporter(.dashboard, width: 900).data(board)
        #expect(once == (try await SVGExporter(.dashboard, width: 900).data(board)))
        #expect(String(decoding: once, as: UTF8.self).contains("width=\"900\""))
        let small = String(decoding: try await SVGExporter(.goals, width: 100).data(board), as: UTF8.self)
        #expect(small.contains("width=\"320\""), "widths below 320 are raised to 320")
    }

    @Test func equityChartFlagsTheUnderServedGroupInWords() async throws {
        let svg = String(decoding: try await SVGExporter(.equity).data(SampleDashboard.schoolYear()), as: UTF8.self)
        #expect(svg.contains("11% (9 of 83) below 20%"))
        #expect(svg.contains("stroke-dasharray"), "the threshold is marked")
        #expect(svg.contains("Students with IEPs 11%, below 20%"), "the description says it too")
    }
}

/// The element names and root attributes of an XML document, parsed by Foundation's XML parser
/// (which fails on anything not well-formed).
struct XMLShape {
    var root = ""
    var rootAttributes: [String: String] = [:]
    var elements: [String] = []

    init(_ data: Data) throws {
        let parser = XMLParser(data: data)
        let delegate = Collector()
        parser.delegate = delegate
        guard parser.parse() else {
            throw XMLProblem(message: parser.parserError.map { "\($0)" } ?? "not well-formed", line: parser.lineNumber)
        }
        elements = delegate.elements
        root = elements.first ?? ""
        rootAttributes = delegate.rootAttributes
    }

    struct XMLProblem: Error {
        let message: String
        let line: Int
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var rootAttributes: [String: String] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if elements.isEmpty { rootAttributes = attributes }
            elements.append(name)
        }
    }
}
