import CDR
import Foundation
import Logging

/// 2027-01-15 08:00:00 UTC: a whole hour, so hourly buckets start at known instants.
let base = Date(timeIntervalSince1970: 1_800_000_000)

func time(_ seconds: Double) -> Date { base.addingTimeInterval(seconds) }

let quietLogger = Logger(label: "cdr-tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// A fresh database file in a private temporary folder; removed by `cleanUp()`.
struct TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("calls.db").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdr-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// The queue history the report tests compute by hand (seconds after `base`; threshold 20 s):
///
/// | call | queue   | joined | outcome                         | wait | talk |
/// |------|---------|--------|---------------------------------|------|------|
/// | 1    | support | 0      | agent 1 answers at 10           | 10   | 120  |
/// | 2    | support | 100    | agent 2 no answer, agent 3 at 130 | 30 | 200  |
/// | 3    | support | 200    | abandoned at 245                | 45   |      |
/// | 4    | support | 300    | overflowed at 420 (max-wait)    | 120  |      |
/// | 5    | support | 3700   | agent 1 answers at 3705         | 5    | 100  |
/// | 6    | support | 3800   | agent 2 answers at 3825         | 25   | 300  |
/// | 7    | sales   | 3900   | agent 4 answers at 3902         | 2    | 60   |
///
/// Agent 1 logs in at -60 (before the period) and pauses at 4000.
let knownEvents: [QueueEvent] = [
    QueueEvent(time: time(-60), kind: .agentLogin, agent: 1),
    QueueEvent(time: time(0), kind: .enqueued, callID: 1, queue: "support", detail: "5550001"),
    QueueEvent(time: time(0), kind: .offered, callID: 1, queue: "support", agent: 1),
    QueueEvent(time: time(10), kind: .answered, callID: 1, queue: "support", agent: 1, wait: .seconds(10)),
    QueueEvent(time: time(130), kind: .completed, callID: 1, queue: "support", agent: 1, talk: .seconds(120)),
    QueueEvent(time: time(100), kind: .enqueued, callID: 2, queue: "support"),
    QueueEvent(time: time(100), kind: .offered, callID: 2, queue: "support", agent: 2),
    QueueEvent(time: time(115), kind: .noAnswer, callID: 2, queue: "support", agent: 2),
    QueueEvent(time: time(115), kind: .offered, callID: 2, queue: "support", agent: 3),
    QueueEvent(time: time(130), kind: .answered, callID: 2, queue: "support", agent: 3, wait: .seconds(30)),
    QueueEvent(time: time(330), kind: .completed, callID: 2, queue: "support", agent: 3, talk: .seconds(200)),
    QueueEvent(time: time(200), kind: .enqueued, callID: 3, queue: "support"),
    QueueEvent(time: time(245), kind: .abandoned, callID: 3, queue: "support", wait: .seconds(45), detail: "position 1"),
    QueueEvent(time: time(300), kind: .enqueued, callID: 4, queue: "support"),
    QueueEvent(time: time(420), kind: .overflowed, callID: 4, queue: "support", wait: .seconds(120), detail: "max-wait"),
    QueueEvent(time: time(3700), kind: .enqueued, callID: 5, queue: "support"),
    QueueEvent(time: time(3705), kind: .answered, callID: 5, queue: "support", agent: 1, wait: .seconds(5)),
    QueueEvent(time: time(3805), kind: .completed, callID: 5, queue: "support", agent: 1, talk: .seconds(100)),
    QueueEvent(time: time(3800), kind: .enqueued, callID: 6, queue: "support"),
    QueueEvent(time: time(3825), kind: .answered, callID: 6, queue: "support", agent: 2, wait: .seconds(25)),
    QueueEvent(time: time(4125), kind: .completed, callID: 6, queue: "support", agent: 2, talk: .seconds(300)),
    QueueEvent(time: time(3900), kind: .enqueued, callID: 7, queue: "sales"),
    QueueEvent(time: time(3902), kind: .answered, callID: 7, queue: "sales", agent: 4, wait: .seconds(2)),
    QueueEvent(time: time(3962), kind: .completed, callID: 7, queue: "sales", agent: 4, talk: .seconds(60)),
    QueueEvent(time: time(4000), kind: .agentPause, agent: 1, detail: "lunch"),
]

/// Call records for calls 1–7 (each starts 20 s before it joined its queue, is answered by the
/// IVR 1.5 s later and has 100 × k + 0.9 s after answer, so k × 100 billable seconds), and
/// call 8, never answered.
let knownRecords: [CallDetailRecord] = {
    let joined: [Double] = [0, 100, 200, 300, 3700, 3800, 3900]
    var records = (1...7).map { k in
        let start = time(joined[k - 1] - 20)
        let answer = start.addingTimeInterval(1.5)
        return CallDetailRecord(callID: k, channel: "SIM/1-\(k)", ani: "555000\(k)", dnis: "4000", start: start,
                                answer: answer, end: answer.addingTimeInterval(Double(100 * k) + 0.9),
                                endReason: "caller hung up", q850Cause: 16, ivrPath: ["main", "service"],
                                queue: k == 7 ? "sales" : "support")
    }
    records.append(CallDetailRecord(callID: 8, channel: "SIM/1-8", ani: "", start: time(500), end: time(530),
                                    endReason: "caller hung up", q850Cause: 19))
    return records
}()
