import TelephonyCore

/// Moves linear audio both ways across two channels at once, one frame per clock frame.
///
/// Writing is driven by reading, as an application on a real card does: every frame read from a
/// channel is answered by the next frame written to it, after priming each transmit queue as deep
/// as the channel takes (at most ``PatternTest/primingFrames``), so the transmit buffer neither
/// runs dry when the harness wakes late nor overflows, whichever clock drives the card. Both
/// channels must be in ``AudioFormat/linear16``.
struct AudioExchange {
    let advance: @Sendable (Int) async throws -> Void

    /// What each side received, and the line events seen meanwhile.
    struct Received {
        var byA: [Int16] = []
        var byB: [Int16] = []
        var events: [LineEvent] = []
    }

    /// Sends `sendA` on `a` and `sendB` on `b` (silence after their end) for `frames` frames plus
    /// a few for the path's delay, and returns what each received.
    ///
    /// - Complexity: O(frames × 160); allocates the returned buffers (a test tool, not the media path).
    func run(_ a: any TelephonyChannel, sending sendA: [Int16], _ b: any TelephonyChannel, sending sendB: [Int16],
             frames: Int) async throws -> Received {
        var byA: [Int16] = [], byB: [Int16] = [], events: [LineEvent] = []
        let n = AudioFrame.samples
        var frame = [Int16](repeating: 0, count: n)
        var nextA = 0, nextB = 0
        func write(_ channel: any TelephonyChannel, _ signal: [Int16], _ next: inout Int) throws {
            for i in 0..<n {
                let index = next * n + i
                frame[i] = index < signal.count ? signal[index] : 0
            }
            let result = try frame.withUnsafeBufferPointer { try channel.writeSamples($0) }
            if case .bytes = result { next += 1 }
        }
        func read(_ channel: any TelephonyChannel, into samples: inout [Int16]) throws -> Int {
            var count = 0
            while true {
                let result = try frame.withUnsafeMutableBufferPointer { try channel.readSamples(into: $0) }
                switch result {
                case .bytes:
                    samples += frame
                    count += 1
                case .eventPending:
                    events += try channel.drainEvents()
                case .wouldBlock:
                    return count
                }
            }
        }
        // Throw away what waited from before, then prime both transmit buffers.
        var discard: [Int16] = []
        _ = try read(a, into: &discard)
        _ = try read(b, into: &discard)
        for _ in 0..<PatternTest.primingFrames {
            let before = (nextA, nextB)
            try write(a, sendA, &nextA)
            try write(b, sendB, &nextB)
            if (nextA, nextB) == before { break }
        }
        for _ in 0..<(frames + Self.delayFrames + PatternTest.primingFrames) {
            try await advance(1)
            for _ in 0..<(try read(a, into: &byA)) { try write(a, sendA, &nextA) }
            for _ in 0..<(try read(b, into: &byB)) { try write(b, sendB, &nextB) }
        }
        return Received(byA: byA, byB: byB, events: events)
    }

    /// Frames run past the end of the signals so the last of them arrives.
    static let delayFrames = 8
}
