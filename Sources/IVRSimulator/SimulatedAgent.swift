import SimulatedCard

/// An agent at a desk phone on an FXS port of the simulated card: answers a ringing phone after
/// a while, talks, and hangs up. Drive it with ``step(at:answerAfter:talkFor:)`` every frame
/// or so, on the card's clock.
public struct SimulatedAgent: Sendable {
    public let phone: VirtualPhone
    private var rungSince: Duration?
    private var answeredAt: Duration?
    private var lastRung: Duration?
    /// How many calls the agent answered.
    public private(set) var answered = 0

    public init(phone: VirtualPhone) { self.phone = phone }

    /// Whether the agent is talking on a call they answered.
    public var isTalking: Bool { answeredAt != nil }

    /// Looks at the phone at `now`: answers once it has rung for `delay`, hangs up after `talk`.
    public mutating func step(at now: Duration, answerAfter delay: Duration, talkFor talk: Duration) {
        if let answeredAt {
            if now - answeredAt >= talk {
                phone.hangUp()
                self.answeredAt = nil
            }
            return
        }
        // The phone rings in bursts; between them it is still ringing, until a silence longer
        // than any cadence's says the call went elsewhere.
        if phone.isBeingRung {
            rungSince = rungSince ?? now
            lastRung = now
        } else if let lastRung, now - lastRung > .seconds(6) {
            rungSince = nil
            self.lastRung = nil
        }
        if let rungSince, now - rungSince >= delay {
            phone.lift()
            answeredAt = now
            self.rungSince = nil
            lastRung = nil
            answered += 1
        }
    }
}
