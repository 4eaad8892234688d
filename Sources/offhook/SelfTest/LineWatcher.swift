import DAHDI
import TelephonyCore

/// Watches DAHDI channels for line events, discarding their audio, for the self-test.
enum LineWatcher {
    /// Polls `channels` for up to `timeout`, collecting each channel's events (and discarding
    /// received audio) until `done` says the events so far are enough.
    ///
    /// Returns the events per channel, in the order of `channels`.
    static func watch(_ channels: [DAHDIChannel], for timeout: Duration,
                      until done: ([[LineEvent]]) -> Bool = { _ in false }) throws -> [[LineEvent]] {
        let poller = try DAHDIPoller(channels: channels, interest: [.readable, .event])
        var events = Array(repeating: [LineEvent](), count: channels.count)
        var scratch = [UInt8](repeating: 0, count: 1024)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            try poller.wait(timeout: .milliseconds(20))
            for index in poller.indices {
                let ready = poller.readiness(at: index)
                let channel = channels[index]
                if ready.contains(.event) {
                    while let event = try channel.nextEvent() { events[index].append(event) }
                }
                if ready.contains(.readable) {
                    let result = try scratch.withUnsafeMutableBytes { try channel.read(into: $0) }
                    if result == .eventPending {
                        while let event = try channel.nextEvent() { events[index].append(event) }
                    }
                }
            }
            if done(events) { break }
        }
        return events
    }

    /// A line for the report: what each channel saw.
    static func describe(_ channels: [DAHDIChannel], _ events: [[LineEvent]]) -> String {
        zip(channels, events).map { channel, seen in
            "channel \(channel.info.number) (\(channel.info.signalling)) saw: "
                + (seen.isEmpty ? "nothing" : seen.map(\.description).joined(separator: ", "))
        }.joined(separator: "\n")
    }
}
