import Synchronization

/// The events of one leg, from the engine's thread to the leg's owner.
///
/// The engine posts only when something happened (a digit, a tone, a line event), so its lock is
/// not taken on an ordinary frame.
final class MediaEventQueue: Sendable {
    private let state = Mutex<(events: [MediaEvent], finished: Bool)>(([], false))

    func post(_ event: MediaEvent) {
        state.withLock { $0.events.append(event) }
    }

    func finish() {
        state.withLock { $0.finished = true }
    }

    func take() -> [MediaEvent] {
        state.withLock { state in
            defer { state.events.removeAll() }
            return state.events
        }
    }

    var isFinished: Bool { state.withLock { $0.finished && $0.events.isEmpty } }
}
