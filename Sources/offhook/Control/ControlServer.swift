import Foundation
import HardwareConfig
import Logging
import SimulatedCard
import Synchronization
import TelephonyDSP

/// The daemon's control socket on the simulated card: callers (`offhook call`) ring its
/// exchange lines and press keys; agents (`offhook phone`) take its desk phones. One thread
/// accepts, one thread serves each client (blocking reads with a 20 ms timeout, which is also
/// the pace of a call's loop); nothing here runs on the media path or touches the call engine
/// directly: callers act through the ``VirtualExchangeLine`` (ring, DTMF audio, loop-current
/// drop), agents through the ``VirtualPhone``, and what the IVR does is read from the
/// ``CallWatch``.
///
/// Robustness: a malformed request gets an `error` event; a client that goes away mid-call has
/// its call hung up (or its phone put down); a client sending an endless line is cut off; at
/// most ``Configuration/maximumClients`` are served at once. SIGPIPE is never raised.
///
/// The protocol is in README.md beside this file.
final class ControlServer: Sendable {
    struct Configuration: Sendable {
        /// The socket's path.
        var path: String
        /// The exchange lines (FXO ports) callers may ring, in order of preference.
        var lines: [Int]
        /// The agents' phones (FXS ports) clients may take.
        var phones: [Int]
        /// The FSK standard of the caller ID the exchange sends (the zone's).
        var callerIDStandard: FSKStandard
        /// The tone zone (the tones a phone hears are named after it); `nil`: none reported.
        var zone: ToneZone?
        /// Each line's `[lines NAME] caller-id` (a line not listed: `auto`, the zone's FSK).
        var callerIDSignalling: [Int: OffhookConfig.LineOptions.CallerID] = [:]
        /// The longest a call may last before the daemon hangs it up.
        var callLimit: Duration = .seconds(15 * 60)
        var maximumClients = 32
    }

    /// Why the listener did not start.
    struct NotStarted: Error, CustomStringConvertible {
        var description: String
    }

    let configuration: Configuration
    let card: SimulatedCard
    let watch: CallWatch
    let logger: Logger
    private let state = Mutex(State())

    struct State {
        var listener: UnixSocket?
        var clients: [Int32: UnixSocket] = [:]
        var busyLines: Set<Int> = []
        var heldPhones: Set<Int> = []
        var stopping = false
    }

    init(configuration: Configuration, card: SimulatedCard, watch: CallWatch, logger: Logger) {
        self.configuration = configuration
        self.card = card
        self.watch = watch
        self.logger = logger
    }

    /// The card's clock.
    var now: Duration { .milliseconds(20 * card.frameCount) }

    /// Whether the daemon is stopping (every client loop ends).
    var isStopping: Bool { state.withLock { $0.stopping } }

    // MARK: Starting and stopping

    /// Listens at the configured path and starts accepting clients on a thread of its own.
    ///
    /// A stale socket file (nobody listening) is removed first.
    /// - Throws: ``NotStarted`` when another daemon listens there, the path is some other
    ///   file, or the socket cannot be made.
    func start() throws(NotStarted) {
        let path = configuration.path
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else {
                throw NotStarted(description: "\(path) exists and is not a socket; not touching it (choose another with --control)")
            }
            if let other = try? UnixSocket.connect(to: path) {
                other.close()
                throw NotStarted(description: "another daemon is listening at \(path); stop it or choose another path with --control")
            }
            unlink(path)   // stale: left by a daemon that did not stop cleanly
        }
        let listener: UnixSocket
        do {
            listener = try UnixSocket.listen(at: path)
        } catch {
            throw NotStarted(description: "\(error)")
        }
        state.withLock { $0.listener = listener }
        Thread.detachNewThread { [self] in acceptClients(on: listener) }
    }

    /// Stops accepting, ends every client's session (their calls are hung up) and removes the
    /// socket file.
    func stop() {
        let (listener, clients) = state.withLock { state in
            state.stopping = true
            defer { state.listener = nil }
            return (state.listener, Array(state.clients.values))
        }
        guard let listener else { return }
        listener.shutdown()
        for client in clients { client.shutdown() }
        unlink(configuration.path)
    }

    private func acceptClients(on listener: UnixSocket) {
        while !isStopping {
            guard let client = listener.accept(timeoutMS: 200) else { continue }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopping, state.clients.count < configuration.maximumClients else { return false }
                state.clients[client.descriptor] = client
                return true
            }
            guard admitted else {
                client.write(ControlEvent.error("too many clients (at most \(configuration.maximumClients)); try again later").jsonLine)
                client.close()
                continue
            }
            Thread.detachNewThread { [self] in
                var connection = ControlConnection(socket: client)
                serve(&connection)
                state.withLock { _ = $0.clients.removeValue(forKey: client.descriptor) }
                client.close()
            }
        }
        listener.close()
    }

    // MARK: Serving one client

    /// Answers a client's requests until it goes away: a call or a phone session runs inside
    /// the request that starts it; the connection can start another afterwards.
    private func serve(_ connection: inout ControlConnection) {
        while !isStopping {
            guard let lines = connection.receive(timeoutMS: 200) else { return }
            for line in lines {
                switch ControlRequest.parse(line) {
                case .failure(let error):
                    connection.send(.error(error.message))
                case .success(let request):
                    switch request.operation! {
                    case .call: runCall(request, on: &connection)
                    case .phone: runPhone(request, on: &connection)
                    case .status: connection.send(ControlEvent(event: "status", text: statusText))
                    case .press, .dial, .hangup, .lift:
                        connection.send(.error("'\(request.op)' needs a call or a phone: send {\"op\":\"call\"} or {\"op\":\"phone\",\"port\":1} first"))
                    }
                }
                if connection.isClosed { return }
            }
        }
    }

    /// The lines and phones, and which are in use.
    private var statusText: String {
        state.withLock { state in
            let lines = configuration.lines.map { "\($0)\(state.busyLines.contains($0) ? " (in a call)" : "")" }
            let phones = configuration.phones.map { "\($0)\(state.heldPhones.contains($0) ? " (taken)" : "")" }
            return "exchange lines: \(lines.joined(separator: ", ")); agents' phones: \(phones.joined(separator: ", "))"
        }
    }

    // MARK: Claims

    /// Takes `line` (or the first free line) for a call; `nil` when none is free. A line off hook
    /// or ringing for another reason (a transfer seized it to call out) is not free.
    func claimLine(_ wanted: Int?) -> Int? {
        let idle = Set((wanted.map { [$0] } ?? configuration.lines).filter { number in
            card.exchangeLine(on: number).map { !$0.isAnswered && !$0.isRinging } ?? false
        })
        return state.withLock { state in
            let candidates = (wanted.map { [$0] } ?? configuration.lines).filter(idle.contains)
            guard let line = candidates.first(where: { !state.busyLines.contains($0) }) else { return nil }
            state.busyLines.insert(line)
            return line
        }
    }

    func releaseLine(_ line: Int) { state.withLock { _ = $0.busyLines.remove(line) } }

    /// Takes an agent's phone for a client; `false` when another client has it.
    func claimPhone(_ port: Int) -> Bool { state.withLock { $0.heldPhones.insert(port).inserted } }

    func releasePhone(_ port: Int) { state.withLock { _ = $0.heldPhones.remove(port) } }

    /// Whether a client holds the phone on `port` (the automatic agent leaves it alone).
    func isPhoneHeld(_ port: Int) -> Bool { state.withLock { $0.heldPhones.contains(port) } }
}

/// One client's socket with its unread bytes.
struct ControlConnection {
    let socket: UnixSocket
    private var buffer = LineBuffer()
    /// Whether the client went away (or was cut off).
    private(set) var isClosed = false

    init(socket: UnixSocket) { self.socket = socket }

    /// The complete lines received within `timeoutMS` (often none); `nil` once the client is gone.
    mutating func receive(timeoutMS: Int32) -> [String]? {
        guard !isClosed else { return nil }
        if !socket.read(into: &buffer, timeoutMS: timeoutMS) {
            isClosed = true
        }
        var lines: [String] = []
        while let line = buffer.nextLine() { lines.append(line) }
        if buffer.isOverLimit {
            send(.error("request longer than \(buffer.limit) bytes; closing"))
            isClosed = true
        }
        if isClosed && lines.isEmpty { return nil }
        return lines
    }

    /// Sends one event; a client that cannot be written to counts as gone.
    mutating func send(_ event: ControlEvent) {
        guard !isClosed else { return }
        if !socket.write(event.jsonLine) { isClosed = true }
    }
}
