/// A call-progress tone as a sequence of timed segments, in libtonezone's model.
///
/// A spec is what a tone-zone string such as `480+620/500,0/500` describes: each segment plays
/// one, two or three summed sines (or one amplitude-modulated sine, or silence) for a duration,
/// and the whole sequence repeats. Segments marked one-shot (`!`) play only on the first pass;
/// the repetition restarts at the first segment that is not one-shot. A segment without a
/// duration plays forever (a continuous tone such as dial tone).
///
/// Parse strings with ``init(parsing:)``; play a spec with ``ToneGenerator``.
public struct ToneSpec: Sendable, Hashable {
    /// One timed piece of a tone.
    public struct Segment: Sendable, Hashable {
        /// How the frequencies of a segment combine.
        public enum Mix: Sendable, Hashable {
            /// The sines are added (`f1+f2`); a segment with no frequency is silence.
            case sum
            /// The first frequency is a carrier, amplitude-modulated (100 %) by the second (`f1*f2`).
            case modulated
        }

        /// Frequencies in Hz; empty for silence (`0`).
        public var frequencies: [Double]
        /// How ``frequencies`` combine.
        public var mix: Mix
        /// Level relative to the spec's playing level, in dB (0, or −20 for `@`).
        public var relativeLevel: Double
        /// Duration in milliseconds; `nil` means continuous (the segment never ends).
        public var durationMS: Int?
        /// `true` for a `!` segment: played on the first pass only.
        public var isOneShot: Bool

        /// Creates a segment.
        public init(frequencies: [Double], mix: Mix = .sum, relativeLevel: Double = 0,
                    durationMS: Int?, isOneShot: Bool = false) {
            self.frequencies = frequencies
            self.mix = mix
            self.relativeLevel = relativeLevel
            self.durationMS = durationMS
            self.isOneShot = isOneShot
        }

        /// `true` when the segment is silence.
        public var isSilent: Bool { frequencies.isEmpty }
    }

    /// The segments in playing order.
    public var segments: [Segment]

    /// Creates a spec from segments. Use ``init(parsing:)`` for tone-zone strings.
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// The index the sequence loops back to after the last segment: the first segment that is
    /// not one-shot, or `nil` when every segment is one-shot (the tone then ends in silence).
    public var loopStart: Int? { segments.firstIndex { !$0.isOneShot } }

    /// `true` when the tone never stops sounding: a single continuous sounding segment.
    public var isContinuous: Bool {
        guard let loop = loopStart else { return false }
        return segments[loop...].contains { $0.durationMS == nil && !$0.isSilent }
            && segments[loop...].allSatisfy { !$0.isSilent }
    }

    /// The repeating on/off pattern in ms (on, off, on, off …) of the looping part, merging
    /// adjacent sounding or silent segments; empty for a continuous tone or a tone that ends.
    ///
    /// `450/350,0/350` gives `[350, 350]`; `!425/200,!0/200,425/200,0/5000` gives `[200, 5000]`.
    public var cadenceMS: [Int] {
        guard let loop = loopStart else { return [] }
        var out: [Int] = []
        var lastSilent: Bool? = nil
        for segment in segments[loop...] {
            guard let ms = segment.durationMS else { return [] }
            if lastSilent == segment.isSilent, !out.isEmpty {
                out[out.count - 1] += ms
            } else {
                out.append(ms)
            }
            lastSilent = segment.isSilent
        }
        // A pattern that begins and ends with the same kind wraps around into one part.
        let firstSilent = segments[loop].isSilent
        if out.count > 1, lastSilent == firstSilent {
            out[0] += out.removeLast()
        }
        // Start with the sounding part.
        if firstSilent, out.count > 1 {
            out.append(out.removeFirst())
        }
        return out
    }

    /// The distinct frequencies, in Hz, that sound in any segment.
    public var frequencies: [Double] {
        var seen: [Double] = []
        for segment in segments {
            for f in segment.frequencies where !seen.contains(f) { seen.append(f) }
        }
        return seen
    }
}
