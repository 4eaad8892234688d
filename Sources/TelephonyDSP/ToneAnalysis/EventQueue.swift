/// A fixed four-slot FIFO for detector events, so `process` can return one event per call
/// while a block that decided several keeps the rest for the next calls. No allocation.
struct EventQueue<Event: Sendable>: Sendable {
    private var slots: (Event?, Event?, Event?, Event?) = (nil, nil, nil, nil)
    private var head = 0
    private(set) var count = 0

    /// Appends `event`; when all four slots are full the oldest is dropped (a detector decides
    /// at most two edges per 10 ms block, so this does not happen with blocks ≤ 160 samples).
    mutating func push(_ event: Event) {
        if count == 4 { _ = pop() }
        set((head + count) & 3, event)
        count += 1
    }

    /// Removes and returns the oldest event.
    mutating func pop() -> Event? {
        guard count > 0 else { return nil }
        let event = get(head)
        set(head, nil)
        head = (head + 1) & 3
        count -= 1
        return event
    }

    private func get(_ i: Int) -> Event? {
        switch i {
        case 0: return slots.0
        case 1: return slots.1
        case 2: return slots.2
        default: return slots.3
        }
    }

    private mutating func set(_ i: Int, _ event: Event?) {
        switch i {
        case 0: slots.0 = event
        case 1: slots.1 = event
        case 2: slots.2 = event
        default: slots.3 = event
        }
    }
}
