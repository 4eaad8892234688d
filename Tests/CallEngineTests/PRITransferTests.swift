import CallEngine
import Logging
import Media
import PRI
import Signalling
import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP
import ToneZones

/// `transfer outside` over PRI: a caller on an analog line (channel 1) is put through a SETUP on
/// the engine's E1 span (span 2, user side); the test plays the exchange on the cabled span 3
/// (network side), with a media leg on its B-channel to speak and listen.
@Suite struct PRITransferTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 1, e1Spans: 2, zone: "cn"))
    let media = MediaEngine()
    let zone: ToneZone
    let engine: CallEngine
    let exchange: DChannel
    let exchangeBridge: DChannelBridge
    let exchangeSpan: PRISpanChannels

    init() async throws {
        let card = self.card, media = self.media
        try card.cable(span: 2, to: 3)
        card.onTick { _ in media.runPass() }
        zone = try ToneZones.zone("cn")
        engine = CallEngine(media: media,
                            router: CallRouter(routes: [.init(name: "out", channels: [1], target: "-")]),
                            application: TransferringApplication(target: .outside("5551234")),
                            time: { .milliseconds(20 * card.frameCount) },
                            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                            tones: PortTones(zone: zone))
        try await engine.addLine(card.openChannel(1), configuration: .init(ringCadence: .china, callerID: .afterFirstRing,
                                                                         disconnect: .init(loopCurrentDrop: true)),
                                 analyzers: [CallerIDAnalyzer(standard: .v23)])
        let spans = try card.spans()
        let span2 = try #require(spans.first { $0.number == 2 }), span3 = try #require(spans.first { $0.number == 3 })
        let ours = try #require(PRISpanChannels(span: span2))
        var bChannels: [Int: any TelephonyChannel] = [:]
        for b in ours.bChannels { bChannels[b] = try card.openChannel(ours.cardChannel(forBChannel: b)!) }
        let ourBridge = try DChannelBridge(channel: try card.openChannel(ours.dChannel))
        try await engine.addPRISpan(ours, dChannel: try DChannel(transport: ourBridge.transport, configuration: .init(side: .user)),
                                    bridge: ourBridge, bChannels: bChannels)
        exchangeSpan = try #require(PRISpanChannels(span: span3))
        exchangeBridge = try DChannelBridge(channel: try card.openChannel(exchangeSpan.dChannel))
        exchange = try DChannel(transport: exchangeBridge.transport, configuration: .init(side: .network))
    }

    /// Runs frames until `done` holds (or `limit` frames pass), letting libpri's threads work.
    @discardableResult
    func run(until limit: Int, _ done: () async -> Bool = { false }) async throws -> Bool {
        for _ in 0..<limit {
            card.advance(frames: 1)
            _ = try exchangeBridge.pump()
            await engine.tick()
            if await done() { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return false
    }

    /// Brings the D-channel up, rings channel 1 with caller ID, and waits for the exchange's SETUP.
    func callAndTransfer(_ events: EventLog) async throws -> (VirtualExchangeLine, IncomingCall) {
        #expect(try await run(until: 3000) { await engine.priSpansUp == [true] }, "D-channel up")
        let line = try #require(card.exchangeLine(on: 1))
        let fsk = try FSKCallerIDGenerator.samples(message: CallerIDMessage(number: "13800138000"), standard: .v23)
        line.ring(callerIDAudio: fsk.map(G711.encodeMuLaw))
        let pick: (PRIEvent) -> IncomingCall? = { if case .incomingCall(let c) = $0 { c } else { nil } }
        #expect(try await run(until: 800) { events.first(pick) != nil }, "the exchange got a SETUP")
        return (line, try #require(events.first(pick)))
    }

    @Test func anOutsideTransferIsASetupOnAFreeBChannelBridgedOnConnect() async throws {
        let events = EventLog(exchange.events)
        let (line, setup) = try await callAndTransfer(events)
        #expect(setup.called.digits == "5551234" && setup.calling?.digits == "13800138000")
        let farChannel = try #require(exchangeSpan.cardChannel(forBChannel: setup.channel))
        let far = try media.attach(card.openChannel(farChannel))
        exchange.answer(setup.id)
        #expect(try await run(until: 800) { await engine.activeCalls.contains { $0.direction == .outbound && $0.state == .answered } },
                "the outgoing leg is answered")
        line.clearHeard()
        far.record(id: 1, maximum: .seconds(2))
        try line.press("3")
        far.play(PromptAudio(samples: try DTMFGenerator.samples(for: "9"), name: "9"), id: 2)
        try await run(until: 60)
        far.stopRecording()
        try await run(until: 2)
        let heardFar = far.takeEvents().compactMap { event -> [Int16]? in
            if case .recordingFinished(1, let samples) = event { samples } else { nil }
        }.first ?? []
        #expect(TransferTests.digits(in: heardFar) == "3", "the far end hears the caller")
        #expect(TransferTests.digits(in: line.heardSamples()) == "9", "the caller hears the far end")

        exchange.hangUp(setup.id, cause: .normalClearing)
        #expect(try await run(until: 800) { await engine.unreportedFinishedCalls.count == 2 }, "both legs end")
        try await run(until: 5)
        #expect(!line.isAnswered, "the caller's line went on hook")
        let calls = await engine.takeFinishedCalls()
        let outgoing = try #require(calls.first { $0.direction == .outbound })
        #expect(outgoing.dialled == "5551234" && outgoing.caller == "13800138000" && outgoing.cause == 16)
        #expect(outgoing.endReason == .farEndHungUp(method: "PRI DISCONNECT, cause 16"))
        #expect(calls.first { $0.direction == .inbound }?.endReason == .transferTargetHungUp("outside 5551234", method: "PRI DISCONNECT, cause 16"))
        far.detach()
        exchange.shutdown()
    }

    @Test func aBusyNumberGivesTheCallerBusyToneAndTheCause() async throws {
        let events = EventLog(exchange.events)
        let (line, setup) = try await callAndTransfer(events)
        line.clearHeard()
        exchange.hangUp(setup.id, cause: .userBusy)
        #expect(try await run(until: 800) { await engine.unreportedFinishedCalls.count == 1 }, "the outgoing leg ends")
        try await run(until: 200)               // busy tone to the caller for 3 s, then the hang-up
        #expect(!line.isAnswered)
        let calls = await engine.takeFinishedCalls()
        #expect(Set(calls.map(\.endReason)) == [.transferFailed("outside 5551234: user busy (cause 17)")])
        #expect(TransferTests.tones(in: line.heardSamples(), zone: zone) == [.busy], "the caller heard busy tone")
        exchange.shutdown()
    }
}
