/// The alarms a span can be in, as DAHDI reports them in `struct dahdi_spaninfo.alarms`.
public struct SpanAlarms: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `DAHDI_ALARM_RECOVER`: recovering from an alarm.
    public static let recovering = SpanAlarms(rawValue: 1 << 0)
    /// `DAHDI_ALARM_LOOPBACK`: the span is looped back.
    public static let loopback = SpanAlarms(rawValue: 1 << 1)
    /// `DAHDI_ALARM_YELLOW`: the far end reports an alarm (RAI).
    public static let yellow = SpanAlarms(rawValue: 1 << 2)
    /// `DAHDI_ALARM_RED`: loss of signal or frame alignment here.
    public static let red = SpanAlarms(rawValue: 1 << 3)
    /// `DAHDI_ALARM_BLUE`: the far end sends all ones (AIS).
    public static let blue = SpanAlarms(rawValue: 1 << 4)
    /// `DAHDI_ALARM_NOTOPEN`: the span is not running.
    public static let notOpen = SpanAlarms(rawValue: 1 << 5)

    private static let names: [(SpanAlarms, String)] = [
        (.red, "RED"), (.yellow, "YELLOW"), (.blue, "BLUE"), (.recovering, "RECOVERING"),
        (.loopback, "LOOPBACK"), (.notOpen, "NOTOPEN"),
    ]

    /// The alarm names, as `dahdi_scan` and `lsdahdi` print them; `OK` when there are none.
    public var description: String {
        let set = Self.names.filter { contains($0.0) }.map(\.1)
        return set.isEmpty ? "OK" : set.joined(separator: ",")
    }
}
