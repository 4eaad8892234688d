import TelephonyDSP

// The seams between the DSP detectors and the state machines: detector results become inputs.

extension FXOPort.Input {
    /// The input for a call-progress event; `nil` when the event reports a tone stopping.
    public init?(_ event: CallProgressEvent) {
        guard event.isOn else { return nil }
        self = .toneDetected(event.tone)
    }
}

extension RingCadence {
    /// The zone's ringing cadence (libtonezone's `ringcadence`), or `nil` if the zone has none.
    public init?(zone: ToneZone) {
        self.init(milliseconds: zone.ringCadenceMS)
    }
}
