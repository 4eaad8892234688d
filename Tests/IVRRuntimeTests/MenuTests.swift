import IVRRuntime
import IVRScript
import Testing

let menuScript = """
    menu main
      prompt "main/long"
      short prompt "main/short"
      press 1 goto one
      press 2 goto two
      press 5 play "info/hours"
      timeout 5s
      on no-input play "sorry/silence"
      on no-input 3 goto goodbye
      on no-match play "sorry/invalid"
      on no-match 3 goto goodbye
    step one
      play "one"
      hangup
    step two
      play "two"
      hangup
    step goodbye
      play "bye"
      hangup
    """

@Suite struct MenuTests {
    @Test func longPromptOnEntryAndTimerStartsOnlyWhenItEnds() throws {
        var h = try Harness(menuScript)
        h.start()
        #expect(h.lastPlayed == ["en/main/long"])
        #expect(h.playing?.bargeIn == true)
        #expect(h.timers.isEmpty, "no first-key timer while the prompt plays")
        h.advance(by: .seconds(30))  // a long prompt: no timeout while it plays
        #expect(h.transcript.events.contains(.noInput(count: 1)) == false)
        h.finishPrompt()
        #expect(h.timers.count == 1)
        h.advance(by: .milliseconds(4999))
        #expect(!h.transcript.events.contains(.noInput(count: 1)))
        h.press("2")
        h.finishPrompts()
        #expect(h.transcript.blocksEntered == ["main", "two"])
        #expect(h.played.last == ["en/two"])
        #expect(h.endReason == .hangup)
        #expect(h.actions.last == .hangup(.hangup))
    }

    @Test func bargeInStopsThePromptAndTakesTheChoice() throws {
        var h = try Harness(menuScript)
        h.start()
        guard case .play(_, true, let id) = h.actions.last else {
            Issue.record("expected a barge-in play, got \(h.actions)")
            return
        }
        let reaction = h.send(.digit("1"))
        #expect(reaction.first == .stopPlayback(id))
        #expect(h.transcript.events.contains(.bargedIn))
        #expect(h.transcript.blocksEntered == ["main", "one"])
        // A late "finished" for the stopped prompt changes nothing.
        h.send(.promptFinished(id))
        #expect(h.lastPlayed == ["en/one"])
    }

    @Test func noInputRepromptsShortThenGivesUpOnTheThird() throws {
        var h = try Harness(menuScript)
        h.start()
        for round in 1...2 {
            h.finishPrompt()  // the menu prompt
            h.advance(by: .seconds(5))
            #expect(h.transcript.events.contains(.noInput(count: round)))
            #expect(h.lastPlayed == ["en/sorry/silence"])
            h.finishPrompt()  // the handler's prompt
            #expect(h.lastPlayed == ["en/main/short"], "round \(round) repeats with the short prompt")
        }
        h.finishPrompt()
        h.advance(by: .seconds(5))
        #expect(h.transcript.events.contains(.noInput(count: 3)))
        h.finishPrompts()
        #expect(h.transcript.blocksEntered == ["main", "goodbye"])
        #expect(h.endReason == .hangup)
    }

    @Test func noMatchAndNoInputCountSeparately() throws {
        var h = try Harness(menuScript)
        h.start()
        h.finishPrompt()
        h.press("9")  // no-match 1
        h.finishPrompts()
        h.advance(by: .seconds(5))  // no-input 1
        h.finishPrompts()
        h.press("7")  // no-match 2
        h.finishPrompts()
        h.advance(by: .seconds(5))  // no-input 2
        h.finishPrompts()
        #expect(h.transcript.blocksEntered == ["main"], "two of each is not three of either")
        #expect(h.transcript.events.contains(.noMatch(keys: "7", count: 2)))
        h.press("8")  // no-match 3
        h.finishPrompts()
        #expect(h.transcript.blocksEntered == ["main", "goodbye"])
    }

    @Test func choiceThatComesBackRepeatsTheMenuShort() throws {
        var h = try Harness(menuScript)
        h.start()
        h.finishPrompt()
        h.press("5")
        #expect(h.lastPlayed == ["en/info/hours"])
        #expect(h.playing?.bargeIn == false)
        h.finishPrompt()
        #expect(h.lastPlayed == ["en/main/short"])
        #expect(h.transcript.blocksEntered == ["main"])
    }

    @Test func reenteringAMenuResetsItsCounters() throws {
        var h = try Harness("""
            menu main
              prompt "m"
              press 1 goto main
              press 2 hangup
              on no-match 2 hangup
              on no-input 2 hangup
            """)
        h.start()
        h.press("9")  // no-match 1 (barge-in)
        h.press("1")  // goto main: a fresh visit
        h.press("9")  // no-match 1 again, not 2
        #expect(h.endReason == nil)
        #expect(h.played.filter { $0 == ["en/m"] }.count == 4)  // long, short, long, short
        h.press("9")
        #expect(h.endReason == .hangup)
    }

    @Test func multiKeyChoicesWaitBetweenKeys() throws {
        var h = try Harness("""
            menu main
              prompt "m"
              press 1 goto a
              press 12 goto b
              between keys 2s
              on no-input 1 hangup
              on no-match 1 hangup
            step a
              hangup
            step b
              transfer extension 2001
            """)
        h.start()
        h.press("1")
        #expect(h.transcript.blocksEntered == ["main"], "1 could still become 12")
        h.advance(by: .seconds(2))
        #expect(h.transcript.blocksEntered == ["main", "a"])

        var h2 = try Harness(h.call.script.file.text)
        h2.start()
        h2.press("12")
        #expect(h2.transcript.blocksEntered == ["main", "b"])
        #expect(h2.actions.last == .transfer(.extension, number: "2001"))
        #expect(h2.endReason == .transferred)
    }

    @Test func menuWithoutAnExitIsEndedBySafetyLimit() {
        let file = SourceFile(path: "t.ivr", text: "menu m\n  prompt \"p\"\n  press 1 goto m\n")
        var h = Harness(call: IVRCall(script: Parser().parse(file).script))
        h.start()
        for _ in 0..<IVRCall.safetyRetryLimit {
            h.finishPrompt()
            h.advance(by: .seconds(5))
        }
        #expect(h.endReason == .retriesExhausted)
        #expect(h.actions.last == .hangup(.retriesExhausted))
    }
}
