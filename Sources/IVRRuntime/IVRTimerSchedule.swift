/// The timers one call has asked for, kept by the owner: feed it every action list, and fire
/// what is due.
///
/// ```swift
/// schedule.apply(actions, at: now)
/// for id in schedule.due(at: now) { actions += call.handle(.timerFired(id), at: now) }
/// ```
public struct IVRTimerSchedule: Sendable {
    private var deadlines: [TimerID: ContinuousClock.Instant] = [:]

    public init() {}

    /// Records the `startTimer` and `cancelTimer` actions in `actions`, issued at `now`.
    public mutating func apply(_ actions: [IVRAction], at now: ContinuousClock.Instant) {
        for action in actions {
            switch action {
            case .startTimer(let id, let delay): deadlines[id] = now.advanced(by: delay)
            case .cancelTimer(let id): deadlines[id] = nil
            case .hangup, .transfer, .receiveFax: deadlines = [:]
            default: break
            }
        }
    }

    /// The earliest deadline, for the owner's sleep; nil when no timer runs.
    public var nextDeadline: ContinuousClock.Instant? { deadlines.values.min() }

    /// Removes and returns the timers due at `now`, earliest first.
    public mutating func due(at now: ContinuousClock.Instant) -> [TimerID] {
        let fired = deadlines.filter { $0.value <= now }.sorted { $0.value < $1.value }.map(\.key)
        for id in fired { deadlines[id] = nil }
        return fired
    }

    public var isEmpty: Bool { deadlines.isEmpty }
}
