import ChannelConformance
import TelephonyCore

/// A bit-exact pattern test on many channels at once, as DAHDI's `patlooptest` does on one:
/// each lane sends a pseudo-random byte stream from one channel and records what its peer
/// receives; the received stream is synchronised on the pattern's first bytes and compared
/// bit by bit.
///
/// Channels stay in their G.711 law (A-law on E1), so the bytes cross unchanged on a sound path.
struct PatternTest {
    let advance: @Sendable (Int) async throws -> Void

    /// One direction of one channel pair.
    struct Lane {
        var source: any TelephonyChannel
        var sink: any TelephonyChannel
        var sent: [UInt8] = []
        var received: [UInt8] = []
        var next = 0

        /// What the comparison found.
        struct Result {
            /// The byte offset at which the pattern was found, or `nil` (no sync).
            var offset: Int?
            var bytesCompared: Int
            var bitErrors: Int
            var bytesMissing: Int
            /// Where the stream lost or gained bytes and picked up again: a transmit underrun or
            /// receive overrun (the application was late), or a frame slip between span clocks.
            var slips: [Slip] = []
            var isBitExact: Bool { offset != nil && bitErrors == 0 && bytesMissing == 0 && slips.isEmpty }
        }

        /// A place where the received stream jumped: `shift` bytes gained (positive, e.g.
        /// idle inserted) or lost (negative) before byte `atByte` of the pattern, the first
        /// byte of the block where the stream matched again (the jump lies within the block
        /// before it). Bytes lost count as missing.
        struct Slip: Equatable {
            var atByte: Int
            var shift: Int
        }

        /// Synchronises on the first bytes sent and counts bit errors from there, following slips.
        ///
        /// An exact match of the first 16 bytes is looked for first; failing that (a path that
        /// corrupts every byte), the offset where the first 32 bytes differ in fewest bits is
        /// taken if no more than a quarter of their bits differ, so the errors can be counted.
        /// The pattern is then compared in blocks of ``blockBytes``; a block that does not match
        /// where expected is looked for up to ``slipSearchBytes`` either side, and if found there
        /// the jump is reported as a slip (as `patlooptest` reports a resync) instead of every
        /// later byte counting as wrong. A path that corrupts bits stops being searched after
        /// ``slipSearches`` fruitless searches.
        ///
        /// - Complexity: O(n) on a clean or slipping path; at most `slipSearches` searches of
        ///   O(`slipSearchBytes` × `blockBytes`) each on a noisy one.
        func compare() -> Result {
            let syncLength = min(16, sent.count)
            guard var offset: Int = received.firstRange(of: Array(sent.prefix(syncLength))) ?? nearestSync() else {
                return Result(offset: nil, bytesCompared: 0, bitErrors: 0, bytesMissing: sent.count)
            }
            let start = offset
            var errors = 0, compared = 0, searches = 0
            var slips: [Slip] = []
            var i = 0
            func countErrors(_ range: Range<Int>, at offset: Int) {
                for k in range where offset + k < received.count {
                    errors += (sent[k] ^ received[offset + k]).nonzeroBitCount
                    compared += 1
                }
            }
            while i < sent.count {
                let length = min(Self.blockBytes, sent.count - i)
                guard offset + i >= 0, offset + i + length <= received.count else { break }
                if matches(at: i, length: length, offset: offset) {
                    compared += length
                    i += length
                    continue
                }
                if searches < Self.slipSearches {
                    searches += 1
                    if let (resumeAt, shift) = resynchronisation(from: i, offset: offset) {
                        // Bytes before the resumption were lost (the stream jumped back) or
                        // straddle inserted bytes (compared where they were due).
                        if shift > 0 { countErrors(i..<resumeAt, at: offset) }
                        slips.append(Slip(atByte: resumeAt, shift: shift))
                        offset += shift
                        i = resumeAt
                        continue
                    }
                }
                countErrors(i..<(i + length), at: offset)
                i += length
            }
            return Result(offset: start, bytesCompared: compared, bitErrors: errors,
                          bytesMissing: sent.count - compared, slips: slips)
        }

        static let blockBytes = 32
        /// How far (bytes, either way) and how far ahead (blocks) a slip is looked for.
        static let slipSearchBytes = 1600
        static let slipLookaheadBlocks = 10
        static let slipSearches = 4

        private func matches(at i: Int, length: Int, offset: Int) -> Bool {
            for k in 0..<length where sent[i + k] != received[offset + i + k] { return false }
            return true
        }

        /// The first block at or after `i` (within ``slipLookaheadBlocks``) that matches exactly
        /// after a jump, and the smallest such jump.
        private func resynchronisation(from i: Int, offset: Int) -> (Int, Int)? {
            for block in 0..<Self.slipLookaheadBlocks {
                let at = i + block * Self.blockBytes
                guard at + Self.blockBytes <= sent.count else { return nil }
                for distance in 1...Self.slipSearchBytes {
                    for shift in [distance, -distance] {
                        let first = offset + shift + at
                        if first >= 0, first + Self.blockBytes <= received.count,
                           matches(at: at, length: Self.blockBytes, offset: offset + shift) {
                            return (at, shift)
                        }
                    }
                }
            }
            return nil
        }

        private func nearestSync() -> Int? {
            let window = min(32, sent.count)
            guard window > 0, received.count >= window else { return nil }
            var best: (offset: Int, bits: Int)?
            for offset in 0...(received.count - window) {
                var bits = 0
                for i in 0..<window { bits += (sent[i] ^ received[offset + i]).nonzeroBitCount }
                if best == nil || bits < best!.bits { best = (offset, bits) }
            }
            guard let best, best.bits <= window * 8 / 4 else { return nil }
            return best.offset
        }
    }

    /// Sends `frames` frames on every lane at once and returns the lanes with what arrived.
    ///
    /// Every channel may be the source of one lane and the sink of another (both directions of
    /// a pair run together).
    func run(_ lanes: [Lane], frames: Int, seed: UInt32) async throws -> [Lane] {
        var lanes = lanes
        var bySource: [Int: Int] = [:], bySink: [Int: Int] = [:]
        var channels: [Int: any TelephonyChannel] = [:]
        for (i, lane) in lanes.enumerated() {
            if lane.source.audioFormat == .linear16 { try lane.source.setAudioFormat(.aLaw) }
            if lane.sink.audioFormat == .linear16 { try lane.sink.setAudioFormat(.aLaw) }
            var generator = PatternGenerator(seed: seed &+ UInt32(i) &* 7919)
            lanes[i].sent = (0..<(frames * lane.source.audioFormat.bytesPerFrame)).map { _ in generator.next() }
            bySource[lane.source.info.number] = i
            bySink[lane.sink.info.number] = i
            channels[lane.source.info.number] = lane.source
            channels[lane.sink.info.number] = lane.sink
        }
        var buffer = [UInt8](repeating: 0, count: 2 * AudioFrame.samples)
        func write(_ lane: Int) throws {
            let bytes = lanes[lane].source.audioFormat.bytesPerFrame
            let start = lanes[lane].next * bytes
            let result: ChannelIO
            if start + bytes <= lanes[lane].sent.count {
                result = try lanes[lane].sent.withUnsafeBytes { try lanes[lane].source.write(UnsafeRawBufferPointer(rebasing: $0[start..<(start + bytes)])) }
            } else {
                let idle = [UInt8](repeating: 0xD5, count: bytes)
                result = try idle.withUnsafeBytes { try lanes[lane].source.write($0) }
            }
            if case .bytes = result { lanes[lane].next += 1 }
        }
        /// Reads every waiting frame of `channel`; returns how many frames came.
        func read(_ number: Int, keep: Bool) throws -> Int {
            guard let channel = channels[number] else { return 0 }
            var count = 0
            while true {
                let result = try buffer.withUnsafeMutableBytes { try channel.read(into: $0) }
                switch result {
                case .bytes(let n):
                    if keep, let lane = bySink[number] { lanes[lane].received += buffer[0..<n] }
                    count += 1
                case .eventPending:
                    _ = try channel.drainEvents()
                case .wouldBlock:
                    return count
                }
            }
        }
        let numbers = channels.keys.sorted()
        for number in numbers { _ = try read(number, keep: false) }
        // Prime each transmit queue as deep as the channel takes (up to `primingFrames`), so a
        // harness that wakes late does not leave the card without a frame to send.
        for lane in lanes.indices {
            for _ in 0..<Self.primingFrames {
                let before = lanes[lane].next
                try write(lane)
                if lanes[lane].next == before { break }
            }
        }
        for _ in 0..<(frames + Self.primingFrames + 10) {
            try await advance(1)
            for number in numbers {
                let got = try read(number, keep: true)
                if let lane = bySource[number] { for _ in 0..<got { try write(lane) } }
            }
        }
        return lanes
    }

    /// Frames queued ahead on each channel before the test starts (as deep as the channel takes,
    /// at most this many): on DAHDI's eight 20 ms buffers this leaves 120 ms of slack for a
    /// harness that is descheduled; the simulated card takes four.
    static let primingFrames = 6
}
