#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises fax and modem tones: CNG, CED/ANS, ANS with phase reversals, ANSam, ANSam with
/// phase reversals, and the V.21 HDLC flag preamble.
///
/// How it works: every 10 ms block (80 samples) is correlated against 1100 and 2100 Hz
/// (``BlockCorrelator``; 100 Hz bins, so 1000/1200 and 2000/2200 Hz fall in the nulls). A block
/// carries a tone when its level is above the floor, the tone holds ``purity`` of the block's
/// power (speech, music and noise do not), and the phase step between blocks puts it within
/// T.30's tolerance (1100 ± 38 Hz, 2100 ± 15 Hz, checked on the mean over the tone), and
/// steady (``unsteadyShare``: vibrato is music, not a fax).
/// - CNG is reported when a burst of T.30 length (``cngBurstMS``) ends, so a held note is not CNG.
/// - A 2100 Hz tone is reported after ``answerMS``, labelled by what that second showed:
///   phase jumps of π spaced 450 ms apart (V.25 reversals) and/or 15 Hz envelope modulation
///   of 10 % or more (V.8 ANSam, nominally 20 %).
/// - V.21 runs continuously on the same samples (``V21FlagDetector``); four flags in a row,
///   with a V.21 carrier holding the band, report the preamble.
/// Each is reported stopped when it ends.
///
/// - Complexity: O(samples); about 6 multiply-adds per sample; no allocation after `init`.
public struct FaxToneDetector: Sendable {
    static let blockLength = 80
    /// Fraction of the block power the tone must carry.
    static let purity: Float = 0.7
    /// Accepted CNG burst lengths, ms (T.30: 0.5 s; a burst is judged when it ends).
    static let cngBurstMS = 350...700
    /// Largest share of blocks whose frequency strays more than 3 Hz from the tone's mean:
    /// a network or fax tone is steady, a sung or played note has vibrato.
    static let unsteadyShare: Float = 0.15
    /// 2100 Hz on-time before it is reported (and labelled).
    static let answerMS = 1000
    /// Lowest level, dBm0.
    static let minimumLevel = -43.0

    var correlator = BlockCorrelator(frequencies: [1100, 2100], length: blockLength)
    var v21 = V21FlagDetector()
    var block: SampleBlock
    var position = 0
    let minimumPower: Float
    var pending = EventQueue<FaxToneEvent>()

    // Previous block's bins, for the phase step.
    var previousRe: (Float, Float) = (0, 0)
    var previousIm: (Float, Float) = (0, 0)
    var previousRe2: Float = 0, previousIm2: Float = 0      // 2100 Hz two blocks back
    var previousStrong: (Bool, Bool) = (false, false)

    // CNG state.
    var cngBlocks = 0
    var cngGap = 0
    var cngOffsets = OffsetLog()

    // 2100 Hz state.
    var ansBlocks = 0
    var ansGap = 0
    var ansOffsets = OffsetLog()
    var ansReversals = 0
    var ansGoodSpacings = 0
    var ansLastReversal = -1000
    var ansEnvelopeSum: Float = 0
    var ansEnvelopeRe: Float = 0
    var ansEnvelopeIm: Float = 0
    var ansActive: FaxTone?

    // V.21 state.
    var v21Active = false
    var v21CarrierLost = 0

    /// Creates a detector.
    public init() {
        block = SampleBlock(length: Self.blockLength)
        minimumPower = Float(SignalLevel.power(dBm0: Self.minimumLevel))
    }

    /// Feeds up to 160 samples; returns a tone starting or stopping, if one was decided.
    ///
    /// At most one event per call; one decided while another waits comes with the next call,
    /// carrying its own ``FaxToneEvent/samplePosition``.
    ///
    /// - Complexity: O(`samples.count`); does not allocate.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> FaxToneEvent? {
        var i = 0
        while i < samples.count {
            let (taken, isFull) = block.fill(from: samples, at: i)
            i += taken
            position += taken
            if isFull { analyseBlock() }
        }
        return pending.pop()
    }

    mutating func emit(_ tone: FaxTone, _ isOn: Bool) {
        let event = FaxToneEvent(tone: tone, isOn: isOn, samplePosition: position)
        pending.push(event)
    }
}
