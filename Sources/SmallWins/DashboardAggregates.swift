import Foundation

/// The dashboard's maintained aggregates, as SQL written once for every SQL backend: the tables, the
/// triggers that keep them exact in the same transaction as every write, and the statements that fill
/// them from existing data (a migration).
///
/// Every count is kept for each *scope*: each team and each of its ancestors, through the closure table
/// `team_ancestor(team_id, ancestor_id, own)`. A row with `own = 0` counts the scope's whole subtree; a
/// row with `own = 1` counts only wins recorded on that team itself (the roll-up's "this team" line).
/// So a district dashboard reads a handful of district rows instead of every win. Counts by member,
/// pair and theme are kept per month, the timeline per day; ``DashboardPlan`` reads them for month-aligned,
/// unfiltered dashboards and counts the wins directly otherwise. A subtraction can leave a row at zero;
/// readers skip those.
public struct DashboardAggregates: Sendable {
    /// The dialect the SQL is written in.
    public let dialect: any SQLDialect

    /// The aggregates for `dialect`.
    public init(dialect: any SQLDialect) { self.dialect = dialect }

    /// The statements of the migration that adds the aggregates: the closure table, the aggregate tables,
    /// both filled from the data already stored, then the triggers.
    public var migration: [String] {
        var statements = tables
        statements += backfill
        statements += triggers
        return statements
    }

    // MARK: - Tables

    /// A link table whose rows count towards some aggregates.
    enum Link: CaseIterable {
        case theme, group, shoutOut, celebration

        var table: String {
            switch self {
            case .theme: return "win_theme"
            case .group: return "win_group"
            case .shoutOut: return "win_shout_out"
            case .celebration: return "celebration"
            }
        }

        /// The link row's columns the aggregates read (besides `win_id`).
        var columns: [String] {
            switch self {
            case .theme: return ["theme_id"]
            case .group: return ["group_id"]
            case .shoutOut: return ["member_id"]
            case .celebration: return ["member_id", "kind"]
            }
        }
    }

    /// One aggregate table: its key (after `scope_id, own`), its counts, and where its rows come from.
    struct Table {
        enum Granularity { case day, month }
        let name: String
        let granularity: Granularity?
        /// Key columns after the time column: name, type, and the expression over the win `w` and link `l`.
        let keys: [(name: String, type: SQLColumnType, expression: String)]
        /// `true`: successes and lessons; `false`: one count `n`.
        let byKind: Bool
        let link: Link?
        /// A condition on `w` and `l` for a row to count.
        let condition: String?
        /// Whether the table also keeps `own = 1` rows (the roll-up reads them).
        let keepsOwn: Bool
    }

    static let tables: [Table] = [
        Table(name: "dash_day", granularity: .day, keys: [], byKind: true, link: nil, condition: nil, keepsOwn: true),
        Table(name: "dash_author", granularity: .month, keys: [("author_id", .id, "w.author_id")], byKind: true, link: nil,
              condition: nil, keepsOwn: true),
        Table(name: "dash_goal", granularity: .month, keys: [("goal_id", .id, "w.goal_id")], byKind: true, link: nil,
              condition: "w.goal_id IS NOT NULL", keepsOwn: false),
        Table(name: "dash_attempt", granularity: .month, keys: [("attempt_id", .id, "w.attempt_id")], byKind: true, link: nil,
              condition: "w.attempt_id IS NOT NULL", keepsOwn: false),
        Table(name: "dash_theme", granularity: .month, keys: [("theme_id", .id, "l.theme_id")], byKind: true, link: .theme,
              condition: nil, keepsOwn: false),
        Table(name: "dash_group", granularity: .month, keys: [("group_id", .id, "l.group_id")], byKind: true, link: .group,
              condition: nil, keepsOwn: false),
        Table(name: "dash_equity", granularity: .month, keys: [("goal_id", .id, "w.goal_id"), ("group_id", .id, "l.group_id")],
              byKind: false, link: .group, condition: "w.goal_id IS NOT NULL", keepsOwn: false),
        Table(name: "dash_shout_out", granularity: .month, keys: [("from_id", .id, "w.author_id"), ("to_id", .id, "l.member_id")],
              byKind: false, link: .shoutOut, condition: nil, keepsOwn: false),
        Table(name: "dash_celebration", granularity: .month, keys: [("kind", .text, "l.kind")], byKind: false, link: .celebration,
              condition: nil, keepsOwn: true),
        Table(name: "dash_celebration_pair", granularity: .month, keys: [("from_id", .id, "l.member_id"), ("to_id", .id, "w.author_id")],
              byKind: false, link: .celebration, condition: nil, keepsOwn: false),
        // The bright spots: celebrations per win, with the win's day, walked in order of most celebrated.
        Table(name: "dash_bright", granularity: nil, keys: [("win_id", .id, "w.id")], byKind: false, link: .celebration,
              condition: nil, keepsOwn: false),
    ]

    /// The aggregate tables' names (besides the closure table `team_ancestor`).
    public static var tableNames: [String] { tables.map(\.name) }

    private var tables: [String] {
        let id = dialect.columnType(.id), integer = dialect.columnType(.integer)
        var statements = [
            """
            CREATE TABLE \(dialect.table("team_ancestor")) (
                team_id \(id) NOT NULL, own \(integer) NOT NULL, ancestor_id \(id) NOT NULL,
                PRIMARY KEY (team_id, own, ancestor_id)
            )\(dialect.keyedTableSuffix)
            """,
            "CREATE INDEX team_ancestor_below ON \(dialect.table("team_ancestor")) (ancestor_id, own, team_id)",
        ]
        for table in Self.tables {
            var columns = ["scope_id \(id) NOT NULL", "own \(integer) NOT NULL"]
            var key = ["scope_id", "own"]
            switch table.granularity {
            case .day?: columns.append("day \(dialect.columnType(.day)) NOT NULL"); key.append("day")
            case .month?: columns.append("month \(dialect.columnType(.day)) NOT NULL"); key.append("month")
            case nil: break
            }
            for column in table.keys {
                columns.append("\(column.name) \(dialect.columnType(column.type)) NOT NULL")
                key.append(column.name)
            }
            if table.granularity == nil { columns.append("day \(dialect.columnType(.day)) NOT NULL") }
            columns += table.byKind ? ["successes \(integer) NOT NULL", "lessons \(integer) NOT NULL"] : ["n \(integer) NOT NULL"]
            statements.append("""
                CREATE TABLE \(dialect.table(table.name)) (
                    \(columns.joined(separator: ", ")),
                    PRIMARY KEY (\(key.joined(separator: ", ")))
                )\(dialect.keyedTableSuffix)
                """)
        }
        statements.append("CREATE INDEX dash_bright_order ON \(dialect.table("dash_bright")) (scope_id, own, n, day, win_id)")
        return statements
    }

    // MARK: - Contributions

    /// Where counted rows come from: FROM items (the win aliased `w`, a link aliased `l`) and conditions.
    struct Source {
        var items: [String]
        var conditions: [String]
    }

    /// A derived one-row table `alias` of `columns` read from a trigger's `NEW` or `OLD` row.
    private func row(_ prefix: String, _ columns: [String], as alias: String) -> String {
        "(SELECT " + columns.map { "\(prefix).\($0) AS \($0)" }.joined(separator: ", ") + ") \(alias)"
    }

    private static let winColumns = ["id", "team_id", "author_id", "kind", "day", "goal_id", "attempt_id"]

    /// The statement adding (`sign` 1) or subtracting (-1) the counts of `source`'s rows to `table`, for
    /// each ancestor of the team `ancestorsOf` (by default each win's own team and those above it).
    func contribute(_ table: Table, sign: Int, from source: Source, ancestorsOf: String = "w.team_id", ownRows: Bool = true) -> String {
        let t = dialect.table(table.name)
        let minus = sign < 0 ? "-" : ""
        var columns = ["scope_id", "own"]
        var select = ["a.ancestor_id", "a.own"]
        switch table.granularity {
        case .day?: columns.append("day"); select.append("w.day")
        case .month?: columns.append("month"); select.append(dialect.monthStart("w.day"))
        case nil: break
        }
        columns += table.keys.map(\.name)
        select += table.keys.map(\.expression)
        let grouped = select
        let key = columns
        // An engine that applies an upsert row by row takes one row per counted win or link; another needs
        // each key once per statement, so the rows are summed first.
        let perRow = dialect.upsertsRowByRow
        func total(_ value: String) -> String { perRow ? "\(minus)\(value)" : "\(minus)SUM(\(value))" }
        if table.granularity == nil {
            columns.append("day")
            select.append(perRow ? "w.day" : "MAX(w.day)")
        }
        let counts = table.byKind ? ["successes", "lessons"] : ["n"]
        columns += counts
        select += table.byKind
            ? [total("CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END"), total("CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END")]
            : [total("1")]
        var conditions = ["a.team_id = \(ancestorsOf)"] + source.conditions
        if !(table.keepsOwn && ownRows) { conditions.append("a.own = 0") }
        if let condition = table.condition { conditions.append(condition) }
        var updates = counts.map { "\($0) = \(table.name).\($0) + excluded.\($0)" }
        if table.granularity == nil { updates.append("day = excluded.day") }
        return """
            INSERT INTO \(t) (\(columns.joined(separator: ", ")))
            SELECT \(select.joined(separator: ", "))
            FROM \((source.items + ["\(dialect.table("team_ancestor")) a"]).joined(separator: ", "))
            WHERE \(conditions.joined(separator: " AND "))\(perRow ? "" : "\nGROUP BY " + grouped.joined(separator: ", "))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))
            """
    }

    /// The tables a win's own row counts towards, and those each link counts towards.
    private static var baseTables: [Table] { tables.filter { $0.link == nil } }
    private static func tables(of link: Link) -> [Table] { tables.filter { $0.link == link } }

    /// Every count of the wins in `wins` (a FROM item aliased `w`, plus conditions), links included.
    private func everything(sign: Int, wins: Source, ancestorsOf: String = "w.team_id", ownRows: Bool = true) -> [String] {
        var statements = Self.baseTables.map { contribute($0, sign: sign, from: wins, ancestorsOf: ancestorsOf, ownRows: ownRows) }
        for link in Link.allCases {
            let source = Source(items: wins.items + ["\(dialect.table(link.table)) l"], conditions: wins.conditions + ["l.win_id = w.id"])
            statements += Self.tables(of: link).map { contribute($0, sign: sign, from: source, ancestorsOf: ancestorsOf, ownRows: ownRows) }
        }
        return statements
    }

    // MARK: - Backfill

    private var backfill: [String] {
        let team = dialect.table("team"), closure = dialect.table("team_ancestor")
        return [
            """
            INSERT INTO \(closure) (team_id, own, ancestor_id)
            WITH RECURSIVE up(team_id, ancestor_id) AS (
                SELECT id, id FROM \(team)
                UNION ALL SELECT up.team_id, t.parent_id FROM up JOIN \(team) t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
            ) SELECT team_id, 0, ancestor_id FROM up
            """,
            "INSERT INTO \(closure) (team_id, own, ancestor_id) SELECT id, 1, id FROM \(team)",
        ] + everything(sign: 1, wins: Source(items: ["\(dialect.table("win")) w"], conditions: []))
    }

    // MARK: - Triggers

    private var triggers: [String] {
        var triggers: [SQLTrigger] = []
        let win = dialect.table("win")
        let facts = ["team_id", "day", "kind", "author_id", "goal_id", "attempt_id"]

        // A new win counts once per base table; its links arrive after it, through their own triggers.
        if dialect.supportsTransitionTables {
            triggers.append(SQLTrigger(name: "dash_win_insert", table: "win", timing: .after, event: .insert, transitionTable: "inserted",
                                       body: Self.baseTables.map { contribute($0, sign: 1, from: Source(items: ["inserted w"], conditions: [])) }))
        } else {
            let new = Source(items: [row("NEW", Self.winColumns, as: "w")], conditions: [])
            triggers.append(SQLTrigger(name: "dash_win_insert", table: "win", timing: .after, event: .insert,
                                       body: Self.baseTables.map { contribute($0, sign: 1, from: new) }))
        }
        // A deleted win takes its links and celebrations with it first, while it still exists for their triggers.
        let old = Source(items: [row("OLD", Self.winColumns, as: "w")], conditions: [])
        triggers.append(SQLTrigger(
            name: "dash_win_delete", table: "win", timing: .before, event: .delete,
            body: Link.allCases.map { "DELETE FROM \(dialect.table($0.table)) WHERE win_id = OLD.id" }
                + Self.baseTables.map { contribute($0, sign: -1, from: old) }))
        // A win whose facts change moves every count it makes, links and celebrations included.
        triggers.append(SQLTrigger(
            name: "dash_win_update", table: "win", timing: .after, event: .update(facts),
            condition: facts.map { dialect.isDistinct("OLD.\($0)", "NEW.\($0)") }.joined(separator: " OR "),
            body: everything(sign: -1, wins: old) + everything(sign: 1, wins: Source(items: [row("NEW", Self.winColumns, as: "w")], conditions: []))))

        for link in Link.allCases {
            let columns = ["win_id"] + link.columns
            let tables = Self.tables(of: link)
            func source(_ item: String) -> Source { Source(items: [item, "\(win) w"], conditions: ["w.id = l.win_id"]) }
            if dialect.supportsTransitionTables {
                triggers.append(SQLTrigger(name: "\(link.table)_dash_insert", table: link.table, timing: .after, event: .insert,
                                           transitionTable: "inserted", body: tables.map { contribute($0, sign: 1, from: source("inserted l")) }))
            } else {
                triggers.append(SQLTrigger(name: "\(link.table)_dash_insert", table: link.table, timing: .after, event: .insert,
                                           body: tables.map { contribute($0, sign: 1, from: source(row("NEW", columns, as: "l"))) }))
            }
            triggers.append(SQLTrigger(name: "\(link.table)_dash_delete", table: link.table, timing: .after, event: .delete,
                                       body: tables.map { contribute($0, sign: -1, from: source(row("OLD", columns, as: "l"))) }))
            triggers.append(SQLTrigger(
                name: "\(link.table)_dash_update", table: link.table, timing: .after, event: .update(columns),
                condition: columns.map { dialect.isDistinct("OLD.\($0)", "NEW.\($0)") }.joined(separator: " OR "),
                body: tables.map { contribute($0, sign: -1, from: source(row("OLD", columns, as: "l"))) }
                    + tables.map { contribute($0, sign: 1, from: source(row("NEW", columns, as: "l"))) }))
        }

        triggers += teamTriggers
        return triggers.flatMap(dialect.createTrigger)
    }

    /// The closure follows every new, moved and deleted team; a move carries its subtree's counts from the
    /// old ancestors to the new ones.
    private var teamTriggers: [SQLTrigger] {
        let closure = dialect.table("team_ancestor")
        let insert = SQLTrigger(name: "team_dash_insert", table: "team", timing: .after, event: .insert, body: [
            "INSERT INTO \(closure) (team_id, own, ancestor_id) VALUES (NEW.id, 0, NEW.id)",
            "INSERT INTO \(closure) (team_id, own, ancestor_id) VALUES (NEW.id, 1, NEW.id)",
            "INSERT INTO \(closure) (team_id, own, ancestor_id) SELECT NEW.id, 0, ancestor_id FROM \(closure) WHERE team_id = NEW.parent_id AND own = 0",
        ])
        let moved = Source(items: ["\(dialect.table("win")) w", "\(closure) d"],
                           conditions: ["d.team_id = w.team_id", "d.ancestor_id = NEW.id", "d.own = 0"])
        let move = SQLTrigger(
            name: "team_dash_move", table: "team", timing: .after, event: .update(["parent_id"]),
            condition: "\(dialect.isDistinct("OLD.parent_id", "NEW.parent_id")) AND OLD.parent_id IS NOT NULL AND NEW.parent_id IS NOT NULL",
            body: everything(sign: -1, wins: moved, ancestorsOf: "OLD.parent_id", ownRows: false)
                + everything(sign: 1, wins: moved, ancestorsOf: "NEW.parent_id", ownRows: false)
                + [
                    """
                    DELETE FROM \(closure) WHERE own = 0
                    AND team_id IN (SELECT team_id FROM \(closure) WHERE ancestor_id = NEW.id AND own = 0)
                    AND ancestor_id IN (SELECT ancestor_id FROM \(closure) WHERE team_id = OLD.parent_id AND own = 0)
                    """,
                    """
                    INSERT INTO \(closure) (team_id, own, ancestor_id)
                    SELECT d.team_id, 0, a.ancestor_id FROM \(closure) d, \(closure) a
                    WHERE d.ancestor_id = NEW.id AND d.own = 0 AND a.team_id = NEW.parent_id AND a.own = 0
                    """,
                ])
        let delete = SQLTrigger(name: "team_dash_delete", table: "team", timing: .after, event: .delete,
                                body: ["DELETE FROM \(closure) WHERE team_id = OLD.id"]
                                    + Self.tables.map { "DELETE FROM \(dialect.table($0.name)) WHERE scope_id = OLD.id" })
        return [insert, move, delete]
    }
}

/// A column type, named per engine by ``SQLDialect/columnType(_:)``.
public enum SQLColumnType: Sendable {
    /// A UUID.
    case id
    /// A calendar day.
    case day
    /// A whole number.
    case integer
    /// Text.
    case text
}

/// A row trigger (or, with a transition table, a statement trigger), written per engine by
/// ``SQLDialect/createTrigger(_:)``. The body refers to the row as `NEW` and `OLD`.
public struct SQLTrigger: Sendable {
    /// Before or after the change.
    public enum Timing: String, Sendable { case before = "BEFORE", after = "AFTER" }
    /// The change that fires it.
    public enum Event: Sendable {
        /// A row inserted.
        case insert
        /// A row deleted.
        case delete
        /// One of these columns updated.
        case update([String])

        /// The event as SQL (`INSERT`, `DELETE`, `UPDATE OF a, b`).
        public var sql: String {
            switch self {
            case .insert: return "INSERT"
            case .delete: return "DELETE"
            case .update(let columns): return "UPDATE OF " + columns.joined(separator: ", ")
            }
        }
    }

    /// The trigger's name (unique per engine schema).
    public let name: String
    /// The table it watches (unqualified).
    public let table: String
    /// Before or after.
    public let timing: Timing
    /// What fires it.
    public let event: Event
    /// A condition on `OLD` and `NEW` for it to run.
    public let condition: String?
    /// For an insert trigger run once per statement: the name of the table of inserted rows.
    public let transitionTable: String?
    /// The statements it runs, in order.
    public let body: [String]

    /// A trigger.
    public init(name: String, table: String, timing: Timing, event: Event, condition: String? = nil,
                transitionTable: String? = nil, body: [String]) {
        self.name = name
        self.table = table
        self.timing = timing
        self.event = event
        self.condition = condition
        self.transitionTable = transitionTable
        self.body = body
    }
}
