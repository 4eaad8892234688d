#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import TelephonyCore

/// The computer's sound card as one channel: an agent's headset, or a caller at the desk.
///
/// Audio is linear 16-bit, 8 kHz, in 20 ms frames, like every other channel. The channel runs
/// its own real-time clock (a thread that wakes every 20 ms on absolute deadlines), because
/// ALSA devices such as `null` and `file` are not paced: each tick plays one frame written with
/// ``write(_:)`` (silence when none waits) and records one frame for ``read(into:)``.
/// `read` and `write` go through lock-free rings and never block or allocate.
///
/// The console has no hook switch or line signalling: it counts as permanently off hook, and
/// hook, polarity and CAS operations throw ``ChannelError/Code/unsupported``.
public final class ConsoleChannel: TelephonyChannel {
    public let info: ChannelInfo
    private let clock: ConsoleClock

    /// Opens `playback` and `capture` and starts the 20 ms clock.
    ///
    /// `buffered` is how many frames each ring holds (default 8, 160 ms): frames written beyond
    /// it are refused with ``ChannelIO/wouldBlock``, frames recorded beyond it are dropped.
    public init(playback: ConsoleDevice = .named("default"), capture: ConsoleDevice = .named("default"),
                number: Int = 1, buffered: Int = 8) throws(ChannelError) {
        let output = try ALSAPCM(playback, capture: false)
        let input: ALSAPCM
        do { input = try ALSAPCM(capture, capture: true) } catch {
            output.close(drain: false)
            throw error
        }
        info = ChannelInfo(number: number, span: 1, position: 1, signalling: .clear, name: "Console/\(playback)")
        clock = ConsoleClock(output: output, input: input, frames: max(2, buffered))
        clock.start()
    }

    deinit { clock.stop() }

    /// Frames the clock has moved so far; it grows by 50 a second.
    public var ticks: Int { clock.ticks.load(ordering: .relaxed) }

    /// Recorded frames lost because nobody read them in time.
    public var overruns: Int { clock.overruns.load(ordering: .relaxed) }

    public var audioFormat: AudioFormat { .linear16 }

    public func setAudioFormat(_ format: AudioFormat) throws(ChannelError) {
        guard format == .linear16 else {
            throw ChannelError(.unsupported, operation: "setAudioFormat(\(format)) on the console", channel: info.number)
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ChannelError) -> ChannelIO {
        try checkOpen("read")
        guard buffer.count >= AudioFormat.linear16.bytesPerFrame else {
            throw ChannelError(.invalidArgument, operation: "read: buffer smaller than a frame", channel: info.number)
        }
        let frame = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<AudioFormat.linear16.bytesPerFrame])
        return clock.recorded.pop(into: frame) ? .bytes(frame.count) : .wouldBlock
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws(ChannelError) -> ChannelIO {
        try checkOpen("write")
        guard buffer.count == AudioFormat.linear16.bytesPerFrame else {
            throw ChannelError(.invalidArgument, operation: "write: \(buffer.count) bytes is not one frame", channel: info.number)
        }
        return clock.toPlay.push(buffer) ? .bytes(buffer.count) : .wouldBlock
    }

    public func setHook(_ command: HookCommand) throws(ChannelError) {
        throw ChannelError(.unsupported, operation: "setHook(\(command)) on the console", channel: info.number)
    }

    public func hookState() throws(ChannelError) -> HookState {
        try checkOpen("hookState")
        return .offHook
    }

    public func setPolarity(reversed: Bool) throws(ChannelError) {
        throw ChannelError(.unsupported, operation: "setPolarity on the console", channel: info.number)
    }

    public func nextEvent() throws(ChannelError) -> LineEvent? {
        try checkOpen("nextEvent")
        return nil
    }

    public func setTransmitBits(_ bits: UInt8) throws(ChannelError) {
        throw ChannelError(.unsupported, operation: "setTransmitBits on the console", channel: info.number)
    }

    public func receivedBits() throws(ChannelError) -> UInt8 {
        throw ChannelError(.unsupported, operation: "receivedBits on the console", channel: info.number)
    }

    /// Stops the clock, plays out what the device still holds, and closes it.
    public func close() { clock.stop() }

    private func checkOpen(_ operation: String) throws(ChannelError) {
        if clock.isStopped { throw ChannelError(.closed, operation: operation, channel: info.number) }
    }
}

/// The console's 20 ms clock: one thread owns both PCMs and moves one frame each way per tick.
final class ConsoleClock: Sendable {
    let toPlay: FrameRing
    let recorded: FrameRing
    let ticks = Atomic<Int>(0)
    let overruns = Atomic<Int>(0)
    private let state = Atomic<Int>(0)   // 0 running, 1 stopping, 2 stopped
    private let finished = DispatchSemaphore(value: 0)
    private let output: ALSAPCM
    private let input: ALSAPCM

    init(output: ALSAPCM, input: ALSAPCM, frames: Int) {
        self.output = output
        self.input = input
        toPlay = FrameRing(frames: frames)
        recorded = FrameRing(frames: frames)
    }

    var isStopped: Bool { state.load(ordering: .acquiring) != 0 }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "offhook-console-clock"
        thread.start()
    }

    /// Stops the thread and waits for it to close the devices; safe to call more than once.
    func stop() {
        guard state.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
        finished.wait()
    }

    private func run() {
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: FrameRing.samples * 2, alignment: 2)
        defer { frame.deallocate() }
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        while state.load(ordering: .acquiring) == 0 {
            deadline.tv_nsec += 20_000_000
            if deadline.tv_nsec >= 1_000_000_000 { deadline.tv_nsec -= 1_000_000_000; deadline.tv_sec += 1 }
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nil) == EINTR {}
            if !toPlay.pop(into: frame) { frame.initializeMemory(as: UInt8.self, repeating: 0) }
            _ = output.write(UnsafeRawBufferPointer(frame))
            _ = input.read(into: frame)
            if !recorded.push(UnsafeRawBufferPointer(frame)) {   // nobody reads: this frame is lost
                overruns.add(1, ordering: .relaxed)
            }
            ticks.add(1, ordering: .relaxed)
        }
        output.close(drain: true)
        input.close(drain: false)
        state.store(2, ordering: .releasing)
        finished.signal()
    }
}
