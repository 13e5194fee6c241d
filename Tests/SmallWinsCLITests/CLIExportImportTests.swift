import Foundation
import SmallWins
import SmallWinsStoreTesting
import Testing

/// `smallwins export` and `smallwins import` on real files, read back by other programs.
@Suite("smallwins export and import end to end", .serialized)
struct CLIExportImportTests {
    /// A school with a success and a lesson, one of them celebrated.
    func schoolWithWins() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok("init", "--team", "Riverside District")
        try cli.ok("team", "add", "North Elementary", "--kind", "school", "--parent", "Riverside District")
        try cli.ok("team", "add", "Grade 3", "--parent", "North Elementary")
        try cli.ok("member", "add", "Ana Lopez", "--email", "ana@riverside.org", "--team", "North Elementary/Grade 3")
        try cli.ok("member", "add", "Ben Okafor", "--team", "North Elementary/Grade 3")
        try cli.ok("theme", "add", "Fluency", "--in", "Riverside District")
        try cli.ok("group", "add", "Multilingual learners", "--in", "Riverside District")
        try cli.ok("goal", "add", "Every reader reads fluently", "--team", "North Elementary", "--focus", "Multilingual learners")
        try cli.ok("win", "add", "--team", "Grade 3", "--author", "Ana Lopez", "--title", "=Partners reread",
                   "--story", "My pairs reread, \"unprompted\".\nFluency is climbing.", "--theme", "Fluency",
                   "--goal", "Every reader reads fluently", "--group", "Multilingual learners", "--day", "2026-11-18")
        try cli.ok("win", "add", "--kind", "lesson", "--team", "Grade 3", "--author", "Ben Okafor", "--title", "Quiet family night",
                   "--story", "Only four families came.", "--learned", "Invite by phone.", "--day", "2026-11-19")
        let wins = try Instant.jsonDecoder().decode([Win].self, from: Data(try cli.ok("win", "list", "--all", "--json").utf8))
        try cli.ok("celebrate", wins[1].id.description, "--by", "Ben Okafor", "--applause")
        return cli
    }

    @Test func everyFormatIsWrittenAndReadsBackInPythonAndXML() throws {
        let cli = try schoolWithWins()
        defer { cli.cleanUp() }
        let csv = try cli.ok("export", "csv")
        #expect(csv.hasPrefix("id,day,kind,team_id,team,"))
        #expect(csv.contains("'=Partners reread"), "formula guard on by default")
        #expect(try cli.ok("export", "csv", "--raw").contains(",=Partners reread,"))
        try cli.ok("export", "csv", "--out", "tables", "--year", "2026", "--bom")
        try cli.ok("export", "svg", "--out", "charts", "--year", "2026", "--team", "North Elementary")
        try cli.ok("export", "json", "--out", "snapshot.json")
        try cli.ok("export", "jsonl", "--out", "wins.jsonl")
        try cli.ok("export", "json", "--dashboard", "--out", "dashboard.json", "--year", "2026")
        let check = try Tool.run("python3", ["-c", """
            import csv, glob, json, xml.etree.ElementTree as ET
            tables = sorted(glob.glob("tables/*.csv"))
            assert len(tables) == 27, len(tables)
            wins = list(csv.DictReader(open("tables/wins.csv", newline="", encoding="utf-8-sig")))
            assert [w["title"] for w in wins] == ["Quiet family night", "'=Partners reread"], wins
            assert wins[1]["story"] == 'My pairs reread, "unprompted".\\nFluency is climbing.'
            assert wins[0]["celebrations"] == "0" and wins[1]["celebrations"] == "1"
            dictionary = list(csv.DictReader(open("tables/data_dictionary.csv", newline="", encoding="utf-8-sig")))
            for table in tables:
                name = table[7:-4]
                header = next(csv.reader(open(table, newline="", encoding="utf-8-sig")))
                assert header == [d["column"] for d in dictionary if d["table"] == name], name
            charts = sorted(glob.glob("charts/*.svg"))
            assert len(charts) == 8, charts
            for chart in charts:
                root = ET.parse(chart).getroot()
                assert root.attrib["role"] == "img"
            assert "North Elementary" in open("charts/dashboard.svg").read()
            snapshot = json.load(open("snapshot.json"))
            assert snapshot["schemaVersion"] == 1 and len(snapshot["wins"]) == 2
            assert len([json.loads(line) for line in open("wins.jsonl")]) == 2
            assert json.load(open("dashboard.json"))["totals"]["wins"] == 2
            print("ok")
            """], in: cli.folder)
        #expect(check == "ok\n")
    }

    @Test func aSnapshotMovesToAnEmptyStoreAndCSVWinsComeBack() throws {
        let cli = try schoolWithWins()
        defer { cli.cleanUp() }
        let snapshot = try cli.ok("export", "json")
        try Data(snapshot.utf8).write(to: cli.folder.appendingPathComponent("snapshot.json"))
        let imported = try cli.ok("import", "snapshot.json", "--database", "copy.sqlite")
        #expect(imported.contains("2 wins and 1 celebration"))
        #expect(try cli.ok("export", "json", "--database", "copy.sqlite") == snapshot, "byte for byte")
        let again = try cli.run(["import", "snapshot.json", "--database", "copy.sqlite"])
        #expect(again.status != 0 && again.error.contains("empty store"))

        try cli.ok("export", "csv", "--out", "wins.csv")
        try cli.ok("init", "--database", "fresh.sqlite", "--team", "Elsewhere")
        let refused = try cli.run(["import", "wins.csv", "--database", "fresh.sqlite"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("line 2, team_id: no team has id"))
        #expect(refused.error.contains("line 3, team_id"), "every bad row is listed")
        let fresh = try cli.ok("import", "wins.csv", "--database", "fresh.sqlite", "--create-missing")
        #expect(fresh.contains("Imported 2 wins; created"))
        let original = try Instant.jsonDecoder().decode([Win].self, from: Data(try cli.ok("win", "list", "--all", "--json").utf8))
        let copied = try Instant.jsonDecoder().decode(
            [Win].self, from: Data(try cli.ok("win", "list", "--all", "--json", "--database", "fresh.sqlite").utf8))
        #expect(copied == original)
    }

    @Test func aFormsSheetImportsWithAMapAndBadRowsAreNamed() throws {
        let cli = try schoolWithWins()
        defer { cli.cleanUp() }
        let sheet = """
            Timestamp,Email address,What happened?,What did you learn?,Themes
            11/24/2026 08:12:00,ana@riverside.org,"Coach cards worked, every pair read.",,Fluency
            11/25/2026 15:40:00,ana@riverside.org,Read-aloud ran long.,Ten minutes is enough.,

            """
        try Data(sheet.utf8).write(to: cli.folder.appendingPathComponent("responses.csv"))
        let arguments = ["import", "responses.csv", "--team", "North Elementary/Grade 3", "--map", "Timestamp=day",
                         "--map", "Email address=author", "--map", "What happened?=story", "--map", "What did you learn?=learned",
                         "--map", "Themes=themes"]
        let imported = try cli.run(arguments)
        #expect(imported.status == 0 && imported.output.contains("Imported 2 wins"), "\(imported.error)")
        let lessons = try cli.ok("win", "list", "--kind", "lesson", "--from", "2026-11-25")
        #expect(lessons.contains("Read-aloud ran long"))

        try Data("day,team,author,story\n2026-11-31,Grade 3,Ana Lopez,Bad day\n2026-11-20,Grade 9,Ana Lopez,No team\n".utf8)
            .write(to: cli.folder.appendingPathComponent("bad.csv"))
        let bad = try cli.run(["import", "bad.csv"])
        #expect(bad.status != 0)
        #expect(bad.error.contains("line 2, day"))
        #expect(bad.error.contains("line 3, team: no team \"Grade 9\""))
    }
}
