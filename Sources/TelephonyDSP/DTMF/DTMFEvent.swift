/// A DTMF key going down (confirmed) or up (released), as a ``DTMFReceiver`` reports it.
public struct DTMFEvent: Sendable, Hashable, CustomStringConvertible {
    /// Whether the key went down or up.
    public enum Kind: String, Sendable, Hashable {
        /// The digit was confirmed (DAHDI: `DAHDI_EVENT_DTMFDOWN`).
        case down
        /// The digit ended (DAHDI: `DAHDI_EVENT_DTMFUP`).
        case up
    }

    /// Which key.
    public var digit: DTMFDigit
    /// Down or up.
    public var kind: Kind
    /// Stream position, in samples from the receiver's first sample, at which the receiver
    /// decided (the end of the block that confirmed it; not back-dated to the tone's edge).
    public var samplePosition: Int

    /// Creates an event.
    public init(digit: DTMFDigit, kind: Kind, samplePosition: Int) {
        self.digit = digit
        self.kind = kind
        self.samplePosition = samplePosition
    }

    /// `true` for ``Kind/down``.
    public var isDown: Bool { kind == .down }

    /// ``samplePosition`` in milliseconds at 8 kHz.
    public var milliseconds: Double { Double(samplePosition) / 8 }

    public var description: String { "\(digit) \(kind.rawValue) @\(milliseconds) ms" }
}
