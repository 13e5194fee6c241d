import Foundation

/// The limits every stored text obeys, checked by ``Validatable/validate()`` before any write.
///
/// Names and titles are one line; stories and messages may span lines. No text may hold
/// control characters other than line feed and tab (and, in multi-line text, carriage return),
/// so nothing invisible or terminal-hijacking is stored.
package enum TextRules {
    /// Longest team, member, theme and group name.
    package static let nameLength = 120
    /// Longest win, goal and attempt title, and learning question.
    package static let titleLength = 200
    /// Longest story, summary, description, lesson or message.
    package static let storyLength = 20_000
    /// Longest single success-criteria line.
    package static let criterionLength = 500

    /// Checks a required single-line text: not blank, at most `limit` characters.
    package static func line(_ text: String, field: String, limit: Int) throws {
        try check(text, field: field, limit: limit, multiline: false)
    }

    /// Checks a required multi-line text: not blank, at most `limit` characters.
    package static func paragraph(_ text: String, field: String, limit: Int = storyLength) throws {
        try check(text, field: field, limit: limit, multiline: true)
    }

    /// Checks an optional multi-line text; `nil` is fine, blank is not.
    package static func optionalParagraph(_ text: String?, field: String, limit: Int = storyLength) throws {
        if let text { try paragraph(text, field: field, limit: limit) }
    }

    /// `text` with its ASCII letters in lower case and every other character kept: how emails compare.
    package static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Checks that a list holds no repeated element.
    package static func distinct<T: Hashable>(_ values: [T], field: String) throws {
        var seen = Set<T>()
        for value in values where !seen.insert(value).inserted {
            throw SmallWinsError.invalid(field: field, reason: "lists \(value) more than once")
        }
    }

    private static func check(_ text: String, field: String, limit: Int, multiline: Bool) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw SmallWinsError.invalid(field: field, reason: "must not be empty")
        }
        let count = text.count
        if count > limit {
            throw SmallWinsError.invalid(field: field, reason: "is \(count) characters; the limit is \(limit)")
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: continue
            case 0x0A, 0x0D:
                if !multiline {
                    throw SmallWinsError.invalid(field: field, reason: "must be a single line")
                }
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                throw SmallWinsError.invalid(
                    field: field,
                    reason: "contains control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))")
            case 0xFFFE, 0xFFFF:
                throw SmallWinsError.invalid(field: field, reason: "contains a Unicode noncharacter")
            default: continue
            }
        }
    }
}

/// A value that can check its own fields before it is stored.
public protocol Validatable {
    /// Throws ``SmallWinsError/invalid(field:reason:)`` for the first field that breaks a rule.
    func validate() throws
}

extension Validatable where Self: Identifiable {
    /// Checks a batch for a bulk write: every value, with fields named `field[i].name` when there are
    /// several, and no id twice (reported on `field`).
    public static func validate(batch values: [Self], field: String) throws {
        for (index, value) in values.enumerated() {
            do {
                try value.validate()
            } catch let SmallWinsError.invalid(name, reason) where values.count > 1 {
                throw SmallWinsError.invalid(field: "\(field)[\(index)].\(name)", reason: reason)
            }
        }
        try TextRules.distinct(values.map(\.id), field: field)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
