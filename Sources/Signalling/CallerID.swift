import TelephonyDSP

/// Caller identity as analog caller ID carries it (Bellcore GR-30 / ETSI EN 300 659 / China
/// YD/T 1401 FSK, or DTMF): number, name, and the date and time of the call.
///
/// `FXSPort` hands it to the FSK/DTMF generator to send to a phone; `FXOPort` receives it from
/// the caller-ID receiver.
public struct CallerID: Hashable, Sendable, CustomStringConvertible {
    /// Why a number or name is absent (the "O" and "P" codes of GR-30, ETSI's absence reasons).
    public enum Absence: String, Hashable, Sendable {
        /// Out of area / unavailable ("O").
        case unavailable
        /// Withheld by the caller ("P").
        case `private`
    }

    /// The calling number, or `nil` when absent.
    public var number: String?
    /// The calling name, or `nil` when absent.
    public var name: String?
    /// Why the number is absent, when it is.
    public var numberAbsence: Absence?
    /// Month, day, hour and minute of the call, as the message carries them ("MMDDHHMM").
    public var dateTime: String?

    public init(number: String? = nil, name: String? = nil, numberAbsence: Absence? = nil, dateTime: String? = nil) {
        self.number = number
        self.name = name
        self.numberAbsence = numberAbsence
        self.dateTime = dateTime
    }

    public var description: String {
        let who = number ?? numberAbsence.map { "(\($0.rawValue))" } ?? "(none)"
        return name.map { "\(who) \"\($0)\"" } ?? who
    }
}

/// A call-progress tone recognised on a line by `TelephonyDSP.CallProgressDetector`: the
/// state machines take the detector's result directly (`.toneDetected(.busy)`).
public typealias DetectedTone = CallProgressTone

/// A tone a port plays to its line (generated from the configured tone zone by the owner).
public enum PortTone: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Dial tone (`DAHDI_TONE_DIALTONE`).
    case dial
    /// Stutter dial tone, e.g. after a hook flash (`DAHDI_TONE_STUTTER`).
    case stutterDial
    /// Ringback (`DAHDI_TONE_RINGTONE`).
    case ringback
    /// Busy (`DAHDI_TONE_BUSY`).
    case busy
    /// Congestion (`DAHDI_TONE_CONGESTION`).
    case congestion
    /// Receiver off-hook tone ("howler"), loud, for a phone left off hook.
    case howler
    /// Call-waiting tone (`DAHDI_TONE_CALLWAIT`).
    case callWaiting

    public var description: String { rawValue }
}

/// A ringing cadence: alternating on and off times, as a tone zone's `ringcadence` gives them
/// in milliseconds ([1000, 4000] in China, [2000, 4000] in the US).
public struct RingCadence: Hashable, Sendable, CustomStringConvertible {
    /// On, off, on, off … ; always an even number of positive steps.
    public let steps: [Duration]

    /// Creates a cadence from milliseconds (on, off, …), e.g. `ToneZone.ringCadenceMS`.
    ///
    /// Returns `nil` when the list is empty, has an odd length, or holds a non-positive time.
    public init?(milliseconds: [Int]) {
        guard !milliseconds.isEmpty, milliseconds.count % 2 == 0, milliseconds.allSatisfy({ $0 > 0 }) else { return nil }
        steps = milliseconds.map { .milliseconds($0) }
    }

    /// China (YD/T 1070): 1 s on, 4 s off.
    public static let china = RingCadence(milliseconds: [1000, 4000])!
    /// North America: 2 s on, 4 s off.
    public static let northAmerica = RingCadence(milliseconds: [2000, 4000])!

    /// The whole cycle.
    public var period: Duration { steps.reduce(.zero, +) }
    /// The longest silent step.
    public var longestOff: Duration { stride(from: 1, to: steps.count, by: 2).map { steps[$0] }.max() ?? .zero }

    public var description: String {
        steps.map { "\($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)" }.joined(separator: ",")
    }
}
