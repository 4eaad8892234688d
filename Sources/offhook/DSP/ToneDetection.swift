import TelephonyDSP
import ToneZones

/// The tone detectors one channel runs: fax/modem tones plus the call progress of each zone.
///
/// `offhook dsp detect` and `dsp decode` run a fresh set per file (`dsp bench` times the
/// detectors themselves). Labels are the DSP corpus kit's: `CNG`, `CED`, `ANS_PR`, `ANSAM`,
/// `ANSAM_PR`, `V21`, and `<ZONE>_DIAL`, `_BUSY`, `_RINGBACK`, `_CONGESTION` (`US_REORDER`
/// for the US congestion tone, as the Precise Tone Plan names it).
struct ToneDetectors {
    /// One decided tone edge.
    struct Edge {
        var label: String
        var isOn: Bool
        var samplePosition: Int
    }

    private var fax = FaxToneDetector()
    private var callProgress: [CallProgressDetector]
    private let prefixes: [String]
    private let zoneCodes: [String]

    /// Creates detectors for `zones` (default: China and the US, as the corpus has).
    init(zones: [ToneZone] = ToneDetectors.defaultZones()) {
        callProgress = zones.map { CallProgressDetector(zone: $0) }
        prefixes = zones.map { $0.code.uppercased() + "_" }
        zoneCodes = zones.map(\.code)
    }

    /// China and the US from libtonezone; the DSP's built-in copies if libtonezone fails.
    static func defaultZones() -> [ToneZone] {
        [("cn", ToneZone.china), ("us", ToneZone.unitedStates)].map { code, builtIn in
            (try? ToneZones.zone(code)) ?? builtIn
        }
    }

    /// The kit label of a call-progress tone in zone `index`.
    private func label(_ tone: CallProgressTone, zone index: Int) -> String {
        let name = tone == .congestion && zoneCodes[index] == "us" ? "REORDER" : tone.rawValue.uppercased()
        return prefixes[index] + name
    }

    /// Feeds one frame (≤ 160 samples) to every detector; calls `report` for each edge decided.
    ///
    /// - Complexity: O(`frame.count`); does not allocate unless `report` does.
    mutating func process(_ frame: UnsafeBufferPointer<Int16>, report: (Edge) -> Void) {
        if let e = fax.process(frame) {
            report(Edge(label: e.tone.label, isOn: e.isOn, samplePosition: e.samplePosition))
        }
        for i in callProgress.indices {
            if let e = callProgress[i].process(frame) {
                report(Edge(label: label(e.tone, zone: i), isOn: e.isOn, samplePosition: e.samplePosition))
            }
        }
    }

    /// Drains edges still queued after the last frame (a detector reports one per call).
    mutating func flush(report: (Edge) -> Void) {
        let empty = UnsafeBufferPointer<Int16>(start: nil, count: 0)
        for _ in 0..<4 { process(empty, report: report) }
    }
}

/// Fax and call-progress tones in one recording (8 kHz linear PCM), with fresh detectors:
/// each tone's label, the time it was declared (ms from the first sample, not back-dated),
/// and when it was declared ended, if it was.
func detectTones(samples: UnsafeBufferPointer<Int16>) -> [(label: String, ms: Double, offMs: Double?)] {
    var detectors = ToneDetectors()
    var found: [(label: String, ms: Double, offMs: Double?)] = []
    var open: [String: Int] = [:]
    func record(_ edge: ToneDetectors.Edge) {
        let ms = Double(edge.samplePosition) / 8
        if edge.isOn {
            open[edge.label] = found.count
            found.append((edge.label, ms, nil))
        } else if let index = open.removeValue(forKey: edge.label) {
            found[index].offMs = ms
        }
    }
    var i = 0
    while i < samples.count {
        let n = min(160, samples.count - i)
        detectors.process(UnsafeBufferPointer(rebasing: samples[i..<i + n]), report: record)
        i += n
    }
    detectors.flush(report: record)
    return found
}
