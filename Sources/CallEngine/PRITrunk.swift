import Media
import PRI
import Synchronization

/// An E1 PRI span in the call engine: its D-channel (libpri on its own thread), the bridge that
/// carries the D-channel's frames when the card gives no descriptor, and its B-channels.
struct PRITrunk {
    let dChannel: DChannel
    let bridge: DChannelBridge?
    let inbox: PRIInbox
    let span: PRISpanChannels
    /// The engine's line slot for each B-channel number (1–31).
    var lineForBChannel: [Int: Int] = [:]
    var isUp = false
}

/// The B-channel side of a PRI call on one of the engine's line slots.
struct PRIBearer {
    let trunk: Int
    let bChannel: Int
    var call: PRI.CallID?
}

/// The D-channel's events, moved from its stream to the engine's tick.
final class PRIInbox: Sendable {
    private final class Storage: Sendable {
        let events = Mutex<[PRIEvent]>([])
    }

    private let storage = Storage()
    private let task: Task<Void, Never>

    init(_ stream: AsyncStream<PRIEvent>) {
        let storage = self.storage
        task = Task { for await event in stream { storage.events.withLock { $0.append(event) } } }
    }

    deinit { task.cancel() }

    func take() -> [PRIEvent] {
        storage.events.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}
