import DAHDI
import TelephonyCore

/// Sends a distinct pattern out of every channel of every pair at once and looks for it, whole
/// and unchanged, in what the other channel of the pair received; one poll loop serves them all.
enum AudioLoop {
    struct Outcome {
        var writer: Int
        var reader: Int
        var bytes: Int
        /// Where the pattern starts in what the reader received, or `nil` when it never arrived intact.
        var offset: Int?
        var received: Int
    }

    static func run(pairs: [(DAHDIChannel, DAHDIChannel)], bytes count: Int) throws -> [Outcome] {
        let channels = pairs.flatMap { [$0.0, $0.1] }
        let peer = Dictionary(uniqueKeysWithValues: pairs.flatMap { [($0.0.info.number, $0.1.info.number),
                                                                     ($0.1.info.number, $0.0.info.number)] })
        let index = Dictionary(uniqueKeysWithValues: channels.enumerated().map { ($1.info.number, $0) })
        let frame = channels.first?.audioFormat.bytesPerFrame ?? 160
        let transmit = channels.map { LoopbackPattern.bytes(count: count, seed: UInt32($0.info.number)) }
        var sent = Array(repeating: 0, count: channels.count)
        var received = Array(repeating: [UInt8](), count: channels.count)
        for i in received.indices { received[i].reserveCapacity(count + 8000 * 3) }
        var block = [UInt8](repeating: 0, count: frame)
        for channel in channels { try channel.flush(events: false) }

        let poller = try DAHDIPoller(channels: channels, interest: [.readable, .writable, .event])
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(count / 8) + .seconds(3)
        var doneAt: ContinuousClock.Instant?
        while clock.now < deadline {
            try poller.wait(timeout: .milliseconds(50))
            for i in poller.indices {
                let ready = poller.readiness(at: i)
                let channel = channels[i]
                if ready.contains(.event) { _ = try channel.drainEvents() }
                // Fill every free buffer and drain every full one, so a late wake-up catches up.
                writing: while ready.contains(.writable), sent[i] < count {
                    let end = min(sent[i] + frame, count)
                    let result = try transmit[i].withUnsafeBytes { try channel.write(UnsafeRawBufferPointer(rebasing: $0[sent[i]..<end])) }
                    switch result {
                    case .bytes(let n): sent[i] += n
                    case .eventPending: _ = try channel.drainEvents()
                    case .wouldBlock: break writing
                    }
                    if sent[i] >= count { poller.setInterest([.readable, .event], at: i) }
                }
                reading: while ready.contains(.readable) {
                    let result = try block.withUnsafeMutableBytes { try channel.read(into: $0) }
                    switch result {
                    case .bytes(let n): if received[i].count < count + 8000 * 3 { received[i] += block[0..<n] }
                    case .eventPending: _ = try channel.drainEvents()
                    case .wouldBlock: break reading
                    }
                }
            }
            if doneAt == nil, sent.allSatisfy({ $0 >= count }) { doneAt = clock.now }
            if let doneAt, clock.now - doneAt > .milliseconds(400) { break }   // let the last frames cross
        }
        return channels.map { writer in
            let w = index[writer.info.number]!, r = index[peer[writer.info.number]!]!
            return Outcome(writer: writer.info.number, reader: channels[r].info.number, bytes: count,
                           offset: LoopbackPattern.firstIndex(of: transmit[w], in: received[r]),
                           received: received[r].count)
        }
    }
}
