/// The prompt recordings a script may use, per language.
///
/// A catalog comes from a prompt folder's `MANIFEST` (the names that `make prompts` will
/// produce, so scripts can be checked before the audio exists) and from the audio files found
/// under `PROMPTS/LANG/` (`ScriptLoader` builds both). Each `MANIFEST` line is
///
/// ```
/// LANG NAME [TEXT TO SPEAK]
/// en main/welcome Thank you for calling.
/// zh main/welcome 感谢您的来电。
/// ```
///
/// `#` starts a comment line. The text is what `make prompts` synthesises when no recording
/// exists; the checker only needs the name.
public struct PromptCatalog: Sendable, Hashable {
    /// Where the names came from, for messages (such as `IVRScripts/prompts/MANIFEST`).
    public var source: String
    /// Entries as `LANG/NAME`.
    public private(set) var entries: Set<String>
    /// Text to speak per entry, where the manifest gives one.
    public private(set) var texts: [String: String]
    /// Manifest lines that were not `LANG NAME [TEXT]` (1-based), for a warning.
    public var unreadableManifestLines: [Int] = []

    public init(source: String, entries: Set<String> = [], texts: [String: String] = [:]) {
        self.source = source
        self.entries = entries
        self.texts = texts
    }

    public func contains(_ name: String, language: String) -> Bool {
        entries.contains("\(language)/\(name)")
    }

    public mutating func insert(_ name: String, language: String) {
        entries.insert("\(language)/\(name)")
    }

    /// Adds the entries of a manifest's text; returns the numbers of lines it could not read.
    @discardableResult
    public mutating func addManifest(_ text: String) -> [Int] {
        var bad: [Int] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard fields.count >= 2 else { bad.append(index + 1); continue }
            let key = "\(fields[0])/\(fields[1])"
            entries.insert(key)
            if fields.count == 3 { texts[key] = String(fields[2]).trimmingSpaces }
        }
        return bad
    }
}
