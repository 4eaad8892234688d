import CallEngine
import HardwareConfig
import Logging
import Media
import PRI
import SimulatedCard
import TelephonyCore

/// offhook.conf's `[trunk NAME]` spans in service on the call engine: for each span, libpri on
/// its D-channel and its B-channels as the engine's lines; on the simulated card, also the
/// exchange at the far end of each trunk span's cable.
///
/// The D-channel always goes through a `DChannelBridge` that the engine pumps on each of its
/// ticks: on DAHDI, libpri cannot read the `dchan` descriptor itself (a read answers `ELAST`
/// while a channel event waits, which libpri cannot take; see `PRIOverDAHDI`), and the simulated
/// card's D-channel has no descriptor at all.
struct PRITrunkWiring {
    /// The spans taken into service, in the order of the trunks and their spans.
    var spans: [PRISpanChannels] = []
    /// Each span's D-channel, to stop when the daemon stops.
    var dChannels: [DChannel] = []
    /// The simulated exchange at the far end of each cabled trunk span (simulated card only).
    var exchanges: [SimulatedPRIExchange] = []

    /// Takes every trunk span of `description` into service on `engine`.
    ///
    /// - Parameters:
    ///   - card: the card the spans are on.
    ///   - simulated: the same card when it is simulated: then a trunk span cabled
    ///     (`[wiring] span-cable`) to a span that is in no trunk gets a `SimulatedPRIExchange`
    ///     on that span, on the opposite side.
    ///   - analyzers: the analyzers each B-channel's media leg runs (DTMF, fax tones).
    /// - Throws: `ChannelError` if a channel cannot be opened, `PRIError` if libpri cannot start.
    static func takeIntoService(_ description: HardwareDescription, card: any TelephonyCard, simulated: SimulatedCard?,
                                engine: CallEngine, logger: Logger,
                                analyzers: @escaping @Sendable () -> [any FrameAnalyzer] = PRITrunkWiring.bChannelAnalyzers) async throws -> PRITrunkWiring {
        var wiring = PRITrunkWiring()
        let cardSpans = try card.spans()
        let trunkSpans = Set(description.config.trunks.flatMap(\.spans))
        for trunk in description.config.trunks {
            let side: PRISide = trunk.side == .cpe ? .user : .network
            let switchType = SwitchType(rawValue: trunk.switchType) ?? .euroISDN
            for number in trunk.spans {
                guard let info = cardSpans.first(where: { $0.number == number }), let span = PRISpanChannels(span: info),
                      let layout = description.layout.spans.first(where: { $0.number == number }) else {
                    throw PRITrunkError(span: number)
                }
                // Only the timeslots system.conf configures as B-channels (`bchan=`).
                let configured = Set(layout.channels.filter { $0.signalling.portKind == .bChannel }.map(\.number))
                var bChannels: [Int: any TelephonyChannel] = [:]
                for b in span.bChannels {
                    guard let channel = span.cardChannel(forBChannel: b), configured.contains(channel) else { continue }
                    bChannels[b] = try card.openChannel(channel)
                }
                let bridge = try DChannelBridge(channel: try card.openChannel(span.dChannel)) { event in
                    logger.debug("PRI span \(number) D-channel: \(event)")
                }
                let pool = BChannelPool(channels: bChannels.keys.sorted(), huntOrder: .ascending)
                let dChannel = try DChannel(transport: bridge.transport,
                                            configuration: PRIConfiguration(side: side, switchType: switchType, bChannels: pool),
                                            log: { message in
                                                if message.level == .error { logger.notice("PRI span \(number): \(message.text)") }
                                            })
                try await engine.addPRISpan(span, dChannel: dChannel, bridge: bridge, bChannels: bChannels, analyzers: analyzers)
                wiring.spans.append(span)
                wiring.dChannels.append(dChannel)
                logger.info("PRI span \(number) (trunk \(trunk.name)): \(side) side, \(switchType), \(bChannels.count) B-channels, D-channel \(span.dChannel)")

                guard let simulated,
                      let cable = description.config.spanCables.first(where: { $0.0 == number || $0.1 == number }) else { continue }
                let far = cable.0 == number ? cable.1 : cable.0
                guard !trunkSpans.contains(far), let farInfo = cardSpans.first(where: { $0.number == far }) else { continue }
                let exchange = try SimulatedPRIExchange(card: simulated, span: farInfo, side: side == .user ? .network : .user,
                                                        switchType: switchType, logger: logger)
                wiring.exchanges.append(exchange)
                logger.info("simulated exchange on span \(far), cabled to span \(number): \(side == .user ? "network" : "user") side")
            }
        }
        return wiring
    }

    /// What a B-channel's media leg listens for: DTMF and fax tones (no caller ID, which comes
    /// in the SETUP, and no call-progress tones, since the D-channel says when a call ends).
    @Sendable static func bChannelAnalyzers() -> [any FrameAnalyzer] {
        [DTMFAnalyzer(), FaxToneAnalyzer()]
    }

    /// Stops the simulated exchanges and libpri on every span.
    func shutdown() {
        for exchange in exchanges { exchange.shutdown() }
        for dChannel in dChannels { dChannel.shutdown() }
    }
}
