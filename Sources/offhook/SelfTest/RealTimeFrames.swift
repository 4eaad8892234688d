import Synchronization

/// Lets frames of a real card's clock pass, for code written against a manual clock.
///
/// `advance(n)` sleeps until n × 20 ms after the previous deadline, so sleep overshoot does not
/// accumulate and a loop that advances one frame at a time keeps pace with the card. After a
/// stall it catches up on up to eight frames (the card's buffers hold eight), then starts
/// counting from now.
final class RealTimeFrames: Sendable {
    private let deadline = Mutex<ContinuousClock.Instant?>(nil)
    private let clock = ContinuousClock()

    func advance(_ frames: Int) async throws {
        let now = clock.now
        let target = deadline.withLock { deadline in
            let earliest = now - .milliseconds(160)
            let base = deadline.map { max($0, earliest) } ?? now
            deadline = base + .milliseconds(20 * frames)
            return deadline!
        }
        try await Task.sleep(until: target, clock: clock)
    }
}
