import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` on a thread of its own, so waiting (for a process, a socket, real time) does not
/// hold one of the few threads of Swift's cooperative pool that other tests need.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

extension OffhookProcess {
    /// ``run(_:interruptAfter:)`` on a thread of its own.
    static func runAsync(_ arguments: [String]) async throws -> Result {
        try await onOwnThread { try run(arguments) }
    }
}


/// `offhook run` on the simulated card in the background, with its control socket and call
/// records in a temporary folder; its log goes to a file read by ``stop()``.
final class DaemonProcess: @unchecked Sendable {   // one test drives it; `Process` is thread-safe
    let folder: String
    let socket: String
    private let process = Process()
    private let logPath: String

    /// Starts the daemon with `config` (relative to the package root) and `arguments`, and waits
    /// until a control socket answers at `socket` (at most 30 s; by default a new one in a
    /// temporary folder).
    init(config: String = "Hardware/simulated/offhook.conf", _ arguments: [String] = [], socket path: String? = nil) throws {
        folder = NSTemporaryDirectory() + "offhook-daemon-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        socket = path ?? folder + "/control.sock"
        logPath = folder + "/daemon.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: OffhookProcess.binary)
        process.arguments = ["run", "--config", config, "--control", socket, "--db", folder + "/cdr.sqlite"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: OffhookProcess.root)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let client = try? RawControlClient(path: socket) {
                client.close()
                return
            }
            usleep(100_000)
        }
        _ = stop()
        throw DaemonDidNotStart(log: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
    }

    /// Starts a daemon as ``init(config:_:socket:)`` does, waiting on a thread of its own.
    static func start(config: String = "Hardware/simulated/offhook.conf", _ arguments: [String] = [],
                      socket: String? = nil) async throws -> DaemonProcess {
        try await onOwnThread { try DaemonProcess(config: config, arguments, socket: socket) }
    }

    /// ``stop()`` on a thread of its own.
    func stopped() async -> String {
        (try? await onOwnThread { self.stop() }) ?? ""
    }

    /// Stops the daemon on a thread of its own without waiting (for a `defer`).
    func stopInBackground() {
        Thread.detachNewThread { _ = self.stop() }
    }

    /// ``waitForLog(_:timeout:)`` on a thread of its own.
    func logShows(_ text: String, timeout: TimeInterval = 15) async -> Bool {
        (try? await onOwnThread { self.waitForLog(text, timeout: timeout) }) ?? false
    }

    struct DaemonDidNotStart: Error, CustomStringConvertible {
        var log: String
        var description: String { "the daemon's control socket did not answer:\n\(log.suffix(2000))" }
    }

    /// The daemon's log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the log holds `text` (at most `timeout`); whether it does.
    func waitForLog(_ text: String, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if log.contains(text) { return true }
            usleep(100_000)
        }
        return false
    }

    /// Kills the daemon outright (SIGKILL): it leaves its socket file behind.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stops the daemon (SIGINT) and returns its log.
    func stop() -> String {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return log
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// A bare client of the control socket: lines out, lines in, as a script or another program
/// would talk to it.
struct RawControlClient: Sendable {
    let descriptor: Int32

    struct Failure: Error {}

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure()
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The lines received until one satisfies `stop` or `timeout` passes.
    func receive(until stop: (String) -> Bool, timeout: TimeInterval = 30) -> [String] {
        var lines: [String] = []
        var pending: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return lines }
            pending += chunk[..<count]
            while let newline = pending.firstIndex(of: 10) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                lines.append(line)
                if stop(line) { return lines }
            }
        }
        return lines
    }

    /// ``receive(until:timeout:)`` on a thread of its own.
    func received(until stop: @escaping @Sendable (String) -> Bool, timeout: TimeInterval = 30) async -> [String] {
        (try? await onOwnThread { self.receive(until: stop, timeout: timeout) }) ?? []
    }

    func close() { Glibc.close(descriptor) }
}

extension FileHandle {
    /// Reads into `text` until it contains `wanted`, the stream ends, or `seconds` pass (never
    /// blocks past the deadline); whether `text` contains `wanted`.
    func read(into text: inout String, until wanted: String, seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !text.contains(wanted) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            var entry = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
            let data = availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text.contains(wanted)
    }
}

extension Thread {
    /// A value computed on a new thread, to wait for later.
    final class Pending<T: Sendable>: @unchecked Sendable {   // `condition` guards `value`
        private let condition = NSCondition()
        private var value: T?

        fileprivate func set(_ result: T) {
            condition.lock()
            value = result
            condition.broadcast()
            condition.unlock()
        }

        /// The value, or `nil` when it is not in after `seconds`.
        func wait(seconds: TimeInterval) -> T? {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock()
            defer { condition.unlock() }
            while value == nil && condition.wait(until: deadline) {}
            return value
        }
    }

    /// Runs `body` on a new thread; wait for its result with ``Pending/wait(seconds:)``.
    static func detachNewThreadResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> Pending<T> {
        let pending = Pending<T>()
        detachNewThread { pending.set(body()) }
        return pending
    }
}
