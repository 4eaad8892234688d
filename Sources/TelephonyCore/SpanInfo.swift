/// What a span is and how it is doing.
public struct SpanInfo: Sendable, Hashable {
    /// The kind of line a span terminates.
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Analog ports (FXS and/or FXO modules), each its own channel.
        case analog
        /// An E1 line: 31 timeslots, 2.048 Mbit/s.
        case e1 = "E1"
        /// A T1 line: 24 timeslots, 1.544 Mbit/s.
        case t1 = "T1"
        public var description: String { rawValue }
    }

    /// The span number (1-based).
    public var number: Int
    /// A name, e.g. `SIM/1` or `DYN/loc/1:0`.
    public var name: String
    /// A description, e.g. `Simulated analog span (4 FXS, 4 FXO)`.
    public var description: String
    public var kind: Kind
    /// The card-wide numbers of its channels.
    public var channels: ClosedRange<Int>
    /// The D-channel's card-wide number, on a PRI span.
    public var dChannel: Int?
    /// Current alarms.
    public var alarms: SpanAlarms
    /// Line coding and framing on digital spans (`hdb3`, `ccs`), as configured.
    public var lineCoding: String?
    public var framing: String?
    /// The tone zone (`cn`, `us`, …) used for the span's ring cadence and tones.
    public var toneZone: String?

    public init(number: Int, name: String, description: String, kind: Kind, channels: ClosedRange<Int>,
                dChannel: Int? = nil, alarms: SpanAlarms = [], lineCoding: String? = nil,
                framing: String? = nil, toneZone: String? = nil) {
        self.number = number
        self.name = name
        self.description = description
        self.kind = kind
        self.channels = channels
        self.dChannel = dChannel
        self.alarms = alarms
        self.lineCoding = lineCoding
        self.framing = framing
        self.toneZone = toneZone
    }
}
