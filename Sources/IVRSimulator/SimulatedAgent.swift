import SimulatedCard

/// An agent at a desk phone on an FXS port of the simulated card: answers a ringing phone after
/// a while, talks, and hangs up.
struct SimulatedAgent {
    let phone: VirtualPhone
    private var rungSince: Duration?
    private var answeredAt: Duration?
    /// How many calls the agent answered.
    private(set) var answered = 0

    init(phone: VirtualPhone) { self.phone = phone }

    mutating func step(at now: Duration, answerAfter delay: Duration, talkFor talk: Duration) {
        if let answeredAt {
            if now - answeredAt >= talk {
                phone.hangUp()
                self.answeredAt = nil
            }
            return
        }
        guard phone.isBeingRung else {
            rungSince = nil
            return
        }
        let since = rungSince ?? now
        rungSince = since
        if now - since >= delay {
            phone.lift()
            answeredAt = now
            rungSince = nil
            answered += 1
        }
    }
}
