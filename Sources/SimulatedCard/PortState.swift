import TelephonyCore

/// The control state of one simulated channel (guarded by the card's lock).
struct PortState: Sendable {
    let info: ChannelInfo
    /// The ring cadence the port's span rings with, in frames (on, off, …).
    let ringCadenceFrames: [Int]
    var isOpen = false
    /// Events waiting for `nextEvent()`.
    var events: [LineEvent] = []
    /// The analog line the port terminates, as an index into `CardState.lines`.
    var line: Int?
    /// CAS: the ABCD bits sent and received (low four bits).
    var transmitBits: UInt8 = 0
    var receivedBits: UInt8 = 0
    /// D-channel: HDLC frames sent (waiting for the next tick) and received.
    var hdlcOut: [[UInt8]] = []
    var hdlcIn: [[UInt8]] = []

    init(info: ChannelInfo, ringCadenceFrames: [Int]) {
        self.info = info
        self.ringCadenceFrames = ringCadenceFrames
    }
}

/// A digital span's wiring.
struct SpanState: Sendable {
    /// The span cabled back to back with this one.
    var cabledTo: Int?
    /// Whether the span is shut down (not transmitting).
    var isShut = false
    /// The alarms last reported to the span's channels (to post `.alarm`/`.noAlarm` on change).
    var reportedAlarms: SpanAlarms = []
    /// Timeslots whose transmitted bytes are corrupted, by position: each byte is XORed with the mask.
    var faultyTimeslots: [Int: UInt8] = [:]
}
