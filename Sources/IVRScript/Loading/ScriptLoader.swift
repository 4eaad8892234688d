import Foundation

/// Reads a script and what it ships with (prompt manifest, recordings, tables) from disk,
/// parses and checks it.
///
/// This is the one place in `IVRScript` that touches the file system; `Parser` and `Checker`
/// work on values, so tests and the runtime can use them without files.
public struct ScriptLoader: Sendable {
    /// Audio file extensions counted as prompt recordings.
    public static let audioExtensions: Set<String> = ["wav", "gsm", "ul", "ulaw", "al", "alaw", "raw", "sln", "pcm"]

    /// Whether to check prompt names against the prompt folder (`--no-prompt-check` turns it off).
    public var checksPrompts: Bool
    /// The extension numbers `transfer extension` may name (from offhook.conf); nil skips the check.
    public var extensions: Set<String>?

    public init(checksPrompts: Bool = true, extensions: Set<String>? = nil) {
        self.checksPrompts = checksPrompts
        self.extensions = extensions
    }

    /// The result of loading one script.
    public struct Loaded: Sendable {
        public var file: SourceFile
        /// The parsed script; nil only when the file could not be read.
        public var script: Script?
        /// Parse and check problems, in line order.
        public var diagnostics: [Diagnostic]
        /// The tables the script declares, read from disk, by table name.
        public var tables: [String: CSVTable]
        /// The prompt catalog the script was checked against.
        public var prompts: PromptCatalog?
        /// The script's prompt folder, resolved against the script's folder: a `PromptFile`'s
        /// `path` is relative to it.
        public var promptDirectory: String = "prompts"

        /// Whether the script can be loaded into the runtime (no errors).
        public var isUsable: Bool { script != nil && !diagnostics.contains { $0.severity == .error } }
    }

    /// Loads and checks the script at `path`.
    public func load(path: String) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            let file = SourceFile(path: path, text: "")
            return Loaded(file: file, script: nil, diagnostics: [Diagnostic.cannotRead(path, reason: "no such file")],
                          tables: [:], prompts: nil)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let file = SourceFile(path: path, text: "")
            return Loaded(file: file, script: nil, diagnostics: [Diagnostic.cannotRead(path, reason: "not UTF-8 text")],
                          tables: [:], prompts: nil)
        }
        let file = SourceFile(path: path, text: text)
        let directory = (path as NSString).deletingLastPathComponent
        return load(file, directory: directory)
    }

    /// Parses and checks `file`, resolving its prompt folder and tables relative to `directory`.
    public func load(_ file: SourceFile, directory: String) -> Loaded {
        let (script, parseDiagnostics) = Parser().parse(file)
        var diagnostics = parseDiagnostics
        var tables: [String: CSVTable] = [:]
        for table in script.tables {
            let path = Self.resolve(table.path.value, in: directory)
            if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
               let parsed = CSVTable(text: text) {
                tables[table.name.value] = parsed
            }
        }
        var catalog: PromptCatalog?
        let promptDirectory = script.promptDirectory?.value ?? "prompts"
        if checksPrompts {
            catalog = Self.catalog(at: Self.resolve(promptDirectory, in: directory), named: Self.display(promptDirectory, in: directory))
            if catalog == nil {
                diagnostics.append(Diagnostic.noPromptCatalog(Self.display(promptDirectory, in: directory)))
            }
            for line in catalog?.unreadableManifestLines ?? [] {
                diagnostics.append(Diagnostic.badManifestLine(catalog!.source, line: line))
            }
        }
        let environment = CheckEnvironment(prompts: catalog, tableColumns: tables.mapValues(\.columns),
                                           checksFlow: !parseDiagnostics.contains { $0.severity == .error }, extensions: extensions)
        diagnostics += Checker().check(script, environment: environment)
        diagnostics = Self.inLineOrder(diagnostics)
        return Loaded(file: file, script: script, diagnostics: diagnostics, tables: tables, prompts: catalog,
                      promptDirectory: Self.resolve(promptDirectory, in: directory))
    }

    /// Builds the catalog of a prompt folder from its MANIFEST and recordings; nil if it has neither.
    public static func catalog(at directory: String, named name: String) -> PromptCatalog? {
        let fm = FileManager.default
        var found = false
        var catalog = PromptCatalog(source: name + "/MANIFEST")
        if let data = fm.contents(atPath: directory + "/MANIFEST"), let text = String(data: data, encoding: .utf8) {
            catalog.unreadableManifestLines = catalog.addManifest(text)
            found = true
        } else {
            catalog.source = name
        }
        if let languages = try? fm.contentsOfDirectory(atPath: directory) {
            for language in languages where language != "MANIFEST" {
                guard let walker = fm.enumerator(atPath: directory + "/" + language) else { continue }
                while let relative = walker.nextObject() as? String {
                    let ext = (relative as NSString).pathExtension.lowercased()
                    guard audioExtensions.contains(ext) else { continue }
                    catalog.insert((relative as NSString).deletingPathExtension, language: language)
                    found = true
                }
            }
        }
        return found ? catalog : nil
    }

    /// Sorts by position, keeping the order of problems at the same place; unplaced ones first.
    static func inLineOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.range?.start ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.range?.start ?? SourceLocation(line: 0, column: 0)
            return la == lb ? a.offset < b.offset : la < lb
        }.map(\.element)
    }

    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }

    /// The path as printed in messages: relative paths stay relative to where the user ran the command.
    static func display(_ path: String, in directory: String) -> String {
        resolve(path, in: directory)
    }
}
