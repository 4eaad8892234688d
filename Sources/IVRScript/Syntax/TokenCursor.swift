/// A parse failure on one line; the parser reports it and moves to the next line.
struct ParseFailure: Error {
    var diagnostic: Diagnostic
}

/// Reads the tokens of one line from left to right.
struct TokenCursor {
    let tokens: [Token]
    private(set) var index = 0

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    var isAtEnd: Bool { index >= tokens.count }
    var peek: Token? { isAtEnd ? nil : tokens[index] }
    var peekNext: Token? { index + 1 < tokens.count ? tokens[index + 1] : nil }

    /// The place just after the last token, for "expected … at end of line".
    var endRange: SourceRange {
        guard let last = tokens.last else { return SourceRange(line: 1, column: 1) }
        return SourceRange(line: last.range.start.line, column: last.range.start.column + last.range.length)
    }

    /// The range of the next token, or of the end of the line.
    var here: SourceRange { peek?.range ?? endRange }

    mutating func next() -> Token? {
        defer { index += 1 }
        return peek
    }

    /// Consumes the word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        if peek?.isWord(keyword) == true { index += 1; return true }
        return false
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        if peek?.isSymbol(symbol) == true { index += 1; return true }
        return false
    }

    /// Returns a failure saying `what` was expected here.
    func expected(_ what: String) -> ParseFailure {
        if let token = peek {
            return ParseFailure(diagnostic: Diagnostic.expected(what, found: token.text).at(token.range))
        }
        return ParseFailure(diagnostic: Diagnostic.expectedAtEndOfLine(what).at(endRange))
    }

    mutating func expect(_ keyword: String) throws(ParseFailure) {
        guard accept(keyword) else { throw expected("'\(keyword)'") }
    }

    mutating func expectWord(_ what: String) throws(ParseFailure) -> Located<String> {
        guard let token = peek, token.kind == .word else { throw expected(what) }
        index += 1
        return Located(token.text, token.range)
    }

    mutating func expectString(_ what: String) throws(ParseFailure) -> Located<String> {
        guard let token = peek, token.kind == .string else { throw expected(what) }
        index += 1
        return Located(token.text, token.range)
    }

    mutating func expectDuration() throws(ParseFailure) -> Located<Duration> {
        guard let token = peek, token.kind == .duration || token.kind == .number else {
            throw expected("a length of time such as '5s'")
        }
        guard token.kind == .duration, let duration = Self.duration(token.text) else {
            throw ParseFailure(diagnostic: Diagnostic.missingTimeUnit(token.text).at(token.range))
        }
        index += 1
        return Located(duration, token.range)
    }

    mutating func expectInteger(_ what: String) throws(ParseFailure) -> Located<Int> {
        guard let token = peek, token.kind == .number, let value = Int(token.text) else { throw expected(what) }
        index += 1
        return Located(value, token.range)
    }

    /// Fails unless the line has been read to its end.
    func expectEnd() throws(ParseFailure) {
        if let token = peek {
            throw ParseFailure(diagnostic: Diagnostic.extraText(token.text).at(token.range))
        }
    }

    /// Parses `5s`, `500ms`, `2m`, `1h` (also `sec`, `min`).
    static func duration(_ text: String) -> Duration? {
        guard let unitStart = text.firstIndex(where: { $0.isLetter }), let value = Int(text[..<unitStart]) else { return nil }
        switch text[unitStart...] {
        case "ms": return .milliseconds(value)
        case "s", "sec": return .seconds(value)
        case "m", "min": return .seconds(value * 60)
        case "h": return .seconds(value * 3600)
        default: return nil
        }
    }
}
