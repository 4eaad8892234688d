@testable import Loopback
import SimulatedCard
import Synchronization
import TelephonyCore
import Testing

/// A harness that is descheduled now and then (a loaded machine, a VM under TCG) must not fail a
/// good bench, and a stream that really loses or gains bytes is reported as slips, not as
/// thousands of bit errors from the slip on.
@Suite("Loopback harness: a late harness and slipping streams")
struct LateHarnessTests {
    /// Every `every`-th wait of the harness lets `late` frames pass instead of one, as when the
    /// process was not scheduled for that long.
    private func target(_ bench: Bench, every: Int, late: Int) throws -> LoopbackTarget {
        let card = bench.card
        let calls = Mutex(0)
        return try LoopbackTarget.open(
            card: card,
            advance: { frames in
                let n = calls.withLock { $0 += 1; return $0 }
                card.advance(frames: n % every == 0 ? max(frames, late) : frames)
            },
            analogPairs: [], spanPairs: [(2, 3)],
            ringCadence: { SimulatedCard.defaultRingCadences[$0] ?? [2000, 4000] },
            limits: LoopbackLimits())
    }

    @Test func patternStaysBitExactWhenTheHarnessWakes60msLate() async throws {
        // Three frames pass in one wait every seventh frame: the priming (as deep as the card's
        // four-frame queue) covers it; with two frames of priming the transmit queue ran dry.
        let bench = try Bench()
        let target = try target(bench, every: 7, late: 3)
        defer { target.closeChannels() }
        let report = await LoopbackHarness.run(target)
        for direction in ["2→3", "3→2"] {
            let check = try #require(report.check("span 2↔3", "pattern span \(direction)"))
            #expect(check.passed, "\(check.detail)")
            #expect(check.value("B-channels bit-exact") == 30)
        }
    }

    /// One lane whose received stream is `edit`ed from a clean copy of what was sent.
    private func lane(_ edit: (inout [UInt8]) -> Void) throws -> PatternTest.Lane {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2, zone: "cn"))
        var lane = PatternTest.Lane(source: try card.openChannel(1), sink: try card.openChannel(32))
        var state: UInt32 = 0x5A17
        lane.sent = (0..<4000).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        var received = [UInt8](repeating: 0xD5, count: 320) + lane.sent + [UInt8](repeating: 0xD5, count: 480)
        edit(&received)
        lane.received = received
        return lane
    }

    @Test func idleInsertedMidStreamIsOneSlipNotThousandsOfBitErrors() throws {
        // A transmit underrun: the card sent 8 bytes of idle between pattern bytes 1000 and 1001.
        let result = try lane { $0.insert(contentsOf: [UInt8](repeating: 0xD5, count: 8), at: 320 + 1000) }.compare()
        #expect(result.offset == 320)
        #expect(result.slips == [.init(atByte: 1024, shift: 8)], "found again at the next whole block")
        #expect(result.bitErrors <= 32 * 8, "only the block the slip falls in may differ")
        #expect(result.bytesMissing == 0)
        #expect(!result.isBitExact)
    }

    @Test func bytesLostMidStreamIsANegativeSlip() throws {
        // A receive overrun: 160 bytes (one frame) never arrived.
        let result = try lane { $0.removeSubrange((320 + 2240)..<(320 + 2400)) }.compare()
        #expect(result.slips == [.init(atByte: 2400, shift: -160)])
        #expect(result.bitErrors == 0, "the loss falls on block boundaries")
        #expect(result.bytesMissing == 160)
        #expect(!result.isBitExact)
    }

    @Test func cleanStreamHasNoSlipsAndACorruptedOneCountsBitErrors() throws {
        let clean = try lane { _ in }.compare()
        #expect(clean.isBitExact && clean.slips.isEmpty && clean.bytesCompared == 4000)
        let noisy = try lane { received in
            for i in stride(from: 320, to: 4320, by: 10) { received[i] ^= 0x01 }
        }.compare()
        #expect(noisy.slips.isEmpty, "bit errors are not mistaken for slips")
        #expect(noisy.bitErrors == 400)
    }
}
