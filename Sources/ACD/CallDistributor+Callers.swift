extension CallDistributor {
    /// Puts a caller in a queue.
    ///
    /// The caller hears hold music and is offered to agents at once if any is free. When none
    /// of the queue's agents is logged in and the queue's ``Queue/NoAgentsPolicy`` is
    /// `.overflow`, the caller overflows immediately (`.overflow(call:reason: .noAgents)`).
    ///
    /// - Parameters:
    ///   - call: the call engine's call number.
    ///   - callerID: the caller's number (ANI), shown on the agent's phone.
    ///   - queue: the queue's name.
    ///   - maxWait: the script's limit, which replaces the queue's `maxWait` when given.
    /// - Throws: ``ACDError/unknownQueue(_:)``, ``ACDError/callAlreadyQueued(_:)``.
    public mutating func enqueue(call: Int, callerID: String?, queue: String, maxWait: Duration? = nil,
                                 at now: ContinuousClock.Instant) throws(ACDError) -> [Action] {
        guard let q = queueIndex[queue] else { throw .unknownQueue(queue) }
        guard !isKnown(call: call) else { throw .callAlreadyQueued(call) }
        var actions = advance(to: now)
        let configuration = queues[q].configuration
        let position = queues[q].callers.count + 1
        queues[q].statistics.enqueued += 1
        actions.append(.report(.enqueued(call: call, queue: queue, callerID: callerID, position: position), at: now))
        if configuration.whenNoAgents == .overflow && !hasLoggedInAgent(queue: q) {
            queues[q].statistics.overflowed += 1
            logger.debug("overflow: no agents", metadata: ["call": "\(call)", "queue": "\(queue)"])
            return actions + [.overflow(call: call, reason: .noAgents),
                              .report(.overflowed(call: call, queue: queue, reason: .noAgents, wait: .zero), at: now)]
        }
        let limit = maxWait ?? configuration.maxWait
        queues[q].callers.append(Queue.Caller(
            call: call, callerID: callerID, enqueuedAt: now, overflowAt: limit.map { now + $0 },
            nextAnnouncement: configuration.announceEvery.map { now + $0 }))
        logger.debug("enqueued", metadata: ["call": "\(call)", "queue": "\(queue)", "position": "\(position)"])
        actions.append(.playHold(call: call, music: configuration.holdMusic))
        return actions + dispatch(at: now)
    }

    /// The agent's phone, which was ringing, went off hook: the caller is bridged to it and
    /// any other phones rung for the caller stop ringing.
    ///
    /// Returns no actions when the agent was not being rung (a late answer after the offer
    /// timed out; the owner has already stopped the ringing).
    public mutating func agentAnswered(port: Int, at now: ContinuousClock.Instant) -> [Action] {
        var actions = advance(to: now)
        guard case .ringing(let call)? = agents[port]?.state,
              let (q, i) = locate(call: call) else {
            logger.notice("answer from an agent not being rung", metadata: ["agent": "\(port)"])
            return actions
        }
        let caller = queues[q].callers.remove(at: i)
        for other in caller.ringing where other != port {
            agents[other]?.state = .idle
            actions.append(.stopRinging(port: other))
        }
        agents[port]?.state = .inCall(call: call)
        agents[port]?.callsAnswered += 1
        agents[port]?.consecutiveMissedOffers = 0
        queues[q].statistics.answered += 1
        connected[call] = Connection(queue: q, agent: port, enqueuedAt: caller.enqueuedAt, answeredAt: now)
        logger.debug("answered", metadata: ["call": "\(call)", "agent": "\(port)"])
        actions.append(.bridge(caller: call, agent: port))
        actions.append(.report(.answered(call: call, queue: queues[q].id, agent: port,
                                         wait: caller.enqueuedAt.duration(to: now)), at: now))
        return actions + dispatch(at: now)
    }

    /// The agent's phone could not be rung (off hook, out of order): the caller is offered to
    /// the next agent at once, as after a ring timeout.
    public mutating func ringFailed(port: Int, at now: ContinuousClock.Instant) -> [Action] {
        var actions = advance(to: now)
        guard case .ringing(let call)? = agents[port]?.state, let (q, i) = locate(call: call) else { return actions }
        agents[port]?.state = .idle
        agents[port]?.missedOffers += 1
        queues[q].callers[i].ringing.removeAll { $0 == port }
        if queues[q].callers[i].ringing.isEmpty { queues[q].callers[i].ringDeadline = nil }
        actions.append(.report(.noAnswer(call: call, queue: queues[q].id, agent: port), at: now))
        return actions + dispatch(at: now)
    }

    /// The call ended: either the caller hung up while waiting (abandoned), or one side of a
    /// bridged call hung up (completed; the agent starts wrap-up).
    ///
    /// Returns no actions for a call the distributor does not hold.
    public mutating func callEnded(call: Int, at now: ContinuousClock.Instant) -> [Action] {
        var actions = advance(to: now)
        if let (q, i) = locate(call: call) {
            let caller = queues[q].callers.remove(at: i)
            for port in caller.ringing {
                agents[port]?.state = .idle
                actions.append(.stopRinging(port: port))
            }
            queues[q].statistics.abandoned += 1
            logger.debug("abandoned", metadata: ["call": "\(call)", "queue": "\(queues[q].id)"])
            actions.append(.report(.abandoned(call: call, queue: queues[q].id, position: i + 1,
                                              wait: caller.enqueuedAt.duration(to: now)), at: now))
        } else if let connection = connected.removeValue(forKey: call) {
            let wrapUp = queues[connection.queue].configuration.wrapUp
            let port = connection.agent
            if wrapUp > .zero {
                agents[port]?.state = .wrapUp(until: now + wrapUp)
            } else {
                agents[port]?.state = .idle
                agents[port]?.idleSince = now
            }
            let talk = connection.answeredAt.duration(to: now)
            queues[connection.queue].statistics.completed += 1
            queues[connection.queue].statistics.totalHandleTime += talk + wrapUp
            logger.debug("completed", metadata: ["call": "\(call)", "agent": "\(port)"])
            actions.append(.report(.completed(call: call, queue: queues[connection.queue].id, agent: port, talk: talk), at: now))
        } else {
            return actions
        }
        return actions + dispatch(at: now)
    }

    /// The agent on `port` hung up; if the agent was in a call, the call ended
    /// (``callEnded(call:at:)``).
    public mutating func agentHungUp(port: Int, at now: ContinuousClock.Instant) -> [Action] {
        guard case .inCall(let call)? = agents[port]?.state else { return advance(to: now) }
        return callEnded(call: call, at: now)
    }

    // MARK: Internals

    func isKnown(call: Int) -> Bool {
        connected[call] != nil || locate(call: call) != nil
    }

    /// The queue index and the caller's index in it.
    func locate(call: Int) -> (Int, Int)? {
        for (q, queue) in queues.enumerated() {
            if let i = queue.callers.firstIndex(where: { $0.call == call }) { return (q, i) }
        }
        return nil
    }

    func hasLoggedInAgent(queue q: Int) -> Bool {
        tiers.contains { $0.queue == queues[q].id && agents[$0.agent]?.status.isLoggedIn == true }
    }

    /// The expected wait of the caller at `position`: position × average handle time / agents
    /// logged in; `nil` before the queue has completed a call.
    func expectedWait(position: Int, inQueue q: Int) -> Duration? {
        guard let handle = queues[q].statistics.averageHandleTime else { return nil }
        let staffed = tiers.filter { $0.queue == queues[q].id && agents[$0.agent]?.status.isLoggedIn == true }.count
        return handle * position / max(1, staffed)
    }

    mutating func overflow(call: Int, inQueue q: Int, reason: OverflowReason, at now: ContinuousClock.Instant) -> [Action] {
        guard let i = queues[q].callers.firstIndex(where: { $0.call == call }) else { return [] }
        let caller = queues[q].callers.remove(at: i)
        var actions: [Action] = []
        for port in caller.ringing {
            agents[port]?.state = .idle
            actions.append(.stopRinging(port: port))
        }
        queues[q].statistics.overflowed += 1
        logger.debug("overflow", metadata: ["call": "\(call)", "queue": "\(queues[q].id)", "reason": "\(reason.rawValue)"])
        actions.append(.overflow(call: call, reason: reason))
        actions.append(.report(.overflowed(call: call, queue: queues[q].id, reason: reason,
                                           wait: caller.enqueuedAt.duration(to: now)), at: now))
        return actions
    }

    mutating func ringTimedOut(call: Int, inQueue q: Int, at now: ContinuousClock.Instant) -> [Action] {
        guard let i = queues[q].callers.firstIndex(where: { $0.call == call }) else { return [] }
        var actions: [Action] = []
        let rung = queues[q].callers[i].ringing
        for port in rung {
            agents[port]?.state = .idle
            agents[port]?.missedOffers += 1
            agents[port]?.consecutiveMissedOffers += 1
            actions.append(.stopRinging(port: port))
            actions.append(.report(.noAnswer(call: call, queue: queues[q].id, agent: port), at: now))
        }
        logger.debug("no answer", metadata: ["call": "\(call)", "agents": "\(rung)"])
        queues[q].callers[i].ringing = []
        queues[q].callers[i].ringDeadline = nil
        if let limit = pauseAfterMissedOffers {
            for port in rung where (agents[port]?.consecutiveMissedOffers ?? 0) >= limit && agents[port]?.status == .available {
                logger.notice("agent put on a break after missed offers", metadata: ["agent": "\(port)", "missed": "\(limit)"])
                agents[port]?.consecutiveMissedOffers = 0
                actions += changeStatus(of: port, to: .onBreak(reason: "no answer"), at: now)
            }
        }
        return actions
    }

    mutating func announce(call: Int, inQueue q: Int, at now: ContinuousClock.Instant) -> [Action] {
        guard let i = queues[q].callers.firstIndex(where: { $0.call == call }),
              let period = queues[q].configuration.announceEvery else { return [] }
        queues[q].callers[i].nextAnnouncement = now + period
        return [.announce(call: call, position: i + 1, expectedWait: expectedWait(position: i + 1, inQueue: q))]
    }

    /// Offers waiting callers, oldest first across all queues, to free agents.
    mutating func dispatch(at now: ContinuousClock.Instant) -> [Action] {
        // Nobody free (the usual case when callers wait): nothing to offer.
        guard agents.values.contains(where: \.isAvailable) else { return [] }
        var actions: [Action] = []
        let tiersByQueue = queues.map { queue in tiers.filter { $0.queue == queue.id } }
        var waiting: [(at: ContinuousClock.Instant, q: Int, i: Int)] = []
        for (q, queue) in queues.enumerated() {
            for (i, caller) in queue.callers.enumerated() where caller.ringing.isEmpty {
                waiting.append((caller.enqueuedAt, q, i))
            }
        }
        waiting.sort { ($0.at, $0.q, $0.i) < ($1.at, $1.q, $1.i) }
        for (_, q, i) in waiting {
            guard agents.values.contains(where: \.isAvailable) else { break }
            let name = queues[q].id
            let queueTiers = tiersByQueue[q]
            func candidates(excluding tried: Set<Int>) -> [RoutingCandidate] {
                queueTiers.compactMap { tier in
                    guard let agent = agents[tier.agent], agent.isAvailable, !tried.contains(agent.port) else { return nil }
                    return RoutingCandidate(port: agent.port, idleSince: agent.idleSince ?? now,
                                            level: tier.level, position: tier.position)
                }
            }
            var free = candidates(excluding: queues[q].callers[i].tried)
            if free.isEmpty && !queues[q].callers[i].tried.isEmpty {
                // Everyone free has been tried: start a new round.
                queues[q].callers[i].tried = []
                free = candidates(excluding: [])
            }
            guard !free.isEmpty else { continue }
            let strategy = queues[q].configuration.strategy.strategy
            let last = queues[q].lastOffered
            let context = RoutingContext(lastOffered: last,
                                         lastOfferedPosition: queueTiers.first { $0.agent == last }?.position)
            let order = strategy.order(free, context: context)
            let ring = strategy.ringsAllAtOnce ? order : Array(order.prefix(1))
            guard let first = ring.first else { continue }
            let caller = queues[q].callers[i]
            for port in ring {
                agents[port]?.state = .ringing(call: caller.call)
                actions.append(.ringAgent(port: port, call: caller.call, callerID: caller.callerID))
                actions.append(.report(.offered(call: caller.call, queue: name, agent: port), at: now))
            }
            queues[q].callers[i].ringing = ring
            queues[q].callers[i].tried.formUnion(ring)
            queues[q].callers[i].ringDeadline = now + queues[q].configuration.ringTimeout
            queues[q].lastOffered = first
            logger.debug("offered", metadata: ["call": "\(caller.call)", "agents": "\(ring)"])
        }
        return actions
    }
}
