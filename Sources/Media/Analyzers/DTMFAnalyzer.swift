import TelephonyDSP

/// Runs TelephonyDSP's DTMF receiver on a leg: reports each key as ``MediaEvent/dtmf(_:)``
/// once, when the receiver confirms it going down (so a barge-in prompt stops while the key is
/// still held, as callers expect).
public struct DTMFAnalyzer: FrameAnalyzer {
    private var receiver: DTMFReceiver

    public init(configuration: DTMFReceiver.Configuration = DTMFReceiver.Configuration()) {
        receiver = DTMFReceiver(configuration: configuration)
    }

    /// - Complexity: O(160) per frame; does not allocate.
    public mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        guard let event = receiver.process(frame), event.isDown else { return nil }
        return .dtmf(event.digit.character)
    }
}
