/// A queue of callers waiting for the agents of one group.
///
/// Callers are served first come, first served; which agent gets the caller at the head is the
/// queue's ``RoutingStrategy``. The queue's behaviour is its ``Configuration``; what it holds at
/// run time is visible through ``CallDistributor/snapshot(at:)``.
public struct Queue: Sendable, Identifiable {
    /// How a queue behaves. Every setting has a default, so `Configuration(name: "support")`
    /// is a working queue.
    ///
    /// Settings (name, type, default):
    /// - `name` (string, required): the name scripts use in `queue NAME`.
    /// - `strategy` (``RoutingStrategyName``, default `longest-idle-agent`): who is offered a caller.
    /// - `ringTimeout` (duration, default 15 s): how long an agent's phone rings before the
    ///   caller is offered to the next agent.
    /// - `maxWait` (duration, default 120 s; `nil` waits for ever): how long a caller waits
    ///   before overflowing to the script's overflow branch. A script's own limit, passed to
    ///   ``CallDistributor/enqueue(call:callerID:queue:maxWait:at:)``, wins.
    /// - `announceEvery` (duration, default 30 s; `nil` never): the period of the position and
    ///   expected-wait announcement; the first comes one period after the caller joins.
    /// - `wrapUp` (duration, default 10 s): after a call, how long the agent is left alone.
    /// - `whenNoAgents` (``NoAgentsPolicy``, default `.overflow`): what happens to a caller when
    ///   no agent of the queue is logged in.
    /// - `holdMusic` (string, default `"default"`): the music-on-hold class the owner plays.
    public struct Configuration: Sendable, Hashable {
        public var name: String
        public var strategy: RoutingStrategyName
        public var ringTimeout: Duration
        public var maxWait: Duration?
        public var announceEvery: Duration?
        public var wrapUp: Duration
        public var whenNoAgents: NoAgentsPolicy
        public var holdMusic: String

        public init(name: String, strategy: RoutingStrategyName = .longestIdleAgent,
                    ringTimeout: Duration = .seconds(15), maxWait: Duration? = .seconds(120),
                    announceEvery: Duration? = .seconds(30), wrapUp: Duration = .seconds(10),
                    whenNoAgents: NoAgentsPolicy = .overflow, holdMusic: String = "default") {
            self.name = name
            self.strategy = strategy
            self.ringTimeout = ringTimeout
            self.maxWait = maxWait
            self.announceEvery = announceEvery
            self.wrapUp = wrapUp
            self.whenNoAgents = whenNoAgents
            self.holdMusic = holdMusic
        }
    }

    /// What to do with callers when none of the queue's agents is logged in.
    public enum NoAgentsPolicy: String, Sendable, Hashable, CaseIterable {
        /// Overflow at once: on joining, and for everyone waiting when the last agent logs out.
        case overflow
        /// Keep waiting (up to `maxWait`).
        case wait
    }

    /// A caller in the queue.
    public struct Caller: Sendable, Hashable {
        /// The call engine's call number.
        public let call: Int
        /// The caller's number (ANI), sent to the agent's phone as caller ID.
        public let callerID: String?
        /// When the caller joined.
        public let enqueuedAt: ContinuousClock.Instant
        /// When the caller overflows, if nobody answers first.
        public let overflowAt: ContinuousClock.Instant?
        /// The next position announcement.
        var nextAnnouncement: ContinuousClock.Instant?
        /// The agents being rung for this caller now.
        public internal(set) var ringing: [Int] = []
        /// When the current offer times out.
        var ringDeadline: ContinuousClock.Instant?
        /// Agents offered this caller in the current round (not offered again until every
        /// candidate has been tried).
        var tried: Set<Int> = []
    }

    public let configuration: Configuration
    public var id: String { configuration.name }
    /// Callers in arrival order.
    public internal(set) var callers: [Caller] = []
    /// The agent last offered a caller (round-robin continues after it).
    var lastOffered: Int?
    /// Running totals for the expected-wait estimate and the snapshot.
    public internal(set) var statistics = Statistics()

    /// Counters since the distributor started.
    public struct Statistics: Sendable, Hashable {
        public internal(set) var enqueued = 0
        public internal(set) var answered = 0
        public internal(set) var abandoned = 0
        public internal(set) var overflowed = 0
        public internal(set) var completed = 0
        /// Sum of talk plus wrap-up time of completed calls.
        public internal(set) var totalHandleTime = Duration.zero

        /// The mean talk-plus-wrap-up time of completed calls; `nil` before the first.
        public var averageHandleTime: Duration? {
            completed == 0 ? nil : totalHandleTime / completed
        }
    }

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The 1-based position of `call` among the waiting callers.
    func position(of call: Int) -> Int? {
        callers.firstIndex { $0.call == call }.map { $0 + 1 }
    }
}
