import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins member ...`: people and their places on teams.
struct MemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Add, list, show, edit and delete members; join and leave teams.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self, Join.self, Leave.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member, optionally joining a team.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's name.") var name: String
        @Option(help: "Their email address.") var email: String?
        @Option(name: .customLong("in"), help: "The team that keeps their record (default: the team they join).") var organization: String?
        @Option(help: "A team they join.") var team: String?
        @Option(help: "Their role on that team: lead, member, coach or observer.") var role: Membership.Role = .member

        func validate() throws {
            if organization == nil, team == nil { throw ValidationError("give --in (who keeps the record) or --team (what they join)") }
        }

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let joined = try await team.asyncMap { try await resolver.team($0) }
            let keeper = try await organization.asyncMap { try await resolver.team($0) } ?? joined!
            let member = Member(name: name, email: email, in: keeper.id)
            let saved = try await store.create(member)
            if let joined {
                // Two writes: if joining fails, take the new member back out so nothing is left half-done.
                do {
                    _ = try await store.create(Membership(member: saved.id, team: joined.id, role: role))
                } catch {
                    try? await store.delete(saved.id)
                    throw error
                }
            }
            try Output(json: global.json).done("Added member \"\(saved.name)\" \(saved.id)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List members.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only members of this team and the teams inside it.") var scope: String?

        func run() async throws {
            let store = try await global.scopedStore(scope)
            let members = try await store.members()
            try Output(json: global.json).list(members, headers: ["ID", "NAME", "EMAIL"]) { [$0.id.short, $0.name, $0.email ?? ""] }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a member and their teams.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, email or id.") var member: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).member(member)
            let paths = TeamPaths(try await store.teams())
            let memberships = try await store.memberships(member: found.id, team: nil)
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("name", found.name), ("email", found.email ?? ""),
                ("kept by", paths.path(of: found.organization)),
                ("teams", memberships.map { "\(paths.path(of: $0.team)) (\($0.role.rawValue))" }.joined(separator: "\n")),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a member's name, email or keeping team.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, email or id.") var member: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new email address.") var email: String?
        @Option(name: .customLong("in"), help: "A new keeping team.") var organization: String?

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            var edited = try await resolver.member(member)
            if let name { edited.name = name }
            if let email { edited.email = email.isEmpty ? nil : email }
            if let organization { edited.organization = try await resolver.team(organization).id }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated member \"\(saved.name)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a member with no memberships, wins or celebrations.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, email or id.") var member: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).member(member)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted member \"\(found.name)\"", found)
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member to a team, or change their role there.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, email or id.") var member: String
        @Option(help: "The team to join.") var team: String
        @Option(help: "lead, member, coach or observer.") var role: Membership.Role = .member

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let membership = Membership(member: try await resolver.member(member).id, team: try await resolver.team(team).id, role: role)
            let existing = try await store.memberships(member: membership.member, team: membership.team)
            let saved = existing.isEmpty ? try await store.create(membership) : try await store.update(membership)
            try Output(json: global.json).done("\(member) is on \(team) as \(saved.role.rawValue)", saved)
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member from a team.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, email or id.") var member: String
        @Option(help: "The team to leave.") var team: String

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let (who, which) = (try await resolver.member(member), try await resolver.team(team))
            try await store.deleteMembership(member: who.id, team: which.id)
            try Output(json: global.json).done("\(who.name) left \(which.name)", Membership(member: who.id, team: which.id))
        }
    }
}
