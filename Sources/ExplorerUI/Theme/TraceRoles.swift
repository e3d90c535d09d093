import TerminalCore

/// The explorer's own theme roles, beyond the terminal layer's generic ones.
extension ThemeRole {
    /// The screen's background.
    public static let background: ThemeRole = "background"
    /// A span's bar on the time axis.
    public static let bar: ThemeRole = "bar"
    /// The critical-path sections of a bar, and critical-path markers.
    public static let critical: ThemeRole = "critical"
    /// The time axis ruler and its tick labels.
    public static let axis: ThemeRole = "axis"
    /// An error that started at this span (a root cause), set apart from errors that merely
    /// bubbled up from below it (drawn in `error`).
    public static let origin: ThemeRole = "origin"
    /// Something that got better: a percentile that improved beyond noise, a path faster in B.
    public static let improved: ThemeRole = "improved"

    /// Every role a theme file may set (besides `services`).
    public static let themeRoles: [ThemeRole] = [
        .background, .text, .dim, .title, .border, .status, .selection, .bar, .critical, .error, .warning,
        .match, .axis, .origin, .improved,
    ]
}
