import CallEngine
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP
import ToneZones

/// A session that transfers the call to `target` as soon as it starts.
struct TransferringSession: CallSessionLogic {
    let target: TransferTarget
    var nextDeadline: Duration? { nil }
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        event == .started ? [.transfer(target)] : []
    }
    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

struct TransferringApplication: CallApplication {
    let target: TransferTarget
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { TransferringSession(target: target) }
}

/// `transfer extension` and `transfer outside` on the simulated card (China: 450 Hz tones told
/// apart by cadence, V.23 caller ID): FXS port 1 is extension 801's phone, FXO ports 3 and 4
/// are exchange lines. What each end hears is checked with the real detectors.
@Suite struct TransferTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 2, zone: "cn"))
    let media = MediaEngine()
    let zone: ToneZone

    init() throws {
        let media = self.media
        card.onTick { _ in media.runPass() }
        zone = try ToneZones.zone("cn")
    }

    /// An engine whose route on channel 3 transfers every call to `target`.
    func makeEngine(_ target: TransferTarget, settings: TransferSettings) async throws -> CallEngine {
        let engine = CallEngine(media: media,
                                router: CallRouter(routes: [.init(name: "transfer", channels: [3], target: "-")]),
                                application: TransferringApplication(target: target),
                                time: { [card] in .milliseconds(20 * card.frameCount) },
                                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                                tones: PortTones(zone: zone),
                                callerIDAudio: CallerIDAudio.fsk(zone: "cn", dateTime: { "11231630" }))
        await engine.configureTransfers(settings)
        try await engine.addAgentPhone(card.openChannel(1), configuration: .cardDebounced(
            ringCadence: .china, callerID: .afterFirstRing(delay: .milliseconds(500))))
        let lineConfiguration = FXOPort.Configuration(ringCadence: .china, callerID: .afterFirstRing,
                                                      disconnect: .init(loopCurrentDrop: true))
        try await engine.addLine(card.openChannel(3), configuration: lineConfiguration,
                                 analyzers: [CallerIDAnalyzer(standard: .v23), CallProgressAnalyzer(zone: zone)])
        return engine
    }

    func run(_ frames: Int, _ engine: CallEngine) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
        }
    }

    /// Runs `frames` frames; returns whether the phone's bell rang at any time during them.
    func runWatchingBell(_ frames: Int, _ engine: CallEngine, phone: VirtualPhone) async -> Bool {
        var rang = false
        for _ in 0..<frames {
            await run(1, engine)
            rang = rang || phone.isRinging
        }
        return rang
    }

    /// Rings channel 3 with the caller's number as V.23 caller ID; runs until the call is answered.
    func callIn(_ engine: CallEngine, number: String = "13800138000") async throws -> VirtualExchangeLine {
        let line = try #require(card.exchangeLine(on: 3))
        let fsk = try FSKCallerIDGenerator.samples(message: CallerIDMessage(number: number), standard: .v23)
        line.ring(callerIDAudio: fsk.map(G711.encodeMuLaw))
        for _ in 0..<400 where !line.isAnswered { await run(1, engine) }
        try #require(line.isAnswered, "the IVR answered after the second ring")
        line.clearHeard()
        return line
    }

    // MARK: Detectors

    static func digits(in samples: [Int16]) -> String {
        var receiver = DTMFReceiver()
        var found = ""
        for start in stride(from: 0, through: samples.count - 160, by: 160) {
            let event = samples[start..<(start + 160)].withUnsafeBufferPointer { receiver.process($0) }
            if let event, event.isDown { found.append(event.digit.character) }
        }
        return found
    }

    func tones(in samples: [Int16]) -> Set<CallProgressTone> { Self.tones(in: samples, zone: zone) }

    /// The call-progress tones `zone`'s detector recognises in `samples`.
    static func tones(in samples: [Int16], zone: ToneZone) -> Set<CallProgressTone> {
        var detector = CallProgressDetector(zone: zone)
        var found: Set<CallProgressTone> = []
        for start in stride(from: 0, through: samples.count - 160, by: 160) {
            let event = samples[start..<(start + 160)].withUnsafeBufferPointer { detector.process($0) }
            if let event, event.isOn { found.insert(event.tone) }
        }
        return found
    }

    static func callerIDNumber(in samples: [Int16]) -> String? {
        var receiver = FSKCallerIDReceiver(configuration: .init(standard: .v23))
        for start in stride(from: 0, through: samples.count - 160, by: 160) {
            if let message = samples[start..<(start + 160)].withUnsafeBufferPointer({ receiver.process($0) }) {
                return message.number
            }
        }
        return nil
    }

    func tone(_ spec: ToneSpec?, seconds: Int) throws -> [Int16] {
        var generator = ToneGenerator(spec: try #require(spec), level: -13)
        var samples = [Int16](repeating: 0, count: seconds * 8000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return Array(samples.prefix(count))
    }

    // MARK: Extension

    @Test func transferToAnExtensionRingsItsPhoneWithTheCallersNumberAndBridgesOnAnswer() async throws {
        let engine = try await makeEngine(.extension("801"), settings: TransferSettings(extensions: ["801": 1]))
        let phone = try #require(card.phone(on: 1))
        let line = try await callIn(engine)
        let rang = await runWatchingBell(360, engine, phone: phone)   // a ring, caller ID in the pause, the next ring
        #expect(rang, "the extension's phone rings")
        #expect(Self.callerIDNumber(in: phone.heardSamples()) == "13800138000", "its display shows the caller's number")
        #expect(tones(in: line.heardSamples()) == [.ringback], "the caller hears ringback meanwhile")

        phone.lift()
        await run(10, engine)
        #expect(await engine.takeAgentEvents().isEmpty, "a transfer's phone is not the ACD's business")
        phone.clearHeard()
        line.clearHeard()
        try line.press("5")
        try phone.dial("7")
        await run(30, engine)
        #expect(Self.digits(in: phone.heardSamples()) == "5", "the phone hears the caller")
        #expect(Self.digits(in: line.heardSamples()) == "7", "the caller hears the phone")

        phone.clearHeard()
        line.disconnect(by: .loopCurrentDrop())
        await run(200, engine)
        #expect(!line.isAnswered, "the caller's line went on hook")
        #expect(tones(in: phone.heardSamples()).contains(.busy), "the phone hears busy tone")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.transferredTo == "extension 801")
        #expect(call.agentPort == 1)
        #expect(call.caller == "13800138000")
        #expect(call.endReason == .farEndHungUp(method: "loop-current drop"))
    }

    @Test func theExtensionHangingUpHangsUpTheCaller() async throws {
        let engine = try await makeEngine(.extension("1"), settings: TransferSettings())   // no map: the channel number
        let phone = try #require(card.phone(on: 1))
        let line = try await callIn(engine)
        await run(60, engine)
        phone.lift()
        await run(50, engine)
        #expect(line.isAnswered)
        phone.hangUp()
        await run(80, engine)                   // the card's flash window, then the hang-up
        #expect(!line.isAnswered, "the caller's line went on hook")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.endReason == .transferTargetHungUp("extension 1"))
        #expect(await engine.activeCalls.isEmpty)
    }

    @Test func theCallerHangingUpWhileTheExtensionRingsStopsTheRinging() async throws {
        let engine = try await makeEngine(.extension("801"), settings: TransferSettings(extensions: ["801": 1]))
        let phone = try #require(card.phone(on: 1))
        let line = try await callIn(engine)
        let rang = await runWatchingBell(100, engine, phone: phone)
        #expect(rang)
        line.disconnect(by: .loopCurrentDrop())
        await run(30, engine)
        let rangOn = await runWatchingBell(300, engine, phone: phone)
        #expect(!rangOn && !phone.isBeingRung, "the phone stopped ringing with the caller gone")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.transferredTo == "extension 801" && call.agentPort == nil)
        #expect(call.endReason == .farEndHungUp(method: "loop-current drop"))
        phone.lift()
        await run(10, engine)
        #expect(await engine.activeCalls.isEmpty)
    }

    @Test func aBusyExtensionGivesTheCallerBusyToneAndEndsTheCall() async throws {
        let engine = try await makeEngine(.extension("801"), settings: TransferSettings(extensions: ["801": 1]))
        let phone = try #require(card.phone(on: 1))
        phone.lift()                            // someone is on the phone
        await run(10, engine)
        let line = try await callIn(engine)
        let rang = await runWatchingBell(200, engine, phone: phone)
        #expect(!rang)
        #expect(!line.isAnswered, "then the line is hung up")
        #expect(tones(in: line.heardSamples()) == [.busy], "the caller heard busy tone")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.endReason == .transferFailed("extension 801 busy"))
        #expect(call.endReason?.description == "transfer failed: extension 801 busy")
    }

    @Test func anUnansweredExtensionGivesUpAfterTheRingTimeout() async throws {
        let engine = try await makeEngine(.extension("801"), settings: TransferSettings(
            extensions: ["801": 1], ringTimeout: .seconds(8), failureToneTime: .seconds(4)))
        let phone = try #require(card.phone(on: 1))
        let line = try await callIn(engine)
        let rang = await runWatchingBell(400, engine, phone: phone)
        #expect(rang)
        #expect(line.isAnswered)
        let rangOn = await runWatchingBell(210, engine, phone: phone)     // past the timeout, through the tone
        #expect(!rangOn && !phone.isBeingRung, "the phone stopped ringing")
        #expect(!line.isAnswered)
        #expect(tones(in: line.heardSamples()) == [.ringback, .congestion], "the caller heard ringback, then congestion tone")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.endReason == .transferFailed("extension 801 no answer"))
        phone.lift()
        await run(10, engine)
        #expect(await engine.activeCalls.isEmpty, "lifting the phone afterwards reaches nobody")
    }

    @Test func anUnknownExtensionFails() async throws {
        let engine = try await makeEngine(.extension("999"), settings: TransferSettings(extensions: ["801": 1],
                                                                                          failureToneTime: .seconds(1)))
        let line = try await callIn(engine)
        await run(80, engine)
        #expect(!line.isAnswered)
        #expect(await engine.takeFinishedCalls().first?.endReason == .transferFailed("extension 999 does not exist"))
    }

    // MARK: Outside

    @Test func transferOutsideSeizesAFreeLineDialsDTMFAndBridges() async throws {
        let engine = try await makeEngine(.outside("5551234"), settings: TransferSettings())
        try await engine.addLine(card.openChannel(4), configuration: .init(ringCadence: .china, callerID: .none,
                                 disconnect: .init(loopCurrentDrop: true)),
                                 analyzers: [CallProgressAnalyzer(zone: zone)])
        let exchange = try #require(card.exchangeLine(on: 4))
        let line = try await callIn(engine)
        for _ in 0..<20 where !exchange.isAnswered { await run(1, engine) }
        #expect(exchange.isAnswered, "the outgoing line was seized")
        exchange.send(samples: try tone(zone.dial, seconds: 3))      // the exchange's dial tone
        await run(150, engine)
        #expect(line.heardSamples().prefix(8000).contains { abs(Int($0)) > 3000 }, "the caller hears ringback while the line dials")
        await run(200, engine)
        #expect(Self.digits(in: exchange.heardSamples()) == "5551234", "the exchange received the number as DTMF")

        exchange.clearHeard()
        line.clearHeard()
        try line.press("3")
        try exchange.press("9")
        await run(30, engine)
        #expect(Self.digits(in: exchange.heardSamples()) == "3", "the far end hears the caller")
        #expect(Self.digits(in: line.heardSamples()) == "9", "the caller hears the far end")

        exchange.disconnect(by: .loopCurrentDrop())
        await run(60, engine)
        #expect(!exchange.isAnswered, "the outgoing line went on hook")
        #expect(!line.isAnswered, "and so did the caller's")
        let calls = await engine.takeFinishedCalls()
        #expect(calls.count == 2)
        let outgoing = try #require(calls.first { $0.direction == .outbound })
        let caller = try #require(calls.first { $0.direction == .inbound })
        #expect(outgoing.dialled == "5551234" && outgoing.caller == "13800138000")
        #expect(outgoing.channel.number == 4 && outgoing.answeredAt != nil)
        #expect(outgoing.endReason == .farEndHungUp(method: "loop-current drop"))
        #expect(caller.transferredTo == "outside 5551234")
        #expect(caller.endReason == .transferTargetHungUp("outside 5551234", method: "loop-current drop"))
        #expect(caller.endReason?.description == "outside 5551234 hung up (loop-current drop)")
    }

    @Test func transferOutsideThroughTheExchangesDialServiceReachesTheFarParty() async throws {
        // No tone injected by the test: the simulated exchange gives dial tone when the line is
        // seized, hears the number through its DTMF receiver, rings, and its far party answers.
        let engine = try await makeEngine(.outside("88886666"), settings: TransferSettings())
        try await engine.addLine(card.openChannel(4), configuration: .init(ringCadence: .china, callerID: .none,
                                 disconnect: .init(loopCurrentDrop: true)),
                                 analyzers: [CallProgressAnalyzer(zone: zone)])
        let exchange = try #require(card.exchangeLine(on: 4))
        let farParty = try tone(ToneSpec(parsing: "1400"), seconds: 1)
        exchange.provideDialService(ExchangeDialService(
            dialTone: try #require(zone.dial), ringback: try #require(zone.ringback), busyTone: try #require(zone.busy),
            answerAfter: .seconds(2), farPartyAudio: farParty, farPartyHangsUpAfter: .seconds(2)))
        let line = try await callIn(engine)
        await run(50 + 150 + 150 + 100, engine)   // dial tone, digits, the 3 s pause, 2 s of ringback
        #expect(exchange.outgoingCalls == [ExchangeOutgoingCall(number: "88886666", outcome: .answered)])
        line.clearHeard()
        await run(25, engine)
        var filter = Goertzel(frequency: 1400)
        line.heardSamples().withUnsafeBufferPointer { filter.process($0) }
        #expect(filter.level > -25, "the caller hears the far party through the bridge: \(filter.level) dBm0")
        await run(100, engine)                    // the far party hangs up (loop-current drop)
        #expect(!line.isAnswered, "the caller's line is hung up when the far party leaves")
        let calls = await engine.takeFinishedCalls()
        #expect(calls.first { $0.direction == .inbound }?.endReason == .transferTargetHungUp("outside 88886666", method: "loop-current drop"))
    }

    @Test func theCallerHangingUpReleasesTheOutgoingLine() async throws {
        let engine = try await makeEngine(.outside("12"), settings: TransferSettings())
        try await engine.addLine(card.openChannel(4), configuration: .init(ringCadence: .china, callerID: .none),
                                 analyzers: [CallProgressAnalyzer(zone: zone)])
        let exchange = try #require(card.exchangeLine(on: 4))
        let line = try await callIn(engine)
        await run(5, engine)
        exchange.send(samples: try tone(zone.dial, seconds: 3))
        await run(250, engine)
        line.disconnect(by: .loopCurrentDrop())
        await run(60, engine)
        #expect(!exchange.isAnswered, "the outgoing line went on hook")
        let calls = await engine.takeFinishedCalls()
        #expect(calls.first { $0.direction == .outbound }?.endReason == .otherLegEnded(calls.first { $0.direction == .inbound }!.id))
    }

    @Test func theCallerHangingUpWhileTheLineWaitsForDialToneReleasesIt() async throws {
        let engine = try await makeEngine(.outside("5551234"), settings: TransferSettings())
        try await engine.addLine(card.openChannel(4), configuration: .init(ringCadence: .china, callerID: .none),
                                 analyzers: [CallProgressAnalyzer(zone: zone)])
        let exchange = try #require(card.exchangeLine(on: 4))
        let line = try await callIn(engine)
        await run(20, engine)
        #expect(exchange.isAnswered, "seized, waiting for dial tone")
        line.disconnect(by: .loopCurrentDrop())
        await run(60, engine)
        #expect(!exchange.isAnswered, "released with the caller gone")
        let calls = await engine.takeFinishedCalls()
        let caller = try #require(calls.first { $0.direction == .inbound })
        #expect(calls.first { $0.direction == .outbound }?.endReason == .otherLegEnded(caller.id))
        #expect(caller.endReason == .farEndHungUp(method: "loop-current drop"))
        #expect(await engine.activeCalls.isEmpty)
    }

    @Test func noDialToneGivesCongestionAndEndsBothLegs() async throws {
        let engine = try await makeEngine(.outside("5551234"), settings: TransferSettings(failureToneTime: .seconds(4)))
        try await engine.addLine(card.openChannel(4), configuration: .init(ringCadence: .china, callerID: .none),
                                 analyzers: [CallProgressAnalyzer(zone: zone)])
        let exchange = try #require(card.exchangeLine(on: 4))
        let line = try await callIn(engine)
        await run(200, engine)                  // the 3 s dial-tone wait runs out
        #expect(!exchange.isAnswered, "the silent line was released")
        await run(200, engine)
        #expect(!line.isAnswered)
        #expect(tones(in: line.heardSamples()).contains(.congestion))
        let calls = await engine.takeFinishedCalls()
        #expect(Set(calls.map(\.endReason)) == [.transferFailed("outside 5551234: no dial tone")])
    }

    @Test func noFreeLineGivesCongestion() async throws {
        let engine = try await makeEngine(.outside("5551234"), settings: TransferSettings(failureToneTime: .seconds(4)))
        let line = try await callIn(engine)     // the only line is the caller's own
        await run(210, engine)
        #expect(!line.isAnswered)
        #expect(tones(in: line.heardSamples()) == [.congestion])
        #expect(await engine.takeFinishedCalls().map(\.endReason) == [.transferFailed("outside 5551234: no free line")])
    }
}
