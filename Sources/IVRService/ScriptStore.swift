import IVRScript
import Logging
import Synchronization

/// The scripts in service, by path: loaded and checked, and reloaded without dropping calls.
///
/// A script that fails to check is not loaded: its diagnostics are returned and logged, and the
/// version already in service keeps serving (calls in progress always finish on the version they
/// started with, because each call holds its own copy).
public final class ScriptStore: Sendable {
    public struct Entry: Sendable {
        public var loaded: ScriptLoader.Loaded
        public var prompts: PromptLibrary
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let logger: Logger
    private let loader: ScriptLoader

    public init(logger: Logger, loader: ScriptLoader = ScriptLoader()) {
        self.logger = logger
        self.loader = loader
    }

    /// The script in service at `path`.
    public func entry(for path: String) -> Entry? { entries.withLock { $0[path] } }

    /// Loads (or reloads) the script at `path`. Returns the rendered diagnostics; the script goes
    /// into service only when there is no error among them.
    @discardableResult
    public func load(_ path: String) -> (loaded: Bool, diagnostics: String) {
        let loaded = loader.load(path: path)
        let renderer = DiagnosticRenderer()
        let text = loaded.diagnostics.map { renderer.render($0, in: loaded.file) }.joined()
        guard loaded.isUsable else {
            let kept = entries.withLock { $0[path] != nil }
            logger.error("\(path): not loaded\(kept ? "; the previous version keeps serving" : ""):\n\(text)")
            return (false, text)
        }
        // The loader resolved the prompt folder against the script's folder (absolute or relative).
        let prompts = PromptLibrary(directory: loaded.promptDirectory, logger: logger)
        entries.withLock { $0[path] = Entry(loaded: loaded, prompts: prompts) }
        logger.info("\(path): loaded")
        return (true, text)
    }

    /// Reloads every script in service (on SIGHUP or a file change).
    public func reloadAll() {
        for path in entries.withLock({ Array($0.keys) }) { load(path) }
    }
}
