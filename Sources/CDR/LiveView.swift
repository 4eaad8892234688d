import Foundation

/// The queues and agents as the latest queue events describe them: what a supervisor watches
/// (`offhook queues`). Read from the store, so it works from any process while the daemon
/// writes; it is as current as the writer (milliseconds behind the calls).
public struct LiveView: Sendable, Hashable, Codable {
    /// A caller who joined a queue and has not been answered, abandoned or overflowed.
    public struct WaitingCaller: Sendable, Hashable, Codable {
        public var call: Int
        public var queue: String
        public var callerID: String?
        public var since: Date
        /// 1-based, within the queue.
        public var position: Int
    }

    /// An agent's last known status and state.
    public struct AgentView: Sendable, Hashable, Codable {
        /// The agent's FXS channel number.
        public var agent: Int
        /// `logged out`, `available`, `on break` (with the reason when one was dialled).
        public var status: String
        /// `idle`, `ringing`, `in call`.
        public var state: String
        /// The call being rung or talked to.
        public var call: Int?
        /// When the state began.
        public var since: Date?
    }

    public var waiting: [WaitingCaller]
    public var agents: [AgentView]
}

extension SQLiteCallRecordStore {
    /// The live view from events at or after `since` (callers who joined earlier are not
    /// counted as waiting: a daemon stopped mid-wait leaves no end event).
    public func liveView(since: Date) throws(CDRError) -> LiveView {
        let ended = "'ANSWERED', 'ABANDONED', 'OVERFLOWED'"
        let waitingStatement = try database.prepare("""
            SELECT e.call_id, e.queue, e.detail, e.time FROM queue_events e
            WHERE e.kind = 'ENQUEUED' AND e.time >= ?1 AND NOT EXISTS (
                SELECT 1 FROM queue_events f WHERE f.call_id = e.call_id AND f.id > e.id AND f.kind IN (\(ended)))
            ORDER BY e.id
            """)
        try waitingStatement.bind([.real(since.timeIntervalSince1970)])
        var waiting: [LiveView.WaitingCaller] = []
        var positions: [String: Int] = [:]
        while try waitingStatement.step() {
            let queue = waitingStatement.text(1) ?? ""
            positions[queue, default: 0] += 1
            waiting.append(.init(call: waitingStatement.int(0) ?? 0, queue: queue, callerID: waitingStatement.text(2),
                                 since: Date(timeIntervalSince1970: waitingStatement.double(3) ?? 0),
                                 position: positions[queue]!))
        }
        let waitingCalls = Set(waiting.map(\.call))

        var agents: [Int: LiveView.AgentView] = [:]
        let statusStatement = try database.prepare("""
            SELECT agent, kind, detail FROM queue_events WHERE id IN (
                SELECT MAX(id) FROM queue_events
                WHERE agent IS NOT NULL AND kind IN ('AGENT_LOGIN', 'AGENT_LOGOUT', 'AGENT_PAUSE', 'AGENT_READY')
                GROUP BY agent)
            """)
        while try statusStatement.step() {
            let agent = statusStatement.int(0) ?? 0
            let detail = statusStatement.text(2)
            let status = switch QueueEvent.Kind(rawValue: statusStatement.text(1) ?? "") {
            case .agentLogout?: "logged out"
            case .agentPause?: detail.map { "on break (\($0))" } ?? "on break"
            case .agentLogin?: detail ?? "available"
            default: "available"
            }
            agents[agent] = .init(agent: agent, status: status, state: "idle")
        }
        let stateStatement = try database.prepare("""
            SELECT agent, kind, call_id, time FROM queue_events WHERE id IN (
                SELECT MAX(id) FROM queue_events
                WHERE agent IS NOT NULL AND kind IN ('OFFERED', 'NO_ANSWER', 'ANSWERED', 'COMPLETED')
                GROUP BY agent)
            """)
        while try stateStatement.step() {
            let agent = stateStatement.int(0) ?? 0
            let call = stateStatement.int(2)
            var view = agents[agent] ?? .init(agent: agent, status: "available", state: "idle")
            view.since = stateStatement.double(3).map(Date.init(timeIntervalSince1970:))
            switch QueueEvent.Kind(rawValue: stateStatement.text(1) ?? "") {
            case .offered? where call.map(waitingCalls.contains) == true: (view.state, view.call) = ("ringing", call)
            case .answered?: (view.state, view.call) = ("in call", call)
            default: view.state = "idle"
            }
            agents[agent] = view
        }
        return LiveView(waiting: waiting, agents: agents.values.sorted { $0.agent < $1.agent })
    }
}
