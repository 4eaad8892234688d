import Logging
import SimulatedCard
import TelephonyDSP

/// The simulated card's exchange, behind the daemon's FXO lines: calls the lines place
/// (`transfer outside`) get the zone's dial tone, have their digits heard, ring for a few
/// seconds and are answered by a silent far party who stays until the line hangs up.
enum SimulatedExchangeLines {
    /// Turns the dial service on for every line in `ports`.
    static func provideDialService(on card: SimulatedCard, ports: [Int], zone: ToneZone, logger: Logger) {
        guard let dial = zone.dial, let ringback = zone.ringback, let busy = zone.busy else {
            logger.warning("zone \(zone.code) lacks dial, ringback or busy tone: the simulated exchange gives no dial tone")
            return
        }
        let service = ExchangeDialService(dialTone: dial, ringback: ringback, busyTone: busy)
        for port in ports { card.exchangeLine(on: port)?.provideDialService(service) }
    }
}
