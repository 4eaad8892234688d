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
