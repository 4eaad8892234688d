/// The call-progress tones a ``CallProgressDetector`` recognises.
public enum CallProgressTone: String, Sendable, Hashable, CaseIterable {
    /// Dial tone: continuous.
    case dial
    /// Busy: the called line is in use.
    case busy
    /// Ringback: the called line is ringing.
    case ringback
    /// Congestion, also "reorder" or "fast busy": no route or no circuit.
    case congestion
}

/// A call-progress tone starting or stopping, as a ``CallProgressDetector`` reports it.
public struct CallProgressEvent: Sendable, Hashable {
    /// Which tone.
    public var tone: CallProgressTone
    /// `true` when the tone was recognised (its cadence confirmed), `false` when it stopped.
    public var isOn: Bool
    /// Stream position, in samples from the detector's first sample, at which the detector
    /// decided (not back-dated to the tone's onset).
    public var samplePosition: Int

    /// Creates an event.
    public init(tone: CallProgressTone, isOn: Bool, samplePosition: Int) {
        self.tone = tone
        self.isOn = isOn
        self.samplePosition = samplePosition
    }

    /// ``samplePosition`` in milliseconds at 8 kHz.
    public var milliseconds: Double { Double(samplePosition) / 8 }
}
