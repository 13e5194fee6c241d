import Foundation
import SmallWins

/// A Foundation file error as one line of words: the path and the reason, never the error domain's text
/// (`Error Domain=NSCocoaErrorDomain Code=260 …`). SmallWins' own file code throws its own errors; this is the
/// net under anything else Foundation throws.
struct FileErrorInWords: Error, CustomStringConvertible {
    let description: String

    /// `nil` when `error` is not a Foundation file error.
    init?(_ error: any Error) {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
        let reason: String
        if let posix, posix.domain == NSPOSIXErrorDomain {
            reason = systemErrorText(Int32(posix.code))
        } else {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or directory"
            case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
            case .fileWriteOutOfSpace: reason = "no space left on device"
            case .fileWriteVolumeReadOnly: reason = "read-only file system"
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: reason = "its bytes are not what was expected"
            default: reason = "it could not be read or written"
            }
        }
        description = "cannot use \(path ?? "a file"): \(reason)"
    }
}
