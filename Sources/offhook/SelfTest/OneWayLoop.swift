import DAHDI
import TelephonyCore

/// Writes `payload` on one channel, frame by frame, while collecting what another receives.
enum OneWayLoop {
    /// Returns every byte `reader` received from the first write until shortly after the last.
    static func run(writer: DAHDIChannel, payload: [UInt8], reader: DAHDIChannel) throws -> [UInt8] {
        let writeFrame = writer.audioFormat.bytesPerFrame, readFrame = reader.audioFormat.bytesPerFrame
        try writer.flush(events: false)
        try reader.flush(events: false)
        let poller = try DAHDIPoller(channels: [writer, reader], interest: [.readable, .writable, .event])
        poller.setInterest([.writable, .event], at: 0)
        var received: [UInt8] = []
        var block = [UInt8](repeating: 0, count: readFrame)
        var sent = 0
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(payload.count / writeFrame * 20) + .seconds(3)
        var doneAt: ContinuousClock.Instant?
        while clock.now < deadline {
            try poller.wait(timeout: .milliseconds(50))
            if poller.readiness(at: 0).contains(.event) { _ = try writer.drainEvents() }
            if poller.readiness(at: 1).contains(.event) { _ = try reader.drainEvents() }
            // Fill every free buffer and drain every full one, so a late wake-up catches up.
            while poller.readiness(at: 0).contains(.writable), sent < payload.count {
                let end = min(sent + writeFrame, payload.count)
                let result = try payload.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0[sent..<end])) }
                guard case .bytes(let n) = result else { break }
                sent += n
                if sent >= payload.count { doneAt = clock.now; poller.setInterest([.event], at: 0) }
            }
            while poller.readiness(at: 1).contains(.readable) {
                let result = try block.withUnsafeMutableBytes { try reader.read(into: $0) }
                guard case .bytes(let n) = result else { break }
                received += block[0..<n]
            }
            if let doneAt, clock.now - doneAt > .milliseconds(400) { break }
        }
        return received
    }
}
