import TelephonyCore

/// The two-wire loop between an exchange end (battery, ringing) and a phone end (hook switch).
///
/// An FXS port of the card, or a virtual exchange line, is the exchange end; an FXO port of the
/// card, or a virtual phone, is the phone end. ``step(at:timing:)`` advances the loop by one frame
/// and reports what each end would notice; all times are in frames (20 ms).
struct AnalogLine: Sendable {
    enum End: Sendable, Hashable {
        case port(Int)
        case phone(Int)
        case exchange(Int)
    }

    let exchangeEnd: End
    let phoneEnd: End
    /// Line loss and echo on a cable between two ports; `nil` for a perfect (bit-exact) cable.
    var fault: CableFault?

    // Phone end.
    /// The phone end's hook switch as it is now (closed loop = off hook).
    var loopClosed = false
    /// The frame until which the phone end holds the loop open for a flash (`nil`: no flash).
    var flashUntil: Int?

    // Exchange end.
    /// The ring cadence in frames (on, off, on, off, …), or `nil` when not ringing.
    var ringCadence: [Int]?
    var ringStartFrame = 0
    /// The frame until which battery is removed (kewlstart disconnect / loop-current drop).
    var batteryOffUntil: Int?
    /// Battery removed until restored by hand (a virtual exchange's disconnect).
    var batteryOffIndefinitely = false
    var polarityReversed = false

    // What each end last saw, to report edges.
    var sawRingVoltage = false
    var sawBattery = true
    var sawPolarityReversed = false
    /// The exchange end's debounced view of the loop.
    var reportedLoopClosed = false
    /// The frame at which the loop opened while reported closed (flash timing).
    var loopOpenedAt: Int?

    init(exchangeEnd: End, phoneEnd: End) {
        self.exchangeEnd = exchangeEnd
        self.phoneEnd = phoneEnd
    }

    /// Whether ringing voltage is on the line at `frame`.
    func ringVoltage(at frame: Int) -> Bool {
        guard let cadence = ringCadence, !cadence.isEmpty else { return false }
        let period = cadence.reduce(0, +)
        guard period > 0 else { return true }
        var t = (frame - ringStartFrame) % period
        for (i, length) in cadence.enumerated() {
            if t < length { return i % 2 == 0 }
            t -= length
        }
        return false
    }

    /// Whether loop current can flow (battery applied).
    func batteryOn(at frame: Int) -> Bool {
        if batteryOffIndefinitely { return false }
        if let until = batteryOffUntil, frame < until { return false }
        return true
    }

    /// Whether the loop is closed at `frame`, counting a flash in progress.
    func effectiveLoopClosed(at frame: Int) -> Bool {
        if let until = flashUntil, frame < until { return false }
        return loopClosed
    }

    /// What the ends noticed during one frame.
    struct Edges: Sendable {
        var toExchange: [LineEvent] = []
        var toPhone: [LineEvent] = []
    }

    /// Advances the loop to `frame` and returns the events each end reports.
    mutating func step(at frame: Int, timing: SimulatedCard.Timing) -> Edges {
        var edges = Edges()
        if let until = flashUntil, frame >= until { flashUntil = nil }
        if let until = batteryOffUntil, frame >= until { batteryOffUntil = nil }
        let closed = effectiveLoopClosed(at: frame)

        // Ring trip: the phone answers while ringing.
        if closed && ringCadence != nil {
            ringCadence = nil
        }
        // Exchange end: hook edges, with an open shorter than the flash time reported as a flash.
        if closed {
            if !reportedLoopClosed {
                reportedLoopClosed = true
                edges.toExchange.append(.offHook)
            } else if let opened = loopOpenedAt {
                loopOpenedAt = nil
                if frame - opened >= timing.flashMinimumFrames { edges.toExchange.append(.flash) }
            }
        } else if reportedLoopClosed {
            if let opened = loopOpenedAt {
                if frame - opened >= timing.flashMaximumFrames {
                    loopOpenedAt = nil
                    reportedLoopClosed = false
                    edges.toExchange.append(.onHook)
                }
            } else {
                loopOpenedAt = frame
            }
        }

        // Ringer steps at the exchange end; ring begin / ring at the phone end.
        let voltage = ringVoltage(at: frame)
        if voltage != sawRingVoltage {
            edges.toExchange.append(voltage ? .ringerOn : .ringerOff)
            edges.toPhone.append(voltage ? .ringBegin : .ringDetected)
            sawRingVoltage = voltage
        }
        // Battery and polarity at the phone end.
        let battery = batteryOn(at: frame)
        if battery != sawBattery {
            if !battery && closed { edges.toPhone.append(.loopCurrentDrop) }
            sawBattery = battery
        }
        if polarityReversed != sawPolarityReversed {
            edges.toPhone.append(.polarityReversal)
            sawPolarityReversed = polarityReversed
        }
        return edges
    }
}
