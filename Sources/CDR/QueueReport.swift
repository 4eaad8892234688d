import Foundation

/// What a report covers.
public struct ReportQuery: Sendable, Hashable {
    /// Events and calls at or after this time.
    public var from: Date
    /// Events and calls before this time.
    public var to: Date
    /// Only this queue (all queues when `nil`).
    public var queue: String?
    /// The service-level threshold: answered within this wait counts as "in service level".
    public var serviceLevelThreshold: Duration
    /// Offset from UTC of the hours in the per-hour breakdown (e.g. 8 h for China).
    public var utcOffset: Duration

    /// A query; the defaults cover everything, with a 20 s threshold (the 80/20 convention)
    /// and UTC hours.
    public init(from: Date = .distantPast, to: Date = .distantFuture, queue: String? = nil,
                serviceLevelThreshold: Duration = .seconds(20), utcOffset: Duration = .zero) {
        self.from = from
        self.to = to
        self.queue = queue
        self.serviceLevelThreshold = serviceLevelThreshold
        self.utcOffset = utcOffset
    }
}

/// Queue figures for one period or one hour.
///
/// The denominators are the callers whose wait ended in the period: answered + abandoned +
/// overflowed.
public struct QueueFigures: Sendable, Hashable, Codable {
    /// Callers who joined a queue.
    public var offered = 0
    public var answered = 0
    /// Answered with a wait of at most the threshold.
    public var answeredWithinThreshold = 0
    public var abandoned = 0
    public var overflowed = 0
    /// Sum of the waits of answered callers, in seconds.
    public var totalAnsweredWait = 0.0
    /// Calls completed with an agent.
    public var completed = 0
    /// Sum of talk time of completed calls, in seconds.
    public var totalTalk = 0.0

    public init() {}

    /// Callers whose wait ended.
    public var waitsEnded: Int { answered + abandoned + overflowed }
    /// Answered within the threshold, as a fraction of waits ended; `nil` when none ended.
    public var serviceLevel: Double? { ratio(answeredWithinThreshold, waitsEnded) }
    /// Abandoned as a fraction of waits ended.
    public var abandonRate: Double? { ratio(abandoned, waitsEnded) }
    /// Mean wait of answered callers (ASA), in seconds.
    public var averageSpeedOfAnswer: Double? { answered == 0 ? nil : totalAnsweredWait / Double(answered) }
    /// Mean talk time of completed calls (AHT; wrap-up is not recorded), in seconds.
    public var averageHandleTime: Double? { completed == 0 ? nil : totalTalk / Double(completed) }

    private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
}

/// One agent's figures.
public struct AgentFigures: Sendable, Hashable, Codable {
    /// The agent's FXS channel number.
    public var agent: Int
    public var answered = 0
    /// Offers let ring out.
    public var noAnswer = 0
    public var completed = 0
    /// Seconds.
    public var totalTalk = 0.0

    public init(agent: Int) { self.agent = agent }

    /// Mean talk time of the agent's completed calls, in seconds.
    public var averageHandleTime: Double? { completed == 0 ? nil : totalTalk / Double(completed) }
}

/// One hour's figures.
public struct HourFigures: Sendable, Hashable, Codable {
    /// The hour's start.
    public var start: Date
    public var figures: QueueFigures
}

/// Call-record totals.
public struct CallFigures: Sendable, Hashable, Codable {
    public var calls = 0
    public var answered = 0
    /// Sum of billable seconds.
    public var billableSeconds = 0

    public init() {}
}

/// The answer to a ``ReportQuery``.
public struct QueueReport: Sendable, Hashable, Codable {
    public var totals: QueueFigures
    /// By agent, ascending.
    public var agents: [AgentFigures]
    /// By hour, only hours with events, ascending.
    public var hours: [HourFigures]
    public var calls: CallFigures
}
