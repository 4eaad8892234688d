@testable import CDR
import Foundation
import Testing

@Suite struct LiveViewTests {
    /// Agents 1–5 and calls 0–5 (seconds after `base`); the expected view is worked out in the test.
    static let events: [QueueEvent] = [
        QueueEvent(time: time(-7200), kind: .enqueued, callID: 100, queue: "support"),   // left over from a stopped daemon
        QueueEvent(time: time(0), kind: .agentLogin, agent: 1),
        QueueEvent(time: time(0), kind: .agentLogin, agent: 2),
        QueueEvent(time: time(0), kind: .agentLogin, agent: 3),
        QueueEvent(time: time(0), kind: .agentLogin, agent: 4),
        QueueEvent(time: time(5), kind: .agentPause, agent: 3, detail: "2"),
        QueueEvent(time: time(6), kind: .agentLogout, agent: 4),
        QueueEvent(time: time(10), kind: .enqueued, callID: 1, queue: "support", detail: "5550001"),
        QueueEvent(time: time(10), kind: .offered, callID: 1, queue: "support", agent: 1),
        QueueEvent(time: time(12), kind: .answered, callID: 1, queue: "support", agent: 1, wait: .seconds(2)),
        QueueEvent(time: time(20), kind: .enqueued, callID: 2, queue: "support", detail: "5550002"),
        QueueEvent(time: time(20), kind: .offered, callID: 2, queue: "support", agent: 2),
        QueueEvent(time: time(25), kind: .enqueued, callID: 3, queue: "sales"),
        QueueEvent(time: time(30), kind: .enqueued, callID: 4, queue: "support"),
        QueueEvent(time: time(30), kind: .offered, callID: 4, queue: "support", agent: 5),
        QueueEvent(time: time(35), kind: .abandoned, callID: 4, queue: "support", wait: .seconds(5)),
        QueueEvent(time: time(40), kind: .enqueued, callID: 5, queue: "support"),
    ]

    @Test func waitingCallersAndAgentsFromTheLatestEvents() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let store = try SQLiteCallRecordStore(path: db.path)
        for event in Self.events { try store.insert(event) }
        let view = try store.liveView(since: time(-3600))
        // Calls 1 (answered) and 4 (abandoned) are not waiting; call 100 is too old.
        #expect(view.waiting.map(\.call) == [2, 3, 5])
        #expect(view.waiting.map(\.queue) == ["support", "sales", "support"])
        #expect(view.waiting.map(\.position) == [1, 1, 2])
        #expect(view.waiting.map(\.callerID) == ["5550002", nil, nil])
        #expect(view.waiting.map(\.since) == [time(20), time(25), time(40)])
        #expect(view.agents.map(\.agent) == [1, 2, 3, 4, 5])
        #expect(view.agents.map(\.status) == ["available", "available", "on break (2)", "logged out", "available"])
        // Agent 5 was offered call 4, which was abandoned: idle again.
        #expect(view.agents.map(\.state) == ["in call", "ringing", "idle", "idle", "idle"])
        #expect(view.agents.map(\.call) == [1, 2, nil, nil, nil])
        #expect(view.agents[0].since == time(12) && view.agents[1].since == time(20))
        #expect(try store.liveView(since: time(-9000)).waiting.map(\.call) == [100, 2, 3, 5])
    }
}
