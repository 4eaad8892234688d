import TelephonyCore

/// The state of a virtual device (a phone or an exchange line) at the far end of an analog port.
struct DeviceState: Sendable {
    /// The line it is on; `nil` once the port was cabled to another port instead.
    var line: Int?
    /// Line events the device noticed, oldest first.
    var events: [LineEvent] = []
    /// G.711 bytes (µ-law) the device will send, one frame per tick.
    var outgoing: [UInt8] = []
    var outgoingIndex = 0
    /// Audio (e.g. caller ID) to send once the frame `pendingCallerIDAt` comes, on hook or not.
    var pendingCallerID: [UInt8] = []
    var pendingCallerIDAt: Int?
    /// A tone sent in a loop once the outgoing queue is empty (a busy tone after disconnect).
    var loopTone: [UInt8] = []
    /// The exchange's dial service for calls the port places (exchange lines only; `nil`: none).
    var dialService: ExchangeDialState?
    /// G.711 bytes (µ-law) the device heard while the loop was up, newest last.
    var heard: [UInt8] = []
    /// The most the device keeps of what it heard (a minute).
    static let heardLimit = 60 * AudioFrame.sampleRate

    /// Copies the next outgoing frame; `false` when there is nothing to send.
    mutating func takeFrame(into frame: UnsafeMutableRawBufferPointer) -> Bool {
        if outgoingIndex >= outgoing.count, !loopTone.isEmpty {
            outgoing.removeAll(keepingCapacity: true)
            outgoingIndex = 0
            while outgoing.count < frame.count { outgoing.append(contentsOf: loopTone) }
        }
        guard outgoingIndex < outgoing.count else { return false }
        let n = min(frame.count, outgoing.count - outgoingIndex)
        outgoing.withUnsafeBytes { source in
            frame.baseAddress!.copyMemory(from: source.baseAddress! + outgoingIndex, byteCount: n)
        }
        if n < frame.count {
            (frame.baseAddress! + n).initializeMemory(as: UInt8.self, repeating: 0xFF, count: frame.count - n)
        }
        outgoingIndex += n
        if outgoingIndex == outgoing.count {
            outgoing.removeAll(keepingCapacity: true)
            outgoingIndex = 0
        } else if !loopTone.isEmpty && outgoingIndex > 0 {
            // Keep the looped tone's phase: drop what was sent, top up with the tone.
            outgoing.removeFirst(outgoingIndex)
            outgoingIndex = 0
            while outgoing.count < frame.count { outgoing.append(contentsOf: loopTone) }
        }
        return true
    }

    /// Records one frame heard on the line (silence is skipped while the device is idle).
    mutating func hear(_ frame: [UInt8]) {
        heard.append(contentsOf: frame)
        if heard.count > Self.heardLimit + AudioFrame.sampleRate {
            heard.removeFirst(heard.count - Self.heardLimit)
        }
    }
}
