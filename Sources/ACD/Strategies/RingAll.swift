/// Rings every free agent of the queue at once; the first to answer takes the caller and the
/// others stop ringing (Asterisk's `ringall`). The order is by channel number.
public struct RingAll: RoutingStrategy {
    public init() {}

    public var ringsAllAtOnce: Bool { true }

    public func order(_ candidates: [RoutingCandidate], context: RoutingContext) -> [Int] {
        candidates.map(\.port).sorted()
    }
}
