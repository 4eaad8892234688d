extension CallDistributor {
    /// What a supervisor sees at one moment: every queue with its waiting callers, and every
    /// agent with status and state.
    public struct Snapshot: Sendable, Hashable {
        /// A caller waiting in a queue.
        public struct WaitingCaller: Sendable, Hashable {
            public var call: Int
            public var callerID: String?
            /// 1-based.
            public var position: Int
            /// How long the caller has waited so far.
            public var waited: Duration
            /// The agents being rung for this caller now.
            public var ringing: [Int]
        }

        /// One queue.
        public struct QueueView: Sendable, Hashable {
            public var name: String
            public var strategy: RoutingStrategyName
            /// In arrival order.
            public var callers: [WaitingCaller]
            /// The queue's agents' ports, ascending.
            public var agents: [Int]
            public var statistics: Queue.Statistics

            /// The longest wait of any caller now; `nil` when nobody waits.
            public var longestWait: Duration? { callers.map(\.waited).max() }
        }

        /// When the snapshot was taken.
        public var at: ContinuousClock.Instant
        public var queues: [QueueView]
        /// By port, ascending.
        public var agents: [Agent]
    }

    /// Returns the live view at `now` (which only computes wait times; no timer runs).
    ///
    /// - Complexity: O(callers + agents × tiers).
    public func snapshot(at now: ContinuousClock.Instant) -> Snapshot {
        let views = queues.map { queue in
            Snapshot.QueueView(
                name: queue.id, strategy: queue.configuration.strategy,
                callers: queue.callers.enumerated().map { i, caller in
                    Snapshot.WaitingCaller(call: caller.call, callerID: caller.callerID, position: i + 1,
                                           waited: caller.enqueuedAt.duration(to: now), ringing: caller.ringing)
                },
                agents: tiers.filter { $0.queue == queue.id }.map(\.agent).sorted(),
                statistics: queue.statistics)
        }
        return Snapshot(at: now, queues: views, agents: agents.values.sorted { $0.port < $1.port })
    }
}
