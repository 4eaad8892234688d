import Loopback
import SimulatedCard
import TelephonyCore
import Testing

@Suite("Loopback harness: analog pairs on the simulated card")
struct AnalogLoopbackTests {
    @Test func usZoneRingsWithItsCadenceAndSendsBell202CallerID() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "us"))
        try card.cable(fxsPort: 1, fxoPort: 2)
        let target = try LoopbackTarget.open(card: card, advance: { card.advance(frames: $0) },
                                             analogPairs: [(1, 2)], spanPairs: [],
                                             ringCadence: { SimulatedCard.defaultRingCadences[$0] ?? [] })
        defer { target.closeChannels() }
        let report = await LoopbackHarness.run(target)
        let ring = try #require(report.check("1↔2", "ring across (us"))
        #expect(ring.passed && ring.value("ring burst") == 2000 && ring.value("ring pause") == 4000, "\(ring.detail)")
        let callerID = try #require(report.check("1↔2", "caller ID across"))
        #expect(callerID.passed && callerID.detail.hasPrefix("bell202 from FXS 1"), "\(callerID.detail)")
    }

    @Test func wellWiredPairPassesWithMeasuredFigures() async throws {
        let report = try await Bench().run(analog: [(1, 3)], spans: [])
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
            let sweep = try #require(report.check("1↔3", "sweep 300-3400 Hz \(direction)"))
            let losses = sweep.measured.filter { $0.name.hasPrefix("loss ") }.compactMap(\.value)
            #expect(losses.count == 9 && losses.allSatisfy { abs($0) < 0.05 }, "a 0 dB cable is flat: \(sweep.detail)")
        }
        let callerID = try #require(report.check("1↔3", "caller ID across"))
        #expect(callerID.value("fields matching") == 3)
        #expect(callerID.detail.contains("number 075512345678, name \"OFFHOOK LOOP\", date 11231530"))
        let afterRing = try #require(callerID.value("decoded after"))
        #expect(afterRing >= 500 && afterRing < 2000, "sent 500 ms after the ring, about 0.75 s long")
        #expect(try #require(callerID.value("before next ring")) >= 200)
        for direction in ["FXS→FXO", "FXO→FXS"] {
            let dtmf = try #require(report.check("1↔3", "DTMF 16 digits \(direction)"))
            #expect(dtmf.value("digits in place") == 16)
            #expect(dtmf.detail.contains("detected 0123456789*#ABCD"))
        }
    }
}

extension AnalogLoopbackTests {
    @Test func doubleRingZoneSendsCallerIDInTheLongPause() async throws {
        // UK: 400 ms on, 200 ms off, 400 ms on, 2 s off; caller ID fits only in the 2 s pause.
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "uk"))
        try card.cable(fxsPort: 1, fxoPort: 2)
        let target = try LoopbackTarget.open(card: card, advance: { card.advance(frames: $0) },
                                             analogPairs: [(1, 2)], spanPairs: [],
                                             ringCadence: { SimulatedCard.defaultRingCadences[$0] ?? [] })
        defer { target.closeChannels() }
        let report = await LoopbackHarness.run(target)
        let ring = try #require(report.check("1↔2", "ring across (uk"))
        #expect(ring.passed && ring.value("ring burst") == 400 && ring.value("ring pause") == 200, "\(ring.detail)")
        let callerID = try #require(report.check("1↔2", "caller ID across"))
        #expect(callerID.passed, "\(callerID.detail)")
        #expect(try #require(callerID.value("before next ring")) > 0)
    }
}
