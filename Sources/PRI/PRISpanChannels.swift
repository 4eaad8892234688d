import TelephonyCore

/// Where a PRI span's D-channel and B-channels sit among the card's channels.
///
/// Q.931 names a B-channel by its timeslot (1-31 on E1, 1-24 on T1); the card numbers every
/// channel card-wide (DAHDI's `channo`). On E1 PRI timeslot 16 is the D-channel, so B-channel 17
/// of span 2 is card channel `first + 16`.
///
/// ```swift
/// let map = try #require(PRISpanChannels(span: card.spans()[1]))   // span 2: channels 32-62, D 47
/// map.cardChannel(forBChannel: 1)      // 32
/// map.bChannel(forCardChannel: 48)     // 17
/// ```
public struct PRISpanChannels: Sendable, Hashable {
    /// The span number.
    public let span: Int
    /// The D-channel's card-wide number.
    public let dChannel: Int
    /// The card-wide number of timeslot 1.
    public let firstChannel: Int
    /// The B-channel numbers (timeslots) of the span, ascending.
    public let bChannels: [Int]

    /// The map of a digital span with a D-channel; `nil` for an analog span or one without
    /// a D-channel.
    public init?(span: SpanInfo) {
        guard span.kind != .analog, let d = span.dChannel, span.channels.contains(d) else { return nil }
        self.span = span.number
        self.dChannel = d
        self.firstChannel = span.channels.lowerBound
        let dTimeslot = d - span.channels.lowerBound + 1
        bChannels = (1...span.channels.count).filter { $0 != dTimeslot }
    }

    /// The card channel of a B-channel, or `nil` if the span has no such B-channel.
    public func cardChannel(forBChannel b: Int) -> Int? {
        bChannels.contains(b) ? firstChannel + b - 1 : nil
    }

    /// The B-channel (timeslot) of a card channel, or `nil` if it is not one of this span's.
    public func bChannel(forCardChannel channel: Int) -> Int? {
        let b = channel - firstChannel + 1
        return bChannels.contains(b) ? b : nil
    }

    /// A pool of the span's B-channels.
    public func makePool(huntOrder: BChannelPool.HuntOrder = .ascending) -> BChannelPool {
        BChannelPool(channels: bChannels, huntOrder: huntOrder)
    }
}
