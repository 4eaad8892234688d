/// A position in a configuration file.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a configuration file: where, what was wrong, and what was expected.
public struct ConfigDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: ConfigLocation
    public var message: String
    /// How many characters the caret underlines.
    public var length: Int
    /// The source line, for the rendering.
    public var sourceLine: String

    public init(_ severity: Severity = .error, at location: ConfigLocation, length: Int = 1, sourceLine: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.length = max(1, length)
        self.sourceLine = sourceLine
        self.message = message
    }

    /// `file:line:col: error: message`, the source line, and a caret under the problem.
    public var description: String {
        let lead = String(sourceLine.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " })
        let width = min(length, max(1, sourceLine.count - (location.column - 1)))
        return "\(location): \(severity.rawValue): \(message)\n\(sourceLine)\n\(lead)^\(String(repeating: "~", count: width - 1))"
    }
}

/// A configuration that could not be accepted, with every problem found.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ConfigDiagnostic]
    public init(_ diagnostics: [ConfigDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
