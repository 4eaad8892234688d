import Foundation

/// What happened on one call, written when it ends: who called whom on which channel, when it
/// was answered and ended, how it ended, where it went in the IVR and whether an agent took it.
///
/// Field names follow Asterisk's CDR where one exists (`src` = ANI, `dst` = DNIS, `billsec`,
/// `disposition`). Times are wall-clock `Date`s; durations derive from them.
public struct CallDetailRecord: Sendable, Hashable, Codable {
    /// Which way the call went.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        case inbound, outbound
    }

    /// How the call ended, as Asterisk's `disposition`.
    public enum Disposition: String, Sendable, Hashable, Codable, CaseIterable {
        /// Answered (by the IVR or a person).
        case answered = "ANSWERED"
        /// Never answered.
        case noAnswer = "NO ANSWER"
        /// The called party was busy.
        case busy = "BUSY"
        /// The call failed (congestion, network, error).
        case failed = "FAILED"
    }

    /// The call engine's call number.
    public var callID: Int
    public var direction: Direction
    /// The channel's name, e.g. `SIM/1-3` or `DAHDI/5`.
    public var channel: String
    /// The calling number (caller ID / ANI); empty when withheld or unknown.
    public var ani: String
    /// The called number (DNIS); empty on analog lines.
    public var dnis: String
    /// When the call started (seized or rang).
    public var start: Date
    /// When it was answered, if it was.
    public var answer: Date?
    /// When it ended.
    public var end: Date
    public var disposition: Disposition
    /// Why it ended, in words: "caller hung up", "agent hung up", "overflow", "script hangup"…
    public var endReason: String?
    /// The ITU-T Q.850 cause value (16 normal clearing, 17 busy, 19 no answer, …).
    public var q850Cause: Int?
    /// The IVR menus the caller went through, in order.
    public var ivrPath: [String]
    /// The queue the caller was put in, if any.
    public var queue: String?
    /// The agent (FXS channel number) who took the call, if any.
    public var agent: Int?
    /// How long the caller waited in the queue.
    public var waitTime: Duration?
    /// How long the caller talked to the agent.
    public var talkTime: Duration?

    public init(callID: Int, direction: Direction = .inbound, channel: String, ani: String = "", dnis: String = "",
                start: Date, answer: Date? = nil, end: Date, disposition: Disposition? = nil,
                endReason: String? = nil, q850Cause: Int? = nil, ivrPath: [String] = [], queue: String? = nil,
                agent: Int? = nil, waitTime: Duration? = nil, talkTime: Duration? = nil) {
        self.callID = callID
        self.direction = direction
        self.channel = channel
        self.ani = ani
        self.dnis = dnis
        self.start = start
        self.answer = answer
        self.end = end
        self.disposition = disposition ?? (answer == nil ? .noAnswer : .answered)
        self.endReason = endReason
        self.q850Cause = q850Cause
        self.ivrPath = ivrPath
        self.queue = queue
        self.agent = agent
        self.waitTime = waitTime
        self.talkTime = talkTime
    }

    /// The last IVR menu the caller was in.
    public var lastMenu: String? { ivrPath.last }

    /// From start to end.
    public var duration: Duration { .seconds(end.timeIntervalSince(start)) }

    /// Whole seconds from answer to end (Asterisk's `billsec`); 0 when unanswered.
    public var billableSeconds: Int {
        guard let answer else { return 0 }
        return max(0, Int(end.timeIntervalSince(answer).rounded(.down)))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
