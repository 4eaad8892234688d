/// The B-channels of one PRI span and which of them carry a call.
///
/// The network side chooses the B-channel for every call (Q.931 §5.1.2, §5.2.3); the user side
/// proposes one and accepts the network's choice. Both keep a pool so that a channel is never
/// given to two calls. Channel numbers are the ones the Channel identification IE carries: on E1
/// the timeslot numbers 1-15 and 17-31 (timeslot 16 is the D-channel), on T1 1-23.
///
/// ```swift
/// var pool = BChannelPool.e1()
/// let a = try pool.allocate()                     // 1
/// let b = try pool.allocate()                     // 2
/// pool.release(a)
/// let c = try pool.allocate()                     // 1 again
/// ```
/// - Complexity: allocation is O(number of channels), at most 31.
public struct BChannelPool: Hashable, Sendable, CustomStringConvertible {
    /// The order in which a free channel is searched for when the request names none.
    ///
    /// Opposite orders on the two ends of a link (chan_dahdi's `huntgroup` ascending/descending)
    /// make glare, both ends seizing the same channel at once, rare.
    public enum HuntOrder: Sendable, Hashable { case ascending, descending }

    /// Why no channel could be given; each maps to the Q.850 cause sent back.
    public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Every channel is busy: cause 34, no circuit/channel available.
        case noChannelAvailable
        /// The channel asked for exclusively is busy: cause 44.
        case requestedChannelNotAvailable(Int)
        /// The channel asked for exclusively is not in this span: cause 82.
        case noSuchChannel(Int)

        /// The cause to clear the call with.
        public var cause: Q850Cause {
            switch self {
            case .noChannelAvailable: .noCircuitAvailable
            case .requestedChannelNotAvailable: .requestedChannelNotAvailable
            case .noSuchChannel: .identifiedChannelDoesNotExist
            }
        }

        public var description: String {
            switch self {
            case .noChannelAvailable: "no B-channel available"
            case .requestedChannelNotAvailable(let c): "B-channel \(c) is busy"
            case .noSuchChannel(let c): "B-channel \(c) does not exist on this span"
            }
        }
    }

    /// Every channel of the span, ascending.
    public let channels: [Int]
    /// The hunt order for requests that name no channel.
    public let huntOrder: HuntOrder
    /// The channels carrying a call.
    public private(set) var busy: Set<Int> = []

    /// Creates a pool of the given channel numbers (duplicates are ignored).
    public init(channels: some Sequence<Int>, huntOrder: HuntOrder = .ascending) {
        self.channels = Array(Set(channels)).sorted()
        self.huntOrder = huntOrder
    }

    /// The 30 B-channels of an E1 span: 1-15 and 17-31.
    public static func e1(huntOrder: HuntOrder = .ascending) -> BChannelPool {
        BChannelPool(channels: Array(1...15) + Array(17...31), huntOrder: huntOrder)
    }

    /// The 23 B-channels of a T1 PRI span: 1-23 (24 is the D-channel).
    public static func t1(huntOrder: HuntOrder = .ascending) -> BChannelPool {
        BChannelPool(channels: 1...23, huntOrder: huntOrder)
    }

    /// The number of channels not carrying a call.
    public var freeCount: Int { channels.count - busy.count }

    /// Whether `channel` is in the span and busy.
    public func isBusy(_ channel: Int) -> Bool { busy.contains(channel) }

    /// Whether `channel` belongs to this span.
    public func contains(_ channel: Int) -> Bool { channels.contains(channel) }

    /// Takes a free channel and marks it busy.
    ///
    /// - Parameters:
    ///   - preferred: the channel the request names, if any.
    ///   - exclusive: if true, only `preferred` will do (Q.931 "exclusive"); otherwise any free
    ///     channel is taken when the preferred one is busy or unknown.
    /// - Returns: the channel now marked busy.
    /// - Throws: `AllocationError`, whose `cause` is the one to reject the call with.
    public mutating func allocate(preferring preferred: Int? = nil, exclusive: Bool = false) throws(AllocationError) -> Int {
        if let preferred {
            if contains(preferred), !busy.contains(preferred) {
                busy.insert(preferred)
                return preferred
            }
            if exclusive {
                throw contains(preferred) ? .requestedChannelNotAvailable(preferred) : .noSuchChannel(preferred)
            }
        }
        let order = huntOrder == .ascending ? channels : channels.reversed()
        guard let free = order.first(where: { !busy.contains($0) }) else { throw .noChannelAvailable }
        busy.insert(free)
        return free
    }

    /// Marks a channel free again; freeing a free or unknown channel does nothing.
    public mutating func release(_ channel: Int) { busy.remove(channel) }

    /// Marks every channel free (after a RESTART of the whole interface).
    public mutating func releaseAll() { busy.removeAll() }

    /// "30 B-channels, busy: 1 2".
    public var description: String {
        "\(channels.count) B-channels, busy: \(busy.isEmpty ? "none" : busy.sorted().map(String.init).joined(separator: " "))"
    }
}
