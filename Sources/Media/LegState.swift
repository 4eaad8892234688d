import TelephonyCore

/// The engine-side state of one leg; touched only on the engine's thread.
struct LegState {
    let channel: any TelephonyChannel
    var analyzers: [any FrameAnalyzer]
    let events: MediaEventQueue
    /// This pass's received frame, and whether one arrived.
    let rx: UnsafeMutableBufferPointer<Int16>
    private let tx: UnsafeMutableBufferPointer<Int16>
    var hasFrame = false
    var bridge: Int?
    private var failed = false

    private var playback: (audio: PromptAudio, position: Int, id: Int, bargeIn: Bool, loops: Bool)?
    private var recording: (id: Int, samples: [Int16], maximum: Int, bothWays: Bool)?

    init(channel: any TelephonyChannel, analyzers: [any FrameAnalyzer], events: MediaEventQueue) {
        self.channel = channel
        self.analyzers = analyzers
        self.events = events
        rx = .allocate(capacity: AudioFrame.samples)
        rx.initialize(repeating: 0)
        tx = .allocate(capacity: AudioFrame.samples)
        tx.initialize(repeating: 0)
    }

    /// Ends the leg: reports an unfinished playback or recording and releases the buffers.
    func finish() {
        if let playback { events.post(.playbackFinished(id: playback.id, completed: false)) }
        if let recording { events.post(.recordingFinished(id: recording.id, samples: recording.samples)) }
        events.finish()
        rx.deallocate()
        tx.deallocate()
    }

    // MARK: Receive

    mutating func receive() {
        hasFrame = false
        guard !failed else { return }
        do {
            var attempts = 0
            while attempts < 4 {
                attempts += 1
                switch try channel.readSamples(into: rx) {
                case .bytes:
                    hasFrame = true
                    analyze()
                    return
                case .eventPending:
                    while let event = try channel.nextEvent() { events.post(.line(event)) }
                case .wouldBlock:
                    // Events may be waiting even when no audio is (an idle FXO port ringing).
                    while let event = try channel.nextEvent() { events.post(.line(event)) }
                    return
                }
            }
        } catch {
            failed = true
            events.post(.channelFailed(error))
        }
    }

    private mutating func analyze() {
        let frame = UnsafeBufferPointer(rx)
        for index in analyzers.indices {
            guard let event = analyzers[index].analyze(frame) else { continue }
            // The key first, then the prompt it stopped: the owner sees a barge-in, not a
            // prompt that ended with a key after it.
            events.post(event)
            if case .dtmf = event, let playback, playback.bargeIn {
                stopPlayback(completed: false)
            }
        }
        if recording != nil {
            recording!.samples.append(contentsOf: frame)
            if recording!.samples.count >= recording!.maximum { stopRecording() }
        }
    }

    // MARK: Transmit

    mutating func transmit(bridged: UnsafeMutableBufferPointer<Int16>?) {
        guard !failed else { return }
        if let bridged {
            _ = tx.update(fromContentsOf: bridged)
        } else {
            tx.update(repeating: 0)
        }
        if let current = playback {
            let samples = current.audio.samples
            let count = min(AudioFrame.samples, samples.count - current.position)
            samples.withUnsafeBufferPointer { source in
                for i in 0..<count {
                    let mixed = Int32(tx[i]) + Int32(source[current.position + i])
                    tx[i] = Int16(clamping: mixed)
                }
            }
            playback!.position += count
            if playback!.position >= samples.count {
                if current.loops && !samples.isEmpty { playback!.position = 0 } else { stopPlayback(completed: true) }
            }
        }
        if let current = recording, current.bothWays, current.samples.count >= AudioFrame.samples {
            // Mix what the leg sends into the frame just recorded from it: the whole conversation.
            let start = current.samples.count - AudioFrame.samples
            for i in 0..<AudioFrame.samples {
                recording!.samples[start + i] = Int16(clamping: Int32(current.samples[start + i]) + Int32(tx[i]))
            }
        }
        do {
            _ = try channel.writeSamples(UnsafeBufferPointer(tx))
        } catch {
            failed = true
            events.post(.channelFailed(error))
        }
    }

    // MARK: Playback and recording

    mutating func startPlayback(_ audio: PromptAudio, id: Int, bargeIn: Bool, loops: Bool) {
        stopPlayback(completed: false)
        playback = (audio, 0, id, bargeIn, loops)
    }

    mutating func stopPlayback(completed: Bool) {
        guard let current = playback else { return }
        playback = nil
        events.post(.playbackFinished(id: current.id, completed: completed))
    }

    mutating func startRecording(id: Int, maximumSamples: Int, bothWays: Bool) {
        stopRecording()
        var samples: [Int16] = []
        samples.reserveCapacity(maximumSamples + AudioFrame.samples)
        recording = (id, samples, maximumSamples, bothWays)
    }

    mutating func stopRecording() {
        guard let current = recording else { return }
        recording = nil
        events.post(.recordingFinished(id: current.id, samples: current.samples))
    }
}
