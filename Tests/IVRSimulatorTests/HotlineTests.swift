import CallEngine
import IVRRuntime
import IVRSimulator
import Testing

/// Every branch of IVRScripts/hotline.ivr, walked by a caller on the simulated card whose keys
/// go down the line as DTMF audio and are heard by the port's DTMF receiver.
@Suite struct HotlineTests {
    @Test func accountBalanceLookup() async throws {
        let fixture = try ScriptFixture()
        defer { fixture.remove() }
        let simulation = try await fixture.simulation()
        let result = await simulation.call(keys: try KeyScript(parsing: "1 1 12345678# 2"))
        #expect(result.heardKeys == "1112345678#2")
        #expect(result.transcript.blocksEntered == ["start", "choose-language", "main", "account", "balance", "main", "survey"] ||
                result.transcript.blocksEntered.starts(with: ["start", "choose-language", "main", "account", "balance", "main"]))
        #expect(result.steps.contains("account = 12345678"))
        #expect(result.steps.contains("lookup 12345678 in accounts: found"))
        #expect(result.played.contains("zh/balance/your-balance"))
        #expect(result.record?.caller == "13800138000", "caller ID crossed the line as audio")
    }
}
