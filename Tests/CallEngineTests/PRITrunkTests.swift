import CallEngine
import Logging
import Media
import Synchronization
import PRI
import SimulatedCard
import Testing
import TelephonyCore

/// PRI calls into the call engine across the simulated card's cabled E1 spans: the engine is the
/// user side on span 1; the test plays the exchange (network side) on span 2.
@Suite struct PRITrunkTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2))
    let media = MediaEngine()
    let engine: CallEngine
    let exchange: DChannel
    let exchangeBridge: DChannelBridge

    init() async throws {
        let card = self.card, media = self.media
        try card.cable(span: 1, to: 2)
        card.onTick { _ in media.runPass() }
        engine = CallEngine(media: media,
                            router: CallRouter(routes: [.init(name: "hotline", dialledNumbers: ["95588"], target: "-")]),
                            application: GreetingApplication(),
                            time: { .milliseconds(20 * card.frameCount) },
                            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let spanInfo = try #require(try card.spans().first { $0.number == 1 })
        let span = try #require(PRISpanChannels(span: spanInfo))
        var bChannels: [Int: any TelephonyChannel] = [:]
        for b in span.bChannels { bChannels[b] = try card.openChannel(span.cardChannel(forBChannel: b)!) }
        let ourBridge = try DChannelBridge(channel: try card.openChannel(span.dChannel))
        try await engine.addPRISpan(span, dChannel: try DChannel(transport: ourBridge.transport, configuration: .init(side: .user)),
                                    bridge: ourBridge, bChannels: bChannels)
        exchangeBridge = try DChannelBridge(channel: try card.openChannel(47))
        exchange = try DChannel(transport: exchangeBridge.transport, configuration: .init(side: .network))
    }

    /// Runs frames until `done` holds (or `limit` frames pass), letting libpri's threads work.
    func run(until limit: Int, _ done: () async -> Bool) async throws -> Bool {
        for _ in 0..<limit {
            card.advance(frames: 1)
            _ = try exchangeBridge.pump()
            await engine.tick()
            if await done() { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return false
    }

    @Test func aCallToARoutedNumberIsAnsweredAndClearedWithItsCause() async throws {
        let events = EventLog(exchange.events)
        #expect(try await run(until: 3000) { await engine.priSpansUp == [true] }, "D-channel up")
        let id = try exchange.placeCall(OutgoingCall(called: PartyNumber("95588"), calling: PartyNumber("13800138000")))
        #expect(try await run(until: 3000) { await engine.activeCalls.first?.state == .answered }, "answered")
        let call = try #require(await engine.activeCalls.first)
        #expect(call.dialled == "95588" && call.caller == "13800138000" && call.route == "hotline")
        #expect(try await run(until: 3000) { events.contains { if case .answered(id, _) = $0 { true } else { false } } },
                "the exchange saw CONNECT")
        exchange.hangUp(id, cause: .normalClearing)
        #expect(try await run(until: 3000) { await !engine.unreportedFinishedCalls.isEmpty }, "ended")
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.cause == 16)
        #expect(ended.endReason == .farEndHungUp(method: "PRI DISCONNECT, cause 16"))
        exchange.shutdown()
    }

    @Test func aCallToAnUnknownNumberIsRejectedWithUnallocatedNumber() async throws {
        let events = EventLog(exchange.events)
        #expect(try await run(until: 3000) { await engine.priSpansUp == [true] })
        let id = try exchange.placeCall(OutgoingCall(called: PartyNumber("12345"), calling: PartyNumber("13800138000")))
        #expect(try await run(until: 3000) { events.contains { if case .disconnected(id, .unallocatedNumber) = $0 { true } else { false } } },
                "the exchange got cause 1")
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.endReason == .noRoute && ended.cause == 1 && ended.dialled == "12345")
        exchange.shutdown()
    }
}

/// Collects a D-channel's events as they come.
final class EventLog: Sendable {
    private let events = Mutex<[PRIEvent]>([])
    init(_ stream: AsyncStream<PRIEvent>) {
        let box = self
        Task { for await event in stream { box.events.withLock { $0.append(event) } } }
    }
    func contains(_ match: (PRIEvent) -> Bool) -> Bool { events.withLock { $0.contains(where: match) } }
    /// The first event `pick` makes something of.
    func first<T: Sendable>(_ pick: (PRIEvent) -> T?) -> T? { events.withLock { $0.lazy.compactMap(pick).first } }
}
