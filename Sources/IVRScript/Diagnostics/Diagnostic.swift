/// How bad a diagnostic is: an error stops a script from loading; a warning does not.
public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (a: Self, b: Self) -> Bool { a == .warning && b == .error }
}

/// One problem found in a script: a located, stable-ID'd message with optional notes.
///
/// Build them through the static members in `Diagnostic+Messages.swift` so every message text
/// lives in one alphabetised place and each has a stable `id` that tests and tools can match.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    /// A stable identifier (for example `unknownAction`); never changes when the wording does.
    public var id: String
    /// Where the problem is; nil only for problems with no place (such as an unreadable file).
    public var range: SourceRange?
    /// Extra lines printed after the quoted source, each prefixed with `note: `.
    public var notes: [String]

    public init(_ severity: Severity, _ message: String, id: String, range: SourceRange? = nil, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.id = id
        self.range = range
        self.notes = notes
    }

    static func error(_ message: String, id: String) -> Self { Self(.error, message, id: id) }
    static func warning(_ message: String, id: String) -> Self { Self(.warning, message, id: id) }

    /// Returns a copy placed at `range`.
    public func at(_ range: SourceRange?) -> Self {
        var copy = self
        copy.range = range
        return copy
    }

    /// Returns a copy with `note` appended (nil notes are skipped).
    public func note(_ note: String?) -> Self {
        guard let note else { return self }
        var copy = self
        copy.notes.append(note)
        return copy
    }

    public var description: String {
        "\(range.map { "\($0.start): " } ?? "")\(severity.rawValue): \(message) [\(id)]"
    }
}
