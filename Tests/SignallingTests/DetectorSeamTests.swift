import Signalling
import TelephonyDSP
import Testing

/// Real audio through the real call-progress detector into the FXO state machine.
@Suite("Detector results drive the state machines")
struct DetectorSeamTests {
    /// Feeds `seconds` of a zone tone to the detector, 160 samples a frame, and each event it
    /// reports to the port; returns the actions and when the first non-empty ones came.
    private func feed(_ spec: ToneSpec, zone: ToneZone, seconds: Int, to line: inout FXOPort,
                      from start: Duration) -> (actions: [FXOPort.Action], at: Duration?) {
        var generator = ToneGenerator(spec: spec)
        var detector = CallProgressDetector(zone: zone)
        var frame = [Int16](repeating: 0, count: 160)
        var actions: [FXOPort.Action] = []
        var firstAt: Duration?
        for i in 0..<(seconds * 50) {
            let now = start + .milliseconds(20 * i)
            _ = frame.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
            guard let event = frame.withUnsafeBufferPointer({ detector.process($0) }),
                  let input = FXOPort.Input(event) else { continue }
            let more = line.handle(input, at: now)
            if firstAt == nil && !more.isEmpty { firstAt = now }
            actions += more
        }
        return (actions, firstAt)
    }

    @Test(arguments: [("busy", DetectedTone.busy), ("congestion", .congestion)])
    func chinaBusyAndCongestionToneEndTheCall(name: String, tone: DetectedTone) throws {
        let zone = ToneZone.china
        let spec = try #require(name == "busy" ? zone.busy : zone.congestion)
        var line = FXOPort(configuration: .init(ringCadence: try #require(RingCadence(zone: zone)), callerID: .none,
                                                disconnect: .init(loopCurrentDrop: false, tones: [.busy, .congestion])))
        _ = line.handle(.line(.ringDetected), at: .zero)
        _ = line.handle(.answer, at: .milliseconds(100))
        let (actions, at) = feed(spec, zone: zone, seconds: 6, to: &line, from: .seconds(1))
        #expect(actions == [.report(.farEndDisconnected(.tone(tone))), .setHook(.onHook)])
        let after = try #require(at) - .seconds(1)
        #expect(after < .seconds(4), "recognised after \(after)")
        print("China \(name) tone: FXO hung up \(after) after the tone began")
    }

    @Test func dialToneStartsDialling() throws {
        let zone = ToneZone.unitedStates
        var line = FXOPort(configuration: .init(ringCadence: try #require(RingCadence(zone: zone))))
        _ = line.handle(.dial("5551234"), at: .zero)
        let (actions, _) = feed(try #require(zone.dial), zone: zone, seconds: 3, to: &line, from: .zero)
        #expect(actions == [.sendDigits("5551234"), .report(.dialling("5551234"))])
    }

    @Test func ringbackDoesNotEndTheCall() throws {
        let zone = ToneZone.china
        var line = FXOPort(configuration: .init(callerID: .none, disconnect: .init(tones: [.busy, .congestion])))
        _ = line.handle(.line(.ringDetected), at: .zero)
        _ = line.handle(.answer, at: .zero)
        let (actions, _) = feed(try #require(zone.ringback), zone: zone, seconds: 12, to: &line, from: .zero)
        #expect(actions.isEmpty)
        #expect(line.state == .connected)
    }

    @Test func zoneCadencesAndToneNamesMap() {
        #expect(RingCadence(zone: .china) == .china)
        #expect(RingCadence(zone: .unitedStates) == .northAmerica)
        #expect(FXOPort.Input(CallProgressEvent(tone: .busy, isOn: false, samplePosition: 0)) == nil)
    }
}
