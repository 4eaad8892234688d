import ACD
import CDR
import Foundation
import Testing

@Suite struct CDRWriterTests {
    @Test func writesEverythingQueuedBeforeFinish() async throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let writer = CDRWriter(logger: quietLogger)
        // Producers on other tasks never wait for the disk.
        await withTaskGroup(of: Void.self) { group in
            for event in knownEvents { group.addTask { writer.record(event) } }
            for record in knownRecords { group.addTask { writer.record(record) } }
        }
        writer.finish()
        let written = await writer.run(store: try SQLiteCallRecordStore(path: db.path))
        #expect(written == knownEvents.count + knownRecords.count)
        let report = try SQLiteCallRecordStore(path: db.path).report(ReportQuery())
        #expect(report.totals.offered == 7 && report.calls.calls == 8)
    }

    /// A caller through the real distributor: its events, turned into queue events and
    /// written, give the report the figures of that call.
    @Test func distributorEventsBecomeQueueRecords() async throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let origin = ContinuousClock.now
        func instant(_ s: Int) -> ContinuousClock.Instant { origin + .seconds(s) }
        func wall(_ instant: ContinuousClock.Instant) -> Date { base.addingTimeInterval(Double(origin.duration(to: instant).components.seconds)) }
        var acd = try CallDistributor(queues: [.init(name: "support", ringTimeout: .seconds(10), maxWait: .seconds(60))],
                                      agents: [Agent(port: 1), Agent(port: 2)],
                                      tiers: [Tier(queue: "support", agent: 1), Tier(queue: "support", agent: 2)],
                                      logger: quietLogger)
        var actions = acd.agentDialled(port: 1, digits: "*1", at: instant(0))
        actions += acd.agentDialled(port: 2, digits: "*1", at: instant(1))
        actions += try acd.enqueue(call: 10, callerID: "555", queue: "support", at: instant(5))
        actions += acd.advance(to: instant(15))                 // agent 1 lets it ring out
        actions += acd.agentAnswered(port: 2, at: instant(18))  // agent 2 answers: 13 s wait
        actions += acd.callEnded(call: 10, at: instant(78))     // 60 s talk
        actions += try acd.enqueue(call: 11, callerID: nil, queue: "support", at: instant(80))
        actions += acd.callEnded(call: 11, at: instant(83))     // abandons
        actions += acd.agentDialled(port: 1, digits: "*2", at: instant(90))
        let writer = CDRWriter(logger: quietLogger)
        for case .report(let event, let at) in actions { writer.record(QueueEvent(event, at: wall(at))) }
        writer.finish()
        await writer.run(store: try SQLiteCallRecordStore(path: db.path))
        let report = try SQLiteCallRecordStore(path: db.path).report(ReportQuery())
        #expect(report.totals.offered == 2 && report.totals.answered == 1 && report.totals.abandoned == 1)
        #expect(report.totals.averageSpeedOfAnswer == 13 && report.totals.averageHandleTime == 60)
        #expect(report.totals.serviceLevel == 0.5)
        #expect(report.agents.map(\.agent) == [1, 2])
        #expect(report.agents.map(\.noAnswer) == [1, 0] && report.agents.map(\.answered) == [0, 1])
    }

    @Test func statusChangesMapToAgentEvents() {
        let now = base
        #expect(QueueEvent(.agentStatusChanged(agent: 1, from: .loggedOut, to: .available), at: now).kind == .agentLogin)
        #expect(QueueEvent(.agentStatusChanged(agent: 1, from: .available, to: .loggedOut), at: now).kind == .agentLogout)
        let pause = QueueEvent(.agentStatusChanged(agent: 1, from: .available, to: .onBreak(reason: "2")), at: now)
        #expect(pause.kind == .agentPause && pause.detail == "2")
        #expect(QueueEvent(.agentStatusChanged(agent: 1, from: .onBreak(reason: nil), to: .available), at: now).kind == .agentReady)
    }
}
