/// An agent: a person at an analog phone on an FXS port, identified by the port's channel
/// number.
///
/// As in mod_callcenter, an agent's *status* (what the agent chose: logged out, available,
/// on a break) is kept apart from the agent's *state* (what the phone is doing: idle, ringing,
/// in a call, wrapping up). The distributor offers a caller only to an agent whose status is
/// ``Status/available`` and whose state is ``State/idle``.
public struct Agent: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// What the agent chose, with feature codes on the phone or from a supervisor.
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        /// Not working; never offered calls.
        case loggedOut
        /// Ready for calls.
        case available
        /// Logged in but paused (`reason` is the optional code dialled after the pause code).
        case onBreak(reason: String?)

        /// Whether the agent is logged in (available or on a break).
        public var isLoggedIn: Bool { self != .loggedOut }

        public var description: String {
            switch self {
            case .loggedOut: "logged out"
            case .available: "available"
            case .onBreak(nil): "on break"
            case .onBreak(let reason?): "on break (\(reason))"
            }
        }
    }

    /// What the agent's phone is doing.
    public enum State: Sendable, Hashable, CustomStringConvertible {
        /// Free.
        case idle
        /// Being rung for `call`.
        case ringing(call: Int)
        /// Talking to the caller of `call`.
        case inCall(call: Int)
        /// After a call, not offered another until `until`.
        case wrapUp(until: ContinuousClock.Instant)

        public var description: String {
            switch self {
            case .idle: "idle"
            case .ringing(let call): "ringing for call \(call)"
            case .inCall(let call): "in call \(call)"
            case .wrapUp: "wrap-up"
            }
        }
    }

    /// The FXS port's channel number; the agent's identity.
    public let id: Int
    /// A display name for the supervisor view and reports.
    public var name: String
    public internal(set) var status: Status = .loggedOut
    public internal(set) var state: State = .idle
    /// When the agent last became free (logged in, or finished wrap-up); longest-idle routing
    /// prefers the earliest.
    public internal(set) var idleSince: ContinuousClock.Instant?
    /// Calls this agent answered since the distributor started.
    public internal(set) var callsAnswered = 0
    /// Offers this agent let ring out (or that could not ring).
    public internal(set) var missedOffers = 0
    /// Offers let ring out since the agent last answered; see
    /// ``CallDistributor/pauseAfterMissedOffers``.
    public internal(set) var consecutiveMissedOffers = 0

    /// Creates a logged-out, idle agent on the FXS port with channel number `port`.
    public init(port: Int, name: String? = nil) {
        self.id = port
        self.name = name ?? "agent \(port)"
    }

    /// The channel number of the agent's FXS port.
    public var port: Int { id }

    /// Whether the agent may be offered a caller now.
    public var isAvailable: Bool { status == .available && state == .idle }

    /// "agent 7 (available, idle)".
    public var description: String { "\(name) (\(status), \(state))" }
}
