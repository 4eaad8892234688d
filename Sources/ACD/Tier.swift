/// An agent's membership of one queue, as mod_callcenter's tiers: the agent's skill level in
/// that queue and a position for ordered hunting.
public struct Tier: Sendable, Hashable {
    /// The queue's name.
    public var queue: String
    /// The agent's FXS channel number.
    public var agent: Int
    /// The agent's skill for this queue, 1 (lowest) and up; the skills strategy offers
    /// callers to the highest level first.
    public var level: Int
    /// The agent's place in the queue's hunt order; round-robin goes through positions in
    /// ascending order (ties by channel number).
    public var position: Int

    /// Puts the agent on port `agent` in `queue` at skill `level` and hunt `position`.
    public init(queue: String, agent: Int, level: Int = 1, position: Int = 1) {
        self.queue = queue
        self.agent = agent
        self.level = level
        self.position = position
    }
}
