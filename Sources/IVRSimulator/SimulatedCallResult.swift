import CallEngine
import Foundation
import IVRRuntime

/// One simulated call: what the script did (its transcript), where the call ended, the call
/// record the engine wrote, and the recordings left.
public struct SimulatedCallResult: Sendable {
    public var caller: String
    /// When the line started ringing and when the port answered, on the card's clock.
    public var ringingAt: Duration
    public var answeredAt: Duration?
    public var transcript: IVRTranscript
    /// Messages the script recorded (WAV files).
    public var recordings: [String]
    /// The call record, or `nil` if the engine never ended the call.
    public var record: Call?
    /// Key groups the call ended before pressing.
    public var keysLeft: [KeyScript.Group]

    public init(caller: String, ringingAt: Duration, answeredAt: Duration?, transcript: IVRTranscript, recordings: [String],
                record: Call?, keysLeft: [KeyScript.Group]) {
        self.caller = caller
        self.ringingAt = ringingAt
        self.answeredAt = answeredAt
        self.transcript = transcript
        self.recordings = recordings
        self.record = record
        self.keysLeft = keysLeft
    }

    /// Where the call ended, in words: queue, agent, transfer, voicemail, fax or hang-up.
    public var outcome: String {
        let queueResults = transcript.events.compactMap { if case .queueResult(let r) = $0 { r } else { nil } }
        let transfer = transcript.events.compactMap { if case .transferred(let t) = $0 { t } else { nil } }.last
        let queue = transcript.events.compactMap { if case .queued(let q) = $0 { q } else { nil } }.last
        var parts: [String] = []
        switch transcript.endReason {
        case .transferred?: parts.append("transferred (\(transfer ?? "?"))")
        case .fax?: parts.append("fax: handed to the fax receiver")
        case .agent?: parts.append("agent: the call ended with the agent")
        case .hangup?: parts.append("hang-up by the script")
        case .callerHungUp?: parts.append("the caller hung up")
        case .retriesExhausted?: parts.append("hang-up: retries exhausted")
        case .deadEnd?: parts.append("hang-up: the script ran off the end of a step")
        case .scriptError?: parts.append("hang-up: script error")
        case nil: parts.append(answeredAt == nil ? "not answered" : "still in the script")
        }
        if let queue { parts.append("queue \(queue): \(queueResults.last ?? "waiting")") }
        if !recordings.isEmpty { parts.append("voicemail: \(recordings.count) message\(recordings.count == 1 ? "" : "s") recorded") }
        return parts.joined(separator: "; ")
    }

    /// The transcript with a header (the call) and a footer (where it ended, the call record,
    /// the recordings): what `offhook simulate` prints.
    public var text: String {
        var out = "call from \(caller.isEmpty ? "(withheld)" : caller)"
        if let answeredAt {
            out += ", answered after \(Self.seconds(answeredAt - ringingAt)) s\n"
        } else {
            out += ": not answered\n"
        }
        return out + transcript.text + footer
    }

    /// Where the call ended, the call record and the recordings (the end of ``text``).
    public var footer: String {
        var out = "ended: \(outcome)\n"
        if let record {
            let agent = record.agentPort.map { ", queue \(record.queue ?? "-"), agent on port \($0)" } ?? ""
            out += "call record: \(record.id), caller '\(record.caller)', route \(record.route ?? "-")\(agent), "
                + "talk \(Self.seconds(record.talkTime)) s, \(record.endReason.map { "\($0)" } ?? "-")\n"
        }
        for path in recordings { out += "recording: \(path)\n" }
        if !keysLeft.isEmpty { out += "keys not pressed: \(KeyScript(groups: keysLeft))\n" }
        return out
    }

    /// The same as JSON: `{"caller", "answeredAfterMs", "transcript": {"entries", "endReason"},
    /// "outcome", "callRecord", "recordings", "keysNotPressed"}`.
    public var json: String {
        struct Record: Encodable {
            var id: String, caller: String, route: String?, queue: String?, agentPort: Int?, talkMs: Int, endReason: String?
        }
        struct Document: Encodable {
            var caller: String
            var answeredAfterMs: Int?
            var transcript: IVRTranscript
            var outcome: String
            var callRecord: Record?
            var recordings: [String]
            var keysNotPressed: [String]
        }
        let document = Document(
            caller: caller, answeredAfterMs: answeredAt.map { Self.milliseconds($0 - ringingAt) }, transcript: transcript,
            outcome: outcome,
            callRecord: record.map { Record(id: "\($0.id)", caller: $0.caller, route: $0.route, queue: $0.queue, agentPort: $0.agentPort,
                                            talkMs: Self.milliseconds($0.talkTime),
                                            endReason: $0.endReason.map { "\($0)" }) },
            recordings: recordings, keysNotPressed: keysLeft.map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `duration` in whole milliseconds.
    public static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// `duration` in seconds with two decimals, e.g. `4.02`.
    public static func seconds(_ duration: Duration) -> String {
        let ms = milliseconds(duration)
        return "\(ms / 1000).\(String(format: "%02d", (ms % 1000) / 10))"
    }
}
