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
        var remaining = keys.groups[...]
        var answeredWait: KeyWait?
        var lastWait: KeyWait?
        var waitSeen: (wait: KeyWait, frame: Int)?
        var recordingStage = RecordingStage.speaking
        var hungUp = false
        var answeredAt: Duration?
        let delay = Self.frames(options.keyDelay)
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
            let snapshot = probe.snapshot
            guard !line.isSending else { continue }
            let previous = lastWait
            lastWait = snapshot.keyWait
            if let wait = snapshot.keyWait, wait.phase != .collecting {
                guard wait != answeredWait else { continue }
                // A prompt the caller let play out becomes the first-key timer of the same wait.
                if let answered = answeredWait, previous == answered, answered.phase == .prompting,
                   wait.phase == .waiting, wait.block == answered.block {
                    answeredWait = wait
                    continue
                }
                if waitSeen?.wait != wait { waitSeen = (wait, frame) }
                guard frame - waitSeen!.frame >= delay else { continue }
                if remaining.isEmpty {
                    if options.hangsUpWhenKeysRunOut {
                        hangUp()
                        hungUp = true
                    }
                    continue
                }
                answeredWait = wait
                if case .keys(let keys) = remaining.removeFirst() { press(keys) }
            } else if snapshot.isRecording {
                switch recordingStage {
                case .speaking:
                    recordingStage = .answering
                    speak(for: options.messageLength)
                case .answering:
                    recordingStage = .done
                    switch remaining.popFirst() {
                    case .keys(let keys)?: press(keys)
                    case .silence?: break
                    case nil:
                        hangUp()
                        hungUp = true
                    }
                case .done:
                    break
                }
            } else {
                recordingStage = .speaking
            }
        }
        // Let a recording cut short by the hang-up be written.
        await run(frames: 5)
        if !hungUp && line.isAnswered { hangUp() }
        let snapshot = probe.snapshot
        return SimulatedCallResult(caller: options.caller, ringingAt: .milliseconds(20 * firstFrame), answeredAt: answeredAt,
                                   transcript: snapshot.transcript, recordings: snapshot.recordings,
                                   record: callRecords.count > knownRecords ? callRecords.last : nil,
                                   keysLeft: Array(remaining))
    }

    /// What the caller does next while the script records.
    private enum RecordingStage { case speaking, answering, done }
}
