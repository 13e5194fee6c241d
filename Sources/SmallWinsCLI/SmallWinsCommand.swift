import ArgumentParser
import Foundation
import SmallWins

/// `smallwins`: record and browse small wins from the terminal.
@main
struct SmallWinsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smallwins",
        abstract: "Track small wins: successes and lessons learned, tied to your team's goals.",
        discussion: """
            The database is ./smallwins.sqlite unless --database or SMALLWINS_DATABASE says otherwise;
            either may be a SQLite file or a postgres://user:password@host:port/database URL.
            Teams, members, themes, groups, goals and attempts can be named by id or by name.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, InfoCommand.self, TeamCommand.self, MemberCommand.self, GroupCommand.self, ThemeCommand.self,
            GoalCommand.self, QuestionCommand.self, AttemptCommand.self, WinCommand.self, CelebrateCommand.self,
            CelebrationCommand.self, DashboardCommand.self, DigestCommand.self, ReportCommand.self, ExportCommand.self,
            ImportCommand.self, CopyCommand.self, WatchCommand.self, AccessCommand.self, TokenCommand.self, ServeCommand.self,
        ])

    /// Runs the command, then closes the stores it opened; any error becomes one line on standard error and a
    /// non-zero exit.
    static func main() async {
        // Past a file-size limit (`ulimit -f`), a write fails with EFBIG and the file being written is removed,
        // instead of the signal ending the process part way through.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            await StoreSession.shared.close()
        } catch {
            await StoreSession.shared.close()
            let error = FileErrorInWords(error) ?? error
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let message = self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            // An import lists every bad row; other errors are one line.
            let shown = error is ImportError ? message : String(message.split(separator: "\n").first ?? "")
            FileHandle.standardError.write(Data("smallwins: \(shown)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
