import ACD
import ACDService
import CallEngine
@testable import CDR
import Foundation
import Logging
import Media
import SimulatedCard
import Testing
import IVRScript
import IVRService
import ToneZones
@testable import offhook

/// A session that queues for `service` and hangs up when the agent's call ends.
private struct QueueForService: CallSessionLogic {
    var nextDeadline: Duration? { nil }
    var path: [String] { ["main", "agent"] }
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        switch event {
        case .started: [.queue(name: "service", maximumWait: nil)]
        case .queueOverflowed: [.hangUp(reason: "overflow")]
        case .agentCallEnded: [.hangUp(reason: "after agent")]
        default: []
        }
    }
    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

private struct QueueApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { QueueForService() }
}

/// A simulated caller reaches a simulated agent's phone through the ACD, and the call record
/// and queue events land in SQLite as `offhook run` writes them (``CallRecorder``).
@Suite struct CallRecordingTests {
    @Test func callThroughTheACDLeavesItsRecord() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 1, zone: "cn"))
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let time: @Sendable () -> Duration = { .milliseconds(20 * card.frameCount) }
        let engine = CallEngine(media: media, router: CallRouter(routes: [.init(name: "main", channels: [3], target: "-")]),
                                application: QueueApplication(), time: time, logger: logger,
                                tones: PortTones(zone: try ToneZones.zone("cn")))
        var acd = ACDCoordinator(
            distributor: try CallDistributor(
                queues: [.init(name: "service", ringTimeout: .seconds(4), maxWait: .seconds(30), announceEvery: nil, wrapUp: .seconds(2))],
                agents: [Agent(port: 1), Agent(port: 2)],
                tiers: [.init(queue: "service", agent: 1), .init(queue: "service", agent: 2)], logger: logger),
            holdMusic: nil, logger: logger)
        try await engine.addLine(card.openChannel(3), configuration: .init(ringCadence: .china, callerID: .none))
        for port in [1, 2] {
            try await engine.addAgentPhone(card.openChannel(port), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
            try await acd.setStatus(.available, ofAgent: port, engine: engine, at: time())
        }
        let writer = CDRWriter(logger: logger)
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        var recorder = CallRecorder(writer: writer, cardTime: time(), now: base)
        func run(_ frames: Int) async {
            for _ in 0..<frames {
                card.advance(frames: 1)
                await engine.tick()
                await acd.tick(engine: engine, at: time())
                for (event, _) in acd.takeEvents() { recorder.record(event, at: time()) }
                for call in await engine.takeFinishedCalls() { recorder.record(call) }
            }
        }

        let line = try #require(card.exchangeLine(on: 3))
        line.ring()
        await run(60)
        let first = try #require([card.phone(on: 1), card.phone(on: 2)].compactMap { $0 }.first { $0.isBeingRung })
        let second = try #require(card.phone(on: first.port == 1 ? 2 : 1))
        await run(220)                                   // the first agent lets it ring out (4 s)
        #expect(second.isBeingRung)
        second.lift()
        await run(150)                                   // 3 s of talk
        second.hangUp()
        await run(80)
        writer.finish()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCallRecordStore(path: folder.appendingPathComponent("calls.db").path)
        let written = await writer.run(store: store)
        #expect(written >= 6)                            // status changes, enqueued, offered ×2, no answer, answered, completed, the call
        let report = try store.report(ReportQuery(queue: "service"))
        #expect(report.calls.calls == 1 && report.calls.answered == 1)
        #expect(report.totals.offered == 1 && report.totals.answered == 1 && report.totals.abandoned == 0)
        #expect(report.agents.map(\.agent) == [1, 2])
        #expect(report.agents.first { $0.agent == first.port }?.noAnswer == 1)
        #expect(report.agents.first { $0.agent == second.port }?.answered == 1)
        // The caller waited the 4 s ring timeout and a little more; the agent talked 3 s, and
        // the on-hook counts as a hang-up only once it outlasts a hook flash (1.25 s).
        let wait = try #require(report.totals.averageSpeedOfAnswer)
        #expect(wait > 4 && wait < 5.5, "wait \(wait) s")
        let talk = try #require(report.totals.averageHandleTime)
        #expect(talk > 4.2 && talk < 4.4, "talk \(talk) s")
        // The call record's times are on the wall clock that started at `base`.
        #expect(report.hours.map(\.start) == [base])
        #expect(report.calls.billableSeconds >= 7 && report.calls.billableSeconds <= 10)
        // The record names the queue, the agent, the session's path and why the call ended.
        let row = try store.database.prepare("SELECT queue, agent, ivr_path, last_menu, end_reason, disposition, q850_cause, wait, talk FROM calls")
        #expect(try row.step())
        #expect(row.text(0) == "service" && row.int(1) == second.port)
        #expect(row.text(2) == "main > agent" && row.text(3) == "agent")
        #expect(row.text(4) == "hung up by the application (after agent)" && row.text(5) == "ANSWERED" && row.int(6) == 16)
        #expect(row.double(7) == wait && row.double(8) == talk)
    }
}

/// The IVR's path through the script is kept in the call record.
@Suite struct IVRPathTests {
    @Test func theMenusACallerWentThroughAreRecorded() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "cn"))
        let media = MediaEngine()
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let script = OffhookProcess.root + "/IVRScripts/hotline.ivr"
        let scripts = ScriptStore(logger: logger, loader: ScriptLoader(checksPrompts: false))
        #expect(scripts.load(script).loaded)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-ivr-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = CallEngine(
            media: media, router: CallRouter(routes: [.init(name: "hotline", channels: [2], target: script)]),
            application: IVRApplication(scripts: scripts, environment: .init(logger: logger, recordingDirectory: folder.path)),
            time: { .milliseconds(20 * card.frameCount) }, logger: logger)
        try await engine.addLine(card.openChannel(2), configuration: .init(ringCadence: .china, callerID: .none))
        let line = try #require(card.exchangeLine(on: 2))
        line.ring()
        for _ in 0..<150 { card.advance(frames: 1); await engine.tick() }
        #expect(line.isAnswered)
        line.disconnect(by: .loopCurrentDrop())
        for _ in 0..<100 { card.advance(frames: 1); await engine.tick() }
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(Array(call.ivrPath.prefix(2)) == ["start", "choose-language"], "path \(call.ivrPath)")
        let record = CallDetailRecord(call, wall: { _ in Date(timeIntervalSince1970: 0) }, wait: nil, talk: nil)
        #expect(record.ivrPath == call.ivrPath && record.lastMenu == call.ivrPath.last)
        #expect(record.channel == call.channel.name && record.disposition == .answered && record.q850Cause == 16)
    }
}
