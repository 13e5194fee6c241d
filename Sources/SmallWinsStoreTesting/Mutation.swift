import Foundation
import SmallWins
import SmallWinsDemo

/// Random edits for fuzzing importers: each keeps most of a valid file and breaks a little of it.
public enum Mutation {
    /// Bytes that make CSV and JSON hard: quotes, separators, brackets, line ends, NUL, invalid UTF-8, a BOM,
    /// multi-byte text, formula triggers and plausible values.
    public static let hardBytes: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8), [0], [0xFF], [0xC3],
        [0xEF, 0xBB, 0xBF], Array("é".utf8), Array("👩🏽‍🏫".utf8), Array("=".utf8), Array(";".utf8), Array("a".utf8), Array(" ".utf8),
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(":".utf8), Array("\\".utf8), Array("null".utf8),
        Array("2026-11-18".utf8), Array("2026-02-30".utf8), Array("success".utf8), Array("lesson".utf8),
    ]

    /// One random edit of `bytes`: insert, delete or flip a hard byte, cut to the end of a line, or repeat a line.
    public static func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes.insert(contentsOf: hardBytes.randomElement(using: &random)!, at: at)
        case 1: bytes.remove(at: at)
        case 2: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 3:
            let end = bytes[at...].firstIndex(of: 10) ?? bytes.count
            bytes.removeSubrange(at..<end)
        default:
            let start = bytes[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let end = bytes[at...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: bytes[start..<end], at: end)
        }
    }
}
