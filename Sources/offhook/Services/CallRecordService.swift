import ACD
import CallEngine
import CDR
import Foundation
import Logging
import ServiceLifecycle

/// Writes call records and queue events to the SQLite file `path` on its own task: the call
/// path only yields them to ``CDRWriter``. Listed first in the service group so it stops last,
/// after the call service has ended its calls, and drains everything queued before it returns.
struct CallRecordService: Service {
    let writer: CDRWriter
    let path: String
    let logger: Logger

    func run() async throws {
        let store = try SQLiteCallRecordStore(path: path)
        logger.info("call records: \(path)")
        let writer = self.writer
        let written = await withGracefulShutdownHandler {
            await writer.run(store: store)
        } onGracefulShutdown: {
            writer.finish()
        }
        logger.info("\(written) call record(s) and queue event(s) written to \(path)")
    }
}

/// Turns what the call loop sees (the ACD's events, finished calls) into call records and
/// queue events for the writer, on the wall clock.
struct CallRecorder {
    let writer: CDRWriter
    /// The wall-clock time at card time `cardOrigin`.
    let wallOrigin: Date
    let cardOrigin: Duration
    /// Wait and talk of calls that went through a queue, until their call record is written.
    private var queueTimes: [Int: (wait: Duration?, talk: Duration?)] = [:]

    init(writer: CDRWriter, cardTime: Duration, now: Date = Date()) {
        self.writer = writer
        self.wallOrigin = now
        self.cardOrigin = cardTime
    }

    /// The wall-clock time of card time `time`.
    func wall(_ time: Duration) -> Date {
        wallOrigin.addingTimeInterval(Double((time - cardOrigin).components.seconds)
                                      + Double((time - cardOrigin).components.attoseconds) / 1e18)
    }

    /// Records an ACD event that happened at card time `time` (within the tick that took it).
    mutating func record(_ event: CallDistributor.Event, at time: Duration) {
        switch event {
        case .answered(let call, _, _, let wait), .abandoned(let call, _, _, let wait), .overflowed(let call, _, _, let wait):
            queueTimes[call, default: (nil, nil)].wait = wait
        case .completed(let call, _, _, let talk):
            queueTimes[call, default: (nil, nil)].talk = talk
        default: break
        }
        writer.record(QueueEvent(event, at: wall(time)))
    }

    /// Records a finished call.
    mutating func record(_ call: Call) {
        let times = queueTimes.removeValue(forKey: call.id.rawValue)
        writer.record(CallDetailRecord(call, wall: wall, wait: times?.wait, talk: times?.talk))
    }
}

extension CallDetailRecord {
    /// The record of a finished call; `wall` maps the card's clock to wall-clock time.
    init(_ call: Call, wall: (Duration) -> Date, wait: Duration?, talk: Duration?) {
        let disposition: Disposition
        let cause: Int
        switch call.endReason {
        case .noRoute?: (disposition, cause) = (.failed, 1)            // Q.850 1: unallocated number
        case .channelFailed?: (disposition, cause) = (.failed, 41)     // Q.850 41: temporary failure
        case .transferFailed? where call.direction == .outbound:
            (disposition, cause) = (.failed, 41)                       // the outgoing leg never got through
        default: (disposition, cause) = (call.answeredAt == nil ? .noAnswer : .answered, 16)   // normal clearing
        }
        self.init(callID: call.id.rawValue, direction: call.direction == .inbound ? .inbound : .outbound,
                  channel: call.channel.name, ani: call.caller, dnis: call.dialled, start: wall(call.startedAt),
                  answer: call.answeredAt.map(wall), end: wall(call.endedAt ?? call.startedAt), disposition: disposition,
                  endReason: Self.endReason(of: call), q850Cause: cause, ivrPath: call.ivrPath,
                  queue: call.queue, agent: call.agentPort, waitTime: wait, talkTime: talk)
    }

    /// Why the call ended, in words, saying where a transferred call went when the reason
    /// does not: "far end hung up (loop-current drop); transferred to extension 801".
    static func endReason(of call: Call) -> String? {
        guard let reason = call.endReason.map({ "\($0)" }) else { return nil }
        guard let target = call.transferredTo, !reason.contains(target) else { return reason }
        return "\(reason); transferred to \(target)"
    }
}
