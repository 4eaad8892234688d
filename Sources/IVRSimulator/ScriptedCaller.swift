import IVRRuntime

/// A caller pressing a ``KeyScript``: decides, from what the script running the call shows
/// (``SessionSnapshot``), when to press the next group of keys, when to speak a message and when
/// to hang up. Sans-I/O: the owner performs the actions on the line, on whatever clock it runs
/// (the simulator's manual clock, or the daemon's real one for `offhook call`).
///
/// The caller presses the next group `keyDelay` after the script starts listening (during a
/// barge-in prompt when the prompt is longer than that, else while the first-key timer runs),
/// and never while earlier keys are still going down the line. When the script records, the
/// caller speaks for `messageLength`, then presses the next group (for a recording ended by a
/// key) or, with no keys left, hangs up. With no keys left when the script listens, the caller
/// stays on the line in silence, or with `hangsUpWhenKeysRunOut` hangs up.
public struct ScriptedCaller: Sendable {
    /// What the caller does next on the line.
    public enum Action: Sendable, Hashable {
        /// Press these keys (DTMF down the line).
        case press(String)
        /// Speak for this long (the script records).
        case speak(Duration)
        /// Hang up.
        case hangUp
    }

    /// The groups not pressed yet.
    public private(set) var keysLeft: [KeyScript.Group]
    let keyDelay: Duration
    let messageLength: Duration
    let hangsUpWhenKeysRunOut: Bool
    private var answeredWait: KeyWait?
    private var lastWait: KeyWait?
    private var waitSeen: (wait: KeyWait, at: Duration)?
    private var recordingStage = RecordingStage.speaking

    /// What the caller does next while the script records.
    private enum RecordingStage { case speaking, answering, done }

    public init(keys: KeyScript, keyDelay: Duration = .milliseconds(500), messageLength: Duration = .seconds(3),
                hangsUpWhenKeysRunOut: Bool = false) {
        keysLeft = keys.groups
        self.keyDelay = keyDelay
        self.messageLength = messageLength
        self.hangsUpWhenKeysRunOut = hangsUpWhenKeysRunOut
    }

    /// What to do at `now`, seeing `snapshot`, on an answered line; `nil`: nothing yet. Call it
    /// every frame (or so) while the call is answered and the caller has not hung up.
    ///
    /// - Parameter isSending: whether the caller's earlier keys or speech are still going out.
    public mutating func next(seeing snapshot: SessionSnapshot, isSending: Bool, at now: Duration) -> Action? {
        guard !isSending else { return nil }
        let previous = lastWait
        lastWait = snapshot.keyWait
        if let wait = snapshot.keyWait, wait.phase != .collecting {
            guard wait != answeredWait else { return nil }
            // A prompt the caller let play out becomes the first-key timer of the same wait.
            if let answered = answeredWait, previous == answered, answered.phase == .prompting,
               wait.phase == .waiting, wait.block == answered.block {
                answeredWait = wait
                return nil
            }
            if waitSeen?.wait != wait { waitSeen = (wait, now) }
            guard let seen = waitSeen, now - seen.at >= keyDelay else { return nil }
            if keysLeft.isEmpty { return hangsUpWhenKeysRunOut ? .hangUp : nil }
            answeredWait = wait
            if case .keys(let keys) = keysLeft.removeFirst() { return .press(keys) }
            return nil
        } else if snapshot.isRecording {
            switch recordingStage {
            case .speaking:
                recordingStage = .answering
                return .speak(messageLength)
            case .answering:
                recordingStage = .done
                guard !keysLeft.isEmpty else { return .hangUp }
                if case .keys(let keys) = keysLeft.removeFirst() { return .press(keys) }
                return nil
            case .done:
                return nil
            }
        } else {
            recordingStage = .speaking
            return nil
        }
    }
}
