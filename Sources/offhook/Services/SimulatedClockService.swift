import Logging
import ServiceLifecycle
import SimulatedCard

/// Runs the simulated card's 20 ms clock for as long as the daemon runs.
struct SimulatedClockService: Service {
    let card: SimulatedCard
    let logger: Logger

    func run() async throws {
        let clock = RealTimeClock(card: card)
        clock.start()
        logger.info("simulated card clock started", metadata: ["frame": "20 ms"])
        try? await gracefulShutdown()
        clock.stop()
        logger.info("simulated card clock stopped", metadata: ["frames": "\(card.frameCount)"])
    }
}
