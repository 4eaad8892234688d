import Logging
import ServiceLifecycle
import TelephonyCore

/// Watches every channel's state and logs each change (hook, ringing, open or closed) and span
/// alarm, the daemon's live view of the card.
struct ChannelMonitorService: Service {
    let card: any TelephonyCard
    let logger: Logger
    var interval: Duration = .milliseconds(200)

    func run() async throws {
        var previous = Dictionary(uniqueKeysWithValues: try card.channelStatus().map { ($0.info.number, $0) })
        var alarms = Dictionary(uniqueKeysWithValues: try card.spans().map { ($0.number, $0.alarms) })
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: interval)
            for status in try card.channelStatus() {
                let before = previous[status.info.number]
                if before != status {
                    // Analog ports at info; a span's B- and D-channels opening and closing (dozens
                    // at once) only at debug.
                    logger.log(level: status.hookState == nil ? .debug : .info, "\(status.info.name): \(Self.summary(status))",
                               metadata: ["channel": "\(status.info.number)"])
                    previous[status.info.number] = status
                }
            }
            for span in try card.spans() where alarms[span.number] != span.alarms {
                logger.notice("span \(span.number) \(span.name): alarms \(span.alarms)")
                alarms[span.number] = span.alarms
            }
        }
    }

    static func summary(_ status: ChannelStatus) -> String {
        [status.hookState?.rawValue, status.isRinging ? "ringing" : nil, status.isOpen ? "open" : "closed"]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
