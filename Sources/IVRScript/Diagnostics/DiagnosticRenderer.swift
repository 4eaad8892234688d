/// Renders diagnostics for a terminal, in the shape compilers use:
///
/// ```
/// IVRScripts/main.ivr:12:5: error: unknown action 'plya'
///     plya "welcome"
///     ^~~~
/// note: did you mean 'play'?
/// ```
///
/// The output is stable byte for byte; golden tests pin it.
public struct DiagnosticRenderer: Sendable {
    public init() {}

    /// Returns the rendering of `diagnostic` found in `file`, ending with a newline.
    public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        var out = file.path
        if let range = diagnostic.range {
            out += ":\(range.start.line):\(range.start.column)"
        }
        out += ": \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let range = diagnostic.range, let line = file.line(range.start.line) {
            out += line + "\n"
            // Keep tabs so the caret lines up under tab-indented text.
            let lead = line.prefix(range.start.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            let available = max(1, line.count - (range.start.column - 1))
            out += lead + "^" + String(repeating: "~", count: min(range.length, available) - 1) + "\n"
        }
        for note in diagnostic.notes {
            out += "note: \(note)\n"
        }
        return out
    }

    /// Returns the rendering of all `diagnostics` in order.
    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        diagnostics.map { render($0, in: file) }.joined()
    }
}
