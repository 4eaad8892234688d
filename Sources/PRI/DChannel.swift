import CLibPRI
import Glibc
import Synchronization

/// One ISDN PRI D-channel run by libpri on its own thread.
///
/// Every libpri pointer (`struct pri *`, `q931_call *`) lives on one owner thread, a pthread
/// that polls the transport and a wake-up pipe and sleeps until libpri's next timer
/// (`pri_schedule_next` / `pri_schedule_run`). Commands (place a call, answer, hang up, restart)
/// go in as Sendable values through a queue; what happens comes out as `PRIEvent` values on
/// `events`. Nothing here blocks the caller.
///
/// ```swift
/// let (a, b) = try DChannelTransport.makeSocketPair()
/// let net = try DChannel(transport: a, configuration: .init(side: .network), log: { print($0) })
/// let cpe = try DChannel(transport: b, configuration: .init(side: .user))
/// let call = try cpe.placeCall(OutgoingCall(called: PartyNumber("5550123")))
/// for await event in net.events { … }                  // .dChannelUp, .incomingCall(…)
/// ```
///
/// The D-channel starts at `init` and runs until `shutdown()` or until the transport closes;
/// then `events` finishes. libpri has no call to free a `struct pri`, so each D-channel leaves
/// a few kilobytes behind when it stops.
public final class DChannel: Sendable {
    /// The D-channel's events, in order. One consumer.
    public let events: AsyncStream<PRIEvent>
    /// The configuration the D-channel was started with.
    public let configuration: PRIConfiguration

    let continuation: AsyncStream<PRIEvent>.Continuation
    let transportFD: Int32
    let log: PRILogHandler
    private let mailbox = Mutex<Mailbox>(Mailbox())
    private let wakeRead: Int32
    private let wakeWrite: Int32

    struct Mailbox {
        var commands: [Command] = []
        var nextCallID: UInt32 = 1
    }

    enum Command: Sendable {
        case place(CallID, OutgoingCall)
        case proceed(CallID)
        case alert(CallID)
        case answer(CallID)
        case hangUp(CallID, Q850Cause)
        case restart(channel: Int?)
        case stop
    }

    /// Starts a D-channel on `transport`, which it owns from now on and closes when it stops.
    ///
    /// - Parameters:
    ///   - transport: a non-blocking descriptor carrying one HDLC frame per read/write.
    ///   - configuration: side, switch type, B-channels, timers.
    ///   - log: receives libpri's trace and error lines, on the owner thread.
    /// - Throws: `PRIError` when the descriptor, the wake-up pipe or the thread cannot be set up.
    public init(transport: DChannelTransport, configuration: PRIConfiguration,
                log: @escaping PRILogHandler = { _ in }) throws(PRIError) {
        let fd = transport.fileDescriptor
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .system("fcntl(O_NONBLOCK) on D-channel descriptor \(fd)", errno: Glibc.errno)
        }
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { throw .system("pipe", errno: Glibc.errno) }
        for p in pipeFDs { _ = fcntl(p, F_SETFL, fcntl(p, F_GETFL) | O_NONBLOCK) }
        (events, continuation) = AsyncStream.makeStream(of: PRIEvent.self)
        self.configuration = configuration
        self.transportFD = fd
        self.log = log
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        try startThread()
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    // MARK: Commands

    /// Places a call; the result arrives as `.proceeding`/`.alerting`/`.answered` or
    /// `.disconnected` + `.released` for the returned id.
    ///
    /// - Throws: `PRIError.invalidNumber` when a number holds characters Q.931 cannot carry,
    ///   `PRIError.invalidChannel` when the request names a channel outside the span.
    public func placeCall(_ call: OutgoingCall) throws(PRIError) -> CallID {
        guard call.called.hasValidDigits, !call.called.digits.isEmpty else { throw .invalidNumber(call.called.digits) }
        if let calling = call.calling, !calling.hasValidDigits { throw .invalidNumber(calling.digits) }
        switch call.channel {
        case .preferred(let c), .exclusive(let c):
            guard configuration.bChannels.contains(c) else { throw .invalidChannel(c) }
        case .any: break
        }
        let id = makeCallID()
        send(.place(id, call))
        return id
    }

    /// Sends CALL PROCEEDING for an incoming call (with its B-channel).
    public func proceed(_ call: CallID) { send(.proceed(call)) }

    /// Sends ALERTING for an incoming call, with in-band ringback indicated.
    public func alert(_ call: CallID) { send(.alert(call)) }

    /// Sends CONNECT for an incoming call.
    public func answer(_ call: CallID) { send(.answer(call)) }

    /// Clears a call in any state with `cause`: rejects an unanswered incoming call, abandons an
    /// outgoing one, or hangs up an answered one. `.released` follows.
    public func hangUp(_ call: CallID, cause: Q850Cause = .normalClearing) { send(.hangUp(call, cause)) }

    /// Sends RESTART for one B-channel, or for every B-channel when `channel` is `nil`; calls on
    /// the restarted channels are released locally at once. Each acknowledged channel is
    /// reported as `.restartAcknowledged(channel:)`; a whole-interface restart ends with
    /// `.restartAcknowledged(channel: nil)`.
    public func restart(channel: Int? = nil) { send(.restart(channel: channel)) }

    /// Stops the owner thread; `events` finishes and the transport is closed.
    public func shutdown() { send(.stop) }

    // MARK: Owner-thread plumbing

    func makeCallID() -> CallID {
        mailbox.withLock { box in
            defer { box.nextCallID &+= 1 }
            return CallID(rawValue: box.nextCallID)
        }
    }

    private func send(_ command: Command) {
        mailbox.withLock { $0.commands.append(command) }
        var one: UInt8 = 1
        _ = write(wakeWrite, &one, 1)
    }

    /// Drains the wake-up pipe and takes the queued commands; owner thread only.
    func takeCommands() -> [Command] {
        var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &scratch, { read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
        return mailbox.withLock { box in
            defer { box.commands.removeAll(keepingCapacity: true) }
            return box.commands
        }
    }

    var wakeDescriptor: Int32 { wakeRead }

    private func startThread() throws(PRIError) {
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { arg in
            let channel = Unmanaged<DChannel>.fromOpaque(arg!).takeRetainedValue()
            DChannelEngine.run(owner: channel)
            return nil
        }, retained)
        guard rc == 0 else {
            Unmanaged<DChannel>.fromOpaque(retained).release()
            throw .system("pthread_create", errno: rc)
        }
        pthread_detach(thread)
    }
}

/// A D-channel transport: a descriptor that carries one HDLC frame per read and write.
///
/// In tests it is one end of a `SOCK_SEQPACKET` socket pair, which keeps frame boundaries. A
/// card's D-channel (DAHDI's `dchan`, the simulated card's timeslot 16) is reached through a
/// `DChannelBridge`: DAHDI computes the FCS, and libpri's two trailing dummy FCS bytes follow the
/// same convention, but a DAHDI read fails with `ELAST` until pending channel events are read,
/// which the bridge does.
public struct DChannelTransport: Sendable, Hashable {
    public let fileDescriptor: Int32
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// Two transports wired to each other (an `AF_UNIX`, `SOCK_SEQPACKET` socket pair): a
    /// back-to-back E1 D-channel with no card.
    public static func makeSocketPair() throws(PRIError) -> (DChannelTransport, DChannelTransport) {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &fds) == 0 else {
            throw .system("socketpair(AF_UNIX, SOCK_SEQPACKET)", errno: Glibc.errno)
        }
        return (DChannelTransport(fileDescriptor: fds[0]), DChannelTransport(fileDescriptor: fds[1]))
    }
}
