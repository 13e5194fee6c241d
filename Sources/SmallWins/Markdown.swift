import Foundation

/// Writing user text into Markdown safely: it reads as the member wrote it and never turns into markup.
public enum Markdown {
    /// `text` on one line with Markdown's special characters backslash-escaped.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r", "\r\n":
                escaped.append(" ")
            default:
                escaped.append(character)
            }
        }
        return escaped
    }

    /// "1 success", "2 successes": a count with its noun.
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// `text` as a block quote, line by line, escaped.
    public static func quote(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { "> " + inline(String($0)) }.joined(separator: "\n")
    }
}
