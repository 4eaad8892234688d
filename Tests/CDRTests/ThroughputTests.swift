import ACD
@testable import CDR
import Foundation
import Logging
import Testing

/// Throughput figures, measured on demand: `OFFHOOK_BENCH=1 swift test --filter ThroughputTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OFFHOOK_BENCH"] == "1"))
struct ThroughputTests {
    @Test func writerAndDistributorRates() async throws {
        let db = try TemporaryDatabase()
        defer { db.cleanUp() }
        // Call records through the writer into SQLite (WAL, synchronous=NORMAL, one insert per entry).
        let writer = CDRWriter(logger: quietLogger)
        let count = 5_000
        let clock = ContinuousClock()
        let yield = clock.measure {
            for i in 0..<count {
                writer.record(CallDetailRecord(callID: i, channel: "SIM/1-1", ani: "5550000", start: base, answer: base,
                                               end: base.addingTimeInterval(60), queue: "support", agent: 1))
            }
        }
        writer.finish()
        let store = try SQLiteCallRecordStore(path: db.path)
        let drain = await clock.measure { await writer.run(store: store) }
        print("CDRWriter: \(count) records yielded in \(yield) (\(yield / count) each); written in \(drain) (\(Int(Double(count) / drain.seconds)) records/s)")

        // The distributor with 200 callers waiting and 100 agents: cost of one enqueue and one advance.
        let t0 = ContinuousClock.now
        let ports = Array(1...100)
        var acd = try CallDistributor(queues: [.init(name: "q", maxWait: nil)], agents: ports.map { Agent(port: $0) },
                                      tiers: ports.map { Tier(queue: "q", agent: $0) }, logger: quietLogger)
        for port in ports { _ = acd.agentDialled(port: port, digits: "*1", at: t0) }
        for port in ports { _ = try acd.setStatus(.onBreak(reason: nil), ofAgent: port, at: t0) }
        for call in 0..<200 { _ = try acd.enqueue(call: call, callerID: nil, queue: "q", at: t0 + .milliseconds(call)) }
        var sink = 0
        let enqueue = clock.measure {
            for call in 200..<300 { sink += (try? acd.enqueue(call: call, callerID: nil, queue: "q", at: t0 + .seconds(1)))?.count ?? 0 }
        }
        let advance = clock.measure {
            for step in 0..<100 { sink += acd.advance(to: t0 + .seconds(1) + .milliseconds(20 * step)).count }
        }
        print("CallDistributor (200–300 waiting, 100 agents on break): enqueue \(enqueue / 100), advance \(advance / 100) (\(sink) actions)")
        #expect(sink > 0)
    }
}
