#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises dial, busy, ringback and congestion tones of one tone zone, by pitch and cadence.
///
/// What ends an FXO call when the exchange sends no disconnect signal is the busy or
/// congestion tone; in China both are 450 Hz and differ only by cadence (350/350 against
/// 700/700 ms), so a detector must get both right — and must not hang up on hold music.
///
/// How it works: every 25 ms block (200 samples) is correlated against each frequency of
/// the zone's tones (``BlockCorrelator``, 40 Hz bins, so 440 and 480 Hz are resolved). A block
/// is *on* for a tone's frequency set when every component is above the level floor, the
/// components are within the twist limit, the phase step between blocks puts each within the
/// frequency tolerance, and — the test that rejects speech and music — the components carry
/// at least ``Configuration/purity`` of the block's total power. A block is *off* when its
/// total power is 10 dB below the last on-segment's tone power (so noise at 15 dB SNR is
/// silence, but speech is not). Runs of on and off blocks become segments; a tone is reported
/// when the last segments match its cadence within ``Configuration/cadenceTolerance`` (two full
/// periods for short cadences, one for periods of 3 s or more), or, for a continuous tone,
/// after ``Configuration/continuousMS`` of steady tone. It is reported stopped when the
/// cadence breaks or the tone ends.
///
/// Cadences and frequencies come from the ``ToneZone`` (libtonezone's tables via `ToneZones`).
///
/// - Complexity: O(samples · bins) with SIMD dot products; no allocation after `init`.
public struct CallProgressDetector: Sendable {
    /// Tunable limits; the defaults are the ones measured in the docs.
    public struct Configuration: Sendable, Hashable {
        /// Lowest level per frequency component, in dBm0.
        public var minimumLevel: Double = -40
        /// Fraction of the block's power the tone's components must carry.
        public var purity: Double = 0.7
        /// Accepted frequency error, as a fraction of the nominal frequency (floor 8 Hz).
        public var frequencyTolerance: Double = 0.02
        /// Accepted cadence error, as a fraction of each nominal on/off time.
        public var cadenceTolerance: Double = 0.15
        /// Largest share of an on segment's blocks whose pitch strays more than 1 Hz from the
        /// segment's mean: exchange tones are steady, sung and played notes have vibrato.
        public var unsteadyShare: Double = 0.2
        /// Largest level difference between two components, in dB.
        public var twist: Double = 10
        /// How long a continuous tone (dial) must last before it is reported, in ms.
        public var continuousMS: Int = 2000

        /// Creates the default configuration.
        public init() {}
    }

    /// A tone of the zone, with its frequency set and cadence.
    struct Pattern: Sendable {
        var tone: CallProgressTone
        var group: Int
        var cadenceMS: [Int]          // on, off, … ; empty = continuous
        var need: Int                 // completed segments that must match
        var maxOnMS: Double
        var maxOffMS: Double
    }

    /// A completed on or off segment.
    struct Segment: Sendable {
        var isOn = false
        var ms = 0.0
        var isSteady = true           // an on segment held its pitch (no vibrato)
    }

    /// The segment tracker of one frequency set.
    struct Group: Sendable {
        var bins: [Int]
        var loosePitch = false            // slow AM (< 40 Hz) smears the pitch: skip pitch checks
        var purity: Float = 0.7           // the configured purity times the looked-for share
        var current: Bool? = nil          // on (true), off (false), or unknown
        var currentBlocks = 0
        var pendingOther = 0
        var currentIsPartial = true       // its start was not seen (after a reset)
        var history: [Segment] = Array(repeating: Segment(), count: 8)
        var historyCount = 0
        var onPowerSum: Float = 0
        var onPowerBlocks = 0
        var onReference: Float = 0        // tone power of the last on segment
        var longestOnMS = 0.0             // longest cadenced on-time of this frequency set
        var offsets = OffsetLog(capacity: 200)   // pitch offsets of the current on segment
    }

    static let blockLength = 200
    static let blockMS = 25.0

    let configuration: Configuration
    private var correlator: BlockCorrelator
    var patterns: [Pattern]
    var groups: [Group]
    private let tolerances: [Float]     // per bin, Hz
    private let minimumPower: Float
    private let twist: Float
    /// Smallest window gain (power) for a tone inside the frequency tolerance.
    private let slack: Float

    private var block: SampleBlock
    private(set) var position = 0
    private var previousRe: [Float]
    private var previousIm: [Float]
    private var previousValid: [Bool]
    private var pending = EventQueue<CallProgressEvent>()

    /// The tone currently reported on, if any.
    public internal(set) var activeTone: CallProgressTone?
    var activePattern: Int?

    /// Creates a detector for the dial, busy, ringback and congestion tones of `zone`.
    public init(zone: ToneZone, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        var bins: [Double] = []
        var groupSets: [[Double]] = []
        var looseSets: [Bool] = []
        var shareSets: [Double] = []
        var patterns: [Pattern] = []
        let specs: [(CallProgressTone, ToneSpec?)] = [
            (.dial, zone.dial), (.busy, zone.busy), (.ringback, zone.ringback), (.congestion, zone.congestion),
        ]
        for (tone, spec) in specs {
            guard let spec, let loop = spec.loopStart,
                  let sounding = spec.segments[loop...].first(where: { !$0.isSilent }) else { continue }
            let (freqs, share, loose) = Self.components(of: sounding)
            let cadence = spec.isContinuous ? [] : spec.cadenceMS
            if freqs.isEmpty || (!spec.isContinuous && cadence.count < 2) { continue }
            for f in freqs where !bins.contains(f) { bins.append(f) }
            let group: Int
            if let g = groupSets.firstIndex(of: freqs) {
                group = g
            } else {
                groupSets.append(freqs)
                looseSets.append(false)
                shareSets.append(1)
                group = groupSets.count - 1
            }
            if loose { looseSets[group] = true }
            shareSets[group] = min(shareSets[group], share)
            let period = cadence.reduce(0, +)
            let need = cadence.isEmpty ? 0 : (period >= 3000 ? max(2, cadence.count) : max(4, cadence.count))
            let tol = configuration.cadenceTolerance
            let ons = stride(from: 0, to: cadence.count, by: 2).map { Double(cadence[$0]) }
            let offs = stride(from: 1, to: cadence.count, by: 2).map { Double(cadence[$0]) }
            patterns.append(Pattern(
                tone: tone, group: group, cadenceMS: cadence, need: need,
                maxOnMS: (ons.max() ?? 0) * (1 + tol) + 2 * Self.blockMS,
                maxOffMS: (offs.max() ?? 0) * (1 + tol) + 2 * Self.blockMS))
        }
        self.patterns = patterns
        correlator = BlockCorrelator(frequencies: bins, length: Self.blockLength)
        groups = groupSets.indices.map { g in
            Group(bins: groupSets[g].map { f in bins.firstIndex(of: f)! }, loosePitch: looseSets[g],
                  purity: Float(configuration.purity * shareSets[g]))
        }
        for p in patterns where !p.cadenceMS.isEmpty {
            groups[p.group].longestOnMS = max(groups[p.group].longestOnMS, p.maxOnMS)
        }
        tolerances = bins.map { Float(max(8, $0 * configuration.frequencyTolerance)) }
        minimumPower = Float(SignalLevel.power(dBm0: configuration.minimumLevel))

        twist = Float(pow(10, configuration.twist / 10))
        let widest = min(0.5, (tolerances.max() ?? 8) * Float(Self.blockLength) / 8000)
        let gain = sinf(Float.pi * widest) / (Float.pi * widest)
        slack = gain * gain * 0.95
        block = SampleBlock(length: Self.blockLength, storage: (Self.blockLength + 7) / 8 * 8)
        previousRe = bins.map { _ in 0 }
        previousIm = previousRe
        previousValid = bins.map { _ in false }
    }

    /// The frequencies a segment puts on the line, as the detector looks for them, and the
    /// share of the segment's power they carry.
    ///
    /// Sub-audio components (< 100 Hz, e.g. Japan's `400+15`) are not looked for, but their
    /// power still counts against purity, so the share drops. A modulated `f1*f2` tone is its
    /// carrier plus the sidebands f1 ± f2 when those fall in other bins (f2 ≥ 40 Hz); slower
    /// modulation stays in the carrier's bin, where it makes the pitch wobble, so `loosePitch`
    /// relaxes the pitch checks.
    static func components(of segment: ToneSpec.Segment) -> (frequencies: [Double], share: Double, loosePitch: Bool) {
        let f = segment.frequencies
        if segment.mix == .modulated, f.count == 2 {
            let (carrier, modulator) = (f[0], f[1])
            if modulator >= 40 {
                return ([carrier - modulator, carrier, carrier + modulator].filter { $0 >= 100 }, 1, false)
            }
            return (carrier >= 100 ? [carrier] : [], 0.8, true)
        }
        let audible = f.filter { $0 >= 100 }.sorted()
        return (audible, f.isEmpty ? 1 : Double(audible.count) / Double(f.count), false)
    }


    /// Feeds up to 160 samples; returns a tone starting or stopping, if one was decided.
    ///
    /// At most one event per call; an event decided while another is waiting is returned by
    /// the next call, with its own ``CallProgressEvent/samplePosition``.
    ///
    /// - Complexity: O(`samples.count`); does not allocate.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> CallProgressEvent? {
        var i = 0
        while i < samples.count {
            let (taken, isFull) = block.fill(from: samples, at: i)
            i += taken
            position += taken
            if isFull { analyseBlock() }
        }
        return takePending()
    }

    private mutating func takePending() -> CallProgressEvent? {
        return pending.pop()
    }

    mutating func emit(_ event: CallProgressEvent) {
        pending.push(event)
    }

    private mutating func analyseBlock() {
        block.samples.withUnsafeBufferPointer { correlator.analyse($0) }
        let total = correlator.power
        for g in groups.indices {
            var tonePower: Float = 0
            var lowest = Float.infinity, highest: Float = 0
            for b in groups[g].bins {
                let p = correlator.binPower(b)
                tonePower += p
                lowest = min(lowest, p)
                highest = max(highest, p)
            }
            // Cheap test first: only a block that could pass (the window loss undone below is
            // at most 1/slack) pays for the phase arithmetic.
            let purity = groups[g].purity
            var inTune = lowest >= minimumPower * slack && tonePower >= purity * slack * total
            var offsetSum: Float = 0
            var offsetCount = 0
            if inTune {
                tonePower = 0
                lowest = Float.infinity
                highest = 0
                for b in groups[g].bins {
                    var p = correlator.binPower(b)
                    if previousValid[b] {
                        let re = correlator.re[b], im = correlator.im[b]
                        let pr = previousRe[b], pi = previousIm[b]
                        let step = atan2f(im * pr - re * pi, re * pr + im * pi)
                        let offset = step * 8000 / (2 * Float.pi * Float(Self.blockLength))
                        if abs(offset) > tolerances[b], !groups[g].loosePitch { inTune = false }
                        offsetSum += offset
                        offsetCount += 1
                        // Undo the rectangular window's loss for an off-centre tone.
                        let d = min(abs(offset) * Float(Self.blockLength) / 8000, 0.5)
                        if d > 0.001 {
                            let s = sinf(Float.pi * d) / (Float.pi * d)
                            p /= s * s
                        }
                    }
                    tonePower += p
                    lowest = min(lowest, p)
                    highest = max(highest, p)
                }
            }
            let on = lowest >= minimumPower && highest <= lowest * twist && inTune
                && tonePower >= purity * total
            let reference = groups[g].onReference
            // Off: the tone is gone (15 dB down) and what remains is quiet (6 dB below the tone),
            // so line noise at a modest SNR is silence but speech in the gaps is not.
            let off = !on && (reference > 0
                ? tonePower <= reference * 0.03 && total <= reference * 0.25
                : total <= minimumPower)
            track(group: g, on: on, off: off, tonePower: tonePower,
                  offset: offsetCount > 0 ? offsetSum / Float(offsetCount) : nil)
        }
        for b in 0..<correlator.frequencies.count {
            previousRe[b] = correlator.re[b]
            previousIm[b] = correlator.im[b]
            previousValid[b] = correlator.binPower(b) >= minimumPower
        }
    }
}
