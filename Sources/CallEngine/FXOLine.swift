import Media
import Signalling
import TelephonyCore

/// An FXO port in the call engine: its leg, its signalling machine, and the call on it.
struct FXOLine {
    let channel: any TelephonyChannel
    let leg: MediaLeg
    var machine: FXOPort
    var call: Call?
    /// Where the whole-call recording goes, while one runs.
    var recordingPath: String?
    /// When the current ringing began (a call's start time).
    var firstRingAt: Duration?
    var session: (any CallSessionLogic)?
}

extension DetectedTone {
    /// The tone a call-progress label names (`CN_BUSY`, `US_REORDER`, …), or `nil`.
    init?(label: String) {
        switch label.split(separator: "_").last.map(String.init) {
        case "DIAL": self = .dial
        case "BUSY": self = .busy
        case "RINGBACK": self = .ringback
        case "CONGESTION", "REORDER": self = .congestion
        default: return nil
        }
    }
}
