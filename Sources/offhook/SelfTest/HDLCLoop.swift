import DAHDI
import TelephonyCore

/// Sends one HDLC frame on a D-channel and reads it on the other end of the loop.
enum HDLCLoop {
    /// Writes `frame` (plus the two bytes DAHDI fills with the FCS) on `writer`; returns the
    /// payload `reader` got (its read is payload plus two FCS bytes), or `nil` after 2 s.
    static func send(_ frame: [UInt8], from writer: DAHDIChannel, to reader: DAHDIChannel) throws -> [UInt8]? {
        let outgoing = frame + [0, 0]
        let written = try outgoing.withUnsafeBytes { try writer.write($0) }
        guard written == .bytes(outgoing.count) else { return nil }
        let poller = try DAHDIPoller(channels: [reader], interest: [.readable, .event])
        var buffer = [UInt8](repeating: 0, count: 1024)
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            try poller.wait(timeout: .milliseconds(50))
            let result = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            switch result {
            case .bytes(let count) where count >= 2: return Array(buffer[0..<(count - 2)])
            case .eventPending: _ = try reader.drainEvents()
            default: continue
            }
        }
        return nil
    }
}
