import Synchronization

/// A single-producer, single-consumer ring of fixed-size audio frames.
///
/// One thread pushes (the card's clock on receive, the channel's user on transmit) and one
/// thread pops; neither takes a lock or allocates. The storage is allocated once, in `init`.
/// This is the simulated card's stand-in for the kernel's per-channel buffers (DAHDI's
/// `numbufs`): when the reader falls behind, new frames are dropped and counted.
final class FrameRing: @unchecked Sendable {
    // @unchecked: `storage` is written only by the producer in slots the consumer has released,
    // and read only by the consumer in slots the producer has published; `head`/`tail` are atomics
    // with acquire/release ordering that publish those slots.
    let frameBytes: Int
    let capacity: Int
    private let storage: UnsafeMutablePointer<UInt8>
    private let head = Atomic<Int>(0)   // next slot to pop (consumer)
    private let tail = Atomic<Int>(0)   // next slot to push (producer)
    private let dropped = Atomic<Int>(0)

    init(frameBytes: Int, capacity: Int) {
        self.frameBytes = frameBytes
        self.capacity = capacity
        storage = .allocate(capacity: frameBytes * capacity)
        storage.initialize(repeating: 0, count: frameBytes * capacity)
    }

    deinit { storage.deallocate() }

    /// Frames waiting to be popped.
    var count: Int { tail.load(ordering: .acquiring) - head.load(ordering: .acquiring) }

    /// Frames dropped because the ring was full.
    var droppedCount: Int { dropped.load(ordering: .relaxed) }

    /// Copies one frame in; returns `false` (and counts a drop) when the ring is full.
    @discardableResult
    func push(_ frame: UnsafeRawBufferPointer) -> Bool {
        let t = tail.load(ordering: .relaxed)
        guard t - head.load(ordering: .acquiring) < capacity else {
            dropped.add(1, ordering: .relaxed)
            return false
        }
        let slot = storage + (t % capacity) * frameBytes
        let n = min(frame.count, frameBytes)
        if n > 0 { slot.update(from: frame.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n) }
        if n < frameBytes { (slot + n).update(repeating: 0, count: frameBytes - n) }
        tail.store(t + 1, ordering: .releasing)
        return true
    }

    /// Copies the oldest frame out; returns `false` when the ring is empty.
    func pop(into frame: UnsafeMutableRawBufferPointer) -> Bool {
        let h = head.load(ordering: .relaxed)
        guard tail.load(ordering: .acquiring) > h else { return false }
        let slot = storage + (h % capacity) * frameBytes
        frame.baseAddress!.assumingMemoryBound(to: UInt8.self).update(from: slot, count: min(frame.count, frameBytes))
        head.store(h + 1, ordering: .releasing)
        return true
    }

    /// Discards every waiting frame (consumer side).
    func removeAll() {
        head.store(tail.load(ordering: .acquiring), ordering: .releasing)
    }
}
