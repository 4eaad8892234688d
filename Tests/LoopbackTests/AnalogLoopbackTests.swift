import Loopback
import SimulatedCard
import TelephonyCore
import Testing

@Suite("Loopback harness: analog pairs on the simulated card")
struct AnalogLoopbackTests {
    @Test func wellWiredPairPassesWithMeasuredFigures() async throws {
        let report = try await Bench().run(analog: [(1, 3)], spans: [])
        print(report.table)
        #expect(report.passed, "\(report.table)")
        let offHook = try #require(report.check("1↔3", "off-hook across"))
        #expect(offHook.value("off-hook seen") == 20)
        let ring = try #require(report.check("1↔3", "ring across"))
        #expect(ring.value("ring burst") == 1000)     // cn: 1 s on
        #expect(ring.value("ring pause") == 4000)     // 4 s off
        let level = try #require(report.check("1↔3", "level 1004 Hz FXS→FXO"))
        #expect(abs(try #require(level.value("loss"))) < 0.2)
        #expect(abs(try #require(level.value("received")) + 10) < 0.2)
        for direction in ["FXS→FXO", "FXO→FXS"] {
            let dtmf = try #require(report.check("1↔3", "DTMF 16 digits \(direction)"))
            #expect(dtmf.value("digits in place") == 16)
            #expect(dtmf.detail.contains("detected 0123456789*#ABCD"))
        }
    }
}
