import Loopback
import SimulatedCard
import TelephonyCore

/// The loopback bench of Hardware/loopback on the simulated card: FXS 1 to FXO 3, FXS 2 to
/// FXO 4, E1 span 2 to span 3, zone cn. Tests rewire it to model a faulty bench.
struct Bench {
    let card: SimulatedCard

    init(cable: Bool = true) throws {
        card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 2, e1Spans: 2, zone: "cn"))
        if cable {
            try card.cable(fxsPort: 1, fxoPort: 3)
            try card.cable(fxsPort: 2, fxoPort: 4)
            try card.cable(span: 2, to: 3)
        }
    }

    /// A target on the card's manual clock.
    func target(analog: [(fxs: Int, fxo: Int)] = [(1, 3), (2, 4)], spans: [(Int, Int)] = [(2, 3)],
                limits: LoopbackLimits = LoopbackLimits()) throws -> LoopbackTarget {
        let card = self.card
        return try LoopbackTarget.open(card: card, advance: { card.advance(frames: $0) },
                                       analogPairs: analog, spanPairs: spans,
                                       ringCadence: { SimulatedCard.defaultRingCadences[$0] ?? [2000, 4000] },
                                       limits: limits)
    }

    func run(analog: [(fxs: Int, fxo: Int)] = [(1, 3), (2, 4)], spans: [(Int, Int)] = [(2, 3)]) async throws -> LoopbackReport {
        let target = try target(analog: analog, spans: spans)
        defer { target.closeChannels() }
        return await LoopbackHarness.run(target)
    }
}

extension LoopbackReport {
    /// The check of `pair` whose name starts with `prefix`.
    func check(_ pair: String, _ prefix: String) -> LoopbackCheck? {
        checks.first { $0.pair == pair && $0.name.hasPrefix(prefix) }
    }
}

extension LoopbackCheck {
    /// The value of the measurement called `name`.
    func value(_ name: String) -> Double? {
        measured.first { $0.name == name }?.value
    }
}
