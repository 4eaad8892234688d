import TelephonyCore

/// Helpers shared by the checks (and by the loopback harness): wait for an event, move audio,
/// compare streams, all on a clock that `advance` moves (a manual clock or a real card's).
public struct Waiter: Sendable {
    let advance: @Sendable (Int) async throws -> Void

    /// Creates a waiter on a clock; `advance(n)` lets `n` frames of 20 ms pass.
    public init(advance: @escaping @Sendable (Int) async throws -> Void) {
        self.advance = advance
    }

    /// Advances frame by frame until `channel` reports an event for which `matches` is true.
    /// Returns the frames waited, or `nil` after `limit` frames; other events are collected.
    public func waitForEvent(on channel: any TelephonyChannel, within limit: Int, seen: inout [LineEvent],
                      where matches: (LineEvent) -> Bool) async throws -> Int? {
        for frame in 0...limit {
            while let event = try channel.nextEvent() {
                seen.append(event)
                if matches(event) { return frame }
            }
            if frame < limit { try await advance(1) }
        }
        return nil
    }

    /// Lets `frames` frames pass while reading and discarding audio and events on `channels`.
    public func settle(_ frames: Int, _ channels: [any TelephonyChannel]) async throws -> [LineEvent] {
        var events: [LineEvent] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        for _ in 0..<frames {
            try await advance(1)
            for channel in channels {
                events += try channel.drainEvents()
                _ = try buffer.withUnsafeMutableBytes { try drainAudio(channel, $0) }
            }
        }
        return events
    }

    /// Reads every waiting frame from `channel`, returning how many bytes were read.
    @discardableResult
    public func drainAudio(_ channel: any TelephonyChannel, _ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while true {
            switch try channel.read(into: buffer) {
            case .bytes(let n): total += n
            case .eventPending: _ = try channel.drainEvents()
            case .wouldBlock: return total
            }
        }
    }

    /// Sends `frames` frames of a pseudo-random byte pattern from `source` and records what
    /// `sink` receives meanwhile (and for a few frames after). Returns (sent, received).
    public func sendPattern(from source: any TelephonyChannel, to sink: any TelephonyChannel, frames: Int, seed: UInt32) async throws -> (sent: [UInt8], received: [UInt8]) {
        let frameBytes = source.audioFormat.bytesPerFrame
        var generator = PatternGenerator(seed: seed)
        let sent = (0..<(frames * frameBytes)).map { _ in generator.next() }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2 * frameBytes)
        try buffer.withUnsafeMutableBytes { _ = try drainAudio(sink, $0) }
        var next = 0
        func writeNext() throws {
            guard next < frames else { return }
            let result = try sent.withUnsafeBytes { bytes in
                try source.write(UnsafeRawBufferPointer(rebasing: bytes[(next * frameBytes)..<((next + 1) * frameBytes)]))
            }
            if case .bytes = result { next += 1 }
        }
        // Prime the transmit buffer with up to six frames (120 ms) so the clock never finds it
        // empty, even when this task wakes late on a busy machine driving a real card's clock.
        for _ in 0..<6 { try writeNext() }
        for _ in 0..<(frames + 12) {
            try writeNext()
            try await advance(1)
            try buffer.withUnsafeMutableBytes { raw in
                while true {
                    switch try sink.read(into: raw) {
                    case .bytes(let n): received += raw.prefix(n)
                    case .eventPending: _ = try sink.drainEvents()
                    case .wouldBlock: return
                    }
                }
            }
        }
        return (sent, received)
    }
}

/// A small deterministic byte generator (xorshift32) for test patterns.
public struct PatternGenerator: Sendable {
    var state: UInt32
    public init(seed: UInt32) { state = seed == 0 ? 0x9E37_79B9 : seed }
    public mutating func next() -> UInt8 {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return UInt8(truncatingIfNeeded: state >> 11)
    }
}

extension Array where Element == UInt8 {
    /// The offset of `pattern` in the array, or `nil`.
    public func firstRange(of pattern: [UInt8]) -> Int? {
        guard !pattern.isEmpty, pattern.count <= count else { return nil }
        outer: for start in 0...(count - pattern.count) {
            for i in 0..<pattern.count where self[start + i] != pattern[i] { continue outer }
            return start
        }
        return nil
    }
}
