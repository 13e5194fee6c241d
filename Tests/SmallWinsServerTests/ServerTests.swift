import Crypto
#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import SmallWins
import SmallWinsSQLite
import SmallWinsServer
import Testing

/// The HTTP API end to end: a real server on a SQLite file, a real HTTP client, members signed in by their tokens.
@Suite("HTTP API")
struct ServerTests {
    /// A district with one school and a sibling: Ana leads Grade 3, Ben records there, Oli observes it, Cy teaches at South.
    struct District {
        let store: any WinStore
        let grade3: Team, south: Team
        let ana: Member, ben: Member, oli: Member, cy: Member
        let tokens: [Member.ID: String]
        let folder: URL

        static func make() async throws -> District {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try await SQLiteStore(path: folder.appendingPathComponent("api.sqlite").path)
            return try await make(in: store, folder: folder)
        }

        /// The district in `store`.
        static func make(in store: any WinStore, folder: URL) async throws -> District {
            let district = try await store.create(Team(name: "Riverside District", kind: .district))
            let north = try await store.create(Team(name: "North Elementary", kind: .school, parent: district.id))
            let south = try await store.create(Team(name: "South Elementary", kind: .school, parent: district.id))
            let grade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: north.id))
            var people: [Member] = [], tokens: [Member.ID: String] = [:]
            for (name, team, role) in [("Ana Lopez", grade3, Membership.Role.lead), ("Ben Okafor", grade3, .member),
                                       ("Oli Observer", grade3, .observer), ("Cy Tran", south, .member)] {
                let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@riverside.org"
                let member = try await store.create(Member(name: name, email: email, in: district.id))
                _ = try await store.create(Membership(member: member.id, team: team.id, role: role))
                tokens[member.id] = try await store.issueToken(for: member.id, name: "test").text
                people.append(member)
            }
            return District(store: store, grade3: grade3, south: south, ana: people[0], ben: people[1], oli: people[2], cy: people[3],
                            tokens: tokens, folder: folder)
        }

        func token(_ member: Member) -> String { tokens[member.id]! }
    }

    func withServer(_ body: (RunningServer, District) async throws -> Void) async throws {
        let district = try await District.make()
        let server = try await RunningServer.start(district.store)
        defer {
            server.stop()
            try? FileManager.default.removeItem(at: district.folder)
        }
        try await body(server, district)
    }

    func draft(_ team: Team, title: String = "Pairs reread", kind: String = "success") -> String {
        #"{"team":"\#(team.id)","kind":"\#(kind)","title":"\#(title)","story":"Every pair reread the passage.","day":"2026-11-02"}"#
    }

    @Test func everyPathUnderV1NeedsAValidToken() async throws {
        try await withServer { server, district in
            #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
            let contract = try await server.send("GET", "/openapi.json", token: nil)
            #expect(contract.status == 200 && contract.headers["content-type"] == "application/json")
            #expect(((try JSONSerialization.jsonObject(with: contract.body) as? [String: Any])?["openapi"] as? String) == "3.1.0")
            let real = district.token(district.ben)
            let tampered = String(real.dropLast()) + (real.hasSuffix("0") ? "1" : "0")  // one hex digit of the secret changed
            for token in [nil, "", "sw1_nonsense", tampered] {
                let reply = try await server.send("GET", "/v1/me", token: token)
                #expect(reply.status == 401 && reply.problem["code"] as? String == "unauthenticated", "\(token ?? "no token"): \(reply.text)")
                #expect(reply.headers["content-type"] == "application/problem+json" && reply.headers["www-authenticate"] != nil,
                        "\(token ?? "no token"): \(reply.status) \(reply.headers) \(reply.text)")
            }
            let me = try await server.send("GET", "/v1/me", token: district.token(district.ben))
            #expect(me.status == 200 && me.text.contains("Ben Okafor") && !me.text.contains("Cy Tran"), "\(me.text)")
            let missing = try await server.send("GET", "/v1/nowhere", token: district.token(district.ben))
            #expect(missing.status == 404 && missing.headers["content-type"] == "application/problem+json", "\(missing.text)")
        }
    }

    @Test func winsAreRecordedAsTheMemberListedWithNamesAndPagedByOpaqueCursors() async throws {
        try await withServer { server, district in
            let ben = district.token(district.ben)
            let created = try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3))
            #expect(created.status == 201, "\(created.text)")
            let win = try created.json(Win.self)
            #expect(win.author == district.ben.id && win.themes == [])
            #expect(created.text.range(of: #""recordedAt" ?: ?"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z""#, options: .regularExpression) != nil,
                    "instants with milliseconds: \(created.text)")
            for index in 0..<3 { _ = try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3, title: "More \(index)")) }
            let page = try await server.send("GET", "/v1/wins?limit=2", token: district.token(district.ana))
            let items = try page.json(WinItemPage.self)
            #expect(items.items.count == 2 && items.items[0].authorName == "Ben Okafor" && items.items[0].teamPath == "Grade 3", "\(page.text)")
            let next = try #require(items.next)
            let second = try await server.send("GET", "/v1/wins?limit=2&cursor=\(next.token)", token: district.token(district.ana))
            #expect(try second.json(WinItemPage.self).items.count == 2)
            let otherQuery = try await server.send("GET", "/v1/wins?limit=2&kind=lesson&cursor=\(next.token)", token: district.token(district.ana))
            #expect(otherQuery.status == 400 && otherQuery.problem["code"] as? String == "invalid_cursor", "\(otherQuery.text)")
            let madeUp = try await server.send("GET", "/v1/wins?cursor=2099-01-01/\(UUID().uuidString)", token: ben)
            #expect(madeUp.status == 400 && madeUp.problem["code"] as? String == "invalid_cursor", "\(madeUp.text)")
            let cy = try await server.send("GET", "/v1/wins/\(win.id)", token: district.token(district.cy))
            #expect(cy.status == 404 && cy.problem["code"] as? String == "not_found", "a sibling school: \(cy.text)")
            let badID = try await server.send("GET", "/v1/wins/not-a-uuid", token: ben)
            #expect(badID.status == 400, "\(badID.text)")
            let lesson = try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3, kind: "lesson"))
            #expect(lesson.status == 400 && lesson.problem["field"] as? String == "learned", "\(lesson.text)")
            let backwards = try await server.send("GET", "/v1/wins?from=2026-12-01&to=2026-01-01", token: ben)
            #expect(backwards.status == 400 && backwards.problem["field"] as? String == "period", "\(backwards.text)")
        }
    }

    @Test func rolesHoldOverHTTP() async throws {
        try await withServer { server, district in
            let ben = district.token(district.ben), ana = district.token(district.ana), oli = district.token(district.oli)
            let observed = try await server.send("POST", "/v1/wins", token: oli, json: draft(district.grade3))
            #expect(observed.status == 403 && observed.problem["code"] as? String == "forbidden", "\(observed.text)")
            let elsewhere = try await server.send("POST", "/v1/wins", token: ben, json: draft(district.south))
            #expect(elsewhere.status == 400 && elsewhere.problem["field"] as? String == "team", "\(elsewhere.text)")
            let win = try (try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3))).json(Win.self)
            let own = try await server.send("POST", "/v1/wins/\(win.id)/celebrations", token: ben, json: #"{"kind":"confetti"}"#)
            #expect(own.status == 403, "\(own.text)")
            let cheer = try await server.send("POST", "/v1/wins/\(win.id)/celebrations", token: ana, json: #"{"kind":"confetti","message":"Yes!"}"#)
            #expect(cheer.status == 201, "\(cheer.text)")
            let again = try await server.send("POST", "/v1/wins/\(win.id)/celebrations", token: ana, json: #"{"kind":"confetti"}"#)
            #expect(again.status == 409 && again.problem["field"] as? String == "kind", "\(again.text)")
            #expect(try await server.send("POST", "/v1/wins/\(win.id)/celebrations", token: oli, json: #"{"kind":"thanks"}"#).status == 201)
            let edited = try await server.send("PATCH", "/v1/wins/\(win.id)", token: ana, json: #"{"title":"Mine now"}"#)
            #expect(edited.status == 403, "only the author edits: \(edited.text)")
            let patched = try await server.send("PATCH", "/v1/wins/\(win.id)", token: ben, json: #"{"title":"Better","next":null}"#)
            #expect(try patched.status == 200 && patched.json(Win.self).title == "Better", "\(patched.text)")
            let nulled = try await server.send("PATCH", "/v1/wins/\(win.id)", token: ben, json: #"{"title":null}"#)
            #expect(nulled.status == 400 && nulled.problem["field"] as? String == "title", "\(nulled.text)")
            let names = try await server.send("GET", "/v1/dashboard?team=\(district.grade3.id)&names=true", token: ben)
            #expect(names.status == 403, "\(names.text)")
            let board = try await server.send("GET", "/v1/dashboard?from=2026-08-01&to=2027-07-31&names=true", token: ana)
            #expect(try board.status == 200 && board.json(Dashboard.self).totals.wins == 1, "\(board.text)")
            #expect(try await server.send("DELETE", "/v1/wins/\(win.id)", token: oli).status == 403)
            #expect(try await server.send("DELETE", "/v1/wins/\(win.id)", token: ana).status == 204)
        }
    }

    @Test func changesStreamAsServerSentEventsAndResumeAfterLastEventID() async throws {
        try await withServer { server, district in
            let ben = district.token(district.ben), cy = district.token(district.cy)
            let recorded = Box()
            let heard = try await server.events("/v1/changes", token: district.token(district.ana), until: { text in
                recorded.win.map { text.contains($0.id.description) } ?? false
            }) {
                _ = try await server.send("POST", "/v1/wins", token: cy, json: draft(district.south, title: "South only"))
                recorded.win = try (try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3))).json(Win.self)
            }
            let win = try #require(recorded.win)
            #expect(heard.contains("event: change") && heard.contains(win.id.description), "\(heard)")
            let events = heard.components(separatedBy: "\n\n").filter { $0.contains("event: change") }
            #expect(events.count == 1, "only Grade 3's change reaches Ana: \(heard)")
            let id = try #require(events.first?.split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
            let replayed = try await server.events("/v1/changes", token: district.token(district.ana), lastEventID: String(Int(id)! - 1),
                                                   until: { $0.contains(win.id.description) }) {}
            #expect(replayed.contains(win.id.description), "resumed after Last-Event-ID: \(replayed)")
        }
    }

    @Test func leadsKeepGoalsTheAgendaAndCodebooksOverHTTP() async throws {
        try await withServer { server, district in
            let ana = district.token(district.ana), ben = district.token(district.ben)
            let grade3 = district.grade3.id
            let created = try await server.send("POST", "/v1/goals", token: ana, json: #"{"team":"\#(grade3)","title":"Every reader reads fluently"}"#)
            #expect(created.status == 201, "\(created.text)")
            let goal = try created.json(Goal.self)
            #expect(goal.status == .active && goal.focusGroups.isEmpty && goal.success == SuccessCriteria(), "defaults for absent fields")
            let refused = try await server.send("POST", "/v1/goals", token: ben, json: #"{"team":"\#(grade3)","title":"Mine"}"#)
            #expect(refused.status == 403 && refused.problem["code"] as? String == "forbidden", "\(refused.text)")
            let replaced = try await server.send("PUT", "/v1/goals/\(goal.id)", token: ana,
                                                 json: #"{"id":"\#(UUID())","team":"\#(grade3)","title":"Every reader reads aloud","status":"achieved"}"#)
            #expect(replaced.status == 200 && (try? replaced.json(Goal.self))?.id == goal.id, "the path names the goal: \(replaced.text)")
            #expect(try await server.send("PUT", "/v1/goals/\(goal.id)", token: ben, json: #"{"team":"\#(grade3)","title":"x"}"#).status == 403)
            let backwards = try await server.send("PUT", "/v1/goals/\(goal.id)", token: ana,
                                                  json: #"{"team":"\#(grade3)","title":"x","start":"2026-09-01","end":"2026-08-01"}"#)
            #expect(backwards.status == 400 && backwards.problem["field"] as? String == "end", "\(backwards.text)")
            let question = try (try await server.send("POST", "/v1/questions", token: ana, json: #"{"team":"\#(grade3)","text":"Does rereading help?"}"#)).json(LearningQuestion.self)
            #expect(question.status == .open)
            let attempt = try await server.send("POST", "/v1/attempts", token: ana, json: #"{"question":"\#(question.id)","title":"Partner rereading"}"#)
            #expect(attempt.status == 201 && (try? attempt.json(Attempt.self))?.status == .planned, "\(attempt.text)")
            for path in ["/v1/themes", "/v1/groups"] {
                let entry = try await server.send("POST", path, token: ana, json: #"{"team":"\#(grade3)","name":"Fluency","description":null}"#)
                #expect(entry.status == 201, "\(path): \(entry.text)")
                let duplicate = try await server.send("POST", path, token: ana, json: #"{"team":"\#(grade3)","name":"Fluency"}"#)
                #expect(duplicate.status == 409, "\(path): a name twice: \(duplicate.text)")
                #expect(try await server.send("POST", path, token: ben, json: #"{"team":"\#(grade3)","name":"Mine"}"#).status == 403)
            }
            #expect(try await server.send("DELETE", "/v1/goals/\(goal.id)", token: ben).status == 403)
            #expect(try await server.send("DELETE", "/v1/goals/\(goal.id)", token: ana).status == 204)
            #expect(try await server.send("DELETE", "/v1/goals/\(goal.id)", token: ana).status == 404)
        }
    }

    @Test func digestsReportsChartsAndExportsAreServedToWhoMayHaveThem() async throws {
        try await withServer { server, district in
            let ana = district.token(district.ana), ben = district.token(district.ben)
            for title in ["Pairs reread", "Fluency <climbed>, & stayed"] {
                #expect(try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3, title: title)).status == 201)
            }
            let digest = try await server.send("GET", "/v1/digest?week=2026-11-02", token: ben)
            #expect(digest.status == 200 && digest.headers["content-type"] == "text/markdown" && digest.text.contains("Pairs reread"), "\(digest.text)")
            for edge in ["1900-01-01", "1900-01-07", "2200-12-31"] {
                let cut = try await server.send("GET", "/v1/digest?week=\(edge)", token: ben)
                #expect(cut.status == 200, "the first and last weeks of the calendar: \(edge): \(cut.text)")
                for chart in ["timeline", "dashboard"] {
                    for bucket in ["week", "month"] {
                        let svg = try await server.send("GET", "/v1/charts/\(chart)?from=\(edge)&to=\(edge)&bucket=\(bucket)", token: ben)
                        #expect(svg.status == 200, "\(chart) of \(edge) by \(bucket): \(svg.text.prefix(200))")
                    }
                }
            }
            let report = try await server.send("GET", "/v1/report?from=2026-08-01&to=2027-07-31", token: ben)
            #expect(report.status == 200 && report.text.hasPrefix("# "), "\(report.text.prefix(300))")
            #expect(try await server.send("GET", "/v1/report?from=2027-08-01&to=2026-08-01", token: ben).problem["field"] as? String == "period")
            for chart in ["dashboard", "timeline", "goals", "themes", "groups", "teams", "equity", "participation"] {
                let svg = try await server.send("GET", "/v1/charts/\(chart)?from=2026-08-01&to=2027-07-31", token: ben)
                #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml", "\(chart): \(svg.status)")
                #expect(XMLParser(data: svg.body).parse(), "\(chart) parses as XML")
            }
            #expect(try await server.send("GET", "/v1/charts/pie", token: ben).status == 400)

            let table = try await server.send("GET", "/v1/exports/csv/wins", token: ana)
            #expect(table.status == 200 && table.headers["content-type"] == "text/csv", "\(table.text.prefix(300))")
            let rows = table.text.split(separator: "\n")
            #expect(rows.first?.hasPrefix("id,day,kind,") == true && table.text.contains(#""Fluency <climbed>, & stayed""#), "\(table.text)")
            let snapshot = try await server.send("GET", "/v1/exports/snapshot", token: ana)
            let parsed = try JSONSerialization.jsonObject(with: snapshot.body) as? [String: Any]
            #expect(snapshot.status == 200 && (parsed?["wins"] as? [Any])?.count == 2, "\(snapshot.text.prefix(300))")
            for path in ["/v1/exports/csv/wins", "/v1/exports/snapshot"] {
                let refused = try await server.send("GET", path, token: ben)
                #expect(refused.status == 403 && refused.problem["code"] as? String == "forbidden", "\(path): members do not export")
                #expect(try await server.send("GET", path + "?team=\(district.south.id)", token: ana).status == 404, "\(path): another school")
                #expect(try await server.send("GET", path, token: nil).status == 401)
            }
            #expect(try await server.send("GET", "/v1/exports/snapshot?team=x", token: ana).problem["field"] as? String == "team")
            let wrongMethod = try await server.send("POST", "/v1/exports/snapshot", token: ana, json: "{}")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "GET", "\(wrongMethod.status) \(wrongMethod.headers)")
        }
    }

    @Test func metricsCountRequestsByContractPathAndOpenStreamsUntilTheirClientsLeave() async throws {
        let district = try await District.make()
        defer { try? FileManager.default.removeItem(at: district.folder) }
        let server = try await RunningServer.start(district.store, heartbeat: .milliseconds(200))
        defer { server.stop() }
        let ben = district.token(district.ben)
        let win = try (try await server.send("POST", "/v1/wins", token: ben, json: draft(district.grade3))).json(Win.self)
        for _ in 0..<3 { _ = try await server.send("GET", "/v1/wins/\(win.id)", token: ben) }
        _ = try await server.send("GET", "/v1/wins/\(UUID())", token: ben)
        _ = try await server.send("GET", "/v1/me", token: nil)
        func metric(_ name: String) async throws -> Double? {
            let text = try await server.send("GET", "/metrics", token: nil).text
            return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last!) }
        }
        let metrics = try await server.send("GET", "/metrics", token: nil)
        #expect(metrics.status == 200 && metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(try await metric(#"http_requests_total{route="/v1/wins/{id}",method="GET",status="200"}"#) == 3, "\(metrics.text)")
        #expect(try await metric(#"http_requests_total{route="/v1/wins/{id}",method="GET",status="404"}"#) == 1)
        #expect(try await metric(#"http_requests_total{route="/v1/wins",method="POST",status="201"}"#) == 1)
        #expect(try await metric(#"http_requests_total{route="/v1/me",method="GET",status="401"}"#) == 1)
        #expect(metrics.text.contains(#"http_request_duration_seconds_bucket{route="/v1/wins/{id}",method="GET",le="0.01"}"#))
        #expect(!metrics.text.contains(win.id.description) && !metrics.text.contains(ben), "no id or token in a label")

        var during: Double?
        let heard = try await server.events("/v1/changes", token: ben, until: { $0.contains("event: heartbeat") }) {
            for _ in 0..<100 where during != 1 {  // curl may still be connecting on a busy machine
                during = try await metric("smallwins_event_streams")
                if during != 1 { try await Task.sleep(for: .milliseconds(100)) }
            }
        }
        #expect(heard.contains("event: heartbeat\n\n") && !heard.contains("data:"), "a heartbeat carries no data: \(heard)")
        #expect(during == 1, "one stream open")
        var after = during
        for _ in 0..<20 where after != 0 {
            try await Task.sleep(for: .milliseconds(100))
            after = try await metric("smallwins_event_streams")
        }
        #expect(after == 0, "the stream is counted out within a heartbeat of its client leaving")
    }

    @Test func theDocumentedExampleServes() async throws {
        let district = try await District.make()
        defer { try? FileManager.default.removeItem(at: district.folder) }
        let store = district.store
        // server begin
        let server = SmallWinsServer(store: store, configuration: .init(host: "127.0.0.1", port: 0))
        let serving = Task { try await server.run { port in print("listening on http://127.0.0.1:\(port)/") } }
        // server end
        try await Task.sleep(nanoseconds: 300_000_000)
        serving.cancel()
        _ = await serving.result
    }

    /// The win the writer recorded, for the reader's stop condition.
    final class Box: @unchecked Sendable {
        var win: Win?
    }

    @Test func theGeneratedCodeMatchesTheContract() throws {
        let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SmallWinsServer")
        let contract = try Data(contentsOf: server.appendingPathComponent("openapi.json"))
        let config = try Data(contentsOf: server.appendingPathComponent("openapi-generator-config.yaml"))
        let digest = SHA256.hash(data: contract + config).map { String(format: "%02x", $0) }.joined()
        let generated = try String(contentsOf: server.appendingPathComponent("Generated/Contract.swift"), encoding: .utf8)
        #expect(generated.contains("static let sha256 = \"\(digest)\""), "run bash Scripts/generate-openapi.sh after changing the contract")
    }
}
