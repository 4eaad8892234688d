@testable import CDR
import Foundation
import Testing

@Suite struct CallRecordStoreTests {
    func loadedStore(_ db: TemporaryDatabase) throws -> SQLiteCallRecordStore {
        let store = try SQLiteCallRecordStore(path: db.path)
        try store.inTransaction { () throws(CDRError) in
            for event in knownEvents { try store.insert(event) }
            for record in knownRecords { try store.insert(record) }
        }
        return store
    }

    @Test func totalsMatchTheHandComputedFigures() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let report = try loadedStore(db).report(ReportQuery(serviceLevelThreshold: .seconds(20)))
        let t = report.totals
        #expect(t.offered == 7 && t.answered == 5 && t.abandoned == 1 && t.overflowed == 1 && t.completed == 5)
        // Answered within 20 s: calls 1 (10 s), 5 (5 s), 7 (2 s) of 7 waits ended.
        #expect(t.answeredWithinThreshold == 3)
        #expect(t.serviceLevel == 3.0 / 7.0)
        #expect(t.abandonRate == 1.0 / 7.0)
        // (10 + 30 + 5 + 25 + 2) / 5
        #expect(t.averageSpeedOfAnswer == 14.4)
        // (120 + 200 + 100 + 300 + 60) / 5
        #expect(t.averageHandleTime == 156)
        #expect(report.calls == { var c = CallFigures(); c.calls = 8; c.answered = 7; c.billableSeconds = 2800; return c }())
    }

    @Test func oneQueueAndAnotherThreshold() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let store = try loadedStore(db)
        let support = try store.report(ReportQuery(queue: "support")).totals
        #expect(support.offered == 6 && support.answered == 4 && support.answeredWithinThreshold == 2)
        #expect(support.serviceLevel == 2.0 / 6.0)
        #expect(support.averageSpeedOfAnswer == 17.5)       // (10 + 30 + 5 + 25) / 4
        #expect(support.averageHandleTime == 180)           // (120 + 200 + 100 + 300) / 4
        #expect(support.abandonRate == 1.0 / 6.0)
        // Within 30 s: calls 1, 2, 5, 6, 7.
        #expect(try store.report(ReportQuery(serviceLevelThreshold: .seconds(30))).totals.answeredWithinThreshold == 5)
        let sales = try store.report(ReportQuery(queue: "sales"))
        #expect(sales.calls.calls == 1 && sales.calls.billableSeconds == 700)
        #expect(try store.report(ReportQuery(queue: "nobody")).totals.serviceLevel == nil)
    }

    @Test func perAgent() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let agents = try loadedStore(db).report(ReportQuery()).agents
        #expect(agents.map(\.agent) == [1, 2, 3, 4])
        #expect(agents.map(\.answered) == [2, 1, 1, 1])
        #expect(agents.map(\.noAnswer) == [0, 1, 0, 0])
        #expect(agents.map(\.totalTalk) == [220, 300, 200, 60])
        #expect(agents.map(\.averageHandleTime) == [110, 300, 200, 60])
    }

    @Test func perHourAndPeriod() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let store = try loadedStore(db)
        let hours = try store.report(ReportQuery(from: base)).hours
        #expect(hours.map(\.start) == [base, time(3600)])
        #expect(hours[0].figures.offered == 4 && hours[0].figures.answered == 2)
        #expect(hours[0].figures.serviceLevel == 0.25)              // call 1 of calls 1–4
        #expect(hours[0].figures.averageSpeedOfAnswer == 20)        // (10 + 30) / 2
        #expect(hours[1].figures.serviceLevel == 2.0 / 3.0)         // calls 5 and 7 of 5–7
        #expect(hours[1].figures.averageHandleTime == 460.0 / 3.0)
        // Local hours half an hour off UTC move the boundaries, not the events.
        let shifted = try store.report(ReportQuery(from: base, utcOffset: .seconds(1800))).hours
        #expect(shifted.map(\.start) == [time(-1800), time(1800)])
        #expect(shifted.map(\.figures.offered) == [4, 3])
        // From the second hour on.
        let later = try store.report(ReportQuery(from: time(3600), to: time(7200)))
        #expect(later.totals.offered == 3 && later.totals.abandoned == 0)
        #expect(later.agents.map(\.agent) == [1, 2, 4])
        #expect(later.calls.calls == 3 && later.calls.billableSeconds == 1800)   // calls 5, 6, 7
    }

    @Test func recordsKeepEveryField() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        let store = try SQLiteCallRecordStore(path: db.path)
        let record = CallDetailRecord(
            callID: 42, direction: .inbound, channel: "DAHDI/5", ani: "13800138000", dnis: "95555",
            start: time(0), answer: time(2.25), end: time(95.75), endReason: "agent hung up", q850Cause: 16,
            ivrPath: ["main", "balance", "agent"], queue: "support", agent: 3, waitTime: .seconds(12.5),
            talkTime: .seconds(60))
        #expect(record.billableSeconds == 93 && record.duration == .seconds(95.75) && record.lastMenu == "agent")
        try store.insert(record)
        let row = try store.database.prepare("""
            SELECT call_id, direction, channel, ani, dnis, start, answer, "end", duration, billable, disposition,
                   end_reason, q850_cause, ivr_path, last_menu, queue, agent, wait, talk FROM calls
            """)
        #expect(try row.step())
        #expect(row.int(0) == 42 && row.text(1) == "inbound" && row.text(2) == "DAHDI/5")
        #expect(row.text(3) == "13800138000" && row.text(4) == "95555")
        #expect(row.double(5) == 1_800_000_000 && row.double(6) == 1_800_000_002.25 && row.double(7) == 1_800_000_095.75)
        #expect(row.double(8) == 95.75 && row.int(9) == 93 && row.text(10) == "ANSWERED")
        #expect(row.text(11) == "agent hung up" && row.int(12) == 16)
        #expect(row.text(13) == "main > balance > agent" && row.text(14) == "agent")
        #expect(row.text(15) == "support" && row.int(16) == 3 && row.double(17) == 12.5 && row.double(18) == 60)
        #expect(try !row.step())
        let unanswered = CallDetailRecord(callID: 1, channel: "x", start: time(0), end: time(9))
        #expect(unanswered.disposition == .noAnswer && unanswered.billableSeconds == 0)
    }

    @Test func reopeningKeepsTheDataAndBadFilesAreRefused() throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        do {
            let store = try SQLiteCallRecordStore(path: db.path)
            try store.insert(knownEvents[1])
        }
        #expect(try SQLiteCallRecordStore(path: db.path).report(ReportQuery()).totals.offered == 1)
        let junk = db.folder.appendingPathComponent("junk.db").path
        try Data("this is not a database, just text long enough to have a header".utf8).write(to: URL(fileURLWithPath: junk))
        #expect(throws: CDRError.self) { _ = try SQLiteCallRecordStore(path: junk) }
        #expect(throws: CDRError.self) { _ = try SQLiteCallRecordStore(path: db.folder.appendingPathComponent("no/such/dir.db").path) }
    }
}
