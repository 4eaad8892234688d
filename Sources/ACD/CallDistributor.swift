import Logging

/// The automatic call distributor: queues, agents and the offers between them, as a sans-I/O
/// state machine.
///
/// The owner (the call engine, driven by the IVR runtime) calls one method per input with the
/// current time and carries out the returned ``Action``s in order; it calls
/// ``advance(to:)`` when ``nextDeadline`` has passed. The distributor does no I/O, reads no
/// clock and keeps no global state.
///
/// ```swift
/// var acd = try CallDistributor(queues: [.init(name: "support")],
///                               agents: [Agent(port: 1), Agent(port: 2)],
///                               tiers: [Tier(queue: "support", agent: 1), Tier(queue: "support", agent: 2)],
///                               logger: logger)
/// acd.agentDialled(port: 1, digits: "*1", at: t0)              // [.confirmFeature(port: 1, .logIn), .report(…)]
/// try acd.enqueue(call: 42, callerID: "5551234", queue: "support", at: t1)
///     // [.playHold(call: 42, …), .report(.enqueued…), .ringAgent(port: 1, call: 42, callerID: "5551234"), .report(.offered…)]
/// acd.agentAnswered(port: 1, at: t2)                           // [.bridge(caller: 42, agent: 1), .report(.answered…)]
/// acd.callEnded(call: 42, at: t3)                              // agent 1 wraps up, then is offered again
/// ```
///
/// Behaviour, per queue (see ``Queue/Configuration``): callers wait first come, first served
/// with hold music and an announcement of position and expected wait every `announceEvery`;
/// the queue's strategy picks the agents to ring; an agent who lets the phone ring
/// `ringTimeout` is passed over for the next (all candidates are tried before any is tried
/// again); a caller still waiting at `maxWait`, or when no agent is logged in, overflows; a
/// caller who hangs up has abandoned; after a call the agent has `wrapUp` before the next.
///
/// - Complexity: every input is O(callers + agents) at most, with small constants.
public struct CallDistributor: Sendable, CustomStringConvertible {
    /// Queues in configuration order.
    public internal(set) var queues: [Queue]
    /// Agents by port.
    public internal(set) var agents: [Int: Agent]
    /// The feature codes agents dial.
    public let featureCodes: FeatureCodes
    /// An agent who lets this many offers in a row ring out is put on a break (reason
    /// `"no answer"`), as mod_callcenter's `max-no-answer`: an agent who walked away stops
    /// costing every caller a ring timeout. `nil` never pauses.
    public let pauseAfterMissedOffers: Int?
    let tiers: [Tier]
    let queueIndex: [String: Int]
    /// Calls talking to an agent.
    var connected: [Int: Connection] = [:]
    var logger: Logger

    struct Connection: Sendable, Hashable {
        var queue: Int
        var agent: Int
        var enqueuedAt: ContinuousClock.Instant
        var answeredAt: ContinuousClock.Instant
    }

    /// Creates a distributor with every agent logged out.
    ///
    /// - Parameters:
    ///   - queues: the queues; names must be unique.
    ///   - agents: the agents; ports must be unique.
    ///   - tiers: which agents serve which queues, with skill level and hunt position.
    ///   - featureCodes: the codes agents dial on their phones.
    ///   - pauseAfterMissedOffers: offers in a row an agent may let ring out before being put
    ///     on a break (default 3; `nil` never).
    ///   - logger: where transitions are logged (at `debug`) and ignored inputs (at `notice`).
    /// - Throws: ``ACDError`` for duplicate queues or agents, or a tier naming either unknown.
    public init(queues: [Queue.Configuration], agents: [Agent], tiers: [Tier],
                featureCodes: FeatureCodes = .standard, pauseAfterMissedOffers: Int? = 3,
                logger: Logger) throws(ACDError) {
        var index: [String: Int] = [:]
        for (i, queue) in queues.enumerated() {
            guard index[queue.name] == nil else { throw .duplicateQueue(queue.name) }
            index[queue.name] = i
        }
        var byPort: [Int: Agent] = [:]
        for agent in agents {
            guard byPort[agent.port] == nil else { throw .duplicateAgent(agent.port) }
            byPort[agent.port] = agent
        }
        for tier in tiers {
            guard index[tier.queue] != nil else { throw .tierForUnknownQueue(tier.queue) }
            guard byPort[tier.agent] != nil else { throw .tierForUnknownAgent(tier.agent) }
        }
        self.queues = queues.map(Queue.init(configuration:))
        self.queueIndex = index
        self.agents = byPort
        self.tiers = tiers
        self.featureCodes = featureCodes
        self.pauseAfterMissedOffers = pauseAfterMissedOffers.map { max(1, $0) }
        self.logger = logger
    }

    /// "ACD: 2 queues, 3 callers waiting, 1/4 agents available".
    public var description: String {
        let waiting = queues.reduce(0) { $0 + $1.callers.count }
        let available = agents.values.filter(\.isAvailable).count
        return "ACD: \(queues.count) queues, \(waiting) callers waiting, \(available)/\(agents.count) agents available"
    }

    // MARK: Time

    enum Timer: Hashable {
        case overflow(queue: Int, call: Int)
        case ringTimeout(queue: Int, call: Int)
        case wrapUpEnds(agent: Int)
        case announce(queue: Int, call: Int)
    }

    /// Every pending timer with its time, in a deterministic order.
    func timers() -> [(at: ContinuousClock.Instant, timer: Timer)] {
        var all: [(ContinuousClock.Instant, Timer)] = []
        for (q, queue) in queues.enumerated() {
            for caller in queue.callers {
                if let t = caller.overflowAt { all.append((t, .overflow(queue: q, call: caller.call))) }
                if let t = caller.ringDeadline { all.append((t, .ringTimeout(queue: q, call: caller.call))) }
                if let t = caller.nextAnnouncement { all.append((t, .announce(queue: q, call: caller.call))) }
            }
        }
        for agent in agents.values.sorted(by: { $0.port < $1.port }) {
            if case .wrapUp(let until) = agent.state { all.append((until, .wrapUpEnds(agent: agent.port))) }
        }
        return all
    }

    /// The earliest time at which ``advance(to:)`` has work, or `nil` when nothing is pending.
    public var nextDeadline: ContinuousClock.Instant? {
        timers().map(\.at).min()
    }

    /// Runs every timer due by `now`, each at its own time and in time order (ring timeouts,
    /// overflows, announcements, ends of wrap-up), and the offers they make possible.
    public mutating func advance(to now: ContinuousClock.Instant) -> [Action] {
        var actions: [Action] = []
        // Ties run in queue and arrival order; for one caller, overflow before ring timeout
        // before announcement; ends of wrap-up last.
        while let (at, timer) = timers().filter({ $0.at <= now }).min(by: { $0.at < $1.at }) {
            switch timer {
            case .overflow(let q, let call):
                actions += overflow(call: call, inQueue: q, reason: .maxWait, at: at)
            case .ringTimeout(let q, let call):
                actions += ringTimedOut(call: call, inQueue: q, at: at)
            case .announce(let q, let call):
                actions += announce(call: call, inQueue: q, at: at)
            case .wrapUpEnds(let port):
                agents[port]?.state = .idle
                agents[port]?.idleSince = at
                logger.debug("wrap-up over", metadata: ["agent": "\(port)"])
            }
            actions += dispatch(at: at)
        }
        return actions
    }
}
