import Testing
import TelephonyDSP
import ToneZones

@Suite("libtonezone zones as ToneZone values")
struct ToneZonesTests {
    @Test("China: busy 450/350,0/350, congestion 700/700, ringback 1000/4000")
    func china() throws {
        let cn = try ToneZones.zone("cn")
        #expect(cn.name == "China")
        #expect(cn.busy?.description == "450/350,0/350")
        #expect(cn.busy?.cadenceMS == [350, 350])
        #expect(cn.congestion?.cadenceMS == [700, 700])
        #expect(cn.ringback?.cadenceMS == [1000, 4000])
        #expect(cn.dial?.isContinuous == true)
        #expect(cn.dial?.frequencies == [450])
        #expect(cn.ringCadenceMS == [1000, 4000])
        #expect(cn.dtmfHighLevel == -11 && cn.dtmfLowLevel == -9)
    }

    @Test("us, uk, de are present with their dial tones")
    func majorZones() throws {
        #expect(try ToneZones.zone("us").dial?.frequencies == [350, 440])
        #expect(try ToneZones.zone("uk").dial?.frequencies == [350, 440])
        #expect(try ToneZones.zone("de").dial?.frequencies == [425])
        #expect(try ToneZones.zone("de").busy?.cadenceMS == [480, 480])
    }

    @Test("every built-in zone reads, and every tone string round-trips through the parser")
    func everyZone() throws {
        let zones = try ToneZones.all()
        #expect(zones.count >= 40)
        #expect(Set(zones.map(\.code)).isSuperset(of: ["us", "cn", "uk", "de", "fr", "jp", "au"]))
        for zone in zones {
            #expect(zone.dial != nil, "zone \(zone.code) has no dial tone")
            #expect(zone.busy != nil, "zone \(zone.code) has no busy tone")
            for spec in [zone.dial, zone.busy, zone.ringback, zone.congestion, zone.callWaiting,
                         zone.info, zone.stutter, zone.dialRecall, zone.record].compactMap({ $0 }) {
                #expect(try ToneSpec(parsing: spec.description) == spec)
            }
        }
    }

    @Test("an unknown zone is a clear error")
    func unknownZone() {
        #expect(throws: ToneZones.Failure.unknownZone("xx")) { try ToneZones.zone("xx") }
    }

    @Test("the DSP's built-in China and US zones match libtonezone")
    func builtInsMatch() throws {
        for builtIn in [ToneZone.china, ToneZone.unitedStates] {
            let lib = try ToneZones.zone(builtIn.code)
            #expect(lib.dial == builtIn.dial)
            #expect(lib.busy == builtIn.busy)
            #expect(lib.ringback == builtIn.ringback)
            #expect(lib.congestion == builtIn.congestion)
            #expect(lib.ringCadenceMS == builtIn.ringCadenceMS)
        }
    }
}

@Suite("CallProgressDetector driven by libtonezone zones")
struct ZoneDetectionTests {
    /// 300 ms of silence, then the zone's own tone from ToneGenerator for two periods (≥ 3.5 s).
    static func play(_ spec: ToneSpec, level: Double) -> [Int16] {
        let period = spec.cadenceMS.reduce(0, +)
        let ms = max(3500, 2 * period + 500)
        var generator = ToneGenerator(spec: spec, level: level)
        var out = [Int16](repeating: 0, count: 2400 + ms * 8)
        out.withUnsafeMutableBufferPointer { buffer in
            _ = generator.generate(into: UnsafeMutableBufferPointer(rebasing: buffer[2400...]))
        }
        return out
    }

    /// The tone a detector can name for `tone`: where a zone's congestion cadence is its busy
    /// cadence repeated (jp, hu, pl, mx, my, pa, cr; au's differs only by a −20 dB burst), the
    /// two are the same signal and the detector says busy.
    static func expected(_ tone: CallProgressTone, in zone: ToneZone) -> CallProgressTone {
        guard tone == .congestion, let busy = zone.busy?.cadenceMS, let congestion = zone.congestion?.cadenceMS,
              !busy.isEmpty, congestion.count % busy.count == 0 else { return tone }
        let repeated = (0..<congestion.count / busy.count).flatMap { _ in busy }
        return repeated == congestion ? .busy : tone
    }

    @Test("dial, busy, ringback and congestion of every libtonezone zone are recognised")
    func everyZone() throws {
        var recognised = 0, total = 0
        for zone in try ToneZones.all() {
            let tones: [(CallProgressTone, ToneSpec?)] = [(.dial, zone.dial), (.busy, zone.busy),
                                                          (.ringback, zone.ringback), (.congestion, zone.congestion)]
            for (tone, spec) in tones {
                guard let spec else { continue }
                total += 1
                var detector = CallProgressDetector(zone: zone)
                let samples = Self.play(spec, level: -15)
                var onsets: [CallProgressTone] = []
                samples.withUnsafeBufferPointer { buffer in
                    var i = 0
                    while i < buffer.count {
                        let n = min(160, buffer.count - i)
                        if let e = detector.process(UnsafeBufferPointer(rebasing: buffer[i..<i + n])), e.isOn {
                            onsets.append(e.tone)
                        }
                        i += n
                    }
                }
                let want = Self.expected(tone, in: zone)
                // Spain's congestion contains its busy cadence: busy first, then congestion.
                #expect(onsets.last == want && onsets.allSatisfy { $0 == want || $0 == .busy },
                        "\(zone.code) \(tone) \(spec): \(onsets)")
                if onsets.last == want { recognised += 1 }
            }
        }
        #expect(recognised == total && total >= 180, "\(recognised)/\(total)")
    }
}
