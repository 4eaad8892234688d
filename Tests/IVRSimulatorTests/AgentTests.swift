import CallEngine
import IVRRuntime
import IVRSimulator
import Testing

/// A caller who asks for an agent reaches a simulated agent's phone (an FXS port) through the
/// ACD, and the call record says so.
@Suite struct AgentTests {
    @Test func theCallerReachesAnAgentThenTakesTheSurvey() async throws {
        let fixture = try ScriptFixture()
        let simulation = try await IVRSimulation(script: fixture.path("hotline.ivr"), options: .init(
            caller: "13800138000", recordingDirectory: fixture.recordings, localTime: { ScriptFixture.officeHours },
            agents: 2, agentAnswerDelay: .seconds(2), agentTalkTime: .seconds(4)))
        let result = await simulation.call(keys: try KeyScript(parsing: "1 0 2"))
        #expect(result.steps.contains { $0.hasPrefix("queue result: answered by ") }, "\(result.text)")
        #expect(result.transcript.blocksEntered.suffix(2) == ["survey", "goodbye"])
        #expect(result.steps.contains("log survey = 2"))
        let record = try #require(result.record)
        #expect(record.queue == "service")
        #expect([1, 2].contains(record.agentPort ?? 0), "an agent's FXS port took the call")
        #expect(record.caller == "13800138000")
        #expect(result.outcome.contains("queue service: answered by"))
        #expect(simulation.queueEvents.contains { $0.event.contains("answered") }, "\(simulation.queueEvents)")
    }
}
