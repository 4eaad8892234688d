import CallEngine
@testable import CDR
import Foundation
import HardwareConfig
import IVRScript
import IVRService
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import ToneZones
@testable import offhook

/// A script's `transfer extension` as `offhook run` wires it: the script's action reaches the
/// call engine through the IVR session, the extension comes from offhook.conf's
/// `[extensions]`, and the call record says where the call went.
@Suite struct ScriptTransferTests {
    @Test func aScriptsTransferRingsTheMappedExtensionAndTheRecordSaysSo() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 1, zone: "cn"))
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-transfer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("desk.ivr").path
        try "languages en\nstep start\n  transfer extension 802\n".write(toFile: script, atomically: true, encoding: .utf8)
        let scripts = ScriptStore(logger: logger, loader: ScriptLoader(checksPrompts: false))
        #expect(scripts.load(script).loaded)
        let config = try OffhookConfig(parsing: "[ports]\nagents = 1-2\nlines = 3\n[extensions]\n801 = 1\n802 = 2\nring-timeout = 20\n",
                                       path: "offhook.conf")
        let engine = CallEngine(
            media: media, router: CallRouter(routes: [.init(name: "desk", channels: [3], target: script)]),
            application: IVRApplication(scripts: scripts, environment: .init(logger: logger, recordingDirectory: folder.path)),
            time: { .milliseconds(20 * card.frameCount) }, logger: logger, tones: PortTones(zone: try ToneZones.zone("cn")))
        await engine.configureTransfers(TransferSettings(config: config))
        for port in [1, 2] {
            try await engine.addAgentPhone(card.openChannel(port), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
        }
        try await engine.addLine(card.openChannel(3), configuration: .init(ringCadence: .china, callerID: .none))
        let line = try #require(card.exchangeLine(on: 3))
        let desk1 = try #require(card.phone(on: 1)), desk2 = try #require(card.phone(on: 2))
        func run(_ frames: Int) async -> (Bool, Bool) {
            var rang = (false, false)
            for _ in 0..<frames {
                card.advance(frames: 1)
                await engine.tick()
                rang = (rang.0 || desk1.isRinging, rang.1 || desk2.isRinging)
            }
            return rang
        }
        line.ring()
        let rang = await run(150)
        #expect(line.isAnswered)
        #expect(!rang.0 && rang.1, "extension 802 is the phone on port 2, not port 1")
        desk2.lift()
        _ = await run(50)
        desk2.hangUp()
        _ = await run(80)
        #expect(!line.isAnswered, "the caller is hung up after the extension")
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.transferredTo == "extension 802" && call.agentPort == 2)
        let record = CallDetailRecord(call, wall: { _ in Date(timeIntervalSince1970: 0) }, wait: nil, talk: nil)
        #expect(record.endReason == "extension 802 hung up" && record.agent == 2 && record.disposition == .answered)
        var bridged = call
        bridged.endReason = .farEndHungUp(method: "loop-current drop")
        #expect(CallDetailRecord.endReason(of: bridged) == "far end hung up (loop-current drop); transferred to extension 802")
    }
}
