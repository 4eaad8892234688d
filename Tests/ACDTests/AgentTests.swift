import ACD
import Testing

@Suite struct AgentTests {
    @Test func featureCodesDriveTheStatus() throws {
        var acd = try makeDistributor()
        #expect(acd.agentDialled(port: 1, digits: "*3", at: at(0)) == [.rejectFeature(port: 1, digits: "*3")])
        #expect(acd.agentDialled(port: 1, digits: "*4", at: at(0)) == [.rejectFeature(port: 1, digits: "*4")])
        let login = acd.agentDialled(port: 1, digits: "*1", at: at(1))
        #expect(login.effects == [.confirmFeature(port: 1, .logIn)])
        #expect(login.events == [.agentStatusChanged(agent: 1, from: .loggedOut, to: .available)])
        #expect(acd.agents[1]?.idleSince == at(1))
        _ = acd.agentDialled(port: 1, digits: "*42", at: at(2))
        #expect(acd.agents[1]?.status == .onBreak(reason: "2"))
        // Logging in again while on a break changes nothing.
        #expect(acd.agentDialled(port: 1, digits: "*1", at: at(3)).events.isEmpty)
        _ = acd.agentDialled(port: 1, digits: "*3", at: at(4))
        #expect(acd.agents[1]?.status == .available)
        _ = acd.agentDialled(port: 1, digits: "*2", at: at(5))
        #expect(acd.agents[1]?.status == .loggedOut)
        #expect(acd.agentDialled(port: 1, digits: "*9", at: at(6)) == [.rejectFeature(port: 1, digits: "*9")])
        #expect(acd.agentDialled(port: 1, digits: "*12", at: at(6)) == [.rejectFeature(port: 1, digits: "*12")])
        #expect(acd.agentDialled(port: 77, digits: "*1", at: at(6)) == [.rejectFeature(port: 77, digits: "*1")])
    }

    @Test func pausingWhileRingingPassesTheCallerOn() throws {
        var acd = try makeDistributor(ports: [1, 2], loggedIn: [(1, 0), (2, 1)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(5))
        let actions = try acd.setStatus(.onBreak(reason: nil), ofAgent: 1, at: at(6))
        #expect(actions.effects == [.stopRinging(port: 1), .ringAgent(port: 2, call: 1, callerID: nil)])
    }

    @Test func wrapUpKeepsTheAgentFromTheNextCaller() throws {
        var acd = try makeDistributor(.init(name: "support", announceEvery: nil, wrapUp: .seconds(10)), ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(1))
        _ = acd.agentAnswered(port: 1, at: at(2))
        _ = try acd.enqueue(call: 2, callerID: nil, queue: "support", at: at(3))
        let end = acd.agentHungUp(port: 1, at: at(62))
        #expect(end.events == [.completed(call: 1, queue: "support", agent: 1, talk: .seconds(60))])
        #expect(end.effects.isEmpty)
        #expect(acd.agents[1]?.state == .wrapUp(until: at(72)))
        #expect(acd.advance(to: at(71.9)).rung.isEmpty)
        #expect(acd.advance(to: at(72)).rung == [1])
        #expect(acd.agents[1]?.idleSince == at(72))
    }

    @Test func featureTablesAreCheckedOnce() throws {
        let codes = try FeatureCodes(parsing: "login=#71, logout=#72 ready=#73 pause=#74")
        #expect(codes.match("#71")?.feature == .logIn)
        #expect(codes.match("#745")! == (FeatureCode.pause, "5"))
        #expect(codes.match("#7") == nil)
        #expect(FeatureCodes.standard.match("*1")?.feature == .logIn)
        #expect(throws: ACDError.missingFeature("pause")) {
            _ = try FeatureCodes(parsing: "login=*1 logout=*2 ready=*3")
        }
        #expect(throws: ACDError.ambiguousFeatureCodes("*1", "*11")) {
            _ = try FeatureCodes(parsing: "login=*1 logout=*11 ready=*3 pause=*4")
        }
        #expect(throws: ACDError.badFeatureCode("*A")) {
            _ = try FeatureCodes(parsing: "login=*A logout=*2 ready=*3 pause=*4")
        }
        #expect(throws: ACDError.unknownFeature("dnd")) {
            _ = try FeatureCodes(parsing: "dnd=*5")
        }
        #expect(throws: ACDError.ambiguousFeatureCodes("*1", "*1")) {
            _ = try FeatureCodes(parsing: "login=*1 logout=*1 ready=*3 pause=*4")
        }
    }
}

@Suite struct MissedOfferTests {
    @Test func anAgentWhoLetsThreeOffersRingOutIsPutOnABreak() throws {
        var acd = try makeDistributor(.init(name: "support", ringTimeout: .seconds(10), maxWait: nil, announceEvery: nil),
                                      ports: [1], loggedIn: [(1, 0)])
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "support", at: at(0))
        #expect(acd.advance(to: at(10)).rung == [1])     // first miss; rung again
        #expect(acd.advance(to: at(20)).rung == [1])     // second miss
        let third = acd.advance(to: at(30))
        #expect(third.effects == [.stopRinging(port: 1)])
        #expect(third.events.contains(.agentStatusChanged(agent: 1, from: .available, to: .onBreak(reason: "no answer"))))
        #expect(acd.agents[1]?.status == .onBreak(reason: "no answer") && acd.agents[1]?.missedOffers == 3)
        // Back with *3: offered again, and an answer clears the count.
        #expect(acd.agentDialled(port: 1, digits: "*3", at: at(40)).rung == [1])
        _ = acd.agentAnswered(port: 1, at: at(41))
        #expect(acd.agents[1]?.consecutiveMissedOffers == 0)
    }

    @Test func pausingCanBeTurnedOff() throws {
        var acd = try CallDistributor(queues: [.init(name: "q", ringTimeout: .seconds(1), maxWait: nil, announceEvery: nil)],
                                      agents: [Agent(port: 1)], tiers: [Tier(queue: "q", agent: 1)],
                                      pauseAfterMissedOffers: nil, logger: quietLogger)
        _ = acd.agentDialled(port: 1, digits: "*1", at: at(0))
        _ = try acd.enqueue(call: 1, callerID: nil, queue: "q", at: at(0))
        #expect(acd.advance(to: at(10)).rung.count == 10)
        #expect(acd.agents[1]?.status == .available && acd.agents[1]?.missedOffers == 10)
    }
}
