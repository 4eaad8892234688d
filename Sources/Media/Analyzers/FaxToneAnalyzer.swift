import TelephonyDSP

/// Runs TelephonyDSP's fax and modem tone detector on a leg: reports `CNG`, `CED`, `ANS_PR`,
/// `ANSAM`, `ANSAM_PR` and `V21` as ``MediaEvent/tone(name:isOn:)``.
public struct FaxToneAnalyzer: FrameAnalyzer {
    private var detector = FaxToneDetector()

    public init() {}

    public mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        detector.process(frame).map { .tone(name: $0.tone.label, isOn: $0.isOn) }
    }
}
