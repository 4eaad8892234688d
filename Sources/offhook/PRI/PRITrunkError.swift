import PRI

/// A PRI span that is not what its configuration says, or a simulated exchange's call that
/// cannot take audio.
struct PRITrunkError: Error, CustomStringConvertible {
    var span: Int
    var call: CallID?

    var description: String {
        if let call { "simulated exchange span \(span): \(call) has no B-channel (not proceeding yet, or over)" }
        else { "span \(span) is not a digital span with a D-channel on the card" }
    }
}
