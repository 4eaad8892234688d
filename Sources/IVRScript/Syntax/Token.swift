/// One lexical token of a script line.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A name or keyword: a letter followed by letters, digits, `-`, `_` or `.`.
        case word
        /// A whole or decimal number, such as `3` or `12.50`.
        case number
        /// A length of time, such as `5s`, `500ms` or `2m`.
        case duration
        /// A clock time `HH:MM`.
        case time
        /// A clock-time range `HH:MM-HH:MM`.
        case timeRange
        /// A calendar date `YYYY-MM-DD`.
        case date
        /// A double-quoted string; `text` holds it without quotes, escapes resolved.
        case string
        /// A single symbol: `*`, `#`, `,`, `=`, `(`, `)`, `:`, `+`, `-`, or a comparison.
        case symbol
        /// Text the lexer could not read; already reported.
        case invalid
    }

    public var kind: Kind
    public var text: String
    public var range: SourceRange

    public init(_ kind: Kind, _ text: String, _ range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// Whether this is the word `keyword` (keywords are case-insensitive).
    public func isWord(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    public func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }

    public var description: String { "\(kind) '\(text)' at \(range.start)" }
}
