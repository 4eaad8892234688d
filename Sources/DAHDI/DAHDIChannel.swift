#if canImport(Glibc)
import Glibc
#endif
import CDAHDI
import Synchronization
import TelephonyCore

/// One DAHDI channel, opened through `/dev/dahdi/channel` and `DAHDI_SPECIFY`.
///
/// The descriptor is non-blocking: `read` and `write` return ``ChannelIO/wouldBlock`` when the
/// card has no frame yet, and ``ChannelIO/eventPending`` while an event waits (the kernel's
/// `ELAST`); wait for readiness with ``DAHDIPoller``. Audio channels use 160-byte blocks
/// (20 ms); a D-channel (`dchan`) moves one HDLC frame per call, payload plus two FCS bytes.
///
/// Thread-safety: the calls are safe from any thread (the descriptor and format are atomics);
/// one owner thread per channel is the intended use. Closing while another thread is inside a
/// call is not supported.
///
/// Conformance: passes `ChannelConformance` over back-to-back channel pairs (`make vm-test`).
public final class DAHDIChannel: TelephonyChannel {
    public let info: ChannelInfo
    private let descriptor: Atomic<Int32>
    private let format: Atomic<UInt8>

    /// Opens channel `number` (`open` + `DAHDI_SPECIFY`), sets 20 ms blocks (or HDLC buffers on
    /// a D-channel) with `DAHDI_SET_BUFINFO`, and reads its parameters.
    ///
    /// Throws ``DAHDIError/noSuchChannel(_:operation:errno:)`` when the channel does not exist
    /// or is unconfigured, ``DAHDIError/busy(_:operation:)`` when another process holds it.
    public init(number: Int, devicePath: String = "/dev/dahdi/channel") throws(DAHDIError) {
        guard (1...Int(DAHDI_MAX_CHANNELS)).contains(number) else {
            throw .noSuchChannel(number, operation: "DAHDI_SPECIFY")
        }
        let fd = Glibc.open(devicePath, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? .noDevice("open \(devicePath)", errno: code)
                                 : .system("open \(devicePath)", errno: code, number: number)
        }
        do throws(DAHDIError) {
            do {
                try dahdiIOCTL(fd, CDAHDI_SPECIFY, int: Int32(number), operation: "DAHDI_SPECIFY", number: number)
            } catch {
                switch error.errno {
                case EBUSYValue?: throw DAHDIError.busy(number, operation: "DAHDI_SPECIFY")
                case ENXIO?, EINVAL?: throw DAHDIError.noSuchChannel(number, operation: "DAHDI_SPECIFY", errno: error.errno)
                default: throw error
                }
            }
            let parameters = try Self.parameters(fd: fd, number: number)
            guard let info = parameters.channelInfo else {
                throw DAHDIError.noSuchChannel(number, operation: "DAHDI_GET_PARAMS (sigtype \(parameters.sigType))")
            }
            // D-channel: 16 buffers of a whole Q.921 frame. Audio: 20 ms blocks, eight of them each
            // way, so a reader or writer may be up to 140 ms late without losing a frame (latency
            // grows only when the writer runs ahead).
            let dChannel = info.portKind == .dChannel
            var buffers = dahdi_bufferinfo(txbufpolicy: DAHDI_POLICY_IMMEDIATE, rxbufpolicy: DAHDI_POLICY_IMMEDIATE,
                                           numbufs: dChannel ? 16 : 8,
                                           bufsize: dChannel ? 1024 : Int32(AudioFrame.samples),
                                           readbufs: 0, writebufs: 0)
            try dahdiIOCTL(fd, CDAHDI_SET_BUFINFO, &buffers, operation: "DAHDI_SET_BUFINFO", number: number)
            self.info = info
            self.descriptor = Atomic(fd)
            self.format = Atomic(Self.code(of: parameters.law))
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    deinit {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { Glibc.close(fd) }
    }

    /// The open descriptor, or ``DAHDIError/closed(_:operation:)``.
    @inline(__always)
    func fileDescriptor(_ operation: StaticString) throws(DAHDIError) -> Int32 {
        let fd = descriptor.load(ordering: .acquiring)
        guard fd >= 0 else { throw .closed(info.number, operation: "\(operation)") }
        return fd
    }

    /// Hands the open descriptor to a new owner, which must close it (e.g. libpri's D-channel
    /// thread, through `PRI.DChannelTransport`); the channel counts as closed afterwards.
    ///
    /// The new owner reads and writes the descriptor directly, so it must handle DAHDI's `ELAST`
    /// (call `DAHDI_GETEVENT` when `read` or `write` fails with errno 500).
    public func releaseDescriptor() throws(DAHDIError) -> Int32 {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        guard fd >= 0 else { throw .closed(info.number, operation: "releaseDescriptor") }
        return fd
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { descriptor.load(ordering: .acquiring) < 0 }

    public func close() {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { Glibc.close(fd) }
    }

    // MARK: Parameters

    static func parameters(fd: Int32, number: Int) throws(DAHDIError) -> DAHDIChannelParameters {
        var raw = dahdi_params()
        raw.channo = Int32(number)
        raw = try dahdiIOCTL(fd, CDAHDI_GET_PARAMS, struct: raw, operation: "DAHDI_GET_PARAMS", number: number)
        return DAHDIChannelParameters(raw)
    }

    /// The channel's parameters and line state now (`DAHDI_GET_PARAMS`).
    public func parameters() throws(DAHDIError) -> DAHDIChannelParameters {
        try Self.parameters(fd: fileDescriptor("DAHDI_GET_PARAMS"), number: info.number)
    }

    /// The status of the channel's span (`DAHDI_SPANSTAT` with span 0: "this channel's span").
    public func spanStatus() throws(DAHDIError) -> DAHDISpanStatus {
        let fd = try fileDescriptor("DAHDI_SPANSTAT")
        let raw = try dahdiIOCTL(fd, CDAHDI_SPANSTAT, struct: dahdi_spaninfo(), operation: "DAHDI_SPANSTAT",
                                 number: info.number)
        return DAHDISpanStatus(raw)
    }

    /// Discards buffered audio and/or events (`DAHDI_FLUSH`).
    public func flush(read: Bool = true, write: Bool = true, events: Bool = false) throws(DAHDIError) {
        let fd = try fileDescriptor("DAHDI_FLUSH")
        let what = (read ? DAHDI_FLUSH_READ : 0) | (write ? DAHDI_FLUSH_WRITE : 0) | (events ? DAHDI_FLUSH_EVENT : 0)
        try dahdiIOCTL(fd, CDAHDI_FLUSH, int: what, operation: "DAHDI_FLUSH", number: info.number)
    }

    /// The block size in bytes of law-coded audio (`DAHDI_GET_BLOCKSIZE`); 160 after opening.
    public func blockSize() throws(DAHDIError) -> Int {
        let fd = try fileDescriptor("DAHDI_GET_BLOCKSIZE")
        return Int(try dahdiIOCTL(fd, CDAHDI_GET_BLOCKSIZE, int: 0, operation: "DAHDI_GET_BLOCKSIZE", number: info.number))
    }

    // MARK: Format

    public var audioFormat: AudioFormat { Self.format(code: format.load(ordering: .relaxed)) }

    /// Sets the encoding `read` and `write` use (`DAHDI_SETLINEAR`, `DAHDI_SETLAW`).
    ///
    /// Linear mode needs the kernel's audio processing, so on a clear channel (`bchan`), which
    /// DAHDI treats as data until told otherwise, `.linear16` first turns audio mode on
    /// (``setAudioMode(_:)``), as a B-channel carrying a voice call should be.
    public func setAudioFormat(_ newFormat: AudioFormat) throws(ChannelError) {
        do {
            if newFormat == .linear16 && info.signalling == .clear { try setAudioMode(true) }
            let fd = try fileDescriptor("DAHDI_SETLINEAR")
            try dahdiIOCTL(fd, CDAHDI_SETLINEAR, int: newFormat == .linear16 ? 1 : 0,
                           operation: "DAHDI_SETLINEAR", number: info.number)
            if newFormat != .linear16 {
                try dahdiIOCTL(fd, CDAHDI_SETLAW, int: newFormat == .aLaw ? DAHDI_LAW_ALAW : DAHDI_LAW_MULAW,
                               operation: "DAHDI_SETLAW", number: info.number)
            }
            format.store(Self.code(of: newFormat), ordering: .relaxed)
        } catch {
            throw error.channelError
        }
    }

    /// Turns the kernel's audio processing on or off for a clear channel (`DAHDI_AUDIOMODE`):
    /// on, the channel carries voice (linear mode, gains, echo cancelling work); off, it
    /// carries data untouched. Other signalling is always audio; the kernel refuses this there.
    public func setAudioMode(_ on: Bool) throws(DAHDIError) {
        let fd = try fileDescriptor("DAHDI_AUDIOMODE")
        try dahdiIOCTL(fd, CDAHDI_AUDIOMODE, int: on ? 1 : 0, operation: "DAHDI_AUDIOMODE", number: info.number)
    }

    private static func code(of format: AudioFormat) -> UInt8 {
        switch format { case .muLaw: 0; case .aLaw: 1; case .linear16: 2 }
    }

    private static func format(code: UInt8) -> AudioFormat {
        switch code { case 1: .aLaw; case 2: .linear16; default: .muLaw }
    }

    // MARK: Audio and HDLC frames

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> ChannelIO {
        do {
            let fd = try fileDescriptor("read")
            return try Self.channelIO(systemCall("read", number: info.number) {
                Glibc.read(fd, buffer.baseAddress, buffer.count)
            })
        } catch {
            throw error.channelError
        }
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> ChannelIO {
        do {
            let fd = try fileDescriptor("write")
            return try Self.channelIO(systemCall("write", number: info.number) {
                Glibc.write(fd, buffer.baseAddress, buffer.count)
            })
        } catch {
            throw error.channelError
        }
    }

    @inline(__always)
    private static func channelIO(_ result: SystemCallResult) -> ChannelIO {
        switch result {
        case .done(let count): .bytes(count)
        case .wouldBlock: .wouldBlock
        case .eventPending: .eventPending
        }
    }
}
