import Foundation

/// Where the daemon's control socket lives unless `--control`/`--socket` says otherwise:
/// `$XDG_RUNTIME_DIR/offhook.sock`, else `/tmp/offhook-UID.sock`.
enum ControlSocketPath {
    static var standard: String {
        if let runtime = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return runtime + "/offhook.sock"
        }
        return "/tmp/offhook-\(getuid()).sock"
    }
}
