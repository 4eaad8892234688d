/// Offers the caller to the agent who has been free the longest (ties: lower channel number).
///
/// This spreads calls evenly over time, as Asterisk's `leastrecent` and mod_callcenter's
/// `longest-idle-agent` do; an agent becomes free on login and at the end of wrap-up.
public struct LongestIdleAgent: RoutingStrategy {
    public init() {}

    public func order(_ candidates: [RoutingCandidate], context: RoutingContext) -> [Int] {
        candidates.sorted { ($0.idleSince, $0.port) < ($1.idleSince, $1.port) }.map(\.port)
    }
}
