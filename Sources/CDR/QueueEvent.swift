import ACD
import Foundation

/// One thing that happened in a queue or to an agent, as Asterisk's `queue_log` line: the
/// facts queue reports are computed from.
public struct QueueEvent: Sendable, Hashable, Codable {
    /// The kinds of event; the raw values are what the store writes.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case enqueued = "ENQUEUED"
        case offered = "OFFERED"
        case answered = "ANSWERED"
        case noAnswer = "NO_ANSWER"
        case abandoned = "ABANDONED"
        case overflowed = "OVERFLOWED"
        case completed = "COMPLETED"
        case agentLogin = "AGENT_LOGIN"
        case agentLogout = "AGENT_LOGOUT"
        case agentPause = "AGENT_PAUSE"
        case agentReady = "AGENT_READY"
    }

    public var time: Date
    public var kind: Kind
    /// The call, for caller events.
    public var callID: Int?
    public var queue: String?
    /// The agent's FXS channel number.
    public var agent: Int?
    /// The caller's wait (answered, abandoned, overflowed).
    public var wait: Duration?
    /// The talk time (completed).
    public var talk: Duration?
    /// More: the caller ID (enqueued), position (abandoned), overflow reason, pause reason.
    public var detail: String?

    public init(time: Date, kind: Kind, callID: Int? = nil, queue: String? = nil, agent: Int? = nil,
                wait: Duration? = nil, talk: Duration? = nil, detail: String? = nil) {
        self.time = time
        self.kind = kind
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.wait = wait
        self.talk = talk
        self.detail = detail
    }

    /// The record of a distributor event that happened at wall-clock `time`. A status change
    /// becomes a login (from logged out), a logout, a pause or a ready.
    public init(_ event: CallDistributor.Event, at time: Date) {
        switch event {
        case .enqueued(let call, let queue, let callerID, _):
            self.init(time: time, kind: .enqueued, callID: call, queue: queue, detail: callerID)
        case .offered(let call, let queue, let agent):
            self.init(time: time, kind: .offered, callID: call, queue: queue, agent: agent)
        case .noAnswer(let call, let queue, let agent):
            self.init(time: time, kind: .noAnswer, callID: call, queue: queue, agent: agent)
        case .answered(let call, let queue, let agent, let wait):
            self.init(time: time, kind: .answered, callID: call, queue: queue, agent: agent, wait: wait)
        case .abandoned(let call, let queue, let position, let wait):
            self.init(time: time, kind: .abandoned, callID: call, queue: queue, wait: wait, detail: "position \(position)")
        case .overflowed(let call, let queue, let reason, let wait):
            self.init(time: time, kind: .overflowed, callID: call, queue: queue, wait: wait, detail: reason.rawValue)
        case .completed(let call, let queue, let agent, let talk):
            self.init(time: time, kind: .completed, callID: call, queue: queue, agent: agent, talk: talk)
        case .agentStatusChanged(let agent, let from, let to):
            switch (from, to) {
            case (_, .loggedOut): self.init(time: time, kind: .agentLogout, agent: agent)
            case (.loggedOut, _): self.init(time: time, kind: .agentLogin, agent: agent, detail: "\(to)")
            case (_, .onBreak(let reason)): self.init(time: time, kind: .agentPause, agent: agent, detail: reason)
            case (_, .available): self.init(time: time, kind: .agentReady, agent: agent)
            }
        }
    }
}
