import IVRRuntime
import IVRScript
import Testing

/// Walks every branch of the example scripts in IVRScripts/, as they are shipped.
@Suite struct ExampleScriptTests {
    static let folder: String = {
        let file = #filePath
        return String(file[..<file.range(of: "/Tests/")!.lowerBound]) + "/IVRScripts"
    }()

    func load(_ name: String) throws -> Harness {
        let loaded = ScriptLoader().load(path: Self.folder + "/" + name)
        try #require(loaded.isUsable, "\(loaded.diagnostics)")
        try #require(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.promptDirectory == Self.folder + "/prompts")
        return Harness(call: IVRCall(script: loaded.script!, tables: loaded.tables))
    }

    /// Starts a hotline call and picks a language (1 = zh, 2 = en).
    func hotline(language key: String = "1", at time: CivilDateTime = time("2026-11-23", 10)) throws -> Harness {
        var h = try load("hotline.ivr")
        h.start(at: time)
        #expect(h.lastPlayed == ["zh/lang/choose"])
        h.press(key)
        #expect(h.lastPlayed == [key == "1" ? "zh/main/menu" : "en/main/menu"])
        return h
    }

    @Test func balanceByAccountNumberInEnglish() throws {
        var h = try hotline(language: "2")
        h.press("1")
        h.finishPrompt()
        h.press("12345678#")
        #expect(h.lastPlayed == ["en/balance/your-balance"])
        h.finishPrompt()
        #expect(h.lastPlayed == ["en/digits/1", "en/digits/thousand", "en/digits/2", "en/digits/hundred", "en/digits/30",
                                 "en/digits/4", "en/money/dollars", "en/digits/50", "en/money/cents"])
        h.finishPrompt()
        #expect(h.actions.contains(.log(field: "balance-enquiry", value: "12345678")))
        #expect(h.transcript.blocksEntered == ["start", "choose-language", "main", "account", "balance", "main"])
    }

    @Test func unknownAccountAndTooShortNumber() throws {
        var h = try hotline()
        h.press("1")
        h.finishPrompt()
        h.press("123#")
        #expect(h.lastPlayed == ["zh/balance/too-short"])
        h.finishPrompts()
        #expect(h.lastPlayed == ["zh/balance/enter-account-short"])
        h.press("55555555#")
        #expect(h.lastPlayed == ["zh/balance/unknown"])
        h.finishPrompt()
        #expect(h.transcript.blocksEntered.last == "main")
    }

    @Test func reportAFaultThenSurvey() throws {
        var h = try hotline()
        h.press("2")
        h.finishPrompt()
        guard case .record(let id, let maximum, _) = h.actions.last else { Issue.record("no record"); return }
        #expect(maximum == .seconds(120))
        h.send(.recordingFinished(id, file: "fault-1.wav"))
        h.finishPrompt()
        #expect(h.transcript.blocksEntered.last == "survey")
        h.press("1")
        h.finishPrompts()
        #expect(h.actions.contains(.log(field: "fault-recording", value: "fault-1.wav")))
        #expect(h.actions.contains(.log(field: "survey", value: "1")))
        #expect(h.endReason == .hangup)
    }

    @Test func agentBusyOverflowsToLeaveAMessage() throws {
        var h = try hotline()
        h.press("0")
        h.finishPrompt()
        #expect(h.actions.last == .queue(name: "service", maximumWait: .seconds(90), callerID: "13800000000"))
        h.send(.queueResult(.overflow))
        h.finishPrompts()
        #expect(h.transcript.blocksEntered.last == "message")
        guard case .record(let id, let maximum, _) = h.actions.last else { Issue.record("no record"); return }
        #expect(maximum == .seconds(180))
        h.send(.recordingFinished(id, file: "vm-1.wav"))
        h.finishPrompts()
        #expect(h.endReason == .hangup)
        #expect(h.transcript.blocksEntered == ["start", "choose-language", "main", "agent", "message", "goodbye"])
    }

    @Test func agentAnswersThenSurvey() throws {
        var h = try hotline()
        h.press("0")
        h.finishPrompt()
        h.send(.queueResult(.answered(agent: "fxs-3")))
        h.send(.agentCallEnded)
        #expect(h.transcript.blocksEntered.last == "survey")
    }

    @Test func afterHoursGoesStraightToMessage() throws {
        var h = try hotline(at: time("2026-11-29", 15))  // a Sunday
        h.press("0")
        #expect(h.lastPlayed == ["zh/agent/closed"])
        h.finishPrompt()
        #expect(h.transcript.blocksEntered.last == "message")
    }

    @Test func silenceOnLanguageMenuDefaultsToChinese() throws {
        var h = try load("hotline.ivr")
        h.start()
        h.finishPrompt()
        h.advance(by: .seconds(4))
        #expect(h.lastPlayed == ["zh/main/menu"])
    }

    @Test func invalidKeysThreeTimesSayGoodbye() throws {
        var h = try hotline()
        for key in ["7", "8", "#"] {
            h.press(key)
            h.finishPrompts()
        }
        #expect(h.transcript.events.contains(.noMatch(keys: "#", count: 3)))
        #expect(h.endReason == .hangup)
        #expect(h.played.suffix(1) == [["zh/common/goodbye"]])
    }

    @Test func blacklistedCallerIsRefused() throws {
        var h = try load("hotline.ivr")
        h.start(caller: "13900000000")
        #expect(h.actions == [.hangup(.hangup)])
    }

    @Test func faxToneOnTheHotlineReceivesTheFax() throws {
        var h = try hotline()
        h.send(.faxToneDetected)
        #expect(h.actions.suffix(2) == [.log(field: "fax-received", value: "13800000000"), .receiveFax])
        #expect(h.endReason == .fax)
    }

    @Test func faxLineReceivesFaxOrPassesAPersonToAnAgent() throws {
        var fax = try load("fax.ivr")
        fax.start()
        fax.finishPrompt()  // the line announces itself, then pauses
        fax.advance(by: .seconds(2))
        fax.send(.faxToneDetected)
        #expect(fax.endReason == .fax)

        var person = try load("fax.ivr")
        person.start()
        person.finishPrompt()
        person.advance(by: .seconds(5))
        #expect(person.lastPlayed == ["en/fax/press-0-for-agent"])
        person.press("0")
        #expect(person.actions.last == .queue(name: "service", maximumWait: .seconds(60), callerID: "13800000000"))
    }
}
