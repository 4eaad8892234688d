import Foundation
import Testing

/// `offhook pri-loop`, run as an installer runs it.
@Suite struct PRILoopCommandTests {
    @Test(arguments: ["simulated", "socketpair"])
    func callPassesWithMeasuredTimes(over: String) throws {
        let result = try OffhookProcess.run(["pri-loop", "--over", over, "--json", "--called", "95588", "--calling", "8001"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["passed"] as? Bool == true)
        #expect(json["calledNumber"] as? String == "95588")
        #expect(json["callingNumber"] as? String == "8001")
        #expect(json["cause"] as? Int == 16)
        #expect((json["setupMS"] as? Double ?? -1) > 0)
        #expect((over == "simulated") == (json["cardFrames"] != nil))
    }

    @Test func tableShowsPassLines() throws {
        let result = try OffhookProcess.run(["pri-loop", "--switchtype", "national"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "PRI back-to-back call (national, simulated E1 spans 1 and 2; wall-clock times)")
        #expect(lines.dropFirst().prefix(3).allSatisfy { $0.hasPrefix("PASS  ") })
        #expect(lines[3].hasSuffix("cause 16 (normal call clearing)"))
    }

    @Test func badArgumentsAreRefused() throws {
        let result = try OffhookProcess.run(["pri-loop", "--switchtype", "euro"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown switch type 'euro'"))
        let digits = try OffhookProcess.run(["pri-loop", "--called", "12a"])
        #expect(digits.status == 64)
        #expect(digits.stderr.contains("'12a' is not a number"))
    }
}
