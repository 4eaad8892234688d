import IVRRuntime
import IVRScript
import Testing

let inputScript = """
    input account
      prompt "enter"
      digits 4 to 6
      end key #
      timeout 5s
      between keys 3s
      on no-match play "too-short"
      on no-match 3 hangup
      on no-input 2 hangup
      on done goto check
    step check
      say digits account
      hangup
    """

@Suite struct InputTests {
    @Test func endKeyFinishesTheNumber() throws {
        var h = try Harness(inputScript)
        h.start()
        #expect(h.actions.first == .collectDigits(maximum: 6, endKey: "#"))
        h.finishPrompt()
        h.press("1234#")
        #expect(h.call.variables["account"] == "1234")
        #expect(h.lastPlayed == ["en/digits/1", "en/digits/2", "en/digits/3", "en/digits/4"])
    }

    @Test func maximumLengthFinishesWithoutEndKey() throws {
        var h = try Harness(inputScript)
        h.start()
        h.press("987654")  // barge-in, six digits
        #expect(h.transcript.events.contains(.collected(name: "account", value: "987654")))
        #expect(h.transcript.blocksEntered == ["account", "check"])
    }

    @Test func pauseBetweenKeysFinishesWhenLongEnough() throws {
        var h = try Harness(inputScript)
        h.start()
        h.finishPrompt()
        h.press("12345")
        h.advance(by: .milliseconds(2999))
        #expect(h.call.variables["account"] == nil)
        h.advance(by: .milliseconds(1))
        #expect(h.call.variables["account"] == "12345")
    }

    @Test func tooFewDigitsIsANoMatch() throws {
        var h = try Harness(inputScript)
        h.start()
        h.finishPrompt()
        h.press("12#")
        #expect(h.transcript.events.contains(.noMatch(keys: "12", count: 1)))
        #expect(h.lastPlayed == ["en/too-short"])
        h.finishPrompt()
        #expect(h.lastPlayed == ["en/enter"], "no short prompt: the prompt repeats")
        h.finishPrompt()
        h.press("12")
        h.advance(by: .seconds(3))
        #expect(h.transcript.events.contains(.noMatch(keys: "12", count: 2)))
    }

    @Test func silenceTwiceHangsUp() throws {
        var h = try Harness(inputScript)
        h.start()
        h.finishPrompt()
        h.advance(by: .seconds(5))
        h.finishPrompt()
        h.advance(by: .seconds(5))
        #expect(h.transcript.events.filter { if case .noInput = $0 { true } else { false } }.count == 2)
        #expect(h.endReason == .hangup)
    }

    @Test func keysOutsideMenusAreIgnored() throws {
        var h = try Harness("""
            step s
              play "long-message"
              hangup
            """)
        h.start()
        #expect(h.playing?.bargeIn == false)
        h.press("5")
        #expect(h.endReason == nil)
        h.finishPrompt()
        #expect(h.endReason == .hangup)
    }
}
