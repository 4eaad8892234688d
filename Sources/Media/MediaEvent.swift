import TelephonyCore

/// Something the media engine noticed on a leg, delivered to the leg's owner.
///
/// Events are rare (a digit, a tone, a hook change); frames never leave the engine.
public enum MediaEvent: Sendable, Hashable {
    /// A DTMF digit was confirmed (reported once per key press, when the key is recognised).
    case dtmf(Character)
    /// A tone detector reported a tone starting (`isOn`) or stopping; `name` is its label
    /// (`CNG`, `CED`, `CN_BUSY`, …).
    case tone(name: String, isOn: Bool)
    /// A caller-ID receiver decoded a message (FSK or DTMF caller ID).
    case callerID(number: String?, name: String?, dateTime: String?)
    /// The channel reported a line event (hook, ring, polarity, alarm, …).
    case line(LineEvent)
    /// A playback ran to its end or was stopped.
    case playbackFinished(id: Int, completed: Bool)
    /// A recording ended; the samples (8 kHz linear) are handed over.
    case recordingFinished(id: Int, samples: [Int16])
    /// Reading or writing the channel failed; the leg stops processing audio.
    case channelFailed(ChannelError)
}

/// A detector the engine runs over every received frame of a leg.
///
/// The DSP detectors (DTMF receiver, fax-tone and call-progress detectors) conform through small
/// adapters. `analyze` runs on the engine's thread every 20 ms: it must not allocate or block.
public protocol FrameAnalyzer: Sendable {
    /// Processes one frame of 160 samples; returns an event when something was confirmed.
    mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent?
}
