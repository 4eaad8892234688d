/// What a channel is: its number, where it sits, how it is signalled.
public struct ChannelInfo: Sendable, Hashable, CustomStringConvertible {
    /// The card-wide channel number (DAHDI's `channo`, 1-based).
    public var number: Int
    /// The span it belongs to (1-based).
    public var span: Int
    /// Its position in the span: the timeslot on a digital span, the port on an analog card.
    public var position: Int
    /// How it is signalled.
    public var signalling: ChannelSignalling
    /// The channel's name, e.g. `DAHDI/1` or `SIM/1-1`.
    public var name: String

    public init(number: Int, span: Int, position: Int, signalling: ChannelSignalling, name: String) {
        self.number = number
        self.span = span
        self.position = position
        self.signalling = signalling
        self.name = name
    }

    /// The physical role: FXS, FXO, B, D, CAS.
    public var portKind: PortKind { signalling.portKind }

    public var description: String { "\(name) (\(portKind), \(signalling))" }
}
