/// Offers callers to agents in turn, by hunt position (ties: channel number), starting after
/// the agent offered the previous caller and wrapping around (Asterisk's `rrmemory`).
public struct RoundRobin: RoutingStrategy {
    public init() {}

    public func order(_ candidates: [RoutingCandidate], context: RoutingContext) -> [Int] {
        let ring = candidates.sorted { ($0.position, $0.port) < ($1.position, $1.port) }
        guard let last = context.lastOffered else { return ring.map(\.port) }
        let lastKey = (context.lastOfferedPosition ?? ring.first { $0.port == last }?.position ?? 1, last)
        let split = ring.firstIndex { ($0.position, $0.port) > lastKey } ?? ring.endIndex
        return (ring[split...] + ring[..<split]).map(\.port)
    }
}
