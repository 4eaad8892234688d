/// Identifies one call on one D-channel, for its whole life (incoming or outgoing).
public struct CallID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public var description: String { "call#\(rawValue)" }
}

/// An incoming SETUP (libpri `PRI_EVENT_RING`), with the B-channel already allocated.
public struct IncomingCall: Hashable, Sendable, CustomStringConvertible {
    public var id: CallID
    /// The B-channel of the call: chosen from the pool on the network side, the network's choice
    /// on the user side.
    public var channel: Int
    /// The calling party (ANI), or `nil` when the SETUP carried no Calling party number IE.
    public var calling: PartyNumber?
    /// The called party (DNIS).
    public var called: PartyNumber
    /// The calling name, when the switch type carries one.
    public var callingName: String?
    /// The redirecting number (RDNIS), when present.
    public var redirectingNumber: String?
    /// The Bearer capability's information transfer capability (0 speech, 8 unrestricted
    /// digital, 16 3.1 kHz audio; libpri `PRI_TRANS_CAP_*`).
    public var transferCapability: Int
    /// Whether the SETUP said the number is complete (Sending complete IE).
    public var isNumberComplete: Bool

    public var description: String {
        "\(id) on B\(channel) from \(calling.map(String.init(describing:)) ?? "(no number)") to \(called)"
    }
}

/// Something that happened on a D-channel; a Sendable value copied out of libpri's event union.
public enum PRIEvent: Hashable, Sendable, CustomStringConvertible {
    /// Q.921 multiple-frame operation established. libpri: `PRI_EVENT_DCHAN_UP`.
    case dChannelUp
    /// Q.921 link lost. libpri: `PRI_EVENT_DCHAN_DOWN`.
    case dChannelDown
    /// A SETUP arrived and a B-channel was reserved for it. libpri: `PRI_EVENT_RING`.
    case incomingCall(IncomingCall)
    /// A SETUP was refused before it reached the application (no channel free, or the
    /// requested one busy); the far side was sent `cause`.
    case incomingCallRejected(called: PartyNumber, cause: Q850Cause)
    /// CALL PROCEEDING for an outgoing call. libpri: `PRI_EVENT_PROCEEDING`.
    case proceeding(CallID, channel: Int?)
    /// ALERTING for an outgoing call: the far end is ringing. libpri: `PRI_EVENT_RINGING`.
    case alerting(CallID, channel: Int?)
    /// PROGRESS for an outgoing call (in-band information). libpri: `PRI_EVENT_PROGRESS`.
    case progress(CallID)
    /// CONNECT for an outgoing call: the far end answered. libpri: `PRI_EVENT_ANSWER`.
    case answered(CallID, channel: Int?)
    /// The far end (or a timer) cleared the call with `cause`: DISCONNECT (`PRI_EVENT_HANGUP_REQ`),
    /// or RELEASE/RELEASE COMPLETE without one (`PRI_EVENT_HANGUP`). Stop the media now.
    case disconnected(CallID, cause: Q850Cause)
    /// The call reference is gone and its B-channel is free again. Follows every call, whoever
    /// cleared it; `cause` is the one the clearing carried.
    case released(CallID, channel: Int?, cause: Q850Cause)
    /// A command could not be carried out (unknown call, libpri refused).
    case commandFailed(CallID?, reason: String)
    /// The far end restarted a B-channel (`nil`: the whole interface); its calls were released.
    /// libpri: `PRI_EVENT_RESTART`.
    case restarted(channel: Int?)
    /// The far end acknowledged our RESTART. libpri: `PRI_EVENT_RESTART_ACK`.
    case restartAcknowledged(channel: Int?)
    /// The transport file descriptor closed or failed; the owner thread has stopped.
    case transportClosed

    public var description: String {
        switch self {
        case .dChannelUp: "D-channel up"
        case .dChannelDown: "D-channel down"
        case .incomingCall(let c): "incoming \(c)"
        case .incomingCallRejected(let called, let cause): "incoming call to \(called.digits) rejected: \(cause)"
        case .proceeding(let id, let ch): "\(id) proceeding\(ch.map { " on B\($0)" } ?? "")"
        case .alerting(let id, let ch): "\(id) alerting\(ch.map { " on B\($0)" } ?? "")"
        case .progress(let id): "\(id) progress"
        case .answered(let id, let ch): "\(id) answered\(ch.map { " on B\($0)" } ?? "")"
        case .disconnected(let id, let cause): "\(id) disconnected: \(cause)"
        case .released(let id, let ch, let cause): "\(id) released\(ch.map { " B\($0)" } ?? ""): \(cause)"
        case .commandFailed(let id, let reason): "\(id.map { "\($0) " } ?? "")command failed: \(reason)"
        case .restarted(let ch): "restarted \(ch.map { "B\($0)" } ?? "interface")"
        case .restartAcknowledged(let ch): "restart acknowledged \(ch.map { "B\($0)" } ?? "interface")"
        case .transportClosed: "transport closed"
        }
    }
}

/// An outgoing call request.
public struct OutgoingCall: Sendable, Hashable {
    /// Which B-channel to ask for.
    public enum ChannelRequest: Sendable, Hashable {
        /// Let the pool choose (network side: the channel; user side: a preference).
        case any
        /// Prefer this channel; the network may choose another.
        case preferred(Int)
        /// Only this channel.
        case exclusive(Int)
    }

    /// The called party (DNIS on the far side).
    public var called: PartyNumber
    /// The calling party (ANI on the far side), or `nil` to send none.
    public var calling: PartyNumber?
    /// The calling name (sent in a Display IE where the switch type supports it).
    public var callingName: String?
    public var channel: ChannelRequest
    /// Information transfer capability (libpri `PRI_TRANS_CAP_*`); 0 is speech.
    public var transferCapability: Int
    /// G.711 law in the Bearer capability's user layer 1: A-law on E1, µ-law on T1.
    public var usesALaw: Bool

    public init(called: PartyNumber, calling: PartyNumber? = nil, callingName: String? = nil,
                channel: ChannelRequest = .any, transferCapability: Int = 0, usesALaw: Bool = true) {
        self.called = called
        self.calling = calling
        self.callingName = callingName
        self.channel = channel
        self.transferCapability = transferCapability
        self.usesALaw = usesALaw
    }
}

/// Errors `DChannel` reports synchronously.
public struct PRIError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable { case invalidNumber, system, invalidChannel }
    private let code: Code
    /// What failed, for the message.
    public let detail: String
    /// The `errno` of a failed system call, else 0.
    public let errno: Int32

    /// A number holds characters other than 0-9, * and #.
    public static func invalidNumber(_ digits: String) -> Self {
        PRIError(code: .invalidNumber, detail: "invalid digits in number '\(digits)' (allowed: 0-9 * #)", errno: 0)
    }
    /// A B-channel request names a channel outside the span.
    public static func invalidChannel(_ channel: Int) -> Self {
        PRIError(code: .invalidChannel, detail: "B-channel \(channel) is not part of this span", errno: 0)
    }
    /// A system call failed.
    public static func system(_ operation: String, errno: Int32) -> Self {
        PRIError(code: .system, detail: operation, errno: errno)
    }

    public var description: String { errno == 0 ? detail : "\(detail) failed (errno \(errno))" }
}
