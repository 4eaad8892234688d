/// The fixed points of audio on the wire: 8 kHz, 20 ms frames of 160 samples.
public enum AudioFrame {
    /// Samples per second on every channel.
    public static let sampleRate = 8000
    /// Samples in one 20 ms frame: the block size every backend reads and writes.
    public static let samples = 160
    /// The duration of one frame.
    public static let duration = Duration.milliseconds(20)
}

/// How a channel's audio is encoded in the bytes that `read` and `write` move.
///
/// DAHDI sets this per channel with `DAHDI_SETLAW` (µ-law or A-law) and `DAHDI_SETLINEAR`.
public enum AudioFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// G.711 µ-law, one byte a sample (`DAHDI_LAW_MULAW`); the default on analog and T1 spans.
    case muLaw = "ulaw"
    /// G.711 A-law, one byte a sample (`DAHDI_LAW_ALAW`); the default on E1 spans.
    case aLaw = "alaw"
    /// Signed 16-bit linear PCM in host byte order, two bytes a sample (`DAHDI_SETLINEAR`).
    case linear16 = "linear"

    /// Bytes a sample takes in this format.
    public var bytesPerSample: Int { self == .linear16 ? 2 : 1 }
    /// Bytes one 20 ms frame takes in this format.
    public var bytesPerFrame: Int { bytesPerSample * AudioFrame.samples }

    public var description: String { rawValue }
}
