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

    @Test func uncabledSpansFailWithTheirAlarmsAndNothingReceived() async throws {
        let report = try await Bench(cable: false).run(analog: [], spans: [(2, 3)])
        #expect(!report.passed)
        let alarms = try #require(report.check("span 2↔3", "spans up"))
        #expect(!alarms.passed && alarms.detail == "span 2: RED, span 3: RED", "\(alarms.detail)")
        let pattern = try #require(report.check("span 2↔3", "pattern span 2→3"))
        #expect(!pattern.passed && pattern.value("B-channels bit-exact") == 0)
        #expect(pattern.detail.contains("ts 1 (5→36): no sync"))
        let hdlc = try #require(report.check("span 2↔3", "HDLC D-channel 20→51"))
        #expect(!hdlc.passed && hdlc.value("frames received") == 0)
        let link = try #require(report.check("span 2↔3", "PRI: D-channels up"))
        #expect(!link.passed && link.detail.contains("not up"))
        #expect(report.check("span 2↔3", "PRI: SETUP") == nil, "no call is tried on a dead link")
    }
}
