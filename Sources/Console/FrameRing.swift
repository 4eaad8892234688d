import Synchronization

/// A single-producer, single-consumer ring of 20 ms frames (160 linear samples each).
///
/// One thread pushes, one thread pops; neither locks nor allocates after `init`. The console's
/// clock thread is one side, the channel's user the other.
final class FrameRing: @unchecked Sendable {   // the storage is guarded by the head/tail protocol
    static let samples = 160
    private let storage: UnsafeMutablePointer<Int16>
    private let capacity: Int
    private let head = Atomic<Int>(0)   // next frame to pop (consumer-owned)
    private let tail = Atomic<Int>(0)   // next frame to push (producer-owned)

    /// Creates a ring holding up to `frames` frames.
    init(frames: Int) {
        capacity = frames
        storage = .allocate(capacity: frames * Self.samples)
        storage.initialize(repeating: 0, count: frames * Self.samples)
    }

    deinit { storage.deallocate() }

    /// Frames waiting to be popped.
    var count: Int { tail.load(ordering: .acquiring) - head.load(ordering: .acquiring) }

    /// Copies one frame in; `false` when the ring is full.
    func push(_ frame: UnsafeRawBufferPointer) -> Bool {
        let t = tail.load(ordering: .relaxed)
        guard t - head.load(ordering: .acquiring) < capacity else { return false }
        let slot = UnsafeMutableRawPointer(storage + (t % capacity) * Self.samples)
        slot.copyMemory(from: frame.baseAddress!, byteCount: min(frame.count, Self.samples * 2))
        tail.store(t + 1, ordering: .releasing)
        return true
    }

    /// Copies one frame out; `false` when the ring is empty.
    func pop(into frame: UnsafeMutableRawBufferPointer) -> Bool {
        let h = head.load(ordering: .relaxed)
        guard h < tail.load(ordering: .acquiring) else { return false }
        frame.baseAddress!.copyMemory(from: storage + (h % capacity) * Self.samples,
                                      byteCount: min(frame.count, Self.samples * 2))
        head.store(h + 1, ordering: .releasing)
        return true
    }
}
