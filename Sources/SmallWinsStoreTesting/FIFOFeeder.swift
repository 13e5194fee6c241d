import Foundation

/// A named pipe that another thread fills with bytes once a reader opens it: a file that can be read only
/// once, front to back, like a pipe from another program.
public enum FIFOFeeder {
    /// Makes a FIFO at `path` and starts a thread that writes `bytes` into it and closes it; false when
    /// the FIFO cannot be made.
    public static func start(at path: String, feeding bytes: Data) -> Bool {
        guard mkfifo(path, 0o600) == 0 else { return false }
        Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(bytes)
            try? handle?.close()
        }.start()
        return true
    }
}
