import IVRRuntime
import IVRSimulator
import Testing

/// IVRScripts/fax.ivr: a fax machine is received; a person is offered an agent.
@Suite struct FaxLineTests {
    @Test func aFaxMachineIsReceived() async throws {
        let fixture = try ScriptFixture()
        let result = try await fixture.simulation("fax.ivr").call(fax: true)
        #expect(result.steps.contains("fax tone"))
        #expect(result.transcript.blocksEntered == ["start", "receive"])
        #expect(result.transcript.endReason == .fax)
        #expect(result.record?.endReason == .applicationHungUp(reason: "fax"))
    }

    @Test func aPersonIsOfferedAnAgentAndTheQueueOverflows() async throws {
        let fixture = try ScriptFixture()
        let result = try await fixture.simulation("fax.ivr").call(keys: try KeyScript(parsing: "0"))
        #expect(result.transcript.blocksEntered == ["start", "person", "goodbye"])
        #expect(result.steps.contains("queue result: overflow"))
        #expect(!result.steps.contains("fax tone"))
    }

    @Test func aPersonWhoSaysNothingIsToldGoodbye() async throws {
        let fixture = try ScriptFixture()
        let result = try await fixture.simulation("fax.ivr", waitsInSilence: true).call()
        #expect(result.steps.filter { $0.hasPrefix("no-input") } == ["no-input (1)", "no-input (2)"])
        #expect(result.transcript.blocksEntered.suffix(1) == ["goodbye"])
    }
}
