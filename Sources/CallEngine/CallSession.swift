import Media

/// What happens on an answered call, as the application sees it.
public enum SessionEvent: Sendable, Hashable {
    /// The call was answered; the application should start.
    case started
    /// The caller pressed a key.
    case dtmf(Character)
    /// A tone was heard (e.g. `CNG`, a fax calling).
    case tone(name: String, isOn: Bool)
    case playbackFinished(id: Int, completed: Bool)
    case recordingFinished(id: Int, samples: [Int16])
    /// What became of a `queue` action: an agent answered (the caller is bridged to the agent's
    /// port), or the queue overflowed, or (`nil` agent and not overflow) the agent call ended.
    case queueAnswered(agentPort: Int)
    case queueOverflowed
    /// The conversation with the agent ended; the caller is still on the line.
    case agentCallEnded
    /// The caller hung up; the session is over.
    case hangup
}

/// What the application asks of the call.
public enum SessionAction: Sendable, Hashable {
    case play(PromptAudio, id: Int, bargeIn: Bool)
    case stopPlayback
    case record(id: Int, maximum: Duration)
    case stopRecording
    /// Put the caller in the queue `name` (the ACD answers with `queueAnswered`/`queueOverflowed`).
    case queue(name: String, maximumWait: Duration?)
    /// Put the call through to an extension's phone or an outside number; the session is over
    /// (the engine rings or dials, bridges on answer, and hangs up when either side does).
    case transfer(TransferTarget)
    /// Hang up; the session is over.
    case hangUp(reason: String)
}

/// Where a transfer sends the call.
public enum TransferTarget: Sendable, Hashable, CustomStringConvertible {
    /// An extension: the phone on an FXS port, by the extension map (``TransferSettings``).
    case `extension`(String)
    /// An outside number, dialled on a free exchange line.
    case outside(String)

    /// The number asked for.
    public var number: String {
        switch self {
        case .extension(let n), .outside(let n): n
        }
    }

    /// "extension 801", "outside 5551234".
    public var description: String {
        switch self {
        case .extension(let n): "extension \(n)"
        case .outside(let n): "outside \(n)"
        }
    }
}

extension PromptAudio: Hashable {
    public static func == (a: PromptAudio, b: PromptAudio) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The application's logic for one call: a sans-I/O state machine the call engine drives with
/// events and the card's time, performing the actions it returns.
public protocol CallSessionLogic: Sendable {
    /// Takes one event at `now`; returns what to do.
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction]
    /// The earliest time at which ``advance(to:)`` has work, or `nil`.
    var nextDeadline: Duration? { get }
    /// Runs the timers due at `now`.
    mutating func advance(to now: Duration, call: Call) -> [SessionAction]
    /// The menus (or other named steps) the session went through so far, in order; kept in
    /// the call record (``Call/ivrPath``). Empty by default.
    var path: [String] { get }
    /// What the caller, waiting in a queue, hears as the ACD's periodic announcement: their
    /// `position` (1 is next) and, when known, the `expectedWait`, composed at `now` in the
    /// call's language; `nil` when the session has none (the caller hears only the hold
    /// music). Called off the media path, once per announcement. `nil` by default.
    mutating func queueAnnouncement(position: Int, expectedWait: Duration?, at now: Duration) -> PromptAudio?
}

extension CallSessionLogic {
    public var path: [String] { [] }
    public mutating func queueAnnouncement(position: Int, expectedWait: Duration?, at now: Duration) -> PromptAudio? { nil }
}

/// Makes the session for each answered call (the IVR, a test application…).
public protocol CallApplication: Sendable {
    /// The session for `call` taken by `route`, or `nil` to leave the call unanswered.
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)?
}
