import TelephonyCore

/// An error from the DAHDI kernel interface: which operation failed, and the `errno` it gave.
///
/// `operation` names the ioctl or system call (`DAHDI_SPECIFY`, `read`), so a failure reads the
/// same as it would in chan_dahdi's logs. More codes may be added; match on the static members.
public struct DAHDIError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case noSuchChannel = "no such channel"
        case noSuchSpan = "no such span"
        case noDevice = "DAHDI is not loaded (no /dev/dahdi)"
        case busy = "channel is already open"
        case closed = "channel is closed"
        case invalidArgument = "invalid argument"
        case system = "system call failed"
    }

    private var code: Code
    /// The ioctl or system call that failed, e.g. `DAHDI_HOOK`.
    public var operation: String
    /// The `errno` the kernel returned, when the failure came from a system call.
    public var errno: Int32?
    /// The channel or span number involved, when known.
    public var number: Int?

    private init(_ code: Code, operation: String, errno: Int32?, number: Int?) {
        self.code = code
        self.operation = operation
        self.errno = errno
        self.number = number
    }

    /// A system call failed with `errno`.
    public static func system(_ operation: String, errno: Int32, number: Int? = nil) -> Self {
        Self(.system, operation: operation, errno: errno, number: number)
    }
    /// The channel does not exist or is not configured (`DAHDI_SPECIFY` gave `ENXIO`/`EINVAL`).
    public static func noSuchChannel(_ channel: Int, operation: String, errno: Int32? = nil) -> Self {
        Self(.noSuchChannel, operation: operation, errno: errno, number: channel)
    }
    /// The span does not exist (`DAHDI_SPANSTAT` gave `EINVAL`).
    public static func noSuchSpan(_ span: Int, operation: String, errno: Int32? = nil) -> Self {
        Self(.noSuchSpan, operation: operation, errno: errno, number: span)
    }
    /// `/dev/dahdi` is missing: the kernel modules are not loaded.
    public static func noDevice(_ operation: String, errno: Int32) -> Self {
        Self(.noDevice, operation: operation, errno: errno, number: nil)
    }
    /// Another process holds the channel (`EBUSY`).
    public static func busy(_ channel: Int, operation: String) -> Self {
        Self(.busy, operation: operation, errno: EBUSYValue, number: channel)
    }
    /// The channel was closed before this call.
    public static func closed(_ channel: Int, operation: String) -> Self {
        Self(.closed, operation: operation, errno: nil, number: channel)
    }
    /// An argument is out of range; checked before any system call.
    public static func invalidArgument(_ operation: String, number: Int? = nil) -> Self {
        Self(.invalidArgument, operation: operation, errno: nil, number: number)
    }

    /// Whether two errors are of the same kind, ignoring operation and errno.
    public func isSameKind(as other: DAHDIError) -> Bool { code == other.code }

    public var description: String {
        var text = "\(operation): \(code.rawValue)"
        if let number { text += " (\(code == .noSuchSpan ? "span" : "channel") \(number))" }
        if let errno { text += " (errno \(errno): \(errnoName(errno)))" }
        return text
    }

    /// The same failure in the port protocol's terms.
    public var channelError: ChannelError {
        let mapped: ChannelError.Code = switch code {
        case .noSuchChannel: .noSuchChannel
        case .noSuchSpan: .noSuchSpan
        case .noDevice: .noSuchChannel
        case .busy: .busy
        case .closed: .closed
        case .invalidArgument: .invalidArgument
        case .system: errno == ENOTTYValue || errno == ENOSYSValue ? .unsupported : .system
        }
        return ChannelError(mapped, operation: operation, errno: errno,
                            channel: code == .noSuchSpan ? nil : number)
    }
}
