/// A position in a script: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A stretch of one line of a script; `length` is in characters and at least 1.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var length: Int

    public init(_ start: SourceLocation, length: Int = 1) {
        self.start = start
        self.length = max(1, length)
    }

    public init(line: Int, column: Int, length: Int = 1) {
        self.init(SourceLocation(line: line, column: column), length: length)
    }

    public var description: String { "\(start)+\(length)" }
}

/// The text of one script file, kept to quote lines in diagnostics.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user gave it; diagnostics print it unchanged.
    public var path: String
    public var text: String
    /// The lines without their terminators.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.last == "\r" ? $0.dropLast() : $0 }
    }

    /// Returns the text of line `number` (1-based), or nil past the end.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
