/// Offers the caller to the most skilled free agent: highest ``Tier/level`` in the queue
/// first, the longest idle among equals, then the lower channel number.
public struct SkillsBased: RoutingStrategy {
    public init() {}

    public func order(_ candidates: [RoutingCandidate], context: RoutingContext) -> [Int] {
        candidates.sorted {
            if $0.level != $1.level { return $0.level > $1.level }
            return ($0.idleSince, $0.port) < ($1.idleSince, $1.port)
        }.map(\.port)
    }
}
