/// A configuration file split into lines, with comments stripped and positions kept.
struct ConfigLines {
    struct Line {
        let number: Int
        /// The full source line (for diagnostics).
        let source: String
        /// The text before any comment, trimmed at the end.
        let content: Substring
    }

    let path: String
    let lines: [Line]

    init(path: String, text: String) {
        self.path = path
        var result: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let source = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            var content = Substring(source)
            if let hash = content.firstIndex(where: { $0 == "#" || $0 == ";" }) {
                content = content[..<hash]
            }
            while let last = content.last, last.isWhitespace { content = content.dropLast() }
            result.append(Line(number: index + 1, source: source, content: content))
        }
        lines = result
    }

    /// A diagnostic at `part` (a slice of `line.content`, or the whole line).
    func diagnostic(_ line: Line, at part: Substring? = nil, _ message: String, severity: ConfigDiagnostic.Severity = .error) -> ConfigDiagnostic {
        let column: Int
        let length: Int
        if let part, !part.isEmpty || part.startIndex >= line.content.startIndex {
            column = line.source.distance(from: line.source.startIndex, to: part.startIndex) + 1
            length = part.count
        } else {
            column = (line.content.firstIndex { !$0.isWhitespace }).map { line.source.distance(from: line.source.startIndex, to: $0) + 1 } ?? 1
            length = line.content.count
        }
        return ConfigDiagnostic(severity, at: ConfigLocation(file: path, line: line.number, column: column),
                                length: length, sourceLine: line.source, message)
    }
}

extension Substring {
    /// The text with surrounding spaces removed, still a slice of the same string.
    var trimmed: Substring {
        var s = self
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
