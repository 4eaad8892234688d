/// Splits a script into lines of tokens.
///
/// The language is line-oriented: each non-blank line is one statement. A line whose first
/// non-blank character is `#` is a comment (`#` elsewhere is the keypad key). Indentation is
/// free. The lexer never stops: unreadable text becomes an `.invalid` token plus a diagnostic.
public struct Lexer: Sendable {
    public init() {}

    /// Returns the non-empty token lines of `file` and the problems found.
    ///
    /// - Complexity: O(characters in the file).
    public func tokenize(_ file: SourceFile) -> (lines: [[Token]], diagnostics: [Diagnostic]) {
        var lines: [[Token]] = []
        var diagnostics: [Diagnostic] = []
        for (index, text) in file.lines.enumerated() {
            let tokens = tokenize(line: Array(text), number: index + 1, diagnostics: &diagnostics)
            if !tokens.isEmpty { lines.append(tokens) }
        }
        return (lines, diagnostics)
    }

    private func tokenize(line chars: [Character], number: Int, diagnostics: inout [Diagnostic]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func range(_ start: Int, _ end: Int) -> SourceRange {
            SourceRange(line: number, column: start + 1, length: end - start)
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\u{3000}" { i += 1; continue }
            if c == "#" && tokens.isEmpty {
                break  // a comment line
            }
            let start = i
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || "-_.".contains(chars[i]) { i += 1 }
                // A trailing '.' or '-' is not part of a name.
                while i > start + 1, ".-".contains(chars[i - 1]) { i -= 1 }
                tokens.append(Token(.word, String(chars[start..<i]), range(start, i)))
            } else if c.isASCII && c.isNumber {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || ".:-".contains(chars[i]) { i += 1 }
                while i > start + 1, ".-".contains(chars[i - 1]) { i -= 1 }
                let text = String(chars[start..<i])
                if let kind = Self.classify(text) {
                    tokens.append(Token(kind, text, range(start, i)))
                } else {
                    diagnostics.append(Diagnostic.unreadableValue(text).at(range(start, i)))
                    tokens.append(Token(.invalid, text, range(start, i)))
                }
            } else if c == "\"" || c == "“" {
                i += 1
                var text = ""
                var closed = false
                while i < chars.count {
                    let d = chars[i]
                    if d == "\"" || d == "”" { closed = true; i += 1; break }
                    if d == "\\", i + 1 < chars.count { text.append(chars[i + 1]); i += 2; continue }
                    text.append(d)
                    i += 1
                }
                if !closed {
                    diagnostics.append(Diagnostic.unterminatedString.at(range(start, start + 1)))
                }
                tokens.append(Token(.string, text, range(start, i)))
            } else if "<>!".contains(c), i + 1 < chars.count, chars[i + 1] == "=" {
                tokens.append(Token(.symbol, String(chars[i...i + 1]), range(i, i + 2)))
                i += 2
            } else if "*#,=():+-<>".contains(c) {
                tokens.append(Token(.symbol, String(c), range(i, i + 1)))
                i += 1
            } else if c == "，" {
                tokens.append(Token(.symbol, ",", range(i, i + 1)))
                i += 1
            } else {
                diagnostics.append(Diagnostic.unexpectedCharacter(c).at(range(i, i + 1)))
                tokens.append(Token(.invalid, String(c), range(i, i + 1)))
                i += 1
            }
        }
        return tokens
    }

    /// Whether `c` is `H:MM` or `HH:MM`.
    static func isTime(_ c: ArraySlice<Character>) -> Bool {
        let parts = c.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...2).contains(parts[0].count) && parts[1].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Returns what kind of value `text` (which starts with a digit) is, or nil.
    static func classify(_ text: String) -> Token.Kind? {
        let c = Array(text)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= c.count && c[r].allSatisfy { $0.isASCII && $0.isNumber } }
        if c.allSatisfy({ $0.isASCII && $0.isNumber }) { return .number }
        if let dot = c.firstIndex(of: "."), digits(0..<dot), dot + 1 < c.count, digits(dot + 1..<c.count) { return .number }
        if isTime(c[...]) { return .time }
        if let dash = c.firstIndex(of: "-"), isTime(c[..<dash]), isTime(c[(dash + 1)...]) { return .timeRange }
        if c.count == 10, digits(0..<4), c[4] == "-", digits(5..<7), c[7] == "-", digits(8..<10) { return .date }
        if let unitStart = c.firstIndex(where: { $0.isLetter }), unitStart > 0, digits(0..<unitStart),
           ["ms", "s", "m", "h", "min", "sec"].contains(String(c[unitStart...])) {
            return .duration
        }
        return nil
    }
}
