import Foundation
import SmallWinsStoreTesting
import Testing

/// `smallwins demo`: the newcomer's first command gives a folder a browser, Python and a spreadsheet can open.
@Suite("smallwins demo end to end", .serialized)
struct CLIDemoTests {
    @Test func theDemoFolderHoldsEverythingAndRunsAgain() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let first = try cli.ok("demo", "--out", "demo")
        #expect(first.contains("Built Riverbend Unified: 3 schools, 10 teams, 60 members"))
        #expect(first.contains("index.html"))
        let check = try Tool.run("python3", ["-c", """
            import csv, glob, json, html.parser, xml.etree.ElementTree as ET
            for svg in ["demo/dashboard.svg"] + glob.glob("demo/charts/*.svg"):
                assert ET.parse(svg).getroot().attrib["role"] == "img", svg
            assert len(glob.glob("demo/charts/*.svg")) == 7
            wins = list(csv.DictReader(open("demo/tables/wins.csv", newline="", encoding="utf-8")))
            assert len(wins) > 1500 and all(w["story"] for w in wins)
            assert len(glob.glob("demo/tables/*.csv")) == 27
            snapshot = json.load(open("demo/snapshot.json"))
            assert len(snapshot["wins"]) == len(wins)
            digest, report = open("demo/digest.md").read(), open("demo/report.md").read()
            assert digest.startswith("#") and "Grade 3" in digest, digest[:200]
            assert "Every reader reads fluently by spring" in report
            page = open("demo/index.html").read()
            class Links(html.parser.HTMLParser):
                found = []
                def handle_starttag(self, tag, attributes):
                    attributes = dict(attributes)
                    if tag in ("img", "a") and not (attributes.get("href") or "").startswith("#"):
                        self.found.append(attributes.get("src") or attributes.get("href"))
            parser = Links(); parser.feed(page)
            import os
            missing = [link for link in parser.found if not os.path.exists(os.path.join("demo", link))]
            assert not missing, missing
            assert "Bright spots, in teachers' words" in page
            print("ok")
            """], in: cli.folder)
        #expect(check == "ok\n")
        // The README's picture is the demo's dashboard; SMALLWINS_UPDATE_GOLDEN=1 refreshes it after a deliberate change.
        let pictures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Documentation/Images")
        try GoldenFile.check(try Data(contentsOf: cli.folder.appendingPathComponent("demo/dashboard.svg")), "demo-dashboard.svg", in: pictures)
        let second = try cli.ok("demo", "--out", "demo", "--seed", "7")
        #expect(second.contains("Built Riverbend Unified"), "the demo's own database is rebuilt on every run")
        let occupied = try cli.run(["demo", "--out", "other", "--database", "demo/demo.sqlite"])
        #expect(occupied.status != 0 && occupied.error.contains("already holds data"))
    }
}
