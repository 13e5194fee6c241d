import Foundation
import OpenAPIRuntime
import SmallWins
import SmallWinsCSV
import SmallWinsJSON
import SmallWinsSVG

/// What a team's records become for people and other tools: the weekly digest and the learning report as Markdown,
/// dashboard charts as SVG, and exports (CSV tables; the JSON snapshot is ``SnapshotRoute``), streamed.
extension APIHandler {
    func getDigest(_ input: Operations.GetDigest.Input) async throws -> Operations.GetDigest.Output {
        let digest = try await session().digest(week: input.query.week ?? Day.today(), team: input.query.team.map(Team.ID.init))
        return .ok(.init(body: .textMarkdown(HTTPBody(digest.markdown))))
    }

    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let period = try Self.period(from: input.query.from, to: input.query.to)
        let report = try await session().report(period, team: input.query.team.map(Team.ID.init))
        return .ok(.init(body: .textMarkdown(HTTPBody(report.markdown))))
    }

    func getChart(_ input: Operations.GetChart.Input) async throws -> Operations.GetChart.Output {
        let query = input.query
        guard let chart = DashboardChart(rawValue: input.path.chart.rawValue) else {
            throw SmallWinsError.invalid(field: "chart", reason: "is not one of \(DashboardChart.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let dashboardQuery = DashboardQuery(period: try Self.period(from: query.from, to: query.to), bucket: query.bucket == .month ? .month : .week,
                                            asOf: Day.today())
        try dashboardQuery.validate()
        let dashboard = try await session().dashboard(dashboardQuery, team: query.team.map(Team.ID.init))
        return .ok(.init(body: .imageSvgXml(HTTPBody(SVGExporter(chart).document(dashboard)))))
    }

    func exportTable(_ input: Operations.ExportTable.Input) async throws -> Operations.ExportTable.Output {
        guard let table = ContentTable(rawValue: input.path.table.rawValue) else {
            throw SmallWinsError.invalid(field: "table", reason: "is not one of \(ContentTable.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let content = try await session().exportContent(team: input.query.team.map(Team.ID.init))
        return .ok(.init(body: .csv(StreamedExport.start(CSVExporter(table), of: content))))
    }

    /// `from`...`to`, each defaulting to the school year holding today.
    static func period(from: Day?, to: Day?) throws -> Period {
        let year = try Period.schoolYear(containing: Day.today())
        return try Period(from ?? year.first, through: to ?? year.last)
    }
}
