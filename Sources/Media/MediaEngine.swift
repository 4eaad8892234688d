import Synchronization
import TelephonyCore

/// The real-time path: every 20 ms, for every attached channel, read a frame, run its
/// detectors, and write a frame from its playback, its bridge partner, or silence.
///
/// One engine serves a card (or a group of spans). Its owner calls ``runPass()`` once per frame
/// of the card's clock, on one thread: the simulated card's tick, or the DAHDI poll thread.
/// Call logic runs elsewhere (Swift concurrency) and meets the engine only through small
/// commands (``MediaLeg``'s methods) and events (``MediaLeg/takeEvents()``), never per sample.
///
/// The pass allocates nothing and takes no lock in the steady state: commands are picked up only
/// when an atomic flag says some are waiting, buffers are allocated when a leg is attached, and
/// events are queued only when a detector or the line reports something.
public final class MediaEngine: @unchecked Sendable {
    // @unchecked: `legs` is touched only by the thread that calls `runPass()`; every other
    // thread talks to it through `inbox` (a mutex, taken by the engine only when `hasCommands`).
    private var legs: [LegState?] = []
    private let inbox = Mutex<[EngineCommand]>([])
    private let hasCommands = Atomic<Bool>(false)
    private let slots = Mutex<(next: Int, free: [Int])>((0, []))
    /// Frames processed, for monitoring.
    private let passes = Atomic<Int>(0)

    public init() {}

    /// The number of passes run so far.
    public var passCount: Int { passes.load(ordering: .relaxed) }

    /// Attaches a channel: switches it to linear audio and starts processing it on the next pass.
    public func attach(_ channel: any TelephonyChannel, analyzers: [any FrameAnalyzer] = []) throws(ChannelError) -> MediaLeg {
        if channel.info.portKind != .dChannel { try channel.setAudioFormat(.linear16) }
        let slot = slots.withLock { slots -> Int in
            if let reused = slots.free.popLast() { return reused }
            slots.next += 1
            return slots.next - 1
        }
        let events = MediaEventQueue()
        let state = LegState(channel: channel, analyzers: analyzers, events: events)
        send(.attach(slot, state))
        return MediaLeg(engine: self, slot: slot, channel: channel, events: events)
    }

    func send(_ command: EngineCommand) {
        inbox.withLock { $0.append(command) }
        hasCommands.store(true, ordering: .releasing)
    }

    func releaseSlot(_ slot: Int) {
        slots.withLock { $0.free.append(slot) }
    }

    /// Processes one frame on every attached leg. Call once per tick of the card's clock, always
    /// from the same thread.
    ///
    /// - Complexity: O(legs × 160); allocates nothing unless a command or an event is handled.
    public func runPass() {
        if hasCommands.load(ordering: .acquiring) { applyCommands() }
        for slot in legs.indices where legs[slot] != nil {
            legs[slot]!.receive()
        }
        for slot in legs.indices where legs[slot] != nil {
            let partner = legs[slot]!.bridge
            if let partner, partner < legs.count, let other = legs[partner], other.hasFrame {
                legs[slot]!.transmit(bridged: other.rx)
            } else {
                legs[slot]!.transmit(bridged: nil)
            }
        }
        passes.add(1, ordering: .relaxed)
    }

    private func applyCommands() {
        let commands = inbox.withLock { inbox -> [EngineCommand] in
            hasCommands.store(false, ordering: .releasing)
            defer { inbox.removeAll(keepingCapacity: true) }
            return inbox
        }
        for command in commands {
            switch command {
            case .attach(let slot, let state):
                while legs.count <= slot { legs.append(nil) }
                legs[slot] = state
            case .detach(let slot):
                guard slot < legs.count, let leg = legs[slot] else { continue }
                if let partner = leg.bridge, partner < legs.count { legs[partner]?.bridge = nil }
                leg.finish()
                legs[slot] = nil
                releaseSlot(slot)
            case .play(let slot, let audio, let id, let bargeIn, let loops):
                legs[slot]?.startPlayback(audio, id: id, bargeIn: bargeIn, loops: loops)
            case .stopPlayback(let slot):
                legs[slot]?.stopPlayback(completed: false)
            case .bridge(let slot, let partner):
                if let old = legs[slot]?.bridge { legs[old]?.bridge = nil }
                legs[slot]?.bridge = partner
                if let partner, partner < legs.count {
                    if let old = legs[partner]?.bridge, old != slot { legs[old]?.bridge = nil }
                    legs[partner]?.bridge = slot
                }
            case .record(let slot, let id, let maximumSamples, let bothWays):
                legs[slot]?.startRecording(id: id, maximumSamples: maximumSamples, bothWays: bothWays)
            case .stopRecording(let slot):
                legs[slot]?.stopRecording()
            case .setAnalyzers(let slot, let analyzers):
                legs[slot]?.analyzers = analyzers
            }
        }
    }
}

/// What the control side asks of the engine.
enum EngineCommand: @unchecked Sendable {
    // @unchecked: a `LegState` is built on the control side and handed over whole; from then on
    // only the engine thread touches it.
    case attach(Int, LegState)
    case detach(Int)
    case play(Int, PromptAudio, id: Int, bargeIn: Bool, loops: Bool)
    case stopPlayback(Int)
    case bridge(Int, Int?)
    case record(Int, id: Int, maximumSamples: Int, bothWays: Bool)
    case stopRecording(Int)
    case setAnalyzers(Int, [any FrameAnalyzer])
}
