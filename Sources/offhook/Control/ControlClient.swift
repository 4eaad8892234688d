import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client of the daemon's control socket (`offhook call`, `offhook phone`): sends requests,
/// receives events, one JSON object a line each way.
struct ControlClient {
    let path: String
    private let socket: UnixSocket
    private var buffer = LineBuffer(limit: 1 << 20)
    private var closed = false

    /// Connects to the daemon at `path`.
    ///
    /// - Throws: `ExitCode(69)` (EX_UNAVAILABLE) after saying on standard error that no daemon
    ///   listens there and how to start one, or why the socket could not be reached.
    init(path: String) throws {
        self.path = path
        do {
            socket = try UnixSocket.connect(to: path)
        } catch {
            if error.isNobodyListening {
                printError("no daemon at \(path): start it with `make run` (or `offhook run --control \(path)`)")
            } else {
                printError("cannot reach the daemon: \(error)")
            }
            throw ExitCode(ExitStatus.noCard)
        }
    }

    /// Sends one request; `false` when the daemon is gone.
    @discardableResult
    func send(_ request: ControlRequest) -> Bool { socket.write(request.jsonLine) }

    /// The events received within `timeoutMS` (often none); `nil` once the daemon closed the
    /// connection. Lines that are not events are skipped.
    mutating func receive(timeoutMS: Int32) -> [ControlEvent]? {
        guard !closed else { return nil }
        if !socket.read(into: &buffer, timeoutMS: timeoutMS) { closed = true }
        var events: [ControlEvent] = []
        while let line = buffer.nextLine() {
            if let event = ControlEvent.parse(line) { events.append(event) }
        }
        if closed && events.isEmpty { return nil }
        return events
    }

    func close() { socket.close() }
}

/// Writes `text` and a newline (or `terminator`) to standard output at once, unbuffered: a
/// transcript printed as the call goes shows up as it goes, also through a pipe.
func printOut(_ text: String, terminator: String = "\n") {
    let bytes = Array((text + terminator).utf8)
    var written = 0
    while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if n <= 0 { return }
        written += n
    }
}
