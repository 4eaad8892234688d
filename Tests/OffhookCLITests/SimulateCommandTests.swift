import Foundation
import Testing

/// `offhook simulate`, run as a user runs it, against the example scripts.
@Suite struct SimulateCommandTests {
    @Test func keysWalkTheHotlineAndTheTranscriptIsPrinted() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "1 1 12345678# *", "--caller-id", "13912345678"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("call from 13912345678, answered after ") == true)
        for expected in ["] key 1", "] account = 12345678", "] lookup 12345678 in accounts: found", "] choice *", "] end: hangup"] {
            #expect(lines.contains { $0.hasSuffix(expected) }, "\(expected) in\n\(result.stdout)")
        }
        #expect(lines.contains("ended: hang-up by the script"))
        #expect(lines.contains { $0.hasPrefix("call record: call-1, caller '13912345678', route simulate") })
    }

    @Test func jsonCarriesTheSameTranscript() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "2 0", "--agents", "1", "--json",
                                           "--at", "2026-11-23 10:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let transcript = try #require(json["transcript"] as? [String: Any])
        let entries = try #require(transcript["entries"] as? [[String: Any]])
        #expect(entries.contains { $0["kind"] as? String == "language" && $0["detail"] as? String == "en" })
        #expect(entries.contains { $0["kind"] as? String == "queue-result" && ($0["detail"] as? String)?.contains("answered by") == true })
        let record = try #require(json["callRecord"] as? [String: Any])
        #expect(record["agentPort"] as? Int == 1)
        #expect(record["queue"] as? String == "service")
    }

    @Test func aCallerWaitingForAnAgentHearsTheirPlace() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "2 0 1", "--agents", "1",
                                             "--agent-answer-after", "5", "--announce-every", "3", "--at", "2026-11-23 10:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let announced = lines.filter { $0.hasSuffix("] announce en/queue/you-are-caller en/digits/1 en/queue/thanks-for-holding") }
        #expect(announced.count == 1, "one announcement, 3 s into a 5 s wait:\n\(result.stdout)")
        #expect(result.stdout.contains("queue service: answered by"))
    }

    @Test func aFaxMachineReachesTheFaxBranch() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/fax.ivr", "--fax"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("] fax tone\n"))
        #expect(result.stdout.contains("ended: fax: handed to the fax receiver\n"))
    }

    @Test func aBrokenScriptIsRefusedWithLocatedErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-simulate-broken-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/broken.ivr"
        try "menu main\n  press 1 goto nowhere\n  on no-input hangup\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try OffhookProcess.run(["simulate", path, "--keys", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aKeyThatIsNotAKeyIsAValidationError() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "1 9x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'x' in '9x' is not a key"))
    }

    @Test func aLanguageTheScriptLacksIsRefused() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "1", "--language", "fr"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'fr' is not one of the script's languages (zh, en)"))
    }

    @Test func aLeadingSilenceLetsTheLanguageMenuTimeOut() throws {
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "- 9", "--language", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("] no-input (1)") })
        #expect(lines.contains { $0.hasSuffix("] choice 9") })
    }

    @Test func outsideOfficeHoursTheCallerLeavesAMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-simulate-closed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try OffhookProcess.run(["simulate", "IVRScripts/hotline.ivr", "--keys", "1 0", "--at", "2026-11-22 15:00",
                                             "--recordings", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("] play zh/agent/closed\n"))
        #expect(result.stdout.contains("voicemail: 1 message recorded"))
        #expect(result.stdout.contains("\nrecording: \(folder)/call-1-"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.count == 1, "the message is a file")
    }
}
