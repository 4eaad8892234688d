import HardwareConfig
import Testing
import TelephonyCore

@Suite struct SystemConfTests {
    @Test func parsesSpansSignallingLawsAndZones() throws {
        let conf = try SystemConf(parsing: """
            # a comment
            span=1,1,0,ccs,hdb3,crc4
            bchan=1-15,17-31 ; trailing comment
            dchan=16
            fxoks = 32-33
            fxsks=34
            cas=35-36:1101
            alaw=1-31
            loadzone=cn
            loadzone=us
            defaultzone=cn
            """, path: "system.conf")
        #expect(conf.spans.map(\.number) == [1])
        #expect(conf.spans[0].kind == .e1 && conf.spans[0].options == ["crc4"])
        #expect(conf.signalling[1] == .clear && conf.signalling[16] == .dChannel && conf.signalling[31] == .clear)
        #expect(conf.signalling[32] == .fxoKewlStart && conf.signalling[34] == .fxsKewlStart)
        #expect(conf.signalling[32]?.portKind == .fxs, "fxoks is an FXS port")
        #expect(conf.casBits[35] == 0b1101)
        #expect(conf.laws[5] == .aLaw && conf.laws[32] == nil)
        #expect(conf.loadZones == ["cn", "us"] && conf.defaultZone == "cn")
    }

    @Test func reportsEveryProblemWithItsPlace() throws {
        let text = """
            span=1,1,0,ccs,b8zs
            fxoks=1-4
            fxoks=4
            fxsk=5
            bchan=7-3
            cas=9:11
            noequals
            """
        do {
            _ = try SystemConf(parsing: text, path: "Hardware/bad/system.conf")
            Issue.record("a malformed system.conf was accepted")
        } catch {
            #expect(error.description == """
                Hardware/bad/system.conf:1:16: error: expected E1 line coding 'hdb3' or 'ami' with 'ccs' framing, found 'b8zs'
                span=1,1,0,ccs,b8zs
                               ^~~~
                Hardware/bad/system.conf:3:1: error: channel 4 is already configured on line 2
                fxoks=4
                ^~~~~
                Hardware/bad/system.conf:4:1: error: unknown key 'fxsk'; did you mean 'fxsks'?
                fxsk=5
                ^~~~
                Hardware/bad/system.conf:5:7: error: expected a range low-high with high ≥ low, found '7-3'
                bchan=7-3
                      ^~~
                Hardware/bad/system.conf:6:7: error: expected four ABCD bits such as 1101, found '11'
                cas=9:11
                      ^~
                Hardware/bad/system.conf:7:1: error: expected 'key=value', e.g. 'fxoks=1-4'
                noequals
                ^~~~~~~~
                """)
        }
    }
}
