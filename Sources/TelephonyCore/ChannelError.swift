/// An error from a channel or card operation.
///
/// Carries what was being done (`operation`), and the `errno` when the kernel said no.
public struct ChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure; more may be added.
    public enum Code: String, Sendable, Hashable {
        case noSuchChannel = "no such channel"
        case noSuchSpan = "no such span"
        case closed = "channel is closed"
        case busy = "channel is already open"
        case unsupported = "operation not supported on this channel"
        case invalidArgument = "invalid argument"
        case system = "system call failed"
    }

    public var code: Code
    /// The operation that failed, e.g. `DAHDI_HOOK` or `setHook(.ring)`.
    public var operation: String
    /// The `errno` value, when the failure came from the kernel.
    public var errno: Int32?
    /// The channel, when known.
    public var channel: Int?

    public init(_ code: Code, operation: String, errno: Int32? = nil, channel: Int? = nil) {
        self.code = code
        self.operation = operation
        self.errno = errno
        self.channel = channel
    }

    public var description: String {
        var text = "\(operation): \(code.rawValue)"
        if let channel { text += " (channel \(channel))" }
        if let errno { text += " (errno \(errno))" }
        return text
    }
}
