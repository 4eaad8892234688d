/// What `offhook check` prints for a set of scripts, and whether any had errors.
public struct CheckReport: Sendable {
    public var output: String
    public var errors: Int
    public var warnings: Int

    /// Loads and checks every script in `paths` with `loader`, rendering every problem.
    ///
    /// The last line sums up: `checked 2 scripts: 1 error, 0 warnings`.
    public init(paths: [String], loader: ScriptLoader = ScriptLoader()) {
        output = ""
        errors = 0
        warnings = 0
        let renderer = DiagnosticRenderer()
        for path in paths {
            let loaded = loader.load(path: path)
            output += renderer.render(loaded.diagnostics, in: loaded.file)
            errors += loaded.diagnostics.filter { $0.severity == .error }.count
            warnings += loaded.diagnostics.filter { $0.severity == .warning }.count
        }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        output += "checked \(plural(paths.count, "script")): \(plural(errors, "error")), \(plural(warnings, "warning"))\n"
    }
}
