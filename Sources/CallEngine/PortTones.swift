import Media
import Signalling
import TelephonyDSP

/// The tones a port plays to a phone, rendered once from a tone zone (libtonezone's
/// descriptions through TelephonyDSP's generator) and shared by every port.
public struct PortTones: Sendable {
    private let audio: [PortTone: PromptAudio]

    /// Renders each tone of `zone` (30 s, long enough for any state that plays it).
    public init(zone: ToneZone, level: Double = -13) {
        var audio: [PortTone: PromptAudio] = [:]
        let specs: [(PortTone, ToneSpec?)] = [
            (.dial, zone.dial), (.stutterDial, zone.stutter ?? zone.dial), (.ringback, zone.ringback),
            (.busy, zone.busy), (.congestion, zone.congestion), (.callWaiting, zone.callWaiting),
            (.howler, zone.dial),
        ]
        for (tone, spec) in specs {
            guard let spec else { continue }
            var generator = ToneGenerator(spec: spec, level: tone == .howler ? 0 : level)
            var samples = [Int16](repeating: 0, count: 30 * 8000)
            let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
            audio[tone] = PromptAudio(samples: Array(samples.prefix(count)), name: "tone/\(tone)")
        }
        self.audio = audio
    }

    /// The rendered tone, or `nil` if the zone has none.
    public subscript(tone: PortTone) -> PromptAudio? { audio[tone] }
}
