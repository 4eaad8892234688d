import Synchronization
import TelephonyCore

/// A software telephony card: FXS ports, FXO ports and E1 spans that behave like a DAHDI card.
///
/// The card is built from a ``CardLayout`` (the same one `system.conf` describes for a real card)
/// and implements ``TelephonyCard``. It has a clock of its own: every ``tick()`` is one 20 ms
/// frame, in which every open channel receives one frame of audio, loops advance (ring cadence,
/// hook debounce and flash timing, battery and polarity), and cabled ports exchange audio,
/// D-channel frames and CAS bits. Tests call ``advance(frames:)`` by hand and never sleep; the
/// daemon runs ``RealTimeClock`` to tick every 20 ms of wall time.
///
/// What is on the far side of each port:
/// - an FXS port has a ``VirtualPhone`` (an agent's desk phone) unless it is cabled to an FXO port;
/// - an FXO port has a ``VirtualExchangeLine`` (a line from the phone company) unless cabled;
/// - an E1 span is in red alarm (loss of signal) until cabled to another E1 span.
///
/// Concurrency: audio moves through lock-free single-producer/single-consumer rings, so a
/// channel's `read` and `write` take no lock and allocate nothing. Control operations (hook,
/// events, wiring, virtual devices) and the tick itself share one mutex; they run once per frame
/// or less, never per sample.
public final class SimulatedCard: TelephonyCard, Sendable {
    /// Analog timing, in frames of 20 ms.
    public struct Timing: Sendable, Hashable {
        /// A loop open shorter than this is a bounce, not a flash (DAHDI's debounce).
        public var flashMinimumFrames = 2
        /// A loop open longer than this is a hang-up, shorter a flash (`rxflashtime`, 1250 ms).
        public var flashMaximumFrames = 62
        /// How long an FXO port holds the loop open for `.flash` (`flashtime`, 750 ms).
        public var flashFrames = 37
        /// How long an FXS port removes battery for a kewlstart disconnect (500 ms).
        public var kewlFrames = 25
        public init() {}
    }

    public let name = "simulated"
    let layout: CardLayout
    let timing: Timing
    /// Per-channel audio endpoints, fixed at init; read without the lock.
    let endpoints: [Int: Endpoint]
    let state: Mutex<CardState>
    private let tickHandlers = Mutex<[@Sendable (Int) -> Void]>([])

    /// Creates a card with the given layout. Every FXS port gets a virtual phone and every FXO
    /// port a virtual exchange line; ``cable(fxsPort:fxoPort:)`` and ``cable(span:to:)`` rewire.
    ///
    /// - Parameter ringCadences: the ring cadence (on/off pairs in ms) per tone zone; the span's
    ///   zone (or the layout's default) picks one. Zones not listed ring 2 s on, 4 s off.
    public init(layout: CardLayout, timing: Timing = Timing(), ringCadences: [String: [Int]] = SimulatedCard.defaultRingCadences) {
        self.layout = layout
        self.timing = timing
        var endpoints: [Int: Endpoint] = [:]
        var ports: [Int: PortState] = [:]
        for span in layout.spans {
            for channel in span.channels {
                let info = layout.channels.first { $0.number == channel.number }!
                let law = channel.law ?? (span.kind == .e1 ? .aLaw : .muLaw)
                endpoints[channel.number] = Endpoint(info: info, wireLaw: law)
                let zone = span.toneZone ?? layout.defaultZone
                let cadence = (ringCadences[zone] ?? [2000, 4000]).map { max(1, $0 / 20) }
                ports[channel.number] = PortState(info: info, ringCadenceFrames: cadence)
            }
        }
        self.endpoints = endpoints
        var initial = CardState(ports: ports)
        initial.attachDefaultDevices()
        for span in layout.spans where span.kind != .analog {
            initial.spans[span.number] = SpanState()
        }
        state = Mutex(initial)
    }

    /// Ring cadences of common zones, on/off in ms (libtonezone's `ringcadence`).
    public static let defaultRingCadences: [String: [Int]] = [
        "us": [2000, 4000], "cn": [1000, 4000], "uk": [400, 200, 400, 2000], "de": [1000, 4000],
    ]

    // MARK: TelephonyCard

    public func spans() throws(ChannelError) -> [SpanInfo] {
        state.withLock { state in
            layout.spans.map { span in
                let counts = Dictionary(grouping: span.channels, by: { $0.signalling.portKind }).mapValues(\.count)
                let summary = PortKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind)" } }
                    .joined(separator: ", ")
                let label = span.kind == .analog ? "Simulated analog span" : "Simulated \(span.kind) span"
                return SpanInfo(number: span.number, name: "SIM/\(span.number)",
                                description: "\(label) (\(summary))", kind: span.kind,
                                channels: span.channelRange, dChannel: span.dChannel,
                                alarms: state.alarms(ofSpan: span.number, kind: span.kind),
                                lineCoding: span.lineCoding, framing: span.framing,
                                toneZone: span.toneZone ?? layout.defaultZone)
            }
        }
    }

    public func channelStatus() throws(ChannelError) -> [ChannelStatus] {
        state.withLock { state in
            layout.channels.map { info in
                let port = state.ports[info.number]!
                return ChannelStatus(info: info, hookState: state.hookState(of: info.number),
                                     isRinging: state.isRinging(info.number),
                                     isOpen: port.isOpen)
            }
        }
    }

    public func openChannel(_ number: Int) throws(ChannelError) -> any TelephonyChannel {
        try openSimulatedChannel(number)
    }

    /// Opens a channel and returns the concrete simulated type.
    public func openSimulatedChannel(_ number: Int) throws(ChannelError) -> SimulatedChannel {
        guard let endpoint = endpoints[number] else {
            throw ChannelError(.noSuchChannel, operation: "open", channel: number)
        }
        let opened = state.withLock { state -> Bool in
            guard state.ports[number]?.isOpen == false else { return false }
            state.ports[number]!.isOpen = true
            state.ports[number]!.events.removeAll()
            return true
        }
        guard opened else { throw ChannelError(.busy, operation: "open", channel: number) }
        endpoint.reset()
        return SimulatedChannel(card: self, endpoint: endpoint)
    }

    // MARK: Clock

    /// The number of frames the card has ticked.
    public var frameCount: Int { state.withLock { $0.frame } }

    /// Registers a handler called after every tick, outside the card's lock, with the frame
    /// number. The media engine uses this to run one pass per frame.
    public func onTick(_ handler: @escaping @Sendable (Int) -> Void) {
        tickHandlers.withLock { $0.append(handler) }
    }

    /// Advances the card by one 20 ms frame.
    public func tick() {
        let frame = state.withLock { state in
            state.frame += 1
            state.step(card: self)
            return state.frame
        }
        for handler in tickHandlers.withLock({ $0 }) { handler(frame) }
    }

    /// Advances the card by `frames` frames (a manual clock for tests).
    public func advance(frames: Int) {
        for _ in 0..<max(0, frames) { tick() }
    }

    /// Advances the card by `duration`, rounded up to whole frames.
    public func advance(by duration: Duration) {
        let ms = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        advance(frames: Int((ms + 19) / 20))
    }
}
