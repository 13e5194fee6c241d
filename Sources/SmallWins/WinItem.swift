import Foundation

/// A win as a list shows it: the win, and what a front end would otherwise look up for each one.
public struct WinItem: Hashable, Sendable, Codable {
    /// The win.
    public var win: Win
    /// Its author's name.
    public var authorName: String
    /// Its team's path from the highest team the reader reads, joined by `/` ("North Elementary/Grade 3").
    public var teamPath: String
    /// How many celebrations it has.
    public var celebrationCount: Int

    /// A list item.
    public init(win: Win, authorName: String, teamPath: String, celebrationCount: Int) {
        self.win = win
        self.authorName = authorName
        self.teamPath = teamPath
        self.celebrationCount = celebrationCount
    }
}

/// A page of ``WinItem``s, newest first, and the cursor to the next page.
public struct WinItemPage: Hashable, Sendable, Codable {
    /// The items on this page.
    public var items: [WinItem]
    /// Where to continue, or `nil` when this is the last page.
    public var next: WinCursor?

    /// A page.
    public init(items: [WinItem], next: WinCursor?) {
        self.items = items
        self.next = next
    }
}
