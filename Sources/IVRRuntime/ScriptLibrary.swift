import IVRScript

/// The scripts a running system serves, by name, replaced only by versions that check clean.
///
/// On SIGHUP or a file change the owner loads the file again and calls `install(_:)`: a script
/// with errors is refused (its diagnostics are returned for the log) and the previous version
/// keeps serving. Calls already in progress are unaffected either way, because each `IVRCall`
/// holds the `Script` value it started with.
public struct ScriptLibrary: Sendable {
    /// A script ready to run, with the tables it ships with.
    public struct Entry: Sendable {
        public var script: Script
        public var tables: [String: CSVTable]
        /// The folder `PromptFile.path` is relative to.
        public var promptDirectory: String
        /// Counts installs of this name, starting at 1.
        public var version: Int
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    /// Installs `loaded` under `name` if it has no errors.
    ///
    /// - Returns: the errors that made it refuse the script (empty when installed).
    @discardableResult
    public mutating func install(_ loaded: ScriptLoader.Loaded, as name: String) -> [Diagnostic] {
        guard loaded.isUsable, let script = loaded.script else {
            return loaded.diagnostics.filter { $0.severity == .error }
        }
        entries[name] = Entry(script: script, tables: loaded.tables, promptDirectory: loaded.promptDirectory,
                              version: (entries[name]?.version ?? 0) + 1)
        return []
    }

    /// Returns a new call running the current version of `name`, or nil if there is none.
    public func makeCall(_ name: String) -> IVRCall? {
        entries[name].map { IVRCall(script: $0.script, tables: $0.tables) }
    }
}
