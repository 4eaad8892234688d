import Media
import Signalling
import TelephonyCore

/// An FXO port in the call engine: its leg, its signalling machine, and the call on it.
struct FXOLine {
    let channel: any TelephonyChannel
    let leg: MediaLeg
    var machine: FXOPort
    /// Set when the slot is a PRI B-channel rather than an analog line (then `machine` is idle).
    var bearer: PRIBearer?
    var call: Call?
    /// Where the whole-call recording goes, while one runs.
    var recordingPath: String?
    /// When the current ringing began (a call's start time).
    var firstRingAt: Duration?
    var session: (any CallSessionLogic)?
    /// Whether the session asked for a recording that has not finished yet.
    var isRecording = false
    /// A session whose caller hung up mid-recording: it still gets the recording's samples
    /// (a voicemail is usually ended by hanging up), and nothing else.
    var lingering: (session: any CallSessionLogic, call: Call)?
    /// The caller's transfer in progress (on the caller's line).
    var transfer: Transfer?
    /// On a line seized for a transfer: the caller's line slot it serves.
    var transferFrom: Int?
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
