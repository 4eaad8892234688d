import CDR
import Foundation
import Testing

/// `offhook report` on a database of known records, with the figures computed by hand.
///
/// Queue history (seconds after 2027-01-15 08:00 UTC; threshold 20 s):
/// call 1 joins at 0, agent 1 answers at 8 (wait 8), talks 90;
/// call 2 joins at 60, abandons at 100 (wait 40);
/// call 3 joins at 3700, agent 2 lets it ring out at 3715, answers at 3730 (wait 30), talks 60.
/// Totals: 3 offered, 2 answered, 1 abandoned; service level 1/3 (only call 1 within 20 s);
/// abandon rate 1/3; ASA (8 + 30) / 2 = 19 s; AHT (90 + 60) / 2 = 75 s.
/// Billable: 107 + 49 + 99 = 255 s.
@Suite struct ReportCommandTests {
    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    static func makeDatabase() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("calls.db").path
        let store = try SQLiteCallRecordStore(path: path)
        func t(_ s: Double) -> Date { base.addingTimeInterval(s) }
        let events = [
            QueueEvent(time: t(0), kind: .enqueued, callID: 1, queue: "support"),
            QueueEvent(time: t(8), kind: .answered, callID: 1, queue: "support", agent: 1, wait: .seconds(8)),
            QueueEvent(time: t(98), kind: .completed, callID: 1, queue: "support", agent: 1, talk: .seconds(90)),
            QueueEvent(time: t(60), kind: .enqueued, callID: 2, queue: "support"),
            QueueEvent(time: t(100), kind: .abandoned, callID: 2, queue: "support", wait: .seconds(40)),
            QueueEvent(time: t(3700), kind: .enqueued, callID: 3, queue: "support"),
            QueueEvent(time: t(3715), kind: .noAnswer, callID: 3, queue: "support", agent: 2),
            QueueEvent(time: t(3730), kind: .answered, callID: 3, queue: "support", agent: 2, wait: .seconds(30)),
            QueueEvent(time: t(3790), kind: .completed, callID: 3, queue: "support", agent: 2, talk: .seconds(60)),
        ]
        for event in events { try store.insert(event) }
        try store.insert(CallDetailRecord(callID: 1, channel: "SIM/2-1", start: t(-10), answer: t(-9), end: t(98), queue: "support"))
        try store.insert(CallDetailRecord(callID: 2, channel: "SIM/2-2", start: t(50), answer: t(51), end: t(100), queue: "support"))
        try store.insert(CallDetailRecord(callID: 3, channel: "SIM/2-3", start: t(3690), answer: t(3691), end: t(3790), queue: "support"))
        return (folder, path)
    }

    @Test func textReport() throws {
        let db = try Self.makeDatabase()
        defer { try? FileManager.default.removeItem(at: db.folder) }
        let result = try OffhookProcess.run(["report", "--db", db.path, "--utc"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Call records in \(db.path), all time (UTC)
            Calls: 3, answered 3, billable 255 s

            Queue (all)
              Offered                        3
              Answered                       2
              Abandoned                      1  (33.3% of waits ended)
              Overflowed                     0
              Service level              33.3%  (1 of 3 answered within 20 s)
              Average speed of answer   19.0 s
              Average handle time       75.0 s

            Agent  Answered  No answer  Talk (s)  AHT (s)
                1         1          0        90     90.0
                2         1          1        60     60.0

            Hour              Offered  Answered  Abandoned  Service level  ASA (s)
            2027-01-15 08:00        2         1          1          50.0%      8.0
            2027-01-15 09:00        1         1          0           0.0%     30.0

            """)
    }

    @Test func jsonReportForOneHour() throws {
        let db = try Self.makeDatabase()
        defer { try? FileManager.default.removeItem(at: db.folder) }
        let result = try OffhookProcess.run(["report", "--db", db.path, "--utc", "--json",
                                             "--from", "2027-01-15 09:00", "--to", "2027-01-15"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["from"] as? String == "2027-01-15T09:00:00Z")
        #expect(json["to"] as? String == "2027-01-16T00:00:00Z")       // a bare --to day is included
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["offered"] as? Int == 1 && totals["answered"] as? Int == 1)
        #expect(totals["serviceLevel"] as? Double == 0 && totals["averageSpeedOfAnswerSeconds"] as? Double == 30)
        #expect(totals["averageHandleTimeSeconds"] as? Double == 60)
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.map { $0["agent"] as? Int } == [2] && agents.first?["noAnswer"] as? Int == 1)
        let calls = try #require(json["calls"] as? [String: Any])
        #expect(calls["calls"] as? Int == 1 && calls["billableSeconds"] as? Int == 99)
    }

    @Test func badInputIsRefused() throws {
        let db = try Self.makeDatabase()
        defer { try? FileManager.default.removeItem(at: db.folder) }
        let badDate = try OffhookProcess.run(["report", "--db", db.path, "--from", "yesterday"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--from: 'yesterday' is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)"))
        let backwards = try OffhookProcess.run(["report", "--db", db.path, "--from", "2027-01-16", "--to", "2027-01-15"])
        #expect(backwards.status == 64 && backwards.stderr.contains("--from must be before --to"))
        let missing = try OffhookProcess.run(["report", "--db", db.folder.appendingPathComponent("none.db").path])
        #expect(missing.status == 66 && missing.stderr.contains("no call records at"))
    }

    @Test func runWritesItsCallRecordsWhereTold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-run-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("calls.db").path
        let run = try OffhookProcess.run(["run", "--config", "Hardware/simulated/offhook.conf", "--db", path],
                                         interruptAfter: .milliseconds(1500))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 call record(s) and queue event(s) written to \(path)"))
        let report = try OffhookProcess.run(["report", "--db", path, "--utc"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Calls: 0, answered 0, billable 0 s"))
    }
}

/// `offhook queues`: the supervisor's view from the events the daemon writes.
@Suite struct QueuesCommandTests {
    @Test func waitingCallersAndAgents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-queues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("calls.db").path
        let store = try SQLiteCallRecordStore(path: path)
        let base = ReportCommandTests.base
        func t(_ s: Double) -> Date { base.addingTimeInterval(s) }
        for event in [
            QueueEvent(time: t(0), kind: .agentLogin, agent: 1),
            QueueEvent(time: t(0), kind: .agentLogin, agent: 2),
            QueueEvent(time: t(1), kind: .agentPause, agent: 2),
            QueueEvent(time: t(10), kind: .enqueued, callID: 7, queue: "service", detail: "13800138000"),
            QueueEvent(time: t(10), kind: .offered, callID: 7, queue: "service", agent: 1),
            QueueEvent(time: t(14), kind: .answered, callID: 7, queue: "service", agent: 1, wait: .seconds(4)),
            QueueEvent(time: t(20), kind: .enqueued, callID: 8, queue: "service"),
        ] { try store.insert(event) }
        let result = try OffhookProcess.run(["queues", "--db", path, "--now", "2027-01-15T08:01:25Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            service: 1 waiting, longest 1:05
              1. call 8    -             waiting 1:05

            Agent  Status            State            For
            1      available         in call 7        1:11
            2      on break          idle             -

            """)
        let missing = try OffhookProcess.run(["queues", "--db", folder.appendingPathComponent("none.db").path])
        #expect(missing.status == 66)
    }
}
