import Testing
import TelephonyDSP

@Suite("ToneSpec: libtonezone's tone string format")
struct ToneSpecTests {
    @Test("cadenced single and dual tones")
    func cadenced() throws {
        let busy = try ToneSpec(parsing: "450/350,0/350")
        #expect(busy.segments == [
            .init(frequencies: [450], durationMS: 350),
            .init(frequencies: [], durationMS: 350),
        ])
        #expect(busy.cadenceMS == [350, 350])
        #expect(!busy.isContinuous)
        let us = try ToneSpec(parsing: "480+620/500,0/500")
        #expect(us.segments[0].frequencies == [480, 620])
        #expect(us.frequencies == [480, 620])
        #expect(try ToneSpec(parsing: "440+480/2000,0/4000").cadenceMS == [2000, 4000])
    }

    @Test("no duration means continuous")
    func continuous() throws {
        let dial = try ToneSpec(parsing: "350+440")
        #expect(dial.isContinuous)
        #expect(dial.segments[0].durationMS == nil)
        #expect(dial.cadenceMS.isEmpty)
    }

    @Test("one-shot segments: the loop restarts at the first segment without '!'")
    func oneShot() throws {
        let sit = try ToneSpec(parsing: "!950/330,!1400/330,!1800/330,0")
        #expect(sit.loopStart == 3)
        #expect(sit.segments[3].isSilent && sit.segments[3].durationMS == nil)
        let stutter = try ToneSpec(parsing: "!350+440/100,!0/100,350+440")
        #expect(stutter.loopStart == 2 && stutter.isContinuous)
        #expect(try ToneSpec(parsing: "!425/200,!0/200").loopStart == nil)
        // A call-waiting pattern whose loop has several bursts merges like parts.
        #expect(try ToneSpec(parsing: "!425/200,!0/200,425/200,0/200,425/200,0/5000").cadenceMS == [200, 200, 200, 5000])
    }

    @Test("modulation, -20 dB segments, three summed tones, and libtonezone's missing commas")
    func extensions() throws {
        let am = try ToneSpec(parsing: "425*24/400,0/400")
        #expect(am.segments[0].mix == .modulated && am.segments[0].frequencies == [425, 24])
        let low = try ToneSpec(parsing: "425/375,0/375,425@/375,0/375")
        #expect(low.segments[2].relativeLevel == -20)
        #expect(try ToneSpec(parsing: "350+375+400").segments[0].frequencies == [350, 375, 400])
        let joined = try ToneSpec(parsing: "!400/100!0/100,400")
        #expect(joined.segments.count == 3 && joined.segments[1].isSilent && joined.segments[1].isOneShot)
        #expect(try ToneSpec(parsing: "450/1000,0/4000,").segments.count == 2)
    }

    @Test("every form round-trips through description",
          arguments: ["450", "450/350,0/350", "!950/330,!1400/330,!1800/330,0", "425*24/400,0/400",
                      "425/375,0/375,425@/375,0/375", "350+375+400", "!350+440/100,!0/100,350+440"])
    func roundTrip(text: String) throws {
        let spec = try ToneSpec(parsing: text)
        #expect(spec.description == text)
        #expect(try ToneSpec(parsing: spec.description) == spec)
    }

    @Test("errors say which segment and what was wrong")
    func errors() {
        func reason(_ s: String) -> ToneSpecError? {
            do { _ = try ToneSpec(parsing: s); return nil } catch { return error }
        }
        #expect(reason("")?.reason == .empty)
        #expect(reason("450/350,,0/350")?.segmentIndex == 1)
        #expect(reason("450/abc")?.reason == .badDuration("abc"))
        #expect(reason("450/-5")?.reason == .badDuration("-5"))
        #expect(reason("45x0")?.reason == .unexpectedCharacter("x"))
        #expect(reason("1+2+3+4")?.reason == .tooManyFrequencies)
        #expect(reason("425*24*3")?.reason == .tooManyFrequencies)
        #expect(reason("425+24*3")?.reason == .mixedOperators)
        #expect(reason("+440")?.reason == .badFrequency(""))
        #expect(reason("450/350,99999/10")?.reason == .badFrequency("99999"))
        #expect(reason("450/350,0/35x0")?.description == "tone segment 2 '0/35x0': '35x0' is not a duration in ms (0…60000)")
    }
}
