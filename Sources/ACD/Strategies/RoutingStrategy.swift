/// An agent a caller could be offered to now: logged in, available, idle, and in the queue.
public struct RoutingCandidate: Sendable, Hashable {
    /// The agent's FXS channel number.
    public var port: Int
    /// When the agent last became free.
    public var idleSince: ContinuousClock.Instant
    /// The agent's skill level in this queue (``Tier/level``).
    public var level: Int
    /// The agent's hunt position in this queue (``Tier/position``).
    public var position: Int

    public init(port: Int, idleSince: ContinuousClock.Instant, level: Int = 1, position: Int = 1) {
        self.port = port
        self.idleSince = idleSince
        self.level = level
        self.position = position
    }
}

/// What a strategy may know besides the candidates.
public struct RoutingContext: Sendable, Hashable {
    /// The agent this queue offered a caller to last, if any.
    public var lastOffered: Int?
    /// That agent's hunt position in the queue (it may not be a candidate now).
    public var lastOfferedPosition: Int?

    public init(lastOffered: Int? = nil, lastOfferedPosition: Int? = nil) {
        self.lastOffered = lastOffered
        self.lastOfferedPosition = lastOfferedPosition
    }
}

/// Chooses which agents a queue offers its next caller to.
///
/// A strategy is a pure function of the candidates: it holds no state (round-robin's memory,
/// the last agent offered, comes in the ``RoutingContext``). Adding a strategy is adding a
/// file with a conforming type and a case in ``RoutingStrategyName``.
///
/// Conforming types must return a permutation of the candidates' ports, so that every
/// candidate is eventually tried; `RoutingStrategyTests` checks this for every case of
/// ``RoutingStrategyName``.
public protocol RoutingStrategy: Sendable {
    /// Whether all the ordered agents are rung at once (ring-all) rather than one at a time.
    var ringsAllAtOnce: Bool { get }

    /// Returns the candidates' ports, most preferred first.
    ///
    /// - Complexity: O(*n* log *n*) in the number of candidates for the strategies here.
    func order(_ candidates: [RoutingCandidate], context: RoutingContext) -> [Int]
}

extension RoutingStrategy {
    public var ringsAllAtOnce: Bool { false }
}

/// The strategies by the names configuration uses; the one place a strategy name is parsed.
public enum RoutingStrategyName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The agent free for longest first (the default).
    case longestIdleAgent = "longest-idle-agent"
    /// Agents in turn by hunt position, continuing after the last one offered a call.
    case roundRobin = "round-robin"
    /// Every free agent at once; the first to answer gets the caller.
    case ringAll = "ring-all"
    /// The most skilled free agent (highest tier level) first, then the longest idle.
    case skills = "skills"

    /// The strategy this name stands for.
    public var strategy: any RoutingStrategy {
        switch self {
        case .longestIdleAgent: LongestIdleAgent()
        case .roundRobin: RoundRobin()
        case .ringAll: RingAll()
        case .skills: SkillsBased()
        }
    }

    public var description: String { rawValue }
}
