#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices when files change, by their modification time (checked when asked).
struct FileWatcher {
    private var stamps: [String: Int] = [:]

    init(paths: [String]) {
        for path in paths { stamps[path] = Self.stamp(path) }
    }

    /// The paths whose modification time changed since the last call.
    mutating func changed() -> [String] {
        var result: [String] = []
        for (path, old) in stamps {
            let now = Self.stamp(path)
            if now != old {
                stamps[path] = now
                result.append(path)
            }
        }
        return result.sorted()
    }

    private static func stamp(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}

/// Creates a directory (and its parents) if it is missing.
func makeDirectory(_ path: String) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
        prefix += part
        mkdir(prefix, 0o755)
        prefix += "/"
    }
}
