#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Loopback
import SimulatedCard
import TelephonyCore
import Testing

/// The harness on a clock it does not drive: the simulated card ticking every 20 ms of wall
/// time on its own thread (as a real card does) and the harness pacing itself with
/// `FramePacer`, as `offhook loopback` does on a DAHDI card. It takes about 25 s, so it runs only
/// with `OFFHOOK_REALTIME_TESTS=1`.
@Suite("Loopback harness in real time", .enabled(if: getenv("OFFHOOK_REALTIME_TESTS").map { String(cString: $0) == "1" } ?? false))
struct RealTimeLoopbackTests {
    @Test func wholeBenchPassesOnAFreeRunningClock() async throws {
        let bench = try Bench()
        let clock = RealTimeClock(card: bench.card)
        clock.start()
        defer { clock.stop() }
        let card = bench.card
        let pacer = FramePacer()
        let target = try LoopbackTarget.open(card: card, advance: { try await pacer.advance($0) },
                                             analogPairs: [(1, 3)], spanPairs: [(2, 3)],
                                             ringCadence: { SimulatedCard.defaultRingCadences[$0] ?? [] })
        defer { target.closeChannels() }
        let report = await LoopbackHarness.run(target)
        #expect(report.passed, "\(report.table)")
        let ring = try #require(report.check("1↔3", "ring across"))
        #expect(abs(try #require(ring.value("ring pause")) - 4000) <= 60, "frames counted keep step with the card's clock")
    }
}
