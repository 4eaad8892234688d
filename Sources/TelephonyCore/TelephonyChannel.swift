/// The outcome of a non-blocking `read` or `write` on a channel.
public enum ChannelIO: Sendable, Hashable {
    /// This many bytes moved.
    case bytes(Int)
    /// Nothing to read yet, or no room to write: wait for the next frame.
    case wouldBlock
    /// An event is waiting; call ``TelephonyChannel/nextEvent()`` first (DAHDI's `ELAST`).
    case eventPending
}

/// A telephony channel: one FXS port, FXO port, or E1/T1 timeslot.
///
/// Every backend implements this protocol: `DAHDIChannel` on a real card through the kernel,
/// `SimulatedChannel` on the simulated card. Code above the backends (signalling, IVR, ACD, the
/// loopback harness) sees only this protocol, so it runs unchanged on either.
///
/// Audio moves in 20 ms frames (``AudioFrame/samples`` samples) in the channel's
/// ``audioFormat``. `read` and `write` never block: they return ``ChannelIO/wouldBlock`` when
/// the card's clock has not produced or taken a frame yet, and ``ChannelIO/eventPending`` while
/// an event waits to be read, exactly as DAHDI's `read(2)` returns `ELAST`. On a D-channel
/// (`dchan`), one `read` returns one HDLC frame (payload and two FCS bytes) and one `write`
/// sends one (payload and two bytes of room for the FCS), as DAHDI does.
///
/// Conforming types must pass `ChannelConformance.verify(_:)`; both the simulated card and the
/// DAHDI backend run it.
public protocol TelephonyChannel: AnyObject, Sendable {
    /// What the channel is.
    var info: ChannelInfo { get }

    /// The encoding of the bytes `read` and `write` move.
    var audioFormat: AudioFormat { get }

    /// Sets the encoding of the bytes `read` and `write` move (`DAHDI_SETLAW`, `DAHDI_SETLINEAR`).
    func setAudioFormat(_ format: AudioFormat) throws(ChannelError)

    /// Performs a hook operation (`DAHDI_HOOK`).
    ///
    /// On an FXO port: `.offHook` seizes or answers the line, `.onHook` hangs up, `.flash`
    /// flashes. On an FXS port: `.ring` starts ringing with the span's cadence and `.ringOff`
    /// stops it, `.onHook` opens the loop (kewlstart disconnect) and `.offHook` restores it.
    func setHook(_ command: HookCommand) throws(ChannelError)

    /// The loop state: the phone's hook switch on an FXS port, whether Offhook holds the line
    /// on an FXO port (`DAHDI_GET_PARAMS`'s `rxisoffhook`).
    func hookState() throws(ChannelError) -> HookState

    /// Reverses (or restores) battery polarity on an FXS port (`DAHDI_SETPOLARITY`).
    func setPolarity(reversed: Bool) throws(ChannelError)

    /// Returns the next line event, or `nil` when none is waiting (`DAHDI_GETEVENT`).
    func nextEvent() throws(ChannelError) -> LineEvent?

    /// Reads one frame (or one HDLC frame on a D-channel) into `buffer`.
    ///
    /// - Complexity: O(frame size); does not allocate.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> ChannelIO

    /// Writes one frame (or one HDLC frame on a D-channel) from `buffer`.
    ///
    /// - Complexity: O(frame size); does not allocate.
    func write(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> ChannelIO

    /// Sets the ABCD bits sent on a CAS channel (`DAHDI_SETTXBITS`); the low four bits count.
    func setTransmitBits(_ bits: UInt8) throws(ChannelError)

    /// The ABCD bits received on a CAS channel (`DAHDI_GETRXBITS`), masked to the low four.
    func receivedBits() throws(ChannelError) -> UInt8

    /// Releases the channel. Later calls throw ``ChannelError/Code/closed``.
    func close()
}

/// A channel's current state, for listings such as `offhook channels`.
public struct ChannelStatus: Sendable, Hashable {
    public var info: ChannelInfo
    /// The loop state, when the channel is analog.
    public var hookState: HookState?
    /// Whether the channel is ringing (FXS port) or sees ringing (FXO port).
    public var isRinging: Bool
    /// Whether Offhook has the channel open.
    public var isOpen: Bool

    public init(info: ChannelInfo, hookState: HookState?, isRinging: Bool, isOpen: Bool) {
        self.info = info
        self.hookState = hookState
        self.isRinging = isRinging
        self.isOpen = isOpen
    }
}

/// A telephony card: spans of channels that share one 8 kHz clock.
///
/// `DAHDICard` is the real card behind `/dev/dahdi`; `SimulatedCard` is a software card.
public protocol TelephonyCard: AnyObject, Sendable {
    /// A short name for logs, e.g. `dahdi` or `simulated`.
    var name: String { get }

    /// The spans, with their current alarms (`DAHDI_SPANSTAT`).
    func spans() throws(ChannelError) -> [SpanInfo]

    /// Every configured channel and its current state.
    func channelStatus() throws(ChannelError) -> [ChannelStatus]

    /// Opens a channel by its card-wide number (`DAHDI_SPECIFY`).
    func openChannel(_ number: Int) throws(ChannelError) -> any TelephonyChannel
}

extension TelephonyChannel {
    /// Reads one frame of linear samples; the channel must be in ``AudioFormat/linear16``.
    ///
    /// - Complexity: O(160); does not allocate.
    @inlinable
    public func readSamples(into samples: UnsafeMutableBufferPointer<Int16>) throws(ChannelError) -> ChannelIO {
        try read(into: UnsafeMutableRawBufferPointer(samples))
    }

    /// Writes one frame of linear samples; the channel must be in ``AudioFormat/linear16``.
    ///
    /// - Complexity: O(160); does not allocate.
    @inlinable
    public func writeSamples(_ samples: UnsafeBufferPointer<Int16>) throws(ChannelError) -> ChannelIO {
        try write(UnsafeRawBufferPointer(samples))
    }

    /// Reads every waiting event.
    public func drainEvents() throws(ChannelError) -> [LineEvent] {
        var events: [LineEvent] = []
        while let event = try nextEvent() { events.append(event) }
        return events
    }
}
