import ACD
import Testing

@Suite struct OverflowAndAbandonTests {
    @Test func maxWaitOverflowsAndStopsRinging() throws {
        var acd = try makeDistributor(.init(name: "support", ringTimeout: .seconds(100), maxWait: .seconds(60), announceEvery: nil),
                                      ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "support", at: at(10))
        #expect(acd.advance(to: at(69.9)).effects.isEmpty)
        let actions = acd.advance(to: at(70))
        #expect(actions.effects == [.stopRinging(port: 1), .overflow(call: 3, reason: .maxWait)])
        #expect(actions.events == [.overflowed(call: 3, queue: "support", reason: .maxWait, wait: .seconds(60))])
        #expect(acd.queues[0].callers.isEmpty)
        #expect(acd.queues[0].statistics.overflowed == 1)
        #expect(acd.agents[1]?.state == .idle)
    }

    @Test func theScriptsLimitReplacesTheQueues() throws {
        var acd = try makeDistributor(.init(name: "support", maxWait: .seconds(60)), ports: [1], loggedIn: [(1, 0)])
        _ = try acd.setStatus(.onBreak(reason: "lunch"), ofAgent: 1, at: at(1))
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "support", maxWait: .seconds(20), at: at(10))
        #expect(acd.advance(to: at(30)).effects == [.overflow(call: 3, reason: .maxWait)])
    }

    @Test func noAgentLoggedInOverflowsAtOnce() throws {
        var acd = try makeDistributor(loggedIn: [])
        let actions = try acd.enqueue(call: 1, callerID: "9", queue: "support", at: at(1))
        #expect(actions.effects == [.overflow(call: 1, reason: .noAgents)])
        #expect(actions.events == [.enqueued(call: 1, queue: "support", callerID: "9", position: 1),
                                   .overflowed(call: 1, queue: "support", reason: .noAgents, wait: .zero)])
        // An agent on a break is logged in: callers wait for them.
        _ = acd.agentDialled(port: 2, digits: "*1", at: at(2))
        _ = acd.agentDialled(port: 2, digits: "*4", at: at(3))
        #expect(try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(4)).effects == [.playHold(call: 2, music: "default")])
    }

    @Test func waitPolicyKeepsCallersWithoutAgents() throws {
        var acd = try makeDistributor(.init(name: "support", maxWait: .seconds(30), whenNoAgents: .wait))
        #expect(try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(0)).effects == [.playHold(call: 1, music: "default")])
        // An agent logs in and is offered the caller.
        #expect(acd.agentDialled(port: 3, digits: "*1", at: at(5)).rung == [3])
    }

    @Test func lastAgentLoggingOutOverflowsTheWaitingCallers() throws {
        var acd = try makeDistributor(.init(name: "support", wrapUp: .zero), ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        _ = acd.agentAnswered(port: 1, at: at(2))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(3))
        let actions = acd.agentDialled(port: 1, digits: "*2", at: at(4))
        #expect(actions.effects == [.confirmFeature(port: 1, .logOut), .overflow(call: 2, reason: .noAgents)])
        // The call in progress goes on; afterwards the agent is offered nothing.
        #expect(acd.agents[1]?.state == .inCall(call: 1))
        _ = acd.callEnded(call: 1, at: at(10))
        #expect(acd.agents[1]?.state == .idle && acd.agents[1]?.status == .loggedOut)
    }

    @Test func callerHangingUpWhileQueuedAbandons() throws {
        var acd = try makeDistributor(ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(2))
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "support", at: at(3))
        // Call 2 waits (not ringing anyone) and gives up.
        let second = acd.callEnded(call: 2, at: at(12))
        #expect(second.effects.isEmpty)
        #expect(second.events == [.abandoned(call: 2, queue: "support", position: 2, wait: .seconds(10))])
        // Call 1 is ringing agent 1 and gives up: the agent is offered call 3.
        let first = acd.callEnded(call: 1, at: at(13))
        #expect(first.effects == [.stopRinging(port: 1), .ringAgent(port: 1, call: 3, callerID: nil)])
        #expect(first.events.first == .abandoned(call: 1, queue: "support", position: 1, wait: .seconds(12)))
        #expect(acd.queues[0].statistics.abandoned == 2)
        // Unknown calls are ignored.
        #expect(acd.callEnded(call: 99, at: at(14)).isEmpty)
    }
}
