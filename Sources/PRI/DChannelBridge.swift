import Glibc
import TelephonyCore

/// Carries HDLC frames between a D-channel `TelephonyChannel` that has no descriptor to poll
/// (the simulated card's timeslot 16) and a socket that a `DChannel` runs on.
///
/// The frame format is the same on both sides (payload plus two FCS bytes), so frames are
/// copied unchanged. The owner calls ``pump()`` once per card tick (for example from
/// `SimulatedCard.onTick`); a real DAHDI `dchan` descriptor needs no bridge.
///
/// ```swift
/// let bridge = try DChannelBridge(channel: try card.openChannel(16))
/// let net = try DChannel(transport: bridge.transport, configuration: .init(side: .network))
/// card.onTick { _ in _ = try? bridge.pump() }
/// ```
public final class DChannelBridge: Sendable {
    /// The end to hand to `DChannel`, which owns and closes it.
    public let transport: DChannelTransport
    /// The card's D-channel.
    public let channel: any TelephonyChannel
    private let socket: Int32
    private let onLineEvent: (@Sendable (LineEvent) -> Void)?

    /// Creates the bridge and its socket pair.
    ///
    /// - Parameters:
    ///   - channel: the card's D-channel.
    ///   - onLineEvent: receives the channel's line events (alarms, HDLC aborts, bad FCS),
    ///     which must be read before frames flow again; `nil` drops them.
    /// - Throws: `PRIError` if the channel is not a D-channel or the socket pair cannot be made.
    public init(channel: any TelephonyChannel, onLineEvent: (@Sendable (LineEvent) -> Void)? = nil) throws(PRIError) {
        guard channel.info.portKind == .dChannel else {
            throw .system("DChannelBridge: \(channel.info) is not a D-channel", errno: EINVAL)
        }
        let (ours, theirs) = try DChannelTransport.makeSocketPair()
        _ = fcntl(ours.fileDescriptor, F_SETFL, fcntl(ours.fileDescriptor, F_GETFL) | O_NONBLOCK)
        self.channel = channel
        self.onLineEvent = onLineEvent
        self.socket = ours.fileDescriptor
        self.transport = theirs
    }

    deinit { close(socket) }

    /// Moves every waiting frame in both directions; returns how many frames moved.
    ///
    /// Line events on the channel are read (so that frames keep flowing) and handed to
    /// `onLineEvent`.
    /// - Complexity: O(bytes moved); uses one stack buffer.
    @discardableResult
    public func pump() throws(ChannelError) -> Int {
        try withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 8) { buffer throws(ChannelError) -> Int in
            var moved = 0
            // Card to DChannel.
            while true {
                switch try channel.read(into: buffer) {
                case .bytes(let n):
                    _ = write(socket, buffer.baseAddress, n)
                    moved += 1
                    continue
                case .eventPending:
                    for event in try channel.drainEvents() { onLineEvent?(event) }
                    continue
                case .wouldBlock:
                    break
                }
                break
            }
            // DChannel to card.
            while true {
                let n = read(socket, buffer.baseAddress, buffer.count)
                guard n > 0 else { break }
                _ = try channel.write(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                moved += 1
            }
            return moved
        }
    }
}
