import CDAHDI
import TelephonyCore

/// A span's status, from `DAHDI_SPANSTAT` (`struct dahdi_spaninfo`).
public struct DAHDISpanStatus: Sendable, Hashable {
    /// The span number (`spanno`).
    public var number: Int
    /// The driver's name for the span (`name`), e.g. `DYN/loc/1:0`.
    public var name: String
    /// The description (`desc`).
    public var description: String
    /// Current alarms (`alarms`).
    public var alarms: SpanAlarms
    /// Channels the span has (`totalchans`) and how many are configured (`numchans`).
    public var totalChannels: Int
    public var configuredChannels: Int
    /// Spans in the whole system (`totalspans`).
    public var totalSpans: Int
    /// The span type as text (`spantype`), e.g. `E1`, `T1`, `FXS`, `DYNAM`.
    public var spanType: String
    /// The span number whose clock this span follows, or 0 for free run (`syncsrc`).
    public var syncSource: Int
    /// Error counters: bipolar violations, CRC-4 errors, FAS errors (`bpvcount`, `crc4count`, `fascount`).
    public var bipolarViolations: Int
    public var crc4Errors: Int
    public var framingErrors: Int
    /// The card (`manufacturer`, `devicetype`) and where it sits (`location`).
    public var manufacturer: String
    public var deviceType: String
    public var location: String

    /// Decodes the kernel's struct.
    public init(_ raw: dahdi_spaninfo) {
        number = Int(raw.spanno)
        name = string(fromCArray: raw.name)
        description = string(fromCArray: raw.desc)
        alarms = SpanAlarms(rawValue: UInt32(bitPattern: raw.alarms))
        totalChannels = Int(raw.totalchans)
        configuredChannels = Int(raw.numchans)
        totalSpans = Int(raw.totalspans)
        spanType = string(fromCArray: raw.spantype)
        syncSource = Int(raw.syncsrc)
        bipolarViolations = Int(raw.bpvcount)
        crc4Errors = Int(raw.crc4count)
        framingErrors = Int(raw.fascount)
        manufacturer = string(fromCArray: raw.manufacturer)
        deviceType = string(fromCArray: raw.devicetype)
        location = string(fromCArray: raw.location)
    }

    /// The kind of line, from the span type; dynamic spans (`DYNAM`) by their channel count.
    public var kind: SpanInfo.Kind {
        switch spanType.uppercased() {
        case "E1": return .e1
        case "T1", "J1": return .t1
        case "FXS", "FXO", "ANALOG_MIXED", "ANALOG": return .analog
        default: return totalChannels == 31 ? .e1 : totalChannels == 24 ? .t1 : .analog
        }
    }
}
