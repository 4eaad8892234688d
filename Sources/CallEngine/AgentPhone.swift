import Media
import Signalling
import TelephonyCore

/// An FXS port with an agent's phone, in the call engine: its leg, its signalling machine,
/// and the call it is bridged to.
struct AgentPhone {
    let channel: any TelephonyChannel
    let leg: MediaLeg
    var machine: FXSPort
    /// The caller's line this phone is bridged to (or ringing for).
    var call: CallID?
}

/// What an agent's phone tells whoever distributes calls (the ACD).
public enum AgentPhoneEvent: Sendable, Hashable {
    /// The agent dialled a complete number (feature codes such as `*1`).
    case dialled(port: Int, digits: String)
    /// The agent answered the ringing phone.
    case answered(port: Int)
    /// The agent hung up.
    case hungUp(port: Int)
}

extension FXSPort.Configuration {
    /// Settings for a port whose card already tells flashes from hang-ups (DAHDI and the
    /// simulated card report `.flash`, and `.onHook` only after `rxflashtime`): the machine takes
    /// the card's word instead of timing the hook a second time.
    public static func cardDebounced(ringCadence: RingCadence, callerID: FXSPort.CallerIDTiming) -> Self {
        Self(ringCadence: ringCadence, callerID: callerID, hookDebounce: .zero, flashMinimum: .zero,
             flashMaximum: .milliseconds(20))
    }
}
