import ACD
import Testing

@Suite struct RoutingStrategyTests {
    // Agent 3 has been idle longest, then 1, then 2; agent 2 is the most skilled.
    let candidates = [
        RoutingCandidate(port: 1, idleSince: at(20), level: 2, position: 2),
        RoutingCandidate(port: 2, idleSince: at(30), level: 5, position: 3),
        RoutingCandidate(port: 3, idleSince: at(10), level: 2, position: 1),
    ]

    @Test func longestIdleAgentOrdersByIdleSince() {
        #expect(LongestIdleAgent().order(candidates, context: .init()) == [3, 1, 2])
        // Ties go to the lower port.
        let tied = [RoutingCandidate(port: 9, idleSince: at(5)), RoutingCandidate(port: 4, idleSince: at(5))]
        #expect(LongestIdleAgent().order(tied, context: .init()) == [4, 9])
    }

    @Test func roundRobinContinuesAfterTheLastOffered() {
        let strategy = RoundRobin()
        #expect(strategy.order(candidates, context: .init()) == [3, 1, 2])          // positions 1, 2, 3
        #expect(strategy.order(candidates, context: .init(lastOffered: 3)) == [1, 2, 3])
        #expect(strategy.order(candidates, context: .init(lastOffered: 2)) == [3, 1, 2]) // wraps
        // The last one offered is busy now (not a candidate): continue after its position.
        let without1 = candidates.filter { $0.port != 1 }
        #expect(strategy.order(without1, context: .init(lastOffered: 1, lastOfferedPosition: 2)) == [2, 3])
    }

    @Test func ringAllRingsEveryone() {
        #expect(RingAll().ringsAllAtOnce)
        #expect(RingAll().order(candidates, context: .init()) == [1, 2, 3])
        #expect(!LongestIdleAgent().ringsAllAtOnce && !RoundRobin().ringsAllAtOnce && !SkillsBased().ringsAllAtOnce)
    }

    @Test func skillsPrefersTheHighestLevelThenLongestIdle() {
        #expect(SkillsBased().order(candidates, context: .init()) == [2, 3, 1])
    }

    @Test("every strategy returns a permutation of the candidates", arguments: RoutingStrategyName.allCases)
    func permutation(name: RoutingStrategyName) {
        let order = name.strategy.order(candidates, context: .init(lastOffered: 1))
        #expect(order.sorted() == [1, 2, 3])
        #expect(name.strategy.order([], context: .init()).isEmpty)
    }

    @Test func namesParseThroughTheTable() {
        #expect(RoutingStrategyName(rawValue: "longest-idle-agent") == .longestIdleAgent)
        #expect(RoutingStrategyName(rawValue: "ring-all") == .ringAll)
        #expect(RoutingStrategyName(rawValue: "round-robin") == .roundRobin)
        #expect(RoutingStrategyName(rawValue: "skills") == .skills)
        #expect(RoutingStrategyName(rawValue: "ringall") == nil)
        #expect(Queue.Configuration(name: "q").strategy == .longestIdleAgent)
    }
}
