import CallEngine
import Foundation
import HardwareConfig
import IVRScript
import IVRService
import Logging
import Media
import PRI
import SimulatedCard
import Testing
import ToneZones
@testable import offhook

/// A trunk on the network side (`side = net`: the simulated exchange then plays the user side)
/// whose calls are routed by B-channel (`[route] channels`), and a script's `transfer outside`
/// going out on the same PRI to the simulated exchange, which answers it.
@Suite struct PRITrunkRoutingTests {
    @Test func aNetworkSideTrunkRoutesByBChannelAndTransfersOutsideOverThePRI() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-pri-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("out.ivr").path
        try "languages en\nstep start\n  transfer outside 5551234\n".write(toFile: script, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("offhook.conf").path
        try """
            [card]
            backend = simulated
            system-conf = \(PRITrunkServiceTests.root)/Hardware/simulated/system.conf
            layout = analog 8, e1, e1
            [wiring]
            span-cable = 2:3
            [trunk pbx]
            spans = 2
            side = net
            [route any]
            channels = 9-23, 25-39      # span 2's B-channels
            script = out.ivr
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let description = try HardwareDescription.load(path: config)
        let card = try #require(try CardFactory.open(description).simulated)
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let scripts = ScriptStore(logger: logger, loader: ScriptLoader(checksPrompts: false))
        #expect(scripts.load(script).loaded)
        let engine = CallEngine(media: media, router: CallRouter(routes: [.init(name: "any", channels: Set(description.config.routes[0].channels), target: script)]),
                                application: IVRApplication(scripts: scripts, environment: .init(logger: logger, recordingDirectory: folder.path)),
                                time: { .milliseconds(20 * card.frameCount) }, logger: logger, tones: PortTones(zone: try ToneZones.zone("cn")))
        await engine.configureTransfers(TransferSettings(config: description.config))
        let wiring = try await PRITrunkWiring.takeIntoService(description, card: card, simulated: card, engine: engine, logger: logger)
        defer { wiring.shutdown() }
        let exchange = try #require(wiring.exchanges.first)
        func run(upTo limit: Int, until done: () async -> Bool) async throws -> Bool {
            for _ in 0..<limit {
                card.advance(frames: 1)
                await engine.tick()
                if await done() { return true }
                try await Task.sleep(for: .milliseconds(2))
            }
            return false
        }

        #expect(try await run(upTo: 3000) { await engine.priSpansUp == [true] && exchange.isUp }, "D-channels up, sides swapped")
        let id = try exchange.placeCall(from: "075512345678", to: "777")
        #expect(try await run(upTo: 1000) { exchange.call(id)?.isAnswered == true }, "no DNIS route, but the B-channel route takes it")
        #expect(try await run(upTo: 1000) { exchange.calls.values.contains { $0.isIncoming && $0.isAnswered } },
                "the script's transfer placed a call to the exchange")
        let outgoing = try #require(exchange.calls.values.first { $0.isIncoming })
        #expect(outgoing.called == "5551234" && outgoing.calling == "075512345678")
        #expect(outgoing.bChannel != nil && outgoing.bChannel != exchange.call(id)?.bChannel, "a second B-channel")
        exchange.hangUp(id, cause: .normalClearing)
        #expect(try await run(upTo: 1000) { await engine.unreportedFinishedCalls.count >= 2 }, "the caller's call and the outside leg ended")
        let calls = await engine.takeFinishedCalls()
        let caller = try #require(calls.first { $0.direction == .inbound })
        #expect(caller.route == "any" && caller.dialled == "777" && caller.transferredTo == "outside 5551234")
        #expect(caller.cause == 16)
        #expect(calls.contains { $0.direction == .outbound && $0.dialled == "5551234" })
    }
}
