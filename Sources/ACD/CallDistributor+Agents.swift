extension CallDistributor {
    /// The agent dialled `digits` on the phone (the number the FXS port reported complete).
    ///
    /// A feature code changes the agent's status and returns `.confirmFeature`; anything else,
    /// or a feature not allowed now (*ready* or *pause* while logged out), returns
    /// `.rejectFeature`. Log in makes a logged-out agent available (an agent already logged
    /// in keeps the status); log out takes effect at once but leaves a call in progress alone.
    public mutating func agentDialled(port: Int, digits: String, at now: ContinuousClock.Instant) -> [Action] {
        var actions = advance(to: now)
        guard let agent = agents[port], let (feature, argument) = featureCodes.match(digits) else {
            logger.notice("not a feature code", metadata: ["agent": "\(port)", "digits": "\(digits)"])
            return actions + [.rejectFeature(port: port, digits: digits)]
        }
        let target: Agent.Status
        switch feature {
        case .logIn: target = agent.status.isLoggedIn ? agent.status : .available
        case .logOut: target = .loggedOut
        case .ready, .pause:
            guard agent.status.isLoggedIn else { return actions + [.rejectFeature(port: port, digits: digits)] }
            target = feature == .ready ? .available : .onBreak(reason: argument.isEmpty ? nil : argument)
        }
        actions.append(.confirmFeature(port: port, feature))
        return actions + changeStatus(of: port, to: target, at: now)
    }

    /// Sets an agent's status from outside the phone (a supervisor, or configuration at start).
    ///
    /// - Throws: ``ACDError/unknownAgent(_:)``.
    public mutating func setStatus(_ status: Agent.Status, ofAgent port: Int,
                                   at now: ContinuousClock.Instant) throws(ACDError) -> [Action] {
        guard agents[port] != nil else { throw .unknownAgent(port) }
        return advance(to: now) + changeStatus(of: port, to: status, at: now)
    }

    mutating func changeStatus(of port: Int, to status: Agent.Status, at now: ContinuousClock.Instant) -> [Action] {
        guard let agent = agents[port], agent.status != status else { return [] }
        var actions: [Action] = []
        agents[port]?.status = status
        if !agent.status.isLoggedIn { agents[port]?.idleSince = now }
        logger.debug("agent status", metadata: ["agent": "\(port)", "from": "\(agent.status)", "to": "\(status)"])
        actions.append(.report(.agentStatusChanged(agent: port, from: agent.status, to: status), at: now))
        // An agent leaving service stops ringing; the caller goes to the next agent.
        if status != .available, case .ringing(let call) = agent.state, let (q, i) = locate(call: call) {
            agents[port]?.state = .idle
            queues[q].callers[i].ringing.removeAll { $0 == port }
            if queues[q].callers[i].ringing.isEmpty { queues[q].callers[i].ringDeadline = nil }
            actions.append(.stopRinging(port: port))
        }
        // The last agent of a queue logged out: its callers overflow if the queue says so.
        if status == .loggedOut {
            for q in queues.indices where queues[q].configuration.whenNoAgents == .overflow
                && tiers.contains(where: { $0.queue == queues[q].id && $0.agent == port })
                && !hasLoggedInAgent(queue: q) {
                for caller in queues[q].callers {
                    actions += overflow(call: caller.call, inQueue: q, reason: .noAgents, at: now)
                }
            }
        }
        return actions + dispatch(at: now)
    }
}
