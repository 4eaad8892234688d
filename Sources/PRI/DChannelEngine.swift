import CLibPRI
import Glibc

/// The owner-thread side of a `DChannel`: the libpri handle, the calls and the B-channel pool.
///
/// Created, used and dropped on the D-channel's pthread only; never shared.
final class DChannelEngine {
    struct CallRecord {
        let id: CallID
        let call: OpaquePointer
        var channel: Int?
        /// `.disconnected` has been emitted (far end or timer cleared).
        var disconnectReported = false
        /// We sent the clearing (hangUp command or a local rejection).
        var clearedLocally = false
        var cause: Q850Cause = .normalClearing
        /// The far end placed this call.
        var isIncoming = false
        /// Incoming: we sent a response (libpri sends nothing for a call it considers not yet
        /// "alive"). Outgoing: the far end sent one.
        var hasResponded = false
    }

    let owner: DChannel
    let side: PRISide
    var pri: OpaquePointer?
    var pool: BChannelPool
    var calls: [CallID: CallRecord] = [:]
    var idsByCall: [OpaquePointer: CallID] = [:]
    var running = true
    /// Channels waiting to be restarted; `nil` marks the end of a whole-interface restart.
    var restartQueue: [Int?] = []
    var restartInProgress: Int?
    private var logLine: [PRILogMessage.Level: String] = [:]

    private init(owner: DChannel) {
        self.owner = owner
        self.side = owner.configuration.side
        self.pool = owner.configuration.bChannels
    }

    /// The thread body: sets up libpri, runs the poll loop, closes the transport.
    static func run(owner: DChannel) {
        _ = LibPRIHooks.installed
        let engine = DChannelEngine(owner: owner)
        withExtendedLifetime(engine) {
            if engine.open() { engine.loop() }
        }
        close(owner.transportFD)
        owner.continuation.finish()
    }

    /// Finds the engine of a libpri handle (owner thread only).
    static func from(_ pri: OpaquePointer?) -> DChannelEngine? {
        guard let pri, let userdata = pri_get_userdata(pri) else { return nil }
        return Unmanaged<DChannelEngine>.fromOpaque(userdata).takeUnretainedValue()
    }

    private func open() -> Bool {
        let config = owner.configuration
        // libpri sends SABME from inside pri_new_cb, so the userdata goes in here, not later.
        guard let pri = pri_new_cb(owner.transportFD, config.side.libpriValue, config.switchType.libpriValue,
                                   libpriRead, libpriWrite, Unmanaged.passUnretained(self).toOpaque()) else {
            appendLog("pri_new_cb failed\n", level: .error)
            emit(.transportClosed)
            return false
        }
        self.pri = pri
        pri_set_debug(pri, config.debug.rawValue)
        // Clear calls as Q.931 §5.3.2 says (RELEASE COMPLETE only before any other message).
        pri_hangup_fix_enable(pri, 1)
        for (timer, value) in config.timers {
            let ms = value.components.seconds * 1000 + value.components.attoseconds / 1_000_000_000_000_000
            if pri_set_timer(pri, timer.libpriIndex, Int32(clamping: ms)) != 0 {
                appendLog("pri_set_timer(\(timer), \(ms) ms) refused\n", level: .error)
            }
        }
        return true
    }

    private func loop() {
        guard let pri else { return }
        var fds = [pollfd(fd: owner.transportFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: owner.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        while running {
            fds[0].revents = 0
            fds[1].revents = 0
            let rc = poll(&fds, 2, timeoutUntilNextTimer(pri))
            if rc < 0 && errno != EINTR {
                appendLog("poll failed, errno \(errno)\n", level: .error)
                emit(.transportClosed)
                return
            }
            let revents = fds[0].revents
            if revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && !hasFramePending() {
                emit(.transportClosed)
                return
            }
            if revents & Int16(POLLIN) != 0 {
                if let event = pri_check_event(pri) { handle(event) }
            }
            while let event = pri_schedule_run(pri) { handle(event) }
            if fds[1].revents & Int16(POLLIN) != 0 {
                for command in owner.takeCommands() { perform(command) }
            }
        }
    }

    /// Whether a frame is still waiting on a transport that reported hang-up (a socket peer that
    /// closed after sending); always false for a descriptor that is not a socket.
    private func hasFramePending() -> Bool {
        var byte: UInt8 = 0
        return recv(owner.transportFD, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    /// Milliseconds until libpri's next timer, capped at 1 s (so a stray wake-up is harmless).
    private func timeoutUntilNextTimer(_ pri: OpaquePointer) -> Int32 {
        guard let next = pri_schedule_next(pri) else { return 1000 }
        var now = timeval()
        gettimeofday(&now, nil)
        let ms = (next.pointee.tv_sec - now.tv_sec) * 1000 + (next.pointee.tv_usec - now.tv_usec + 999) / 1000
        return Int32(max(0, min(1000, ms)))
    }

    func emit(_ event: PRIEvent) { owner.continuation.yield(event) }

    /// Collects libpri's output (which arrives in fragments) into lines for the log handler.
    func appendLog(_ text: String, level: PRILogMessage.Level) {
        var pending = logLine[level, default: ""] + text
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending = String(pending[pending.index(after: newline)...])
            if !line.isEmpty { owner.log(PRILogMessage(level: level, side: side, text: line)) }
        }
        logLine[level] = pending
    }

    // MARK: Calls and channels

    /// The B-channel number of libpri's encoded channel (bits 0-7), or `nil` for "any"/"none".
    static func bChannel(_ encoded: Int32) -> Int? {
        guard encoded >= 0 else { return nil }
        let b = Int(encoded & 0xFF)
        return b == 0 || b == 0xFF ? nil : b
    }

    func register(_ call: OpaquePointer, id: CallID, channel: Int?, isIncoming: Bool) {
        calls[id] = CallRecord(id: id, call: call, channel: channel, isIncoming: isIncoming)
        idsByCall[call] = id
    }

    /// Forgets a call, frees its channel and reports `.released`.
    func finish(_ id: CallID, cause: Q850Cause? = nil) {
        guard let record = calls.removeValue(forKey: id) else { return }
        idsByCall[record.call] = nil
        if let channel = record.channel { pool.release(channel) }
        emit(.released(id, channel: record.channel, cause: cause ?? record.cause))
    }

    /// Moves a call to the channel the far end named (user side: the network's choice wins).
    func adopt(channel: Int?, for id: CallID) {
        guard let channel, var record = calls[id], record.channel != channel else { return }
        if let old = record.channel { pool.release(old) }
        if (try? pool.allocate(preferring: channel, exclusive: true)) == nil {
            appendLog("\(id): far end chose B-channel \(channel), which is busy or unknown here\n", level: .error)
        }
        record.channel = channel
        calls[id] = record
    }

    /// Notes that the far end answered an outgoing call's SETUP (any response stops T303).
    func markResponded(_ id: CallID) {
        calls[id]?.hasResponded = true
    }
}
