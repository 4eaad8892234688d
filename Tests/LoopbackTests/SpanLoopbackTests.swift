import Loopback
import SimulatedCard
import TelephonyCore
import Testing

@Suite("Loopback harness: E1 spans on the simulated card")
struct SpanLoopbackTests {
    @Test func cabledSpansPassPatternHDLCAndAPRICall() async throws {
        let report = try await Bench().run(analog: [], spans: [(2, 3)])
        print(report.table)
        #expect(report.passed, "\(report.table)")
        let pattern = try #require(report.check("span 2↔3", "pattern span 2→3"))
        #expect(pattern.value("B-channels bit-exact") == 30)
        #expect(pattern.value("bit errors") == 0)
        let setup = try #require(report.check("span 2↔3", "PRI: SETUP"))
        #expect(setup.passed)
        let release = try #require(report.check("span 2↔3", "PRI: release"))
        #expect(release.value("cause at user side") == 16)
    }
}
