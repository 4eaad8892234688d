extension CallDistributor {
    /// What the owner must do, in the order given.
    public enum Action: Sendable, Hashable {
        /// Ring the agent's phone, sending `callerID` (the caller's ANI) as caller ID.
        case ringAgent(port: Int, call: Int, callerID: String?)
        /// Stop ringing the agent's phone (the offer timed out, another agent answered, the
        /// caller left, or the agent logged out).
        case stopRinging(port: Int)
        /// Stop the caller's hold music and connect the caller to the agent's phone, which has
        /// answered.
        case bridge(caller: Int, agent: Int)
        /// Play the music-on-hold class `music` to the caller until told otherwise.
        case playHold(call: Int, music: String)
        /// Tell the caller their place in the queue and, when it can be estimated, the
        /// expected wait; then resume the hold music.
        case announce(call: Int, position: Int, expectedWait: Duration?)
        /// The caller leaves the queue unserved; the script continues at its overflow branch.
        case overflow(call: Int, reason: OverflowReason)
        /// The feature code was carried out: play the agent a confirmation tone.
        case confirmFeature(port: Int, FeatureCode)
        /// The digits were no feature code, or not allowed now (e.g. *ready* while logged
        /// out): play the agent an error tone.
        case rejectFeature(port: Int, digits: String)
        /// Record a queue event (for the call records); `at` is when it happened, which may
        /// be earlier than the time passed in when a deadline was overdue.
        case report(Event, at: ContinuousClock.Instant)
    }

    /// Why a caller overflowed.
    public enum OverflowReason: String, Sendable, Hashable, CaseIterable {
        /// No agent answered within the queue's (or the script's) maximum wait.
        case maxWait = "max-wait"
        /// No agent of the queue was logged in.
        case noAgents = "no-agents"
    }

    /// Something that happened in a queue, for call records and reports.
    public enum Event: Sendable, Hashable {
        /// A caller joined `queue` at `position`.
        case enqueued(call: Int, queue: String, callerID: String?, position: Int)
        /// The agent's phone started ringing for the caller.
        case offered(call: Int, queue: String, agent: Int)
        /// The agent let the phone ring out (or it could not be rung).
        case noAnswer(call: Int, queue: String, agent: Int)
        /// The agent answered after the caller had waited `wait`.
        case answered(call: Int, queue: String, agent: Int, wait: Duration)
        /// The caller hung up at `position` after waiting `wait`.
        case abandoned(call: Int, queue: String, position: Int, wait: Duration)
        /// The caller left unserved after waiting `wait`.
        case overflowed(call: Int, queue: String, reason: OverflowReason, wait: Duration)
        /// The call with the agent ended after `talk`.
        case completed(call: Int, queue: String, agent: Int, talk: Duration)
        /// The agent's status changed (log in, log out, pause, ready).
        case agentStatusChanged(agent: Int, from: Agent.Status, to: Agent.Status)
    }
}
