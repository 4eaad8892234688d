import ACD
import Testing

/// Offering callers to agents: strategies through the distributor, ring timeout, answer.
@Suite struct OfferTests {
    @Test func longestIdleAgentGetsTheCallerWithCallerIDAndHoldMusic() throws {
        var acd = try makeDistributor(loggedIn: [(2, 0), (1, 5), (3, 9)])
        let actions = try acd.enqueue(call: 100, callerID: "5551234", queue: "support", at: at(20))
        #expect(actions.effects == [.playHold(call: 100, music: "default"),
                                    .ringAgent(port: 2, call: 100, callerID: "5551234")])
        #expect(actions.events == [.enqueued(call: 100, queue: "support", callerID: "5551234", position: 1),
                                   .offered(call: 100, queue: "support", agent: 2)])
        // The next caller goes to the next longest idle.
        #expect(try acd.enqueue(call: 101, callerID: nil, queue: "support", at: at(21)).rung == [1])
    }

    @Test func answerBridgesAndReportsTheWait() throws {
        var acd = try makeDistributor(loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 7, callerID: "800", queue: "support", at: at(10))
        let actions = acd.agentAnswered(port: 1, at: at(14.5))
        #expect(actions.effects == [.bridge(caller: 7, agent: 1)])
        #expect(actions.events == [.answered(call: 7, queue: "support", agent: 1, wait: .milliseconds(4500))])
        #expect(acd.agents[1]?.state == .inCall(call: 7))
        #expect(acd.agents[1]?.callsAnswered == 1)
        #expect(acd.queues[0].callers.isEmpty)
        // A late second answer does nothing.
        #expect(acd.agentAnswered(port: 1, at: at(15)).isEmpty)
    }

    @Test func ringTimeoutOffersTheNextAgentAndRoundsRepeat() throws {
        var acd = try makeDistributor(.init(name: "support", ringTimeout: .seconds(15), maxWait: nil, announceEvery: nil),
                                      ports: [1, 2], loggedIn: [(1, 0), (2, 1)])
        #expect(try acd.enqueue(call: 5, callerID: "42", queue: "support", at: at(10)).rung == [1])
        #expect(acd.nextDeadline == at(25))
        #expect(acd.advance(to: at(24.9)).isEmpty)
        let timeout = acd.advance(to: at(25))
        #expect(timeout.effects == [.stopRinging(port: 1), .ringAgent(port: 2, call: 5, callerID: "42")])
        #expect(timeout.events == [.noAnswer(call: 5, queue: "support", agent: 1),
                                   .offered(call: 5, queue: "support", agent: 2)])
        #expect(acd.agents[1]?.missedOffers == 1)
        // Both tried: the next round starts again with agent 1, 15 s later.
        #expect(acd.advance(to: at(40)).effects == [.stopRinging(port: 2), .ringAgent(port: 1, call: 5, callerID: "42")])
        // A late advance runs each overdue timeout at its own time.
        let late = acd.advance(to: at(70))
        #expect(late.rung == [2, 1])
        #expect(late.compactMap { if case .report(.offered, let when) = $0 { when } else { nil } } == [at(55), at(70)])
    }

    @Test func ringFailedGoesStraightToTheNextAgent() throws {
        var acd = try makeDistributor(ports: [1, 2], loggedIn: [(1, 0), (2, 1)])
        _ = try acd.enqueue(call: 5, callerID: nil, queue: "support", at: at(10))
        let actions = acd.ringFailed(port: 1, at: at(10.2))
        #expect(actions.effects == [.ringAgent(port: 2, call: 5, callerID: nil)])
        #expect(actions.events.first == .noAnswer(call: 5, queue: "support", agent: 1))
    }

    @Test func ringAllRingsEveryFreeAgentAndTheFirstAnswerWins() throws {
        var acd = try makeDistributor(.init(name: "support", strategy: .ringAll), loggedIn: [(1, 0), (2, 0), (3, 0)])
        _ = try acd.setStatus(.onBreak(reason: nil), ofAgent: 3, at: at(1))
        #expect(try acd.enqueue(call: 9, callerID: "1", queue: "support", at: at(5)).rung == [1, 2])
        let answer = acd.agentAnswered(port: 2, at: at(8))
        #expect(answer.effects == [.stopRinging(port: 1), .bridge(caller: 9, agent: 2)])
        #expect(acd.agents[1]?.state == .idle)
        #expect(acd.agents[2]?.state == .inCall(call: 9))
    }

    @Test func roundRobinTakesAgentsInTurn() throws {
        var acd = try makeDistributor(.init(name: "support", strategy: .roundRobin, wrapUp: .zero),
                                      loggedIn: [(3, 0), (2, 0), (1, 0)])
        var order: [Int] = []
        for call in 1...4 {
            let rung = try acd.enqueue(call: call, callerID: nil, queue: "support", at: at(Double(call * 10))).rung
            order += rung
            _ = acd.agentAnswered(port: rung[0], at: at(Double(call * 10 + 1)))
            _ = acd.callEnded(call: call, at: at(Double(call * 10 + 2)))
        }
        #expect(order == [1, 2, 3, 1])
    }

    @Test func skillsOffersTheMostSkilledFreeAgent() throws {
        var acd = try makeDistributor(.init(name: "support", strategy: .skills),
                                      levels: [1: 1, 2: 3, 3: 2], loggedIn: [(1, 0), (2, 1), (3, 2)])
        #expect(try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(5)).rung == [2])
        #expect(try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(6)).rung == [3])
        #expect(try acd.enqueue(call: 3, callerID: nil, queue: "support", at: at(7)).rung == [1])
    }

    @Test func callersAreServedFirstComeFirstServed() throws {
        var acd = try makeDistributor(.init(name: "support", wrapUp: .zero), ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        #expect(try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(2)).rung.isEmpty)
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "support", at: at(3))
        _ = acd.agentAnswered(port: 1, at: at(4))
        #expect(acd.callEnded(call: 1, at: at(30)).rung == [1])
        #expect(acd.agents[1]?.state == .ringing(call: 2))
    }

    @Test func badRequestsAreRefusedWithClearErrors() throws {
        var acd = try makeDistributor(loggedIn: [(1, 0)])
        #expect(throws: ACDError.unknownQueue("sales")) {
            _ = try acd.enqueue(call: 1, callerID: nil, queue: "sales", at: at(1))
        }
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        #expect(throws: ACDError.callAlreadyQueued(1)) {
            _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(2))
        }
        #expect(throws: ACDError.unknownAgent(99)) { _ = try acd.setStatus(.available, ofAgent: 99, at: at(3)) }
        #expect(throws: ACDError.tierForUnknownQueue("x")) {
            _ = try CallDistributor(queues: [.init(name: "q")], agents: [Agent(port: 1)],
                                    tiers: [Tier(queue: "x", agent: 1)], logger: quietLogger)
        }
        #expect(throws: ACDError.duplicateAgent(1)) {
            _ = try CallDistributor(queues: [], agents: [Agent(port: 1), Agent(port: 1)], tiers: [], logger: quietLogger)
        }
        #expect("\(ACDError.unknownQueue("sales"))" == "unknown queue 'sales'")
    }
}

/// An agent who serves several queues takes the caller who has waited longest in any of them.
@Suite struct MultiQueueTests {
    @Test func theOldestCallerAcrossQueuesGoesFirst() throws {
        var acd = try CallDistributor(
            queues: [.init(name: "support", announceEvery: nil, wrapUp: .zero), .init(name: "sales", announceEvery: nil, wrapUp: .zero)],
            agents: [Agent(port: 1)],
            tiers: [Tier(queue: "support", agent: 1), Tier(queue: "sales", agent: 1)], logger: quietLogger)
        _ = acd.agentDialled(port: 1, digits: "*1", at: at(0))
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        _ = acd.agentAnswered(port: 1, at: at(2))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(4))
        _ = try acd.enqueue(call: 3, callerID: nil, queue: "sales", at: at(3))
        let end = acd.callEnded(call: 1, at: at(10))
        #expect(end.effects == [.ringAgent(port: 1, call: 3, callerID: nil)])
        #expect(end.events.last == .offered(call: 3, queue: "sales", agent: 1))
        let view = acd.snapshot(at: at(10))
        #expect(view.queues.map { $0.callers.map(\.call) } == [[2], [3]])
    }
}
