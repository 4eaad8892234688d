import TelephonyCore

/// A channel attached to a ``MediaEngine``: the control side's handle to it.
///
/// Methods queue a command for the engine's next pass and return at once; what the engine
/// noticed is collected with ``takeEvents()``, typically once per frame by the leg's owner.
public final class MediaLeg: Sendable {
    let engine: MediaEngine
    let slot: Int
    /// The channel this leg carries.
    public let channel: any TelephonyChannel
    let events: MediaEventQueue

    init(engine: MediaEngine, slot: Int, channel: any TelephonyChannel, events: MediaEventQueue) {
        self.engine = engine
        self.slot = slot
        self.channel = channel
        self.events = events
    }

    /// The events the engine noticed since the last call, oldest first: digits, tones, line
    /// events, playback and recording ends.
    public func takeEvents() -> [MediaEvent] { events.take() }

    /// Whether the leg was detached (and its last events taken).
    public var isDetached: Bool { events.isFinished }

    /// Plays `audio` (mixed over any bridged audio); reports `.playbackFinished(id:completed:)`.
    /// With `bargeIn`, a DTMF digit stops it at once; with `loops`, it repeats until stopped
    /// (hold music, a continuous tone).
    public func play(_ audio: PromptAudio, id: Int, bargeIn: Bool = false, loops: Bool = false) {
        engine.send(.play(slot, audio, id: id, bargeIn: bargeIn, loops: loops))
    }

    /// Stops the current playback (reported as not completed).
    public func stopPlayback() { engine.send(.stopPlayback(slot)) }

    /// Bridges this leg to `other` (audio both ways, per frame), or unbridges it with `nil`.
    public func bridge(to other: MediaLeg?) {
        engine.send(.bridge(slot, other?.slot))
    }

    /// Records what the channel receives (with `bothWays`, mixed with what it sends: the whole
    /// conversation), up to `maximum`; reports `.recordingFinished`. The buffer is allocated
    /// once, when the recording starts; frames only fill it.
    public func record(id: Int, maximum: Duration, bothWays: Bool = false) {
        let samples = Int(maximum.components.seconds) * AudioFrame.sampleRate
            + Int(maximum.components.attoseconds / 125_000_000_000_000)
        engine.send(.record(slot, id: id, maximumSamples: max(AudioFrame.samples, samples), bothWays: bothWays))
    }

    /// Ends the current recording early.
    public func stopRecording() { engine.send(.stopRecording(slot)) }

    /// Replaces the detectors run on received frames.
    public func setAnalyzers(_ analyzers: [any FrameAnalyzer]) { engine.send(.setAnalyzers(slot, analyzers)) }

    /// Detaches the leg after reporting any unfinished playback or recording. The channel stays
    /// open (its owner closes it).
    public func detach() { engine.send(.detach(slot)) }
}
