import Foundation
import SmallWins
import Testing

@Suite("Day and Period")
struct DayTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "1899-12-31", "2201-01-01", "2026-1-05",
                      "26-01-05", "2026/01/05", "", "２０２６-01-05", "2026-01-05T00:00", "+026-01-05", "2026-+1-05",
                      "2026-01-0５", "2026-01-5 ", " 2026-01-5", "2026-01-\u{0}5"])
    func rejectsDaysThatDoNotExist(_ text: String) {
        #expect(throws: SmallWinsError.self) { try Day(iso: text, field: "day") }
        do {
            _ = try Day(iso: text, field: "happenedOn")
        } catch let SmallWinsError.invalid(field, _) {
            #expect(field == "happenedOn")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func acceptsLeapDaysAndPrintsISO() throws {
        #expect(try Day(iso: "2024-02-29").iso == "2024-02-29")
        #expect(try Day(2000, 2, 29).description == "2000-02-29")
        #expect(throws: SmallWinsError.self) { try Day(1900, 2, 29) }
    }

    @Test func ordinalRoundTripsAcrossTheWholeRange() throws {
        #expect(try Day(1970, 1, 1).ordinal == 0)
        var day = Day.earliest
        var previous = day.ordinal - 1
        while day <= Day.latest {
            #expect(day.ordinal == previous + 1)
            #expect(Day(ordinal: day.ordinal) == day)
            previous = day.ordinal
            day = day.adding(days: 1)
        }
    }

    @Test func weekdaysAndWeeksStartOnMonday() throws {
        #expect(try Day(2026, 11, 25).weekday == 3)  // a Wednesday
        #expect(try Day(2026, 11, 29).weekday == 7)
        let week = Period.week(containing: try Day(2026, 11, 29))
        #expect(week.first == (try Day(2026, 11, 23)))
        #expect(week.last == (try Day(2026, 11, 29)))
    }

    @Test func schoolYearsAndMonths() throws {
        let year = try Period.schoolYear(2026)
        #expect(year.description == "2026-08-01...2027-07-31")
        #expect(try Period.schoolYear(containing: Day(2027, 3, 1)) == year)
        #expect(try Period.schoolYear(2026, startMonth: 9).last == (try Day(2027, 8, 31)))
        #expect(Period.month(containing: try Day(2028, 2, 10)).last == (try Day(2028, 2, 29)))
        #expect(throws: SmallWinsError.self) { try Period(Day(2026, 5, 2), through: Day(2026, 5, 1)) }
    }

    @Test func codesAsISOText() throws {
        let data = try JSONEncoder().encode([try Day(2026, 9, 7)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-09-07"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [try Day(2026, 9, 7)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }
}
