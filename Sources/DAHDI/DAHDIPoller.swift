#if canImport(Glibc)
import Glibc
#endif

/// What a channel is ready for after ``DAHDIPoller/wait(timeout:)``.
public struct ChannelReadiness: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A frame can be read (`POLLIN`).
    public static let readable = ChannelReadiness(rawValue: 1 << 0)
    /// A frame can be written (`POLLOUT`).
    public static let writable = ChannelReadiness(rawValue: 1 << 1)
    /// An event waits for `nextEvent()` (`POLLPRI`).
    public static let event = ChannelReadiness(rawValue: 1 << 2)
    /// The channel failed or went away (`POLLERR`, `POLLHUP`, `POLLNVAL`).
    public static let failed = ChannelReadiness(rawValue: 1 << 3)
}

/// Waits on many DAHDI channels at once, so one thread can serve a whole span.
///
/// Built once per set of channels; `wait` then reuses its `pollfd` array, so the media loop
/// allocates nothing. Not thread-safe: it belongs to the thread that runs the loop.
///
/// ```swift
/// let poller = try DAHDIPoller(channels: span, interest: [.readable, .event])
/// while running {
///     _ = try poller.wait(timeout: .milliseconds(100))
///     for index in poller.indices where poller.readiness(at: index).contains(.readable) { … }
/// }
/// ```
public final class DAHDIPoller {
    private var descriptors: [pollfd]
    /// The channels, in the order given.
    public let channels: [DAHDIChannel]

    /// Creates a poller over `channels`, each watched for `interest` (events are always watched).
    public convenience init(channels: [DAHDIChannel], interest: ChannelReadiness = [.readable, .event]) throws(DAHDIError) {
        var descriptors: [Int32] = []
        descriptors.reserveCapacity(channels.count)
        for channel in channels { descriptors.append(try channel.fileDescriptor("poll")) }
        self.init(descriptors: descriptors, channels: channels, interest: interest)
    }

    /// Creates a poller over raw descriptors (`channels` may be empty: the unit tests poll pipes).
    init(descriptors: [Int32], channels: [DAHDIChannel], interest: ChannelReadiness) {
        self.descriptors = descriptors.map { pollfd(fd: $0, events: Self.events(for: interest), revents: 0) }
        self.channels = channels
    }

    private static func events(for interest: ChannelReadiness) -> Int16 {
        var events = Int16(POLLPRI)
        if interest.contains(.readable) { events |= Int16(POLLIN) }
        if interest.contains(.writable) { events |= Int16(POLLOUT) }
        return events
    }

    /// The positions of the watched descriptors, for iterating with ``readiness(at:)``.
    public var indices: Range<Int> { 0..<descriptors.count }

    /// Changes what channel `index` is watched for (e.g. writable only while there is audio to send).
    public func setInterest(_ interest: ChannelReadiness, at index: Int) {
        descriptors[index].events = Self.events(for: interest)
    }

    /// Waits until a channel is ready or `timeout` passes; returns how many channels are ready.
    ///
    /// - Complexity: one `poll(2)` over all channels; does not allocate.
    @discardableResult
    public func wait(timeout: Duration) throws(DAHDIError) -> Int {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let count = descriptors.count
        let result = try descriptors.withUnsafeMutableBufferPointer { (buffer) throws(DAHDIError) in
            try systemCall("poll") { Int(poll(buffer.baseAddress, nfds_t(count), milliseconds)) }
        }
        if case .done(let ready) = result { return ready }
        return 0
    }

    /// What channel `index` was ready for at the last ``wait(timeout:)``.
    public func readiness(at index: Int) -> ChannelReadiness {
        let returned = Int32(descriptors[index].revents)
        var readiness: ChannelReadiness = []
        if returned & Int32(POLLIN) != 0 { readiness.insert(.readable) }
        if returned & Int32(POLLOUT) != 0 { readiness.insert(.writable) }
        if returned & Int32(POLLPRI) != 0 { readiness.insert(.event) }
        if returned & Int32(POLLERR | POLLHUP | POLLNVAL) != 0 { readiness.insert(.failed) }
        return readiness
    }
}
