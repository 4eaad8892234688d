import IVRScript

/// Something that happened on a call, reported to its `IVRCall` by the call's owner.
public enum IVREvent: Sendable, Hashable {
    /// The call was answered and the script should start.
    case callStarted(CallInfo)
    /// The caller pressed a key (a confirmed DTMF digit: 0-9, *, #, A-D).
    case digit(Character)
    /// A `play` action finished (or was stopped).
    case promptFinished(PlaybackID)
    /// A timer the call asked for has expired.
    case timerFired(TimerID)
    /// A fax calling tone (CNG, 1100 Hz) was heard.
    case faxToneDetected
    /// A `record` action ended (end key, silence, maximum length or hang-up); `file` is where it went.
    case recordingFinished(RecordingID, file: String)
    /// What became of a `queue` action.
    case queueResult(QueueOutcome)
    /// The conversation with the agent ended and the caller is still on the line.
    case agentCallEnded
    /// The answer to a `lookup` action: the row's columns, or nil when the key is not in the table.
    case lookupResult([String: String]?)
    /// The caller hung up.
    case hangup
}

/// What the owner knows about a call when it starts.
public struct CallInfo: Sendable, Hashable {
    /// The caller's number (ANI / caller ID); empty when withheld.
    public var caller: String
    /// The number dialled (DNIS / called number); empty on analog lines.
    public var dialled: String
    /// The language to start in (from the DNIS, say); nil for the script's default.
    public var language: String?
    /// The local wall-clock time at the start, for office hours and holidays.
    public var localTime: CivilDateTime

    public init(caller: String, dialled: String = "", language: String? = nil, localTime: CivilDateTime) {
        self.caller = caller
        self.dialled = dialled
        self.language = language
        self.localTime = localTime
    }
}

/// What became of a caller sent to a queue.
public enum QueueOutcome: Sendable, Hashable {
    /// An agent answered; the owner has bridged the caller to the agent's phone.
    case answered(agent: String)
    /// No agent answered within the queue's limit; the script continues after `queue`.
    case overflow
    /// The caller hung up while waiting.
    case callerAbandoned
}

/// Identifies one `play` action, so a late `promptFinished` for an earlier prompt is ignored.
public struct PlaybackID: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "playback#\(rawValue)" }
}

/// Identifies one `record` action.
public struct RecordingID: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "recording#\(rawValue)" }
}

/// Identifies one timer; a fired timer that is no longer current is ignored.
public struct TimerID: Sendable, Hashable, CustomStringConvertible {
    public enum Purpose: String, Sendable, Hashable {
        /// Waiting for the first key after a menu prompt ended (VoiceXML `timeout`).
        case firstDigit
        /// Waiting for the next key of a multi-key entry (VoiceXML `interdigittimeout`).
        case betweenKeys
        /// A `pause` statement.
        case pause
    }

    public var purpose: Purpose
    public var generation: Int

    public init(_ purpose: Purpose, generation: Int) {
        self.purpose = purpose
        self.generation = generation
    }

    public var description: String { "\(purpose.rawValue)#\(generation)" }
}
