import Logging
import PRI
import SimulatedCard
import Synchronization
import TelephonyCore
import TelephonyDSP

/// The telephone exchange at the far end of a PRI trunk on the simulated card: libpri on the
/// span cabled to the trunk's span (`[wiring] span-cable`), network side, so the trunk's
/// D-channel really comes up (Q.921 between two libpri instances across the simulated cable)
/// and calls really arrive as SETUP messages with a calling and a called number.
///
/// The exchange places calls (``placeCall(from:to:)``), sends DTMF as audio on a call's
/// B-channel (``sendDigits(_:on:)``) and clears calls with a Q.931 cause (``hangUp(_:cause:)``).
/// A call offhook places towards it (a script's `transfer outside`) is alerted and answered, as
/// if the far party picked up at once.
///
/// Threads: libpri runs on the `DChannel`'s owner thread; the D-channel bridge is pumped and the
/// B-channel audio written once per card tick, on the card's clock thread; the commands may be
/// called from anywhere.
final class SimulatedPRIExchange: Sendable {
    /// A call the exchange placed or received, as far as it has gone.
    struct Call: Sendable, Hashable {
        var calling: String
        var called: String
        /// Whether offhook placed the call (towards the exchange).
        var isIncoming: Bool
        /// The B-channel (timeslot), once the call has one.
        var bChannel: Int?
        var isAnswered = false
        /// The cause of the DISCONNECT or RELEASE that ended the call, once it ended.
        var cause: Q850Cause?
        var isReleased = false
    }

    /// The exchange's span.
    let span: PRISpanChannels
    private let dChannel: DChannel
    private let bridge: DChannelBridge
    private let bChannels: [Int: any TelephonyChannel]
    private let state = Mutex(State())
    private let logger: Logger

    private struct State {
        var isUp = false
        var isStopped = false
        var calls: [CallID: Call] = [:]
        /// DTMF audio waiting to go out on each B-channel, and how much of it has gone.
        var audio: [Int: (samples: [Int16], sent: Int)] = [:]
    }

    /// Starts the exchange on `span` of `card`: opens its D-channel and B-channels, starts libpri
    /// and pumps both once per tick of the card's clock.
    ///
    /// - Parameters:
    ///   - side: the exchange's side, the opposite of the trunk's (normally `.network`).
    ///   - switchType: the trunk's ISDN variant.
    /// - Throws: `ChannelError` if a channel cannot be opened, `PRIError` if libpri cannot start,
    ///   `PRITrunkError` if the span has no D-channel.
    init(card: SimulatedCard, span info: SpanInfo, side: PRISide = .network, switchType: SwitchType = .euroISDN,
         logger: Logger) throws {
        guard let span = PRISpanChannels(span: info) else { throw PRITrunkError(span: info.number) }
        self.span = span
        self.logger = logger
        var bChannels: [Int: any TelephonyChannel] = [:]
        for b in span.bChannels {
            let channel = try card.openChannel(span.cardChannel(forBChannel: b)!)
            try channel.setAudioFormat(.linear16)
            bChannels[b] = channel
        }
        self.bChannels = bChannels
        bridge = try DChannelBridge(channel: try card.openChannel(span.dChannel))
        let number = span.span
        dChannel = try DChannel(transport: bridge.transport,
                                configuration: PRIConfiguration(side: side, switchType: switchType, bChannels: span.makePool()),
                                log: { message in
                                    if message.level == .error { logger.debug("simulated exchange span \(number): \(message.text)") }
                                })
        let events = dChannel.events
        Task { [weak self] in
            for await event in events { self?.handle(event) }
        }
        card.onTick { [weak self] _ in self?.tick() }
    }

    /// Whether the D-channel is up (Q.921 multiple-frame established).
    var isUp: Bool { state.withLock { $0.isUp } }

    /// A call's state, or `nil` for an id the exchange never saw.
    func call(_ id: CallID) -> Call? { state.withLock { $0.calls[id] } }

    /// Every call so far.
    var calls: [CallID: Call] { state.withLock { $0.calls } }

    /// Places a call towards offhook: a SETUP with `calling` (ANI) and `called` (DNIS), both
    /// national numbers.
    ///
    /// - Throws: `PRIError.invalidNumber` when a number holds characters Q.931 cannot carry.
    func placeCall(from calling: String, to called: String) throws(PRIError) -> CallID {
        let id = try dChannel.placeCall(OutgoingCall(called: PartyNumber(called, numberType: .national),
                                                     calling: PartyNumber(calling, numberType: .national)))
        state.withLock { $0.calls[id] = Call(calling: calling, called: called, isIncoming: false) }
        logger.info("simulated exchange span \(span.span): calling \(called) from \(calling) (\(id))")
        return id
    }

    /// Sends `digits` as DTMF tones (80 ms on, 80 ms off) on the call's B-channel, after any
    /// digits still being sent.
    ///
    /// - Throws: `PRITrunkError` when the call has no B-channel (not yet proceeding, or
    ///   over), `DTMFGenerator.InvalidDigit` for a character that is not a key.
    func sendDigits(_ digits: String, on id: CallID) throws {
        let samples = try DTMFGenerator.samples(for: digits)
        try state.withLock { state throws(PRITrunkError) in
            guard let call = state.calls[id], let b = call.bChannel, !call.isReleased else {
                throw PRITrunkError(span: span.span, call: id)
            }
            var queued = state.audio[b] ?? ([], 0)
            queued.samples += samples
            state.audio[b] = queued
        }
    }

    /// Clears a call with `cause` (16, normal clearing, unless told).
    func hangUp(_ id: CallID, cause: Q850Cause = .normalClearing) {
        state.withLock { state in
            if let b = state.calls[id]?.bChannel { state.audio[b] = nil }
        }
        dChannel.hangUp(id, cause: cause)
    }

    /// Stops libpri and the per-tick work; the channels stay open until the exchange is released.
    func shutdown() {
        state.withLock { $0.isStopped = true }
        dChannel.shutdown()
    }

    // MARK: Events and the clock

    private func handle(_ event: PRIEvent) {
        let number = span.span
        switch event {
        case .dChannelUp:
            state.withLock { $0.isUp = true }
            logger.info("simulated exchange span \(number): D-channel up")
        case .dChannelDown:
            state.withLock { $0.isUp = false }
            logger.warning("simulated exchange span \(number): D-channel down")
        case .incomingCall(let incoming):
            // A call from offhook (a transfer outside): the far party answers at once.
            state.withLock {
                $0.calls[incoming.id] = Call(calling: incoming.calling?.digits ?? "", called: incoming.called.digits,
                                             isIncoming: true, bChannel: incoming.channel, isAnswered: true)
            }
            dChannel.alert(incoming.id)
            dChannel.answer(incoming.id)
            logger.info("simulated exchange span \(number): \(incoming) answered")
        case .proceeding(let id, let channel?), .alerting(let id, let channel?):
            state.withLock { $0.calls[id]?.bChannel = channel }
        case .answered(let id, let channel):
            state.withLock { state in
                state.calls[id]?.isAnswered = true
                if let channel { state.calls[id]?.bChannel = channel }
            }
            logger.info("simulated exchange span \(number): \(id) answered")
        case .disconnected(let id, let cause):
            state.withLock { $0.calls[id]?.cause = cause }
            logger.info("simulated exchange span \(number): \(id) disconnected, cause \(cause.rawValue) (\(cause.name))")
        case .released(let id, _, let cause):
            state.withLock { state in
                if state.calls[id]?.cause == nil { state.calls[id]?.cause = cause }
                state.calls[id]?.isReleased = true
                if let b = state.calls[id]?.bChannel { state.audio[b] = nil }
            }
        default:
            break
        }
    }

    /// One card tick: frames across the D-channel bridge, one frame of waiting DTMF audio out on
    /// each B-channel that has some.
    private func tick() {
        let frames: [(Int, [Int16])]? = state.withLock { state in
            guard !state.isStopped else { return nil }
            var out: [(Int, [Int16])] = []
            for (b, queued) in state.audio {
                let end = min(queued.sent + AudioFrame.samples, queued.samples.count)
                var frame = Array(queued.samples[queued.sent..<end])
                frame += repeatElement(0, count: AudioFrame.samples - frame.count)
                out.append((b, frame))
                state.audio[b] = end == queued.samples.count ? nil : (queued.samples, end)
            }
            return out
        }
        guard let frames else { return }
        _ = try? bridge.pump()
        for (b, frame) in frames {
            _ = frame.withUnsafeBytes { try? bChannels[b]?.write($0) }
        }
    }
}
