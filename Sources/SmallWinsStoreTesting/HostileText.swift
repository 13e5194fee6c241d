import Foundation

/// Text an attacker or a careless paste puts in a field: SQL fragments, quotes, markup, right-to-left
/// overrides, formula triggers, format strings, combining marks and emoji; paragraphs add line breaks, tabs
/// and a 10,000-character line. Every store and exporter must keep it exactly, and show it safely.
public enum HostileText {
    /// One-line values (fit every name and title).
    public static let lines = [
        "Robert'); DROP TABLE win;--", "\" OR \"1\"=\"1", "<script>alert('x')</script>", "\u{202E}evil\u{202C} right-to-left",
        "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@import url(x)", "back\\slash %s %n {0} $1 \\N", "é e\u{301} 👩🏽‍🏫 ﷽",
        "]]> <!-- --> &amp; &lt;",
    ]

    /// Multi-line values, for stories and descriptions.
    public static let paragraphs = lines + [
        "line one\nline two\r\nline three\twith a tab", String(repeating: "ab ", count: 3_334),
    ]

    /// Values every field must refuse, with why: NUL and other control characters.
    public static let refused = ["nul \u{0} inside", "bell \u{7}", "escape \u{1B}[31m"]
}
