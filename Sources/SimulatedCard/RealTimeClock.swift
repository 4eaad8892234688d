#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs a tick every 20 ms of wall time on a thread of its own, like a card's hardware clock:
/// the simulated card's clock, or the media engine's pass where no card paces it. Deadlines are
/// absolute, so the ticks do not drift when one runs late.
public final class RealTimeClock: Sendable {
    private let onTick: @Sendable () -> Void
    private let running = Atomic<Bool>(false)
    private let stopped = Mutex<Bool>(true)

    /// A clock that ticks `card`.
    public convenience init(card: SimulatedCard) {
        self.init { card.tick() }
    }

    /// A clock that calls `onTick` every 20 ms.
    public init(onTick: @escaping @Sendable () -> Void) {
        self.onTick = onTick
    }

    /// Starts ticking; a second call does nothing.
    public func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        stopped.withLock { $0 = false }
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Stops ticking after the current tick.
    public func stop() {
        running.store(false, ordering: .releasing)
    }

    private func run() {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        while running.load(ordering: .acquiring) {
            deadline.tv_nsec += 20_000_000
            if deadline.tv_nsec >= 1_000_000_000 {
                deadline.tv_nsec -= 1_000_000_000
                deadline.tv_sec += 1
            }
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            // After a long stall (debugger, suspended VM), restart the schedule instead of bursting.
            if now.tv_sec - deadline.tv_sec > 1 { deadline = now }
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nil) == EINTR {}
            onTick()
        }
        stopped.withLock { $0 = true }
    }
}

/// A minimal thread, so the clock does not depend on Foundation.
final class Thread: @unchecked Sendable {
    // @unchecked: `body` is written once in init and read once by the new thread.
    private let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, nil, { context in
            let thread = Unmanaged<Thread>.fromOpaque(context!).takeRetainedValue()
            thread.body()
            return nil
        }, context)
        precondition(result == 0, "pthread_create failed: \(result)")
        pthread_detach(handle)
    }
}
