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
            var isBitExact: Bool { offset != nil && bitErrors == 0 && bytesMissing == 0 }
        }

        /// Synchronises on the first bytes sent and counts bit errors from there.
        ///
        /// An exact match of the first 16 bytes is looked for first; failing that (a path that
        /// corrupts every byte), the offset where the first 32 bytes differ in fewest bits is
        /// taken if no more than a quarter of their bits differ, so the errors can be counted.
        func compare() -> Result {
            let syncLength = min(16, sent.count)
            guard let offset: Int = received.firstRange(of: Array(sent.prefix(syncLength))) ?? nearestSync() else {
                return Result(offset: nil, bytesCompared: 0, bitErrors: 0, bytesMissing: sent.count)
            }
            let count = min(sent.count, received.count - offset)
            var errors = 0
            for i in 0..<count { errors += (sent[i] ^ received[offset + i]).nonzeroBitCount }
            return Result(offset: offset, bytesCompared: count, bitErrors: errors, bytesMissing: sent.count - count)
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
        for lane in lanes.indices {
            try write(lane)
            try write(lane)
        }
        for _ in 0..<(frames + 12) {
            try await advance(1)
            for number in numbers {
                let got = try read(number, keep: true)
                if let lane = bySource[number] { for _ in 0..<got { try write(lane) } }
            }
        }
        return lanes
    }
}
