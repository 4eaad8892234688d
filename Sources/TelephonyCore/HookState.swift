/// Whether a loop is open or closed, seen from the port's own side.
///
/// On an FXS port this is the phone's hook switch; on an FXO port, whether Offhook holds the line.
/// DAHDI reports it in `struct dahdi_params.rxisoffhook`.
public enum HookState: String, Sendable, Hashable, CustomStringConvertible {
    case onHook = "on-hook"
    case offHook = "off-hook"

    public var description: String { rawValue }
}

/// A hook operation a channel is asked to perform (`DAHDI_HOOK`'s argument).
public enum HookCommand: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `DAHDI_ONHOOK`. FXO port: hang up. FXS port: open the loop (kewlstart disconnect).
    case onHook = 0
    /// `DAHDI_OFFHOOK`. FXO port: seize or answer the line. FXS port: restore loop current.
    case offHook = 1
    /// `DAHDI_WINK`: a short off-hook pulse (E&M and digital lines).
    case wink = 2
    /// `DAHDI_FLASH`: a hook flash (FXO port).
    case flash = 3
    /// `DAHDI_START`: begin a ground-start/E&M seizure.
    case start = 4
    /// `DAHDI_RING`: start ringing with the span's cadence (FXS port).
    case ring = 5
    /// `DAHDI_RINGOFF`: stop ringing (FXS port).
    case ringOff = 6

    public var description: String {
        switch self {
        case .onHook: "on-hook"
        case .offHook: "off-hook"
        case .wink: "wink"
        case .flash: "flash"
        case .start: "start"
        case .ring: "ring"
        case .ringOff: "ring-off"
        }
    }
}
