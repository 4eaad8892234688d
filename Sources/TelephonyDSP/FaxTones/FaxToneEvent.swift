/// The fax and modem tones a ``FaxToneDetector`` recognises.
public enum FaxTone: String, Sendable, Hashable, CaseIterable {
    /// CNG, the calling fax's 1100 Hz tone (T.30: 1100 ± 38 Hz, 0.5 s on, 3 s off).
    case cng = "CNG"
    /// CED, the called fax's 2100 Hz answer tone without phase reversals (T.30: 2100 ± 15 Hz).
    case ced = "CED"
    /// ANS with 180° phase reversals every 450 ms (V.25), which also disables echo cancellers.
    case ansPR = "ANS_PR"
    /// ANSam: 2100 Hz amplitude-modulated at 15 Hz (V.8).
    case ansam = "ANSAM"
    /// ANSam with phase reversals (V.8 `ANSam/`).
    case ansamPR = "ANSAM_PR"
    /// The V.21 channel-2 HDLC flag preamble that starts every T.30 message (1650/1850 Hz FSK).
    case v21Preamble = "V21"

    /// The label the DSP corpus kit uses (`CNG`, `CED`, `ANS_PR`, `ANSAM`, `ANSAM_PR`, `V21`).
    public var label: String { rawValue }
}

/// A fax or modem tone starting or stopping, as a ``FaxToneDetector`` reports it.
public struct FaxToneEvent: Sendable, Hashable {
    /// Which tone.
    public var tone: FaxTone
    /// `true` when the tone was recognised, `false` when it stopped.
    public var isOn: Bool
    /// Stream position, in samples from the detector's first sample, at which it decided.
    public var samplePosition: Int

    /// Creates an event.
    public init(tone: FaxTone, isOn: Bool, samplePosition: Int) {
        self.tone = tone
        self.isOn = isOn
        self.samplePosition = samplePosition
    }

    /// ``samplePosition`` in milliseconds at 8 kHz.
    public var milliseconds: Double { Double(samplePosition) / 8 }
}
