import Foundation
import Testing

/// `offhook loopback`, run as an installer runs it, on the simulated loopback bench.
@Suite struct LoopbackCommandTests {
    /// Runs `offhook` on a thread of its own, so waiting for it does not hold one of the few
    /// threads of Swift's cooperative pool that the other tests (libpri's event streams) need.
    private func offhook(_ arguments: [String]) async throws -> OffhookProcess.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try OffhookProcess.run(arguments) })
            }
        }
    }

    @Test func benchPassesEveryCheckWithMeasuredValues() async throws {
        let result = try await offhook(["loopback", "--json", "--config", "Hardware/loopback/offhook.conf"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["passed"] as? Bool == true)
        let checks = try #require(json?["checks"] as? [[String: Any]])
        #expect(Set(checks.compactMap { $0["pair"] as? String }) == ["1↔3", "2↔4", "span 2↔3"])
        let level = try #require(checks.first { $0["pair"] as? String == "1↔3" && $0["check"] as? String == "level 1004 Hz FXS→FXO" })
        let measured = try #require(level["measured"] as? [[String: Any]])
        let loss = try #require(measured.first { $0["name"] as? String == "loss" }?["value"] as? Double)
        #expect(abs(loss) < 0.2)
    }

    @Test func aPairWiredOtherwiseFailsWithWhatItMeasured() async throws {
        // The bench cables FXS 1 to FXO 3; asking for 1:4 is a pair wired wrongly.
        let result = try await offhook(["loopback", "--config", "Hardware/loopback/offhook.conf", "--pair", "1:4"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("FAIL    1↔4   off-hook across") && $0.contains("saw no off-hook in 200 ms") })
        #expect(lines.contains { $0.hasPrefix("FAIL    1↔4   level 1004 Hz FXS→FXO") && $0.contains("received below -90 dBm0") })
        #expect(lines.last?.hasPrefix("loopback simulated: ") == true)
    }

    @Test func badPairSyntaxIsRefused() async throws {
        let result = try await offhook(["loopback", "--config", "Hardware/loopback/offhook.conf", "--pair", "1-3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--pair '1-3': expected FXS:FXO channel numbers like 1:3, or two spans like span2:span3"))
    }
}
