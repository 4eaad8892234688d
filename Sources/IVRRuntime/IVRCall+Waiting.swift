/// What a call is waiting for from the caller, for owners that act as the caller
/// (`offhook simulate`, tests): they press keys when the script listens for them.
public struct KeyWait: Sendable, Hashable, CustomStringConvertible {
    /// Where the caller is in the menu's prompt-and-listen cycle.
    public enum Phase: String, Sendable, Hashable {
        /// The menu's prompt is playing; a key stops it (barge-in).
        case prompting
        /// The prompt has ended; the first-key timer runs.
        case waiting
        /// Some keys are in; the between-keys timer runs.
        case collecting
    }

    /// The menu or input listening.
    public var block: String
    public var phase: Phase
    /// Changes every time the menu prompts or starts a timer, so an owner can tell one wait from
    /// the next.
    public var generation: Int

    public var description: String { "\(block) \(phase.rawValue) #\(generation)" }
}

extension IVRCall {
    /// The menu or input listening for keys now, or `nil` when the call is doing anything else.
    public var keyWait: KeyWait? {
        guard case .menu(let menu) = state else { return nil }
        let name = script.blocks[menu.block].name.value
        return switch menu.phase {
        case .prompting(let id): KeyWait(block: name, phase: .prompting, generation: id.rawValue)
        case .waiting(let timer): KeyWait(block: name, phase: .waiting, generation: timer.generation)
        case .collecting(let timer): KeyWait(block: name, phase: .collecting, generation: timer.generation)
        }
    }

    /// Whether a `record` is in progress (the caller is leaving a message).
    public var isRecording: Bool {
        if case .recording = state { true } else { false }
    }
}
