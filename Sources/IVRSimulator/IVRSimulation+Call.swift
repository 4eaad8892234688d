import CallEngine
import IVRRuntime

extension IVRSimulation {
    /// Places one call and walks it with `keys` until it ends.
    ///
    /// The caller presses the next group `keyDelay` after the script starts listening (during a
    /// barge-in prompt when the prompt is longer than that, else while the first-key timer
    /// runs), and never while earlier keys are still going down the line. When the script
    /// records, the caller speaks for `messageLength`, then presses the next group (for a
    /// recording ended by a key) or, with no keys left, hangs up. With `fax`, the caller is a fax
    /// machine sending its calling tone once the line is answered. With no keys left the caller
    /// stays on the line in silence (or, with `hangsUpWhenKeysRunOut`, hangs up when the script
    /// next listens); after `timeLimit` it hangs up.
    public func call(keys: KeyScript = KeyScript(groups: []), fax: Bool = false) async -> SimulatedCallResult {
        if !callRecords.isEmpty { await run(frames: 50) }   // the line settles after the last call
        let firstFrame = card.frameCount
        let knownRecords = callRecords.count
        ring()
        var caller = ScriptedCaller(keys: keys, keyDelay: options.keyDelay, messageLength: options.messageLength,
                                    hangsUpWhenKeysRunOut: options.hangsUpWhenKeysRunOut)
        var hungUp = false
        var answeredAt: Duration?
        let limit = Self.frames(options.timeLimit)
        while callRecords.count == knownRecords {
            await step()
            let frame = card.frameCount
            if frame - firstFrame > limit + 500 { break }   // the engine never ended the call
            if !hungUp, frame - firstFrame >= limit {
                hangUp()
                hungUp = true
            }
            guard !hungUp, line.isAnswered else { continue }
            if answeredAt == nil {
                answeredAt = now
                if fax { sendFaxTone() }
            }
            switch caller.next(seeing: probe.snapshot, isSending: line.isSending, at: now) {
            case .press(let keys)?: press(keys)
            case .speak(let duration)?: speak(for: duration)
            case .hangUp?:
                hangUp()
                hungUp = true
            case nil: break
            }
        }
        // Let a recording cut short by the hang-up be written.
        await run(frames: 5)
        if !hungUp && line.isAnswered { hangUp() }
        let snapshot = probe.snapshot
        return SimulatedCallResult(caller: options.caller, ringingAt: .milliseconds(20 * firstFrame), answeredAt: answeredAt,
                                   transcript: snapshot.transcript, recordings: snapshot.recordings,
                                   record: callRecords.count > knownRecords ? callRecords.last : nil,
                                   keysLeft: caller.keysLeft)
    }
}
