import Foundation
import Testing

/// `--out` writes a file whole or not at all: devices, FIFOs, symbolic links and folders are refused with one
/// line and left as they were; an existing file keeps its permissions; a new one gets the umask's; a full disk
/// or a file-size limit leaves the old file and no temporary file behind, with the path and reason in words.
@Suite("smallwins --out writes safely", .serialized)
struct CLISafeFileTests {
    /// The demo district's database in a fresh folder, and the arguments that export its wins as CSV.
    func demo() throws -> (CLIRunner, [String]) {
        let cli = try CLIRunner()
        try cli.ok("demo", "--out", "demo")
        return (cli, ["export", "csv", "--database", "demo/demo.sqlite", "--out"])
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        lstat(path, &status)
        return status.st_mode
    }

    /// The names in `folder`, hidden ones too.
    func names(in folder: URL) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) }

    @Test func targetsThatAreNotRegularFilesAreRefusedAndLeftAlone() throws {
        let (cli, export) = try demo()
        defer { cli.cleanUp() }
        let fifo = cli.folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try Data("kept".utf8).write(to: cli.folder.appendingPathComponent("real.csv"))
        #expect(symlink("real.csv", cli.folder.appendingPathComponent("link.csv").path) == 0)
        let cases = [("/dev/null", "device"), ("/dev/full", "device"), (fifo, "FIFO"), ("link.csv", "symbolic link")]
        for (path, word) in cases {
            let before = mode(path.hasPrefix("/") ? path : cli.folder.appendingPathComponent(path).path)
            let result = try cli.run(export + [path])
            #expect(result.status != 0, "\(path)")
            #expect(result.error.hasPrefix("smallwins: invalid file: cannot write \(path): ") && result.error.contains(word), "\(result.error)")
            #expect(result.error.split(separator: "\n").count == 1 && !result.error.contains("NSCocoaErrorDomain"))
            #expect(mode(path.hasPrefix("/") ? path : cli.folder.appendingPathComponent(path).path) == before, "\(path) is as it was")
        }
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("real.csv"), encoding: .utf8) == "kept")
        print("--out refused for \(cases.count) targets that are not regular files; each left as it was")
    }

    @Test func permissionsAreKeptOrComeFromTheUmask() throws {
        let (cli, export) = try demo()
        defer { cli.cleanUp() }
        let existing = cli.folder.appendingPathComponent("private.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: existing))
        chmod(existing, 0o600)
        try cli.ok(export + [existing])
        #expect(mode(existing) & 0o777 == 0o600)
        #expect(try String(contentsOf: URL(fileURLWithPath: existing), encoding: .utf8).hasPrefix("id,"))

        let mask = umask(0o022)
        umask(mask)
        let fresh = cli.folder.appendingPathComponent("new/fresh.csv").path
        try cli.ok(export + [fresh])
        #expect(mode(fresh) & 0o777 == 0o666 & ~mask & 0o777)
    }

    @Test func aFullDiskOrASizeLimitLeavesTheOldFileAndNoTemporaryFile() throws {
        let (cli, export) = try demo()
        defer { cli.cleanUp() }
        // A file-size limit (ulimit -f, in blocks of 1,024 bytes) far below the export's size.
        let limited = cli.folder.appendingPathComponent("limited.csv")
        try Data("old".utf8).write(to: limited)
        let names = try self.names(in: cli.folder)
        let quoted = (export + [limited.path]).map { "'\($0)'" }.joined(separator: " ")
        let shell = try cli.shell("ulimit -f 256; exec '\(CLIRunner.binary.path)' \(quoted)")
        #expect(shell.status != 0)
        #expect(shell.error == "smallwins: invalid file: cannot write \(limited.path): file too large\n", "\(shell.error)")
        #expect(try String(contentsOf: limited, encoding: .utf8) == "old")
        #expect(try self.names(in: cli.folder) == names, "no temporary file is left")

        // A real full disk: a 64 KB tmpfs, when this machine lets the tests mount one (as root).
        let disk = cli.folder.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard try cli.shell("mount -t tmpfs -o size=64k tmpfs '\(disk.path)'").status == 0 else {
            print("full disk: skipped, cannot mount a tmpfs here (the size limit above takes the same path)")
            return
        }
        defer { _ = try? cli.shell("umount '\(disk.path)'") }
        let full = disk.appendingPathComponent("wins.csv")
        try Data("old".utf8).write(to: full)
        let result = try cli.run(export + [full.path])
        #expect(result.status != 0)
        #expect(result.error == "smallwins: invalid file: cannot write \(full.path): no space left on device\n", "\(result.error)")
        #expect(try String(contentsOf: full, encoding: .utf8) == "old")
        #expect(try self.names(in: disk) == ["wins.csv"], "no temporary file is left")
        print("full disk: the export was refused with ENOSPC, the old file kept, nothing else left")
    }
}
