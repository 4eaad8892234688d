import TelephonyCore

/// Identifies a call for as long as the daemon runs.
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "call-\(rawValue)" }
}

/// One call on one channel: who, where, when, and how it ended.
public struct Call: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case inbound, outbound
    }

    public enum State: String, Sendable, Hashable {
        /// Offered: the line rings (inbound) or the far end is being called (outbound).
        case ringing
        /// Answered and in progress.
        case answered
        /// Over.
        case ended
    }

    public let id: CallID
    public let direction: Direction
    public let channel: ChannelInfo
    /// The caller's number (ANI / caller ID); empty when unknown or withheld.
    public var caller: String
    public var callerName: String?
    /// The number called (DNIS); empty on analog lines.
    public var dialled: String
    /// The route that took the call.
    public var route: String?
    public var state: State
    /// Times on the card's clock.
    public var startedAt: Duration
    public var answeredAt: Duration?
    public var endedAt: Duration?
    public var endReason: CallEndReason?
    /// The Q.850 cause the call was cleared with (PRI calls).
    public var cause: Int?
    /// The queue the caller waited in, and the agent's port that took the call.
    public var queue: String?
    public var agentPort: Int?
    /// Where the script transferred the call (`extension 801`, `outside 5551234`), if it did;
    /// the end reason says how the transfer went.
    public var transferredTo: String?
    /// Where the call was recorded, if it was.
    public var recording: String?
    /// The IVR menus the caller went through, in order (from the session when the call ended).
    public var ivrPath: [String] = []

    public init(id: CallID, direction: Direction, channel: ChannelInfo, caller: String = "", callerName: String? = nil,
                dialled: String = "", startedAt: Duration) {
        self.id = id
        self.direction = direction
        self.channel = channel
        self.caller = caller
        self.callerName = callerName
        self.dialled = dialled
        state = .ringing
        self.startedAt = startedAt
    }

    /// How long the call was answered for (zero when it never was).
    public var talkTime: Duration {
        guard let answeredAt, let endedAt else { return .zero }
        return endedAt - answeredAt
    }
}

/// Why a call ended, recorded with it.
public enum CallEndReason: Sendable, Hashable, CustomStringConvertible {
    /// The far end hung up, recognised by the given method (loop-current drop, polarity
    /// reversal, busy tone, a PRI DISCONNECT…).
    case farEndHungUp(method: String)
    /// The caller rang off before the call was answered.
    case callerAbandoned
    /// The application (the IVR script) hung up, with its reason.
    case applicationHungUp(reason: String)
    /// No route took the call; it was not answered.
    case noRoute
    /// The channel failed (read/write error, alarm).
    case channelFailed(String)
    /// The daemon stopped.
    case shutdown
    /// The script's transfer could not be completed (the phone was busy or not answered, no
    /// line was free, no dial tone…); the caller heard busy or congestion tone first.
    case transferFailed(String)
    /// The party the call was transferred to (`extension 801`, `outside 5551234`) hung up,
    /// recognised by `method` on an exchange line or PRI span (`nil` for a phone going on hook).
    case transferTargetHungUp(String, method: String? = nil)
    /// The other leg of a transfer ended (for an outgoing leg: the caller it was bridged to).
    case otherLegEnded(CallID)

    public var description: String {
        switch self {
        case .farEndHungUp(let method): "far end hung up (\(method))"
        case .callerAbandoned: "caller abandoned"
        case .applicationHungUp(let reason): "hung up by the application (\(reason))"
        case .noRoute: "no route"
        case .channelFailed(let why): "channel failed: \(why)"
        case .shutdown: "shutdown"
        case .transferFailed(let why): "transfer failed: \(why)"
        case .transferTargetHungUp(let target, let method): "\(target) hung up\(method.map { " (\($0))" } ?? "")"
        case .otherLegEnded(let call): "the other leg (\(call)) ended"
        }
    }
}
