import Synchronization
import TelephonyCore

/// The audio side of one simulated channel: its receive and transmit rings and its format.
///
/// Fixed for the card's lifetime, so `read` and `write` reach it without the card's lock.
final class Endpoint: Sendable {
    let info: ChannelInfo
    /// The G.711 law the port's line carries (what a real card's framer puts on the wire).
    let wireLaw: AudioFormat
    /// Frames from the line to Offhook (the clock produces, the channel's reader consumes).
    let rx: FrameRing
    /// Frames from Offhook to the line (the channel's writer produces, the clock consumes).
    let tx: FrameRing
    private let formatCode = Atomic<Int>(0)
    /// Events waiting in the port's queue, mirrored here so `read` can answer `.eventPending`
    /// (DAHDI's `ELAST`) without the card's lock.
    let pendingEvents = Atomic<Int>(0)

    /// How many frames each direction buffers (DAHDI's default is 4 buffers of one block).
    static let bufferFrames = 4

    init(info: ChannelInfo, wireLaw: AudioFormat) {
        self.info = info
        self.wireLaw = wireLaw
        rx = FrameRing(frameBytes: AudioFrame.samples, capacity: Self.bufferFrames)
        tx = FrameRing(frameBytes: AudioFrame.samples, capacity: Self.bufferFrames)
        formatCode.store(Self.code(wireLaw), ordering: .relaxed)
    }

    /// The format `read`/`write` use now.
    var format: AudioFormat {
        get { Self.format(formatCode.load(ordering: .acquiring)) }
        set { formatCode.store(Self.code(newValue), ordering: .releasing) }
    }

    /// The byte an idle line carries in this port's law (silence).
    var idleByte: UInt8 { wireLaw == .aLaw ? 0xD5 : 0xFF }

    /// Empties both rings and restores the wire law (on open).
    func reset() {
        rx.removeAll()
        pendingEvents.store(0, ordering: .releasing)
        format = wireLaw
    }

    private static func code(_ format: AudioFormat) -> Int {
        switch format { case .muLaw: 0; case .aLaw: 1; case .linear16: 2 }
    }

    private static func format(_ code: Int) -> AudioFormat {
        switch code { case 0: .muLaw; case 1: .aLaw; default: .linear16 }
    }
}
