import HardwareConfig
import SimulatedCard
import TelephonyCore

/// The card a command runs on: the real card through DAHDI, or the simulated card.
struct OpenedCard {
    let card: any TelephonyCard
    /// Set when the card is simulated (to start its clock and reach its virtual devices).
    let simulated: SimulatedCard?
}

enum CardFactory {
    /// Opens the card the description asks for. `auto` takes the real card when
    /// `/dev/dahdi/channel` exists, and the simulated card otherwise.
    static func open(_ description: HardwareDescription) throws -> OpenedCard {
        switch description.config.backend {
        case .dahdi:
            return OpenedCard(card: try openDAHDI(description), simulated: nil)
        case .auto where fileExists("/dev/dahdi/channel"):
            return OpenedCard(card: try openDAHDI(description), simulated: nil)
        case .auto, .simulated:
            let card = SimulatedCard(layout: description.layout)
            for cable in description.config.cables { try card.cable(fxsPort: cable.fxs, fxoPort: cable.fxo) }
            for cable in description.config.spanCables { try card.cable(span: cable.0, to: cable.1) }
            return OpenedCard(card: card, simulated: card)
        }
    }
}
