import Loopback
import SimulatedCard
import TelephonyCore
import Testing

/// A bad bench must fail the harness, and the report must carry what was measured.
@Suite("Loopback harness: a faulty bench is reported with its measured figures")
struct FaultyBenchTests {
    @Test func lossyCableFailsTheLevelAndSweepWithTheMeasuredLoss() async throws {
        let bench = try Bench(cable: false)
        try bench.card.cable(fxsPort: 1, fxoPort: 3, lossDB: 12)
        let report = try await bench.run(analog: [(1, 3)], spans: [])
        #expect(!report.passed)
        #expect(report.check("1↔3", "off-hook across")?.passed == true, "hook does not care about loss")
        for direction in ["FXS→FXO", "FXO→FXS"] {
            let level = try #require(report.check("1↔3", "level 1004 Hz \(direction)"))
            #expect(!level.passed)
            let loss = try #require(level.value("loss"))
            #expect(abs(loss - 12) < 0.3, "measured loss \(loss) dB")
            #expect(level.detail.contains("loss 1"), "\(level.detail)")
            let sweep = try #require(report.check("1↔3", "sweep 300-3400 Hz \(direction)"))
            #expect(!sweep.passed)
            #expect(abs(try #require(sweep.value("loss 2004 Hz")) - 12) < 0.5)
            #expect(report.check("1↔3", "DTMF 16 digits \(direction)")?.passed == true, "−22 dBm0 digits are still detected")
        }
    }

    @Test func digitsDrownInADeadLine() async throws {
        // 50 dB of loss puts −10 dBm0 digits at −60 dBm0, below the receiver's −42 dBm0 floor.
        let bench = try Bench(cable: false)
        try bench.card.cable(fxsPort: 1, fxoPort: 3, lossDB: 50)
        let report = try await bench.run(analog: [(1, 3)], spans: [])
        let dtmf = try #require(report.check("1↔3", "DTMF 16 digits FXS→FXO"))
        #expect(!dtmf.passed)
        #expect(dtmf.value("digits detected") == 0)
        #expect(dtmf.detail.contains("FXO 3 detected nothing"))
        let callerID = try #require(report.check("1↔3", "caller ID across"))
        #expect(!callerID.passed && callerID.detail.contains("FXO 3 decoded nothing"), "\(callerID.detail)")
        #expect(report.check("1↔3", "ring across")?.passed == true, "ringing does not care about audio loss")
        let level = try #require(report.check("1↔3", "level 1004 Hz FXS→FXO"))
        #expect(abs(try #require(level.value("loss")) - 50) < 1)
    }

    @Test(arguments: [(20.0, true), (3.0, false)])
    func hybridEchoIsMeasuredAsEchoReturnLoss(erl: Double, passes: Bool) async throws {
        let bench = try Bench(cable: false)
        try bench.card.cable(fxsPort: 1, fxoPort: 3, echoReturnLossDB: erl)
        let report = try await bench.run(analog: [(1, 3)], spans: [])
        for port in ["FXS 1", "FXO 3"] {
            let echo = try #require(report.check("1↔3", "echo return loss at \(port)"))
            #expect(echo.passed == passes, "\(echo.detail)")
            let measured = try #require(echo.value("echo return loss 1004 Hz"))
            #expect(abs(measured - erl) < 0.5, "measured ERL \(measured) dB for a \(erl) dB hybrid")
        }
    }

    @Test func miswiredPairFailsHookRingAndLevel() async throws {
        // The installer meant FXS 1 to FXO 3 but crossed the cables: 1 to 4, 2 to 3.
        let bench = try Bench(cable: false)
        try bench.card.cable(fxsPort: 1, fxoPort: 4)
        try bench.card.cable(fxsPort: 2, fxoPort: 3)
        let report = try await bench.run(analog: [(1, 3)], spans: [])
        let hook = try #require(report.check("1↔3", "off-hook across"))
        #expect(!hook.passed && hook.detail.contains("FXS 1 saw no off-hook in 200 ms"))
        #expect(report.check("1↔3", "ring across")?.passed == false)
        let callerID = try #require(report.check("1↔3", "caller ID across"))
        #expect(!callerID.passed && callerID.detail == "not sent: the first ring never ended at FXO 3")
        let level = try #require(report.check("1↔3", "level 1004 Hz FXS→FXO"))
        #expect(!level.passed && level.detail.contains("received below -90 dBm0"))
        #expect(level.measured.first { $0.name == "received" }?.bound == .atMost)
    }

    @Test func corruptedTimeslotFailsThePatternTestWithItsBitErrors() async throws {
        let bench = try Bench()
        try bench.card.setTimeslotFault(span: 2, timeslot: 5, xorMask: 0x01)
        let report = try await bench.run(analog: [], spans: [(2, 3)])
        let bad = try #require(report.check("span 2↔3", "pattern span 2→3"))
        #expect(!bad.passed)
        #expect(bad.value("B-channels bit-exact") == 29)
        #expect(bad.value("bit errors ts 5") == 4000, "one bit in each of 25 frames × 160 bytes")
        #expect(bad.detail.contains("ts 5 (9→40): 4000 bit errors"), "\(bad.detail)")
        #expect(report.check("span 2↔3", "pattern span 3→2")?.passed == true)
    }
}
