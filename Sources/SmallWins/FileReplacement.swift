import Foundation

/// A file written safely: the bytes go to a new temporary file beside the target (created with the user's
/// umask, or with the permissions of the file it replaces), which takes the target's name only once every
/// byte is written and synced (``commit()``). A failure part way (a full disk, a file-size limit, an error
/// thrown by the writer) removes the temporary file and leaves the target as it was; two processes writing the
/// same path each leave a whole file, the last one's. A target that is not a regular file (a folder, a device
/// such as `/dev/null` or `/dev/full`, a FIFO, a symbolic link) is refused before anything is written.
///
/// Every failure is ``SmallWinsError/invalid(field:reason:)`` for the `file` field, naming the path and the
/// reason in words ("cannot write out/wins.csv: no space left on device").
package final class FileReplacement {
    /// The path being replaced.
    package let path: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    /// Checks `path`, creates its folder when missing, and opens the temporary file beside it.
    package init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var existing = stat()
        var keep: (mode: mode_t, user: uid_t, group: gid_t)?
        if lstat(path, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: keep = (existing.st_mode & 0o7777, existing.st_uid, existing.st_gid)
            case S_IFDIR: throw Self.failure(path, "it is a folder")
            case S_IFLNK: throw Self.failure(path, "it is a symbolic link; give the path of the file itself")
            default: throw Self.failure(path, "it is a device, FIFO or socket, not a regular file; leave out the path to write to standard output")
            }
        } else if errno != ENOENT {
            throw Self.failure(path, errno)
        }
        try Self.makeFolder(folder, for: path)
        var random = SystemRandomNumberGenerator()
        var name = "", opened: Int32 = -1
        repeat {
            name = "\(folder)/.\(url.lastPathComponent).\(String(random.next() as UInt64, radix: 36)).tmp"
            opened = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while opened < 0 && errno == EEXIST
        guard opened >= 0 else { throw Self.failure(path, errno) }
        temporary = name
        descriptor = opened
        if let keep {
            fchmod(descriptor, keep.mode)
            if getuid() == 0 { fchown(descriptor, keep.user, keep.group) }
        }
    }

    deinit {
        guard !committed else { return }
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
    }

    /// Appends `bytes` to the temporary file.
    package func write(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(path, errno)
                }
                offset += written
            }
        }
    }

    /// Syncs the temporary file and gives it the target's name; after a failure the target is unchanged.
    package func commit() throws {
        guard !committed else { return }
        guard fsync(descriptor) == 0 else { throw Self.failure(path, errno) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Self.failure(path, errno) }
        guard rename(temporary, path) == 0 else { throw Self.failure(path, errno) }
        committed = true
    }

    /// Writes `data` to `path` safely, in one step.
    package static func write(_ data: Data, to path: String) throws {
        let file = try FileReplacement(path: path)
        try file.write(data)
        try file.commit()
    }

    /// Creates `folder` and the folders above it that are missing; throws naming `path` (the folder itself
    /// by default) and the reason.
    package static func makeFolder(_ folder: String, for path: String? = nil) throws {
        let path = path ?? folder
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw failure(path, "\(folder) is not a folder") }
            return
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder { try makeFolder(parent, for: path) }
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else { throw failure(path, errno) }
    }

    private static func failure(_ path: String, _ code: Int32) -> SmallWinsError {
        failure(path, systemErrorText(code))
    }

    private static func failure(_ path: String, _ reason: String) -> SmallWinsError {
        .invalid(field: "file", reason: "cannot write \(path): \(reason)")
    }
}
