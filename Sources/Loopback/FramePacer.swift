import Synchronization

/// A clock for a real card: `advance(n)` returns when the next `n` frames of 20 ms are due, on
/// an absolute schedule, so the frames the harness counts keep step with the card's own clock
/// however late each sleep wakes (a relative 20 ms sleep drifts: a 4 s ring pause read 3.86 s).
///
/// ```swift
/// let pacer = FramePacer()
/// let target = try LoopbackTarget.open(card: card, advance: pacer.advance, …)
/// ```
public final class FramePacer: Sendable {
    private let deadline: Mutex<ContinuousClock.Instant?> = Mutex(nil)

    public init() {}

    /// Waits until `frames` more frames are due, counted from the first call.
    public func advance(_ frames: Int) async throws {
        let due = deadline.withLock { deadline in
            let next = (deadline ?? .now) + .milliseconds(20 * frames)
            deadline = next
            return next
        }
        try await Task.sleep(until: due, clock: .continuous)
    }
}
