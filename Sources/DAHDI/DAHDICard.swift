#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import TelephonyCore

/// The DAHDI card(s) behind `/dev/dahdi`: spans, channels, and the control device.
///
/// Every span DAHDI knows is one of the card's spans, whatever driver provides it (a real
/// board, or `dahdi_dynamic` spans as in `make vm-test`). Holds `/dev/dahdi/ctl` open.
public final class DAHDICard: TelephonyCard {
    public let name = "dahdi"
    private let control: Int32
    private let channelPath: String

    /// Opens the control device under `directory` (default `/dev/dahdi`).
    ///
    /// Throws ``DAHDIError/noDevice(_:errno:)`` when DAHDI is not loaded.
    public init(directory: String = "/dev/dahdi") throws(DAHDIError) {
        let path = directory + "/ctl"
        let fd = Glibc.open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? .noDevice("open \(path)", errno: code) : .system("open \(path)", errno: code)
        }
        control = fd
        channelPath = directory + "/channel"
    }

    deinit { Glibc.close(control) }

    /// The status of span `number` (`DAHDI_SPANSTAT`).
    public func spanStatus(_ number: Int) throws(DAHDIError) -> DAHDISpanStatus {
        guard number >= 1 else { throw .noSuchSpan(number, operation: "DAHDI_SPANSTAT") }
        var raw = dahdi_spaninfo()
        raw.spanno = Int32(number)
        do {
            return DAHDISpanStatus(try dahdiIOCTL(control, CDAHDI_SPANSTAT, struct: raw, operation: "DAHDI_SPANSTAT",
                                                  number: number))
        } catch where error.errno == EINVAL {
            throw .noSuchSpan(number, operation: "DAHDI_SPANSTAT", errno: EINVAL)
        }
    }

    /// The status of every span, in span order.
    ///
    /// Span numbers may have gaps (a destroyed dynamic span leaves one), so this stops once it
    /// has as many spans as DAHDI counts, or after eight numbers in a row without a span.
    public func spanStatuses() throws(DAHDIError) -> [DAHDISpanStatus] {
        var spans: [DAHDISpanStatus] = []
        var number = 1, misses = 0
        while number <= 128 && misses < 8 {
            do {
                let status = try spanStatus(number)
                spans.append(status)
                misses = 0
                if spans.count >= status.totalSpans { break }
            } catch where error.isSameKind(as: .noSuchSpan(0, operation: "")) {
                misses += 1
            }
            number += 1
        }
        return spans
    }

    /// The parameters of channel `number` through the control device (`DAHDI_GET_PARAMS`),
    /// without opening it; `nil` when no such channel exists.
    public func channelParameters(_ number: Int) throws(DAHDIError) -> DAHDIChannelParameters? {
        var raw = dahdi_params()
        raw.channo = Int32(number)
        do {
            return DAHDIChannelParameters(try dahdiIOCTL(control, CDAHDI_GET_PARAMS, struct: raw,
                                                         operation: "DAHDI_GET_PARAMS", number: number))
        } catch where error.errno == EINVAL {
            return nil
        }
    }

    /// Every channel that belongs to a span, configured or not, in channel order.
    public func allChannelParameters() throws(DAHDIError) -> [DAHDIChannelParameters] {
        let expected = try spanStatuses().reduce(0) { $0 + $1.totalChannels }
        var channels: [DAHDIChannelParameters] = []
        var number = 1
        while number <= Int(DAHDI_MAX_CHANNELS) && channels.count < expected {
            if let parameters = try channelParameters(number), parameters.span > 0 {
                channels.append(parameters)
            }
            number += 1
        }
        return channels
    }

    public func spans() throws(ChannelError) -> [SpanInfo] {
        do {
            let statuses = try spanStatuses()
            let channels = try allChannelParameters()
            return statuses.map { status in
                let mine = channels.filter { $0.span == status.number }
                let first = mine.first?.channel ?? 0
                let last = mine.last?.channel ?? max(first, first + status.totalChannels - 1)
                return SpanInfo(number: status.number, name: status.name, description: status.description,
                                kind: status.kind, channels: first...last,
                                dChannel: mine.first { $0.signalling?.portKind == .dChannel }?.channel,
                                alarms: status.alarms)
            }
        } catch {
            throw error.channelError
        }
    }

    public func channelStatus() throws(ChannelError) -> [ChannelStatus] {
        do {
            return try allChannelParameters().compactMap { parameters in
                guard let info = parameters.channelInfo else { return nil }
                return ChannelStatus(info: info, hookState: info.signalling.isAnalog ? parameters.hookState : nil,
                                     isRinging: parameters.receiveHookSignal == 3,   // DAHDI_RXSIG_RING
                                     isOpen: false)
            }
        } catch {
            throw error.channelError
        }
    }

    public func openChannel(_ number: Int) throws(ChannelError) -> any TelephonyChannel {
        do { return try openDAHDIChannel(number) } catch { throw error.channelError }
    }

    /// Opens channel `number` with its DAHDI-specific API.
    public func openDAHDIChannel(_ number: Int) throws(DAHDIError) -> DAHDIChannel {
        try DAHDIChannel(number: number, devicePath: channelPath)
    }

    /// Creates a dynamic span (`DAHDI_DYNAMIC_CREATE`), as a `dynamic=` line of system.conf
    /// does: e.g. driver `loc`, address `1:1`, 31 channels, timing 0. Returns its span number.
    @discardableResult
    public func createDynamicSpan(driver: String, address: String, channels: Int, timing: Int = 0) throws(DAHDIError) -> Int {
        guard (1...Int(DAHDI_MAX_CHANNELS)).contains(channels), timing >= 0 else {
            throw .invalidArgument("DAHDI_DYNAMIC_CREATE")
        }
        var raw = dahdi_dynamic_span()
        copy(driver, intoCArray: &raw.driver)
        copy(address, intoCArray: &raw.addr)
        raw.numchans = Int32(channels)
        raw.timing = Int32(timing)
        raw = try dahdiIOCTL(control, CDAHDI_DYNAMIC_CREATE, struct: raw, operation: "DAHDI_DYNAMIC_CREATE")
        return Int(raw.spanno)
    }

    /// Destroys a dynamic span (`DAHDI_DYNAMIC_DESTROY`), e.g. driver `loc`, address `1:1`:
    /// its peer then loses frames and goes into red alarm. Channels on it are removed.
    public func destroyDynamicSpan(driver: String, address: String) throws(DAHDIError) {
        var raw = dahdi_dynamic_span()
        copy(driver, intoCArray: &raw.driver)
        copy(address, intoCArray: &raw.addr)
        try dahdiIOCTL(control, CDAHDI_DYNAMIC_DESTROY, &raw, operation: "DAHDI_DYNAMIC_DESTROY")
    }
}
