import IVRRuntime
import IVRScript
import Testing

let routingScript = """
    languages zh en
    table blacklist "blacklist.csv"
    hours office mon-fri 09:00-18:00, sat 09:00-12:00
    holiday 2026-10-01 to 2026-10-07
    queue service wait 60s
    fax goto fax

    step start
      if caller in blacklist then hangup
      if holiday then goto closed
      if office is closed then goto closed
      goto main
    menu main
      prompt "main"
      press 0 goto agent
      press 9 set language to en then goto main
      on no-input 2 hangup
      on no-match 2 hangup
    step agent
      queue service after survey
      play "busy"
      record message max 60s
      log voicemail message
      hangup
    menu survey
      prompt "rate"
      press 1 log survey 1 then hangup
      on no-input 1 hangup
      on no-match 1 hangup
    step closed
      play "closed"
      hangup
    step fax
      receive fax
    """

let blacklist = CSVTable(text: "number,reason\n13900000000,abuse\n")!

func time(_ date: String, _ hour: Int, _ minute: Int = 0) -> CivilDateTime {
    CivilDateTime(date: CivilDate(date)!, hour: hour, minute: minute)
}

@Suite struct RoutingTests {
    @Test(arguments: [
        ("2026-11-23", 10, true),   // Monday morning
        ("2026-11-23", 18, false),  // Monday 18:00: closing time is exclusive
        ("2026-11-28", 11, true),   // Saturday morning
        ("2026-11-28", 12, false),  // Saturday afternoon
        ("2026-11-29", 10, false),  // Sunday
        ("2026-10-05", 10, false),  // a Monday in the National Day holiday
    ])
    func officeHoursAndHolidays(date: String, hour: Int, open: Bool) throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start(at: time(date, hour))
        #expect(h.transcript.blocksEntered == ["start", open ? "main" : "closed"])
    }

    @Test func blacklistedCallerIsHungUp() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start(caller: "13900000000")
        #expect(h.endReason == .hangup)
        #expect(h.actions == [.hangup(.hangup)])
    }

    @Test func languageSelectionChangesPromptFolder() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        #expect(h.lastPlayed == ["zh/main"])
        h.press("9")
        #expect(h.lastPlayed == ["en/main"])
        var english = try Harness(routingScript, tables: ["blacklist": blacklist])
        english.start(language: "en")
        #expect(english.lastPlayed == ["en/main"])
    }

    @Test func faxToneAtAnyPointGoesToTheFaxBranch() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        guard case .play(_, _, let id) = h.actions.last else { Issue.record("no prompt"); return }
        let reaction = h.send(.faxToneDetected)
        #expect(reaction == [.stopPlayback(id), .receiveFax])
        #expect(h.transcript.blocksEntered == ["start", "main", "fax"])
        #expect(h.endReason == .fax)
    }

    @Test func queueOverflowLeavesAMessage() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        h.press("0")
        #expect(h.actions.last == .queue(name: "service", maximumWait: .seconds(60), callerID: "13800000000"))
        h.send(.queueResult(.overflow))
        #expect(h.lastPlayed == ["zh/busy"])
        h.finishPrompt()
        guard case .record(let id, let maximum, let endKey) = h.actions.last else {
            Issue.record("expected record, got \(String(describing: h.actions.last))")
            return
        }
        #expect(maximum == .seconds(60) && endKey == "#")
        h.send(.recordingFinished(id, file: "/var/spool/offhook/msg-1.wav"))
        #expect(h.actions.suffix(2) == [.log(field: "voicemail", value: "/var/spool/offhook/msg-1.wav"), .hangup(.hangup)])
    }

    @Test func answeredCallGoesToSurveyAfterTheAgent() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        h.press("0")
        h.send(.queueResult(.answered(agent: "agent-1")))
        #expect(h.endReason == nil)
        h.send(.digit("1"))  // keys while talking to the agent are not the script's
        #expect(h.transcript.blocksEntered == ["start", "main", "agent"])
        h.send(.agentCallEnded)
        #expect(h.transcript.blocksEntered.last == "survey")
        h.press("1")
        #expect(h.actions.suffix(2) == [.log(field: "survey", value: "1"), .hangup(.hangup)])
    }

    @Test func callerAbandoningTheQueueEndsTheCall() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        h.press("0")
        let reaction = h.send(.queueResult(.callerAbandoned))
        #expect(reaction.isEmpty)
        #expect(h.endReason == .callerHungUp)
    }

    @Test func hangupMidPromptEndsAndLaterEventsAreIgnored() throws {
        var h = try Harness(routingScript, tables: ["blacklist": blacklist])
        h.start()
        h.send(.hangup)
        #expect(h.endReason == .callerHungUp)
        #expect(h.send(.digit("0")).isEmpty)
        #expect(h.send(.faxToneDetected).isEmpty)
    }
}
