import ChannelConformance
import DAHDI
import TelephonyCore

/// The conformance suite's view of two DAHDI spans wired back to back (`make vm-test`).
enum DAHDIConformanceTarget {
    /// Opens the pairs of the vm-test layout: channel N of span 1 meets channel N + 31 of span 2.
    ///
    /// Analog pairs put the FXS port (fxoks, span 2) against the FXO port (fxsks, span 1).
    /// Shutting a span closes its channels and destroys its dynamic span, and restarting creates
    /// it again, which is what makes its peer lose and regain frames.
    static func make(card: DAHDICard, offset: Int = 31) throws -> ConformanceTarget {
        func open(_ number: Int) throws -> DAHDIChannel { try card.openDAHDIChannel(number) }
        let frames = RealTimeFrames()
        let spans = try card.spanStatuses()
        // "DYN/loc/1:1" -> (loc, 1:1), per span number, taken now while every span exists.
        let dynamic: [Int: (driver: String, address: String)] = Dictionary(uniqueKeysWithValues: spans.compactMap { span in
            let parts = span.name.split(separator: "/")
            guard parts.count == 3, parts[0] == "DYN" else { return nil }
            return (span.number, (String(parts[1]), String(parts[2])))
        })
        let sizes = Dictionary(uniqueKeysWithValues: spans.map { ($0.number, $0.totalChannels) })
        let analog = try [21, 24].map { (fxs: try open($0 + offset), fxo: try open($0)) }
        let clear = try [1, 17].map { (try open($0), try open($0 + offset)) }
        let dChannel = (try open(16), try open(16 + offset))
        let cas = try [25, 28].map { (try open($0), try open($0 + offset)) }
        let opened = analog.flatMap { [$0.fxs, $0.fxo] } + (clear + [dChannel] + cas).flatMap { [$0.0, $0.1] }
        return ConformanceTarget(
            name: "dahdi",
            advance: { try await frames.advance($0) },
            analogPairs: analog.map { .init(fxsPort: $0.fxs, fxoPort: $0.fxo) },
            clearPairs: clear.map { .init($0.0, $0.1) },
            dChannelPairs: [.init(dChannel.0, dChannel.1)],
            casPairs: cas.map { .init($0.0, $0.1) },
            card: card,
            spanPairs: dynamic.count == 2 ? [(2, 1)] : [],
            shutSpan: { span, shut in
                guard let (driver, address) = dynamic[span] else { throw DAHDIError.noSuchSpan(span, operation: "shut span") }
                if shut {
                    // DAHDI refuses to destroy a span whose channels are open (EBUSY).
                    for channel in opened where channel.info.span == span { channel.close() }
                    try card.destroyDynamicSpan(driver: driver, address: address)
                } else {
                    try card.createDynamicSpan(driver: driver, address: address, channels: sizes[span] ?? 31)
                }
            }
        )
    }
}
