import ChannelConformance
import SimulatedCard
import Testing
import TelephonyCore

/// The simulated card passes the same conformance suite as the DAHDI backend.
@Suite struct SimulatedCardConformanceTests {
    @Test func analogPairsConform() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 2))
        try card.cable(fxsPort: 1, fxoPort: 3)
        try card.cable(fxsPort: 2, fxoPort: 4)
        let pairs = [
            ConformanceTarget.AnalogPair(fxsPort: try card.openChannel(1), fxoPort: try card.openChannel(3)),
            ConformanceTarget.AnalogPair(fxsPort: try card.openChannel(2), fxoPort: try card.openChannel(4)),
        ]
        let report = await ChannelConformance.verify(ConformanceTarget(
            name: "simulated", advance: { card.advance(frames: $0) }, analogPairs: pairs))
        #expect(report.passed, "\(report)")
        #expect(report.checks.count == 26)
    }

    @Test func e1SpansConform() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2, casTimeslots: [25, 26]))
        try card.cable(span: 1, to: 2)
        // Span 1 is channels 1–31, span 2 is 32–62; timeslot 16 is the D-channel.
        let target = ConformanceTarget(
            name: "simulated",
            advance: { card.advance(frames: $0) },
            clearPairs: [.init(try card.openChannel(1), try card.openChannel(32)),
                         .init(try card.openChannel(20), try card.openChannel(51))],
            dChannelPairs: [.init(try card.openChannel(16), try card.openChannel(47))],
            casPairs: [.init(try card.openChannel(25), try card.openChannel(56))],
            card: card, spanPairs: [(1, 2)],
            shutSpan: { span, shut in try card.setShut(span: span, shut) })
        let report = await ChannelConformance.verify(target)
        #expect(report.passed, "\(report)")
        #expect(report.checks.count == 9)
    }

    /// The suite must fail a backend that breaks the contract: an uncabled pair hears nothing.
    @Test func suiteFailsOnMiswiredPair() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1))
        // Not cabled: port 1 has a virtual phone, port 2 a virtual exchange.
        let report = await ChannelConformance.verify(ConformanceTarget(
            name: "miswired", advance: { card.advance(frames: $0) },
            analogPairs: [.init(fxsPort: try card.openChannel(1), fxoPort: try card.openChannel(2))]))
        #expect(!report.passed)
        #expect(report.failures.contains { $0.name.contains("off hook is seen by the FXS port") })
        #expect(report.failures.contains { $0.name.contains("audio FXS→FXO") })
    }
}
