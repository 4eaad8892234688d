import TelephonyDSP

/// Runs TelephonyDSP's call-progress detector for one tone zone on a leg: reports dial, busy,
/// ringback and congestion as ``MediaEvent/tone(name:isOn:)`` with the zone's label, e.g.
/// `CN_BUSY` or `US_CONGESTION`.
public struct CallProgressAnalyzer: FrameAnalyzer {
    private var detector: CallProgressDetector
    private let prefix: String

    public init(zone: ToneZone) {
        detector = CallProgressDetector(zone: zone)
        prefix = zone.code.uppercased()
    }

    public mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        detector.process(frame).map { .tone(name: "\(prefix)_\($0.tone.rawValue.uppercased())", isOn: $0.isOn) }
    }
}
