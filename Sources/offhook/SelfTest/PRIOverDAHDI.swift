import DAHDI
import PRI
import TelephonyCore

/// An ISDN PRI call through libpri between the two spans' D-channels (span 1 user side,
/// span 2 network side), over the real DAHDI `dchan` channels.
///
/// libpri reads its descriptor itself and cannot take DAHDI's events (a read answers `ELAST`
/// while one waits), so the D-channels go through `DChannelBridge`, which drains events and
/// carries frames to libpri's sockets; giving libpri the raw descriptor worked in some runs and
/// timed out in others, and is not offered.
enum PRIOverDAHDI {
    /// Runs `BackToBackCallCheck` with `DChannelBridge`s copying frames between the channels
    /// (which handle DAHDI's event-pending reads) and libpri's sockets, pumped every 5 ms.
    static func bridged(card: DAHDICard, user: Int, network: Int) async throws -> BackToBackCallCheck.Result {
        let a = try card.openDAHDIChannel(user), b = try card.openDAHDIChannel(network)
        defer { a.close(); b.close() }
        let userBridge = try DChannelBridge(channel: a), networkBridge = try DChannelBridge(channel: b)
        let pump = Task {
            while !Task.isCancelled {
                _ = try? userBridge.pump()
                _ = try? networkBridge.pump()
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        defer { pump.cancel() }
        return try await BackToBackCallCheck.run(network: networkBridge.transport, user: userBridge.transport,
                                                 timeout: .seconds(20))
    }

    /// One line for the report.
    static func describe(_ result: BackToBackCallCheck.Result) -> String {
        "link up \(result.linkUpTime), SETUP->CONNECT \(result.setupTime), clearing \(result.clearingTime); "
            + "B\(result.channel), called \(result.receivedCalledNumber), calling \(result.receivedCallingNumber ?? "-"), "
            + "cause \(result.receivedCause)"
    }
}
