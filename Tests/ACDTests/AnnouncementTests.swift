import ACD
import Testing

@Suite struct AnnouncementTests {
    @Test func positionIsAnnouncedEveryPeriod() throws {
        var acd = try makeDistributor(.init(name: "support", maxWait: nil, announceEvery: .seconds(30)), ports: [1])
        _ = try acd.setStatus(.onBreak(reason: nil), ofAgent: 1, at: at(0))
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(0))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(10))
        #expect(acd.advance(to: at(29.9)).isEmpty)
        #expect(acd.advance(to: at(30)) == [.announce(call: 1, position: 1, expectedWait: nil)])
        #expect(acd.advance(to: at(40)) == [.announce(call: 2, position: 2, expectedWait: nil)])
        // Caller 1 leaves: caller 2 moves up.
        _ = acd.callEnded(call: 1, at: at(45))
        #expect(acd.advance(to: at(70)) == [.announce(call: 2, position: 1, expectedWait: nil)])
        #expect(acd.nextDeadline == at(100))
    }

    @Test func expectedWaitComesFromTheAverageHandleTime() throws {
        var acd = try makeDistributor(.init(name: "support", maxWait: nil, announceEvery: .seconds(30), wrapUp: .seconds(20)),
                                      ports: [1, 2], loggedIn: [(1, 0), (2, 0)])
        // One completed call: 100 s talk + 20 s wrap-up = 120 s handle time.
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        let agent = acd.agents.values.first { $0.state == .ringing(call: 1) }!.port
        _ = acd.agentAnswered(port: agent, at: at(2))
        _ = acd.callEnded(call: 1, at: at(102))
        #expect(acd.queues[0].statistics.averageHandleTime == .seconds(120))
        _ = try acd.setStatus(.onBreak(reason: nil), ofAgent: 1, at: at(103))
        _ = try acd.setStatus(.onBreak(reason: nil), ofAgent: 2, at: at(103))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(110))
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "support", at: at(111))
        // position × 120 s / 2 agents logged in.
        #expect(acd.advance(to: at(140)) == [.announce(call: 2, position: 1, expectedWait: .seconds(60))])
        #expect(acd.advance(to: at(141)) == [.announce(call: 3, position: 2, expectedWait: .seconds(120))])
    }

    @Test func snapshotShowsAgentsAndWaitingCallers() throws {
        var acd = try makeDistributor(ports: [1, 2], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: "555", queue: "support", at: at(10))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(12))
        let view = acd.snapshot(at: at(20))
        #expect(view.queues.count == 1)
        let queue = view.queues[0]
        #expect(queue.name == "support" && queue.strategy == .longestIdleAgent && queue.agents == [1, 2])
        #expect(queue.callers.map(\.call) == [1, 2])
        #expect(queue.callers.map(\.waited) == [.seconds(10), .seconds(8)])
        #expect(queue.callers[0].ringing == [1] && queue.callers[1].ringing == [])
        #expect(queue.longestWait == .seconds(10))
        #expect(queue.statistics.enqueued == 2)
        #expect(view.agents.map(\.status) == [.available, .loggedOut])
        #expect(view.agents.map(\.state) == [.ringing(call: 1), .idle])
        #expect("\(acd)" == "ACD: 1 queues, 2 callers waiting, 0/2 agents available")
    }
}
