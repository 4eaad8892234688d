import CallEngine
import HardwareConfig
import IVRService
import Logging
import Media
import PRI
import SimulatedCard
import Testing
import ToneZones
@testable import offhook

/// PRI calls into `offhook run`'s wiring on the shipped simulated card
/// (Hardware/simulated/offhook.conf): `[trunk exchange]` takes span 2 into service on the user
/// side; the simulated exchange runs the network side on span 3 across the span cable. The
/// card's clock is manual; libpri's threads run in wall time, so each frame gives them a moment.
@Suite struct PRITrunkServiceTests {
    static let root = String(#filePath[..<#filePath.firstRange(of: "/Tests/")!.lowerBound])

    let card: SimulatedCard
    let engine: CallEngine
    let wiring: PRITrunkWiring
    let exchange: SimulatedPRIExchange

    init() async throws {
        let description = try HardwareDescription.load(path: "\(Self.root)/Hardware/simulated/offhook.conf")
        let opened = try CardFactory.open(HardwareDescription(config: { var c = description.config; c.backend = .simulated; return c }(),
                                                              systemConf: description.systemConf, systemConfPath: description.systemConfPath))
        let card = try #require(opened.simulated)
        self.card = card
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let scripts = ScriptStore(logger: logger)
        var routes: [CallRouter.Route] = []
        for route in description.config.routes {
            let path = HardwareDescription.resolve(route.script, relativeTo: description.config.path)
            #expect(scripts.load(path).loaded, "\(path) loads")
            routes.append(.init(name: route.name, channels: Set(route.channels), dialledNumbers: Set(route.dnis),
                                target: path, language: route.language))
        }
        engine = CallEngine(media: media, router: CallRouter(routes: routes),
                            application: IVRApplication(scripts: scripts, environment: .init(logger: logger, recordingDirectory: "/tmp")),
                            time: { .milliseconds(20 * card.frameCount) }, logger: logger,
                            tones: PortTones(zone: try ToneZones.zone("cn")))
        wiring = try await PRITrunkWiring.takeIntoService(description, card: card, simulated: card, engine: engine, logger: logger)
        exchange = try #require(wiring.exchanges.first)
    }

    /// Runs frames until `done` holds or `limit` frames pass; the engine ticks (and pumps its
    /// D-channel bridge) each frame, the exchange pumps its own on the card's tick.
    func run(upTo limit: Int, until done: () async -> Bool) async throws -> Bool {
        for _ in 0..<limit {
            card.advance(frames: 1)
            await engine.tick()
            if await done() { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return false
    }

    @Test func span2IsInServiceWithItsDChannelUpAcrossTheCable() async throws {
        defer { wiring.shutdown() }
        #expect(wiring.spans.map(\.span) == [2] && exchange.span.span == 3)
        #expect(wiring.spans.first?.bChannels.count == 30)
        #expect(try await run(upTo: 3000) { await engine.priSpansUp == [true] && exchange.isUp }, "both D-channels up")
    }

    @Test func aCallTo95588ReachesTheHotlineTakesAMenuChoiceAndEndsWithCause16() async throws {
        defer { wiring.shutdown() }
        #expect(try await run(upTo: 3000) { await engine.priSpansUp == [true] && exchange.isUp }, "D-channels up")
        let id = try exchange.placeCall(from: "075512345678", to: "95588")
        #expect(try await run(upTo: 1000) { exchange.call(id)?.isAnswered == true }, "the exchange saw CONNECT")
        let call = try #require(await engine.activeCalls.first)
        #expect(call.route == "hotline" && call.caller == "075512345678" && call.dialled == "95588")
        let b = try #require(exchange.call(id)?.bChannel)
        #expect(call.channel.number == 9 + b - 1, "the call is on the B-channel the exchange chose (span 2 starts at channel 9)")

        _ = try await run(upTo: 25) { false }                 // the greeting starts
        try exchange.sendDigits("1", on: id)                   // choose-language: 1 for Chinese, then the main menu
        _ = try await run(upTo: 40) { false }
        exchange.hangUp(id, cause: .normalClearing)
        #expect(try await run(upTo: 1000) { await !engine.unreportedFinishedCalls.isEmpty }, "the call ended")
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.cause == 16)
        #expect(ended.endReason == .farEndHungUp(method: "PRI DISCONNECT, cause 16"))
        #expect(ended.ivrPath == ["start", "choose-language", "main"], "the DTMF 1 took the caller to the main menu")
        #expect(try await run(upTo: 1000) { exchange.call(id)?.isReleased == true }, "released")
    }

    @Test func aCallWithNoDTMFStaysInTheFirstMenu() async throws {
        defer { wiring.shutdown() }
        #expect(try await run(upTo: 3000) { await engine.priSpansUp == [true] && exchange.isUp })
        let id = try exchange.placeCall(from: "075512345678", to: "4008001234")
        #expect(try await run(upTo: 1000) { exchange.call(id)?.isAnswered == true })
        _ = try await run(upTo: 65) { false }
        exchange.hangUp(id, cause: .normalClearing)
        #expect(try await run(upTo: 1000) { await !engine.unreportedFinishedCalls.isEmpty })
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.ivrPath == ["start", "choose-language"], "no digit, no menu choice (the menu's timeout is 4 s)")
        #expect(ended.route == "hotline" && ended.cause == 16)
    }

    @Test func aCallToAnUnroutedNumberIsRejectedWithCause1() async throws {
        defer { wiring.shutdown() }
        #expect(try await run(upTo: 3000) { await engine.priSpansUp == [true] && exchange.isUp })
        let id = try exchange.placeCall(from: "075512345678", to: "12345")
        #expect(try await run(upTo: 1000) { exchange.call(id)?.cause == .unallocatedNumber }, "the exchange got cause 1")
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.endReason == .noRoute && ended.cause == 1 && ended.dialled == "12345" && ended.caller == "075512345678")
        #expect(exchange.call(id)?.isAnswered == false)
    }
}
