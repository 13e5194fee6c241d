import Foundation

/// The system's words for an `errno` value, in lower case to follow "cannot read PATH: ": "no such file or
/// directory", "no space left on device". One place for every file error SmallWins puts in words.
package func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
}
