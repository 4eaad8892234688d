/// A data table shipped with a script: a CSV file whose first line names the columns and whose
/// first column is the key (an account number, a caller's number).
///
/// Fields may be quoted with `"` (a doubled `""` inside is one quote). Blank lines are skipped.
public struct CSVTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]
    private var index: [String: Int]

    /// Parses CSV text; returns nil when there is no header line.
    ///
    /// - Complexity: O(length of the text).
    public init?(text: String) {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            .filter { !$0.allSatisfy { $0 == " " } }
        guard !lines.isEmpty else { return nil }
        columns = Self.fields(lines.removeFirst())
        rows = lines.map(Self.fields)
        index = [:]
        for (i, row) in rows.enumerated() where !row.isEmpty && index[row[0]] == nil {
            index[row[0]] = i
        }
    }

    /// Returns the row whose key is `key`, as column name → value, or nil.
    ///
    /// - Complexity: O(1) on average.
    public func row(forKey key: String) -> [String: String]? {
        guard let i = index[key] else { return nil }
        var out: [String: String] = [:]
        for (column, value) in zip(columns, rows[i]) { out[column] = value }
        return out
    }

    static func fields(_ line: Substring) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field.trimmingSpaces)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field.trimmingSpaces)
        return out
    }
}
