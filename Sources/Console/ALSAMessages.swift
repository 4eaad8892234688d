import CALSAShim

/// ALSA's own diagnostics (e.g. "cannot find card '0'"), which it prints to stderr by default.
public enum ALSAMessages {
    /// Drops ALSA's messages; errors still reach the caller as thrown ``TelephonyCore/ChannelError``s.
    /// ALSA's handler is process-wide, so call this once at start-up.
    public static func silence() {
        _ = calsa_set_message_handler(nil)
    }
}
