import Foundation

/// Colours and type shared by every chart.
///
/// The palette is Okabe and Ito's, which stays distinguishable with the common colour-vision
/// deficiencies; every colour also has a text label next to it, so no chart relies on colour alone.
enum ChartStyle {
    /// Successes.
    static let success = "#0072B2"
    /// Lessons learned.
    static let lesson = "#E69F00"
    /// What needs attention: focus groups below the threshold, the threshold line.
    static let alert = "#D55E00"
    /// Neutral bars (participation).
    static let neutral = "#009E73"
    /// Text.
    static let ink = "#1f2328"
    /// Secondary text.
    static let muted = "#57606a"
    /// Grid lines and empty tracks.
    static let grid = "#d0d7de"
    /// Bar tracks.
    static let track = "#eef1f4"
    /// The page.
    static let background = "#ffffff"
    /// System fonts only: no font is fetched.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
}
